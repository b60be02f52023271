package x11

import (
	"strings"
	"testing"

	"github.com/jezek/xgb/xproto"
)

const (
	ctrl  = xproto.ModMaskControl
	shift = xproto.ModMaskShift
	alt   = xproto.ModMask1
	super = xproto.ModMask4
)

func TestParseHotkey(t *testing.T) {
	good := []struct {
		in        string
		want      Hotkey
		canonical string
	}{
		{"Ctrl+Shift+Space", Hotkey{ctrl | shift, 0x20}, "Ctrl+Shift+Space"},
		{"ctrl+alt+p", Hotkey{ctrl | alt, 'p'}, "Ctrl+Alt+P"},
		{"Super+F9", Hotkey{super, 0xffc6}, "Super+F9"},
		{"Shift+Return", Hotkey{shift, 0xff0d}, "Shift+Return"},
		{"shift + enter", Hotkey{shift, 0xff0d}, "Shift+Return"},
		{"Space+Shift+Control", Hotkey{ctrl | shift, 0x20}, "Ctrl+Shift+Space"},
		{"WIN+p", Hotkey{super, 'p'}, "Super+P"},
		{"Meta+Mod1+7", Hotkey{super | alt, '7'}, "Alt+Super+7"},
		{"F24", Hotkey{0, 0xffd5}, "F24"},
		{"f1", Hotkey{0, 0xffbe}, "F1"},
		{"Alt+Tab", Hotkey{alt, 0xff09}, "Alt+Tab"},
		{"Ctrl+Esc", Hotkey{ctrl, 0xff1b}, "Ctrl+Escape"},
		{"Ctrl+-", Hotkey{ctrl, '-'}, "Ctrl+Minus"},
		{"Ctrl+Shift+bracketleft", Hotkey{ctrl | shift, '['}, "Ctrl+Shift+BracketLeft"},
		{"Ctrl+Page_Down", Hotkey{ctrl, 0xff56}, "Ctrl+PageDown"},
	}
	for _, tc := range good {
		got, err := ParseHotkey(tc.in)
		if err != nil {
			t.Errorf("ParseHotkey(%q): %v", tc.in, err)
			continue
		}
		if got != tc.want {
			t.Errorf("ParseHotkey(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if got.String() != tc.canonical {
			t.Errorf("ParseHotkey(%q).String() = %q, want %q", tc.in, got.String(), tc.canonical)
		}
		if again, err := ParseHotkey(got.String()); err != nil || again != got {
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
		_, err := ParseHotkey(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("ParseHotkey(%q) error = %v, want one saying %q", tc.in, err, tc.why)
		}
	}
}

func TestHotkeyStringOfUnnamedKeysym(t *testing.T) {
	if got := (Hotkey{ctrl, 0x100263a}).String(); got != "Ctrl+0x100263a" {
		t.Errorf("got %q", got)
	}
}
