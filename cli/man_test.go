package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/cli"
)

// The manual page has every command of the table, the README's reference
// sections, and man renders it without a warning.
func TestManPage(t *testing.T) {
	notOnWindows(t, "it reads the README from the source tree")
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cli.WriteMan(&b, string(readme), "v0.1.0", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.HasPrefix(page, `.TH PINGWISE 1 "2026-12-01" "pingwise v0.1.0"`) {
		t.Errorf("header %q", strings.SplitN(page, "\n", 2)[0])
	}
	for name, flags := range cli.CommandFlags() {
		if !strings.Contains(page, `.SS "pingwise `+name) {
			t.Errorf("no command %s", name)
		}
		for _, f := range flags {
			if !strings.Contains(page, `\fB\-\-`+strings.ReplaceAll(f, "-", `\-`)+`\fR`) {
				t.Errorf("no flag %s --%s", name, f)
			}
		}
	}
	for _, want := range []string{".SH STATUS BARS", ".SH FILES", "return\\-type", "settings.toml", ".SH DESCRIPTION\n.PP\nPingwise guards your focus"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if err := cli.WriteMan(&b, "# Pingwise\n", "v0.1.0", time.Now()); err == nil {
		t.Error("a README without its reference sections should be an error, not a thin page")
	}

	man := needProgram(t, "man")
	p := filepath.Join(t.TempDir(), "pingwise.1")
	if err := os.WriteFile(p, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(man, "--warnings", "-l", p)
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("man -l: %v: %s", err, stderr.String())
	}
	for _, want := range []string{"pingwise status [--json] [--watch] [--format text|json|waybar]", "--watch"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
}
