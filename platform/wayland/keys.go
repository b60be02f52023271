package wayland

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pingwise/pingwise/platform/keys"
)

// Keys is a hotkey in the terms Wayland compositors take: modifiers and an
// xkb keysym name. The spec is read by keys.Parse, so every desktop
// accepts the same specs and gives the same errors.
type Keys struct {
	Ctrl, Shift, Alt, Super bool
	Key                     string // xkb keysym name: "space", "a", "F5", "Prior"
}

// ParseKeys reads a spec such as "Ctrl+Shift+Space".
func ParseKeys(spec string) (Keys, error) {
	h, err := keys.Parse(spec)
	if err != nil {
		return Keys{}, fmt.Errorf("hotkey: %w", err)
	}
	return Keys{
		Ctrl:  h.Mods&keys.Ctrl != 0,
		Shift: h.Mods&keys.Shift != 0,
		Alt:   h.Mods&keys.Alt != 0,
		Super: h.Mods&keys.Super != 0,
		Key:   xkbName(h.Sym),
	}, nil
}

// xkbNames are the keysym names of the keys keys.Parse knows by name,
// where X's name differs from the keysym's own character or word.
var xkbNames = map[uint32]string{
	0x20: "space", 0xff0d: "Return", 0xff09: "Tab", 0xff1b: "Escape", 0xff08: "BackSpace",
	0xffff: "Delete", 0xff63: "Insert", 0xff50: "Home", 0xff57: "End", 0xff55: "Prior",
	0xff56: "Next", 0xff51: "Left", 0xff52: "Up", 0xff53: "Right", 0xff54: "Down",
	0xff13: "Pause", 0xff61: "Print", '-': "minus", '=': "equal", ',': "comma",
	'.': "period", '/': "slash", '\\': "backslash", ';': "semicolon", '\'': "apostrophe",
	'`': "grave", '[': "bracketleft", ']': "bracketright",
}

func xkbName(sym uint32) string {
	switch {
	case sym >= 'a' && sym <= 'z' || sym >= '0' && sym <= '9':
		return string(rune(sym))
	case sym >= 0xffbe && sym < 0xffbe+24: // F1..F24
		return fmt.Sprintf("F%d", sym-0xffbe+1)
	}
	if n, ok := xkbNames[sym]; ok {
		return n
	}
	// xkb reads a keysym in hex too.
	return fmt.Sprintf("%#x", sym)
}

// mods lists the pressed modifiers under the names given, in the order
// Ctrl, Shift, Alt, Super.
func (k Keys) mods(ctrl, shift, alt, super string) []string {
	var m []string
	for _, p := range []struct {
		on   bool
		name string
	}{{k.Ctrl, ctrl}, {k.Shift, shift}, {k.Alt, alt}, {k.Super, super}} {
		if p.on {
			m = append(m, p.name)
		}
	}
	return m
}

// Sway is the combination as sway's bindsym takes it: "Ctrl+Shift+space".
func (k Keys) Sway() string {
	return strings.Join(append(k.mods("Ctrl", "Shift", "Mod1", "Mod4"), k.Key), "+")
}

// Hyprland is the modifiers and key as Hyprland's bind keyword takes them:
// "CTRL SHIFT" and "space".
func (k Keys) Hyprland() (mods, key string) {
	return strings.Join(k.mods("CTRL", "SHIFT", "ALT", "SUPER"), " "), k.Key
}

// Portal is the combination in the XDG shortcuts spec that the
// GlobalShortcuts portal's preferred_trigger takes: "CTRL+SHIFT+space".
func (k Keys) Portal() string {
	return strings.Join(append(k.mods("CTRL", "SHIFT", "ALT", "LOGO"), k.Key), "+")
}

// AskArgs is the command a compositor runs for the hotkey: pingwise (exe,
// an absolute path) with --home when home is set, and "ask".
func AskArgs(exe, home string) ([]string, error) {
	if !filepath.IsAbs(exe) {
		return nil, fmt.Errorf("the path of pingwise must be absolute, not %q", exe)
	}
	args := []string{exe}
	if home != "" {
		args = append(args, "--home", home)
	}
	return append(args, "ask"), nil
}

// ShellLine quotes args for /bin/sh, which sway's and Hyprland's exec
// run commands through: each argument in single quotes, a single quote
// itself written as '\”. Control characters are refused: a newline would
// end the compositor's command.
func ShellLine(args []string) (string, error) {
	q := make([]string, len(args))
	for i, a := range args {
		for _, r := range a {
			if r < 0x20 || r == 0x7f {
				return "", fmt.Errorf("argument %q holds a control character, which a compositor's command cannot carry", a)
			}
		}
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " "), nil
}
