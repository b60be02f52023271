package wayland

import (
	"os/exec"
	"strings"
	"testing"
)

func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		spec, sway, hyprMods, hyprKey, portal string
	}{
		{"Ctrl+Shift+Space", "Ctrl+Shift+space", "CTRL SHIFT", "space", "CTRL+SHIFT+space"},
		{"super+alt+k", "Mod1+Mod4+k", "ALT SUPER", "k", "ALT+LOGO+k"},
		{"F5", "F5", "", "F5", "F5"},
		{"Ctrl+PageUp", "Ctrl+Prior", "CTRL", "Prior", "CTRL+Prior"},
		{"Ctrl+Backspace", "Ctrl+BackSpace", "CTRL", "BackSpace", "CTRL+BackSpace"},
		{"Ctrl+7", "Ctrl+7", "CTRL", "7", "CTRL+7"},
		{"Ctrl+F24", "Ctrl+F24", "CTRL", "F24", "CTRL+F24"},
		{"Ctrl+[", "Ctrl+bracketleft", "CTRL", "bracketleft", "CTRL+bracketleft"},
	} {
		k, err := ParseKeys(tc.spec)
		if err != nil {
			t.Errorf("%q: %v", tc.spec, err)
			continue
		}
		mods, key := k.Hyprland()
		if k.Sway() != tc.sway || mods != tc.hyprMods || key != tc.hyprKey || k.Portal() != tc.portal {
			t.Errorf("%q: sway %q, hyprland %q %q, portal %q", tc.spec, k.Sway(), mods, key, k.Portal())
		}
	}
	for _, bad := range []string{"", "Space", "Ctrl+Nope", "Ctrl+A+B"} {
		if _, err := ParseKeys(bad); err == nil || !strings.HasPrefix(err.Error(), "hotkey: ") {
			t.Errorf("%q: %v, want a hotkey error", bad, err)
		}
	}
}

func TestAskCommand(t *testing.T) {
	for _, tc := range []struct {
		exe, home, want, err string
	}{
		{"/usr/bin/pingwise", "", `'/usr/bin/pingwise' 'ask'`, ""},
		{"/opt/my apps/pingwise", "/home/o'neil/pw", `'/opt/my apps/pingwise' '--home' '/home/o'\''neil/pw' 'ask'`, ""},
		{"pingwise", "", "", "must be absolute"},
		{"/usr/bin/pingwise", "/tmp/a\nb", "", "control character"},
	} {
		args, err := AskArgs(tc.exe, tc.home)
		line := ""
		if err == nil {
			line, err = ShellLine(args)
		}
		if line != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%q %q: %q, %v; want %q, %q", tc.exe, tc.home, line, err, tc.want, tc.err)
		}
	}
}

// TestShellLineRoundTrip runs the line through /bin/sh, as a compositor's
// exec does, and checks every argument arrives whole.
func TestShellLineRoundTrip(t *testing.T) {
	args := []string{"printf", "%s|", "a b", "it's", `$HOME`, "`x`", `\`, "*", ";", ","}
	line, err := ShellLine(args)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/bin/sh", "-c", line).Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(args[2:], "|") + "|"; string(out) != want {
		t.Errorf("sh gave %q, want %q", out, want)
	}
}
