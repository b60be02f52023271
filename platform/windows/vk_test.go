package windows

import "testing"

func TestHotkeyCodes(t *testing.T) {
	for _, tc := range []struct {
		spec     string
		mods, vk uint32
	}{
		{"Ctrl+Shift+Space", modControl | modShift | modNoRepeat, 0x20},
		{"alt+p", modAlt | modNoRepeat, 'P'},
		{"Super+7", modWin | modNoRepeat, '7'},
		{"F1", modNoRepeat, 0x70},
		{"Ctrl+F24", modControl | modNoRepeat, 0x87},
		{"Ctrl+Alt+Return", modControl | modAlt | modNoRepeat, 0x0d},
		{"Ctrl+Escape", modControl | modNoRepeat, 0x1b},
		{"Ctrl+PageDown", modControl | modNoRepeat, 0x22},
		{"Ctrl+/", modControl | modNoRepeat, 0xbf},
		{"Ctrl+BracketRight", modControl | modNoRepeat, 0xdd},
	} {
		mods, vk, err := hotkeyCodes(tc.spec)
		if err != nil || mods != tc.mods || vk != tc.vk {
			t.Errorf("%s: mods %#x vk %#x (%v), want %#x %#x", tc.spec, mods, vk, err, tc.mods, tc.vk)
		}
	}
}

func TestHotkeyCodesRefusesBadSpecs(t *testing.T) {
	for _, spec := range []string{"", "Space", "Ctrl+", "Ctrl+Hyper+A", "Ctrl+A+B"} {
		if _, _, err := hotkeyCodes(spec); err == nil {
			t.Errorf("%q accepted", spec)
		}
	}
}
