package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/cli"
)

// needProgram skips without it, unless PINGWISE_E2E asks for every test.
func needProgram(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("PINGWISE_E2E") != "" {
			t.Fatalf("%s is not installed (apt-get install %s)", name, name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// script writes `pingwise completion SHELL` to a file and returns it.
func script(t *testing.T, shell string) string {
	t.Helper()
	h := newHome(t, "")
	out := h.ok("completion", shell)
	p := filepath.Join(t.TempDir(), "pingwise."+shell)
	if err := os.WriteFile(p, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// thisWeek is the ISO week the completions offer first.
func thisWeek() string {
	y, w := time.Now().ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

var weekRE = regexp.MustCompile(`^\d{4}-W\d{2}$`)

// completionCases are command lines and what completing their last word
// must offer (all of want, and nothing failing only).
var completionCases = []struct {
	line string
	want []string
	only func(string) bool // every candidate passes; nil: no check
}{
	{"pingwise st", []string{"start", "stats", "status", "stop"}, nil},
	{"pingwise log ", []string{"call", "chat", "email", "meeting", "in-person", "other"}, nil},
	{"pingwise ask --channel ", []string{"call", "in-person"}, nil},
	{"pingwise status --format ", []string{"text", "json", "waybar"}, nil},
	{"pingwise status --", []string{"--watch", "--format", "--json"}, nil},
	{"pingwise export --format ", []string{"jsonl", "csv"}, nil},
	{"pingwise completion ", []string{"bash", "zsh", "fish"}, nil},
	{"pingwise --home /tmp help ", []string{"advise", "status", "completion"}, nil},
	{"pingwise stats --week ", []string{thisWeek()}, weekRE.MatchString},
	{"pingwise --", []string{"--home", "--version"}, nil},
}

func checkCandidates(t *testing.T, line string, got, want []string, only func(string) bool) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%q offers %q, want %q among them", line, got, w)
		}
	}
	if only != nil {
		for _, g := range got {
			if !only(g) {
				t.Errorf("%q offers %q", line, g)
			}
		}
	}
}

func TestCompletionBash(t *testing.T) {
	notOnWindows(t, "it runs bash")
	f := script(t, "bash")
	for _, c := range completionCases {
		words := strings.Split(c.line, " ")
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, "'"+w+"'")
		}
		prog := fmt.Sprintf(`source %q; COMP_WORDS=(%s); COMP_CWORD=%d; _pingwise; printf '%%s\n' "${COMPREPLY[@]}"`,
			f, strings.Join(quoted, " "), len(words)-1)
		out, err := exec.Command("bash", "--norc", "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v: %s", c.line, err, out)
		}
		checkCandidates(t, c.line, strings.Fields(string(out)), c.want, c.only)
	}
}

func TestCompletionFish(t *testing.T) {
	notOnWindows(t, "it runs fish")
	fish := needProgram(t, "fish")
	f := script(t, "fish")
	for _, c := range completionCases {
		out, err := exec.Command(fish, "--no-config", "-c", fmt.Sprintf("source %q; complete -C %q", f, c.line)).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v: %s", c.line, err, out)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			w, _, _ := strings.Cut(l, "\t")
			got = append(got, w)
		}
		checkCandidates(t, c.line, got, c.want, c.only)
	}
}

func TestCompletionZsh(t *testing.T) {
	notOnWindows(t, "it runs zsh")
	zsh := needProgram(t, "zsh")
	f := script(t, "zsh")
	if out, err := exec.Command(zsh, "-n", f).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v: %s", err, out)
	}
	// The functions it defines load; the weeks it offers are ISO weeks.
	out, err := exec.Command(zsh, "-f", "-c", fmt.Sprintf(`source %q 2>/dev/null; compadd() { shift; print -l ${(P)1}; }; _pingwise_weeks`, f)).CombinedOutput()
	if err != nil {
		t.Fatalf("zsh: %v: %s", err, out)
	}
	weeks := strings.Fields(string(out))
	if len(weeks) != 12 || weeks[0] != thisWeek() || !weekRE.MatchString(weeks[11]) {
		t.Errorf("zsh weeks %q", weeks)
	}
}

// Every command and flag of the table is in every script: none is
// written twice by hand, so none goes missing.
func TestCompletionsCoverTheTable(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		b, err := os.ReadFile(script(t, shell))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for name, flags := range cli.CommandFlags() {
			if !strings.Contains(s, name) {
				t.Errorf("%s: no %s", shell, name)
			}
			for _, f := range flags {
				if !strings.Contains(s, "--"+f) && !strings.Contains(s, "-l "+f) {
					t.Errorf("%s: no %s --%s", shell, name, f)
				}
			}
		}
	}
	h := newHome(t, "")
	r := h.run("", "completion", "tcsh")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown shell "tcsh"`) {
		t.Errorf("completion tcsh: %v", r)
	}
	checkOneLine(t, r.stderr)
}
