package cli_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pingwise/pingwise/cli"
)

// documented are the commands and flags the issue promises. The registry
// (cli.CommandFlags) is checked too, so a command added later must also be
// in the help; this list catches one dropped by mistake.
var documented = map[string][]string{
	"start":    {"intent"},
	"pause":    nil,
	"resume":   nil,
	"stop":     {"break"},
	"break":    nil,
	"status":   {"json"},
	"log":      {"outgoing", "taken", "deferred", "people", "who", "note", "at"},
	"stats":    {"week", "json", "csv", "show"},
	"export":   {"format"},
	"import":   nil,
	"calendar": {"name", "user", "password-stdin", "me"},
	"meetings": {"week", "json"},
}

func TestHelpListsEveryCommand(t *testing.T) {
	t.Parallel()
	registered := cli.CommandFlags()
	for name := range documented {
		if _, ok := registered[name]; !ok {
			t.Errorf("command %q is not registered", name)
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		h := newHome(t, "")
		r := h.run("", args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("pingwise %v: %v", args, r)
		}
		for name := range registered {
			// Each command on a line of its own with its summary, as
			// printHelp lays them out.
			if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(name) + ` +\S`).MatchString(r.stdout) {
				t.Errorf("pingwise %v does not list command %q:\n%s", args, name, r.stdout)
			}
		}
		for _, global := range []string{"--home", "--version", "PINGWISE_HOME"} {
			if !strings.Contains(r.stdout, global) {
				t.Errorf("pingwise %v does not mention %s", args, global)
			}
		}
	}
}

func TestCommandHelpListsEveryFlag(t *testing.T) {
	t.Parallel()
	for name, flags := range cli.CommandFlags() {
		flags = append(slices.Clone(flags), documented[name]...)
		for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {"help", name}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				r := newHome(t, "").run("", args...)
				if r.code != 0 || r.stderr != "" {
					t.Fatalf("%v", r)
				}
				if !strings.HasPrefix(r.stdout, "Usage: pingwise "+name) {
					t.Errorf("help does not start with the usage line:\n%s", r.stdout)
				}
				for _, f := range flags {
					// A flag line: "--name", its value's name if any,
					// then a description; the synopsis alone does not
					// count, nor a flag listed without words.
					re := regexp.MustCompile(`(?m)^  --` + regexp.QuoteMeta(f) + `( \S+)? {2,}\S`)
					if !re.MatchString(r.stdout) {
						t.Errorf("help does not explain --%s:\n%s", f, r.stdout)
					}
				}
			})
		}
	}
}

// Help must not depend on a usable home: it is what a person reads when
// something is wrong.
func TestHelpNeedsNoHome(t *testing.T) {
	t.Parallel()
	h := newHome(t, "this is = not TOML")
	h.write("pingwise.db", "not a database")
	for _, args := range [][]string{{"--help"}, {"status", "--help"}, {"--version"}} {
		if r := h.run("", args...); r.code != 0 || r.stdout == "" || r.stderr != "" {
			t.Errorf("pingwise %v: %v", args, r)
		}
	}
}
