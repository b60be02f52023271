package cli

import "flag"

// CommandFlags lists every registered command with the flags it defines. It
// lives in an internal test file so that the help test (package cli_test)
// checks the help against what is really registered, not against a list
// that could go stale when a command or flag is added.
func CommandFlags() map[string][]string {
	m := make(map[string][]string, len(commands))
	for name, c := range commands {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		c.setup(fs)
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		m[name] = names
	}
	return m
}
