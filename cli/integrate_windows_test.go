package cli_test

import (
	"strings"
	"testing"
)

// A dry run reads the person's registry and changes nothing.
func TestInstallDryRunWindows(t *testing.T) {
	h := newHome(t, "start_at_login = true\n")
	r := h.run("", "install", "--dry-run")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("install --dry-run: %v", r)
	}
	for _, want := range []string{
		`register HKCU\Software\Classes\tel for Pingwise`,
		`write HKCU\Software\RegisteredApplications Pingwise`,
		`write HKCU\Software\Microsoft\Windows\CurrentVersion\Run Pingwise`,
		"dry run: nothing was changed\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the plan has no line %q:\n%s", want, r.stdout)
		}
	}
	r = h.run("", "uninstall", "--dry-run")
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "Pingwise is not installed: nothing to do\n") {
		t.Errorf("uninstall --dry-run after a dry install: %v", r)
	}
	if r := h.run("", "install", "now"); r.code != 2 {
		t.Errorf("install now: %v", r)
	}
}
