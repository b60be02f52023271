package keys

import (
	"strings"
	"testing"
)

const (
	ctrl  = Ctrl
	shift = Shift
	alt   = Alt
	super = Super
)

func TestParse(t *testing.T) {
	good := []struct {
		in        string
		want      Combo
		canonical string
	}{
		{"Ctrl+Shift+Space", Combo{ctrl | shift, 0x20}, "Ctrl+Shift+Space"},
		{"ctrl+alt+p", Combo{ctrl | alt, 'p'}, "Ctrl+Alt+P"},
		{"Super+F9", Combo{super, 0xffc6}, "Super+F9"},
		{"Shift+Return", Combo{shift, 0xff0d}, "Shift+Return"},
		{"shift + enter", Combo{shift, 0xff0d}, "Shift+Return"},
		{"Space+Shift+Control", Combo{ctrl | shift, 0x20}, "Ctrl+Shift+Space"},
		{"WIN+p", Combo{super, 'p'}, "Super+P"},
		{"Meta+Mod1+7", Combo{super | alt, '7'}, "Alt+Super+7"},
		{"F24", Combo{0, 0xffd5}, "F24"},
		{"f1", Combo{0, 0xffbe}, "F1"},
		{"Alt+Tab", Combo{alt, 0xff09}, "Alt+Tab"},
		{"Ctrl+Esc", Combo{ctrl, 0xff1b}, "Ctrl+Escape"},
		{"Ctrl+-", Combo{ctrl, '-'}, "Ctrl+Minus"},
		{"Ctrl+Shift+bracketleft", Combo{ctrl | shift, '['}, "Ctrl+Shift+BracketLeft"},
		{"Ctrl+Page_Down", Combo{ctrl, 0xff56}, "Ctrl+PageDown"},
	}
	for _, tc := range good {
		got, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if got.String() != tc.canonical {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got.String(), tc.canonical)
		}
		if again, err := Parse(got.String()); err != nil || again != got {
			t.Errorf("round trip of %q: %+v, %v", got.String(), again, err)
		}
	}

	bad := []struct{ in, why string }{
		{"", "empty hotkey"},
		{"   ", "empty hotkey"},
		{"Ctrl+Shift", "no key besides"},
		{"Ctrl++Space", "empty key name"},
		{"Ctrl+Space+", "empty key name"},
		{"Ctrl+Hyper+P", `unknown key "Hyper"`},
		{"Ctrl+F25", `unknown key "F25"`},
		{"Ctrl+F0", `unknown key "F0"`},
		{"Ctrl+é", `unknown key "é"`},
		{"Ctrl+A+B", "two keys"},
		{"Ctrl+Control+A", "Ctrl given twice"},
		{"Space", "needs a modifier"},
		{"p", "needs a modifier"},
	}
	for _, tc := range bad {
		_, err := Parse(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("Parse(%q) error = %v, want one saying %q", tc.in, err, tc.why)
		}
	}
}

func TestHotkeyStringOfUnnamedKeysym(t *testing.T) {
	if got := (Combo{ctrl, 0x100263a}).String(); got != "Ctrl+0x100263a" {
		t.Errorf("got %q", got)
	}
}
