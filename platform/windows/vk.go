package windows

import (
	"fmt"

	"github.com/pingwise/pingwise/platform/keys"
)

// RegisterHotKey's modifier flags (winuser.h).
const (
	modAlt      = 0x0001
	modControl  = 0x0002
	modShift    = 0x0004
	modWin      = 0x0008
	modNoRepeat = 0x4000 // holding the keys down fires once
)

const vkF1 = 0x70 // VK_F1; F2..F24 follow

// vkOf maps the keysyms keys.Parse gives, other than letters, digits and
// F-keys, to virtual keys. The punctuation keys are the US layout's
// VK_OEM_ codes, where Windows puts them.
var vkOf = map[uint32]uint32{
	0x20:   0x20, // Space
	0xff0d: 0x0d, // Return
	0xff09: 0x09, // Tab
	0xff1b: 0x1b, // Escape
	0xff08: 0x08, // Backspace
	0xffff: 0x2e, // Delete
	0xff63: 0x2d, // Insert
	0xff50: 0x24, // Home
	0xff57: 0x23, // End
	0xff55: 0x21, // PageUp
	0xff56: 0x22, // PageDown
	0xff51: 0x25, // Left
	0xff52: 0x26, // Up
	0xff53: 0x27, // Right
	0xff54: 0x28, // Down
	0xff13: 0x13, // Pause
	0xff61: 0x2c, // Print (VK_SNAPSHOT)
	'-':    0xbd, // VK_OEM_MINUS
	'=':    0xbb, // VK_OEM_PLUS
	',':    0xbc, // VK_OEM_COMMA
	'.':    0xbe, // VK_OEM_PERIOD
	'/':    0xbf, // VK_OEM_2
	'\\':   0xdc, // VK_OEM_5
	';':    0xba, // VK_OEM_1
	'\'':   0xde, // VK_OEM_7
	'`':    0xc0, // VK_OEM_3
	'[':    0xdb, // VK_OEM_4
	']':    0xdd, // VK_OEM_6
}

// hotkeyCodes turns a key spec such as "Ctrl+Shift+Space" into
// RegisterHotKey's modifiers (with MOD_NOREPEAT) and virtual key.
func hotkeyCodes(spec string) (mods, vk uint32, err error) {
	c, err := keys.Parse(spec)
	if err != nil {
		return 0, 0, err
	}
	for _, m := range []struct {
		key uint16
		win uint32
	}{{keys.Ctrl, modControl}, {keys.Shift, modShift}, {keys.Alt, modAlt}, {keys.Super, modWin}} {
		if c.Mods&m.key != 0 {
			mods |= m.win
		}
	}
	switch s := c.Sym; {
	case s >= 'a' && s <= 'z':
		vk = s - 'a' + 'A' // VK_A..VK_Z are the upper case letters
	case s >= '0' && s <= '9':
		vk = s
	case s >= keys.SymF1 && s < keys.SymF1+24:
		vk = vkF1 + s - keys.SymF1
	default:
		var ok bool
		if vk, ok = vkOf[s]; !ok {
			return 0, 0, fmt.Errorf("hotkey %q: Windows has no key for %s", spec, keys.KeyName(s))
		}
	}
	return mods | modNoRepeat, vk, nil
}
