package gnome

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Install puts the extension in place and enables it, and adds the
// keybinding only where the portal cannot bind the key; Uninstall takes
// both away and leaves the person's own.
func TestInstallUninstall(t *testing.T) {
	for _, tc := range []struct {
		name       string
		shell      int
		portal     bool
		dryRun     bool
		keybinding bool
	}{
		{"GNOME 43, no portal", 43, false, false, true},
		{"GNOME 47 with a portal without GlobalShortcuts", 47, true, false, true},
		{"GNOME 48 with the portal", 48, true, false, false},
		{"GNOME 48 whose portal does not answer", 48, false, false, true},
		{"dry run", 43, false, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := keyfileSettings(t)
			data := t.TempDir()
			var out strings.Builder
			st := Setup{DataHome: data, Exe: "/usr/bin/pingwise", Hotkey: "Ctrl+Shift+Space", Shell: tc.shell, Portal: tc.portal, DryRun: tc.dryRun}
			if err := s.Install(st, &out); err != nil {
				t.Fatal(err)
			}
			_, err := os.Stat(filepath.Join(ExtensionDir(data), "extension.js"))
			if installed := err == nil; installed == tc.dryRun {
				t.Errorf("extension installed: %v (dry run %v)", installed, tc.dryRun)
			}
			enabled := s.enabled(t)
			if slices.Contains(enabled, ExtensionUUID) == tc.dryRun || !slices.Contains(enabled, "theirs@example.org") {
				t.Errorf("enabled extensions %v", enabled)
			}
			if got, err := s.Keybinding(); err != nil || (got != "") != tc.keybinding {
				t.Errorf("keybinding %q (%v), want one: %v", got, err, tc.keybinding)
			}
			if tc.dryRun && !strings.HasPrefix(out.String(), "would ") {
				t.Errorf("dry run said %q", out.String())
			}
			if err := s.Uninstall(data, false, &out); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(ExtensionDir(data)); !os.IsNotExist(err) {
				t.Errorf("extension left after uninstall: %v", err)
			}
			if got, err := s.Keybinding(); err != nil || got != "" {
				t.Errorf("keybinding after uninstall %q, %v", got, err)
			}
			if enabled := s.enabled(t); !slices.Equal(enabled, []string{"theirs@example.org"}) {
				t.Errorf("enabled extensions after uninstall %v", enabled)
			}
		})
	}
}

func (s Settings) enabled(t *testing.T) []string {
	t.Helper()
	out, err := s.run("get", "org.gnome.shell", "enabled-extensions")
	if err != nil {
		t.Fatal(err)
	}
	l, err := parseStrings(out)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
