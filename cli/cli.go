// Package cli is the pingwise command line: everything the tray can do, for
// scripts, tests and desktops where no app may grab a global key. Commands
// act through the running app when there is one, and on the store directly
// otherwise.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/journal"
	"github.com/pingwise/pingwise/settings"
)

// Version is the program's version when the build sets it (the packages
// do, with -ldflags from git describe); empty, version reads the build
// info Go records.
var Version = ""

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // something failed: the store, the state, the system
	exitUsage = 2 // the command line was wrong
)

// usageError is a mistake in what the person typed.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// invalid marks err, a validation failure, as the person's mistake.
func invalid(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err.Error()}
}

// Env is what commands work with: the standard streams, the folders, and
// what they open on demand.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Clock          focus.Clock
	Secrets        calendar.Secrets // calendar passwords; nil: the desktop's secret store

	homeFlag string
	dirs     home.Dirs
	settings *settings.Settings
	db       *store.DB
}

// Dirs returns the folders Pingwise uses.
func (e *Env) Dirs() home.Dirs { return e.dirs }

// Settings loads the settings file once.
func (e *Env) Settings() (settings.Settings, error) {
	if e.settings == nil {
		s, err := settings.Load(e.dirs.Settings())
		if err != nil {
			return s, err
		}
		e.settings = &s
	}
	return *e.settings, nil
}

// Store opens the database once, synced with the other devices' journals
// when the settings name a sync folder.
func (e *Env) Store() (*store.DB, error) {
	if e.db == nil {
		s, err := e.Settings()
		if err != nil {
			return nil, err
		}
		folder, err := s.SyncDir()
		if err != nil {
			return nil, err
		}
		db, err := store.Open(e.dirs.DB())
		if err != nil {
			return nil, err
		}
		e.db = db
		if folder != "" {
			if err := e.sync(db, folder, s.DeviceName); err != nil {
				return nil, err
			}
		}
	}
	return e.db, nil
}

// sync ties db to the sync folder. A folder out of reach, or a journal
// partly read, is said on stderr and the command goes on: what it logs
// waits in the store.
func (e *Env) sync(db *store.DB, folder, name string) error {
	self, err := journal.LocalID(e.dirs.Data)
	if err != nil {
		return err
	}
	return db.Sync(folder, self, name, func(msg string) { fmt.Fprintln(e.Stderr, "pingwise:", msg) })
}

// Tracker returns a tracker over the store.
func (e *Env) Tracker() (*focus.Tracker, error) {
	s, err := e.Settings()
	if err != nil {
		return nil, err
	}
	db, err := e.Store()
	if err != nil {
		return nil, err
	}
	return focus.NewTracker(db, e.Clock, s.Policy()), nil
}

func (e *Env) close() {
	if e.db != nil {
		e.db.Close()
	}
}

type command struct {
	name    string
	args    string // synopsis after the name
	summary string
	// setup defines the command's flags on fs, each bound to a variable
	// of this one run, and returns what runs the command once they are
	// parsed. The values live in that closure, never in package
	// variables: tests run commands side by side.
	setup func(fs *flag.FlagSet) runner
	// values lists the words a flag takes (by its name) or the positional
	// arguments take (""), for the completions; weekWord stands for ISO
	// weeks, fileWord for a file name.
	values map[string][]string
}

// runner runs a command with its flags parsed and its positional
// arguments.
type runner func(e *Env, args []string) error

// plain is the setup of a command without flags of its own.
func plain(run runner) func(*flag.FlagSet) runner {
	return func(*flag.FlagSet) runner { return run }
}

// isSet reports whether the person typed flag name, whatever its value.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// commands is filled in by the files that define them.
var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// App starts the tray app; main supplies it so that this package needs no
// GUI.
type App func(e *Env) int

// Main runs the command line and returns the exit code. With no command it
// starts the app.
func Main(args []string, e *Env, app App) int {
	if e.Clock == nil {
		e.Clock = focus.SystemClock{}
	}
	defer e.close()
	global := flag.NewFlagSet("pingwise", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&e.homeFlag, "home", "", "")
	version := global.Bool("version", false, "")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(e.Stdout)
			return exitOK
		}
		return fail(e, usagef("%s (see pingwise --help)", clip(err.Error())))
	}
	if *version {
		fmt.Fprintln(e.Stdout, "pingwise", versionString())
		return exitOK
	}
	rest := global.Args()
	if len(rest) == 0 {
		if err := e.resolve(); err != nil {
			return fail(e, err)
		}
		return app(e)
	}
	name, rest := rest[0], rest[1:]
	if name == "help" {
		if len(rest) == 0 {
			printHelp(e.Stdout)
			return exitOK
		}
		name, rest = rest[0], []string{"--help"}
	}
	c, ok := commands[name]
	if !ok {
		return fail(e, usagef("unknown command %s (see pingwise --help)", clip(fmt.Sprintf("%q", name))))
	}
	fs := flag.NewFlagSet("pingwise "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&e.homeFlag, "home", e.homeFlag, "keep data, settings and the socket in `DIR`")
	run := c.setup(fs)
	pos, err := parseFlags(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		c.help(e.Stdout, fs)
		return exitOK
	}
	if err != nil {
		return fail(e, usagef("%s: %s (see pingwise %s --help)", c.name, clip(err.Error()), c.name))
	}
	if err := e.resolve(); err != nil {
		return fail(e, err)
	}
	return fail(e, run(e, pos))
}

func (e *Env) resolve() error {
	d, err := home.Resolve(e.homeFlag)
	e.dirs = d
	return err
}

// fail prints err as one line and returns the exit code it calls for.
func fail(e *Env, err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(e.Stderr, "pingwise:", err)
	var u usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitError
}

// parseFlags parses flags wherever they stand among the positional
// arguments, as people type them: `pingwise start 50m --intent x`. An
// argument such as -5m is taken as a (bad) value, not an unknown flag.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		for len(args) > 0 && !isFlag(args[0]) {
			if args[0] == "--" {
				return append(pos, args[1:]...), nil
			}
			pos = append(pos, args[0])
			args = args[1:]
		}
		if len(args) == 0 {
			return pos, nil
		}
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
	}
}

func isFlag(s string) bool {
	return len(s) > 1 && s[0] == '-' && !(s[1] >= '0' && s[1] <= '9') && s != "--"
}

func (c *command) help(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: pingwise %s %s\n\n%s\n", c.name, c.args, c.summary)
	var lines []string
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		l := "  --" + f.Name
		if name != "" {
			l += " " + name
		}
		l = fmt.Sprintf("%-24s %s", l, usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			l += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		lines = append(lines, l)
	})
	fmt.Fprintf(w, "\nFlags:\n%s\n", strings.Join(lines, "\n"))
}

func printHelp(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprint(w, `Pingwise guards your focus: focus sessions, a "sync or async?" advisor before
you ping or call someone, and weekly stats of the refocus time you saved.

Usage:
  pingwise [--home DIR]            start the tray app
  pingwise COMMAND [flags]         run a command (works with or without the app)

Commands:
`)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-9s %s\n", n, firstLine(c.summary))
	}
	fmt.Fprint(w, `
Run "pingwise COMMAND --help" for a command's flags.

Global flags:
  --home DIR    keep data, settings and the socket in DIR (or set PINGWISE_HOME)
  --version     print the version
`)
}

// clip cuts what echoes a person's input to a readable length: an argument
// can be anything, 100 KB included.
func clip(s string) string {
	const most = 120
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "..."
	}
	return s
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// Run is Main over the process's own streams.
func Run(app App) int {
	return Main(os.Args[1:], &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, app)
}
