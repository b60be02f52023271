package x11

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jezek/xgb/xproto"
)

// Hotkey is a key combination in X's own terms, so it can be grabbed without
// translation: Mods is an X modifier mask (Control, Shift, Mod1 = Alt,
// Mod4 = Super) and Sym a keysym; letters are stored as lower case keysyms.
type Hotkey struct {
	Mods uint16
	Sym  uint32
}

// modifiers is in the order String writes them.
var modifiers = []struct {
	mask  uint16
	name  string
	alias []string
}{
	{xproto.ModMaskControl, "Ctrl", []string{"control"}},
	{xproto.ModMaskShift, "Shift", nil},
	{xproto.ModMask1, "Alt", []string{"mod1"}},
	{xproto.ModMask4, "Super", []string{"win", "meta", "mod4"}},
}

const (
	symF1  = 0xffbe // F2..F24 follow consecutively
	maxF   = 24
	symNum = 0xff7f // Num_Lock
	symScr = 0xff14 // Scroll_Lock
)

// namedKeys lists the keys besides letters, digits and F1-F24. Aliases cover
// X's keysym names and the characters themselves.
var namedKeys = []struct {
	name  string
	sym   uint32
	alias []string
}{
	{"Space", 0x20, nil},
	{"Return", 0xff0d, []string{"enter"}},
	{"Tab", 0xff09, nil},
	{"Escape", 0xff1b, []string{"esc"}},
	{"Backspace", 0xff08, nil},
	{"Delete", 0xffff, []string{"del"}},
	{"Insert", 0xff63, []string{"ins"}},
	{"Home", 0xff50, nil},
	{"End", 0xff57, nil},
	{"PageUp", 0xff55, []string{"page_up", "prior", "pgup"}},
	{"PageDown", 0xff56, []string{"page_down", "next", "pgdn"}},
	{"Left", 0xff51, nil},
	{"Up", 0xff52, nil},
	{"Right", 0xff53, nil},
	{"Down", 0xff54, nil},
	{"Pause", 0xff13, nil},
	{"Print", 0xff61, []string{"printscreen"}},
	{"Minus", '-', []string{"-"}},
	{"Equal", '=', []string{"="}},
	{"Comma", ',', []string{","}},
	{"Period", '.', []string{"."}},
	{"Slash", '/', []string{"/"}},
	{"Backslash", '\\', []string{"\\"}},
	{"Semicolon", ';', []string{";"}},
	{"Apostrophe", '\'', []string{"'"}},
	{"Grave", '`', []string{"`"}},
	{"BracketLeft", '[', []string{"["}},
	{"BracketRight", ']', []string{"]"}},
}

// ParseHotkey reads a combination such as "Ctrl+Shift+Space", ignoring case
// and spaces around the parts. Only F1-F24 may go without a modifier:
// grabbing a bare Space or Tab would take it from every other application.
func ParseHotkey(s string) (Hotkey, error) {
	var h Hotkey
	var key string
	if strings.TrimSpace(s) == "" {
		return h, errors.New("x11: empty hotkey")
	}
	for _, part := range strings.Split(s, "+") {
		part = strings.TrimSpace(part)
		if part == "" {
			return h, fmt.Errorf("x11: hotkey %q: empty key name (a \"+\" too many?)", s)
		}
		if mask, name, ok := lookupModifier(part); ok {
			if h.Mods&mask != 0 {
				return h, fmt.Errorf("x11: hotkey %q: %s given twice", s, name)
			}
			h.Mods |= mask
			continue
		}
		sym, ok := lookupKey(part)
		if !ok {
			return h, fmt.Errorf("x11: hotkey %q: unknown key %q (try Ctrl, Shift, Alt, Super with A-Z, 0-9, F1-F24, Space, Return, Tab, Escape...)", s, part)
		}
		if key != "" {
			return h, fmt.Errorf("x11: hotkey %q: two keys, %q and %q; only one besides modifiers", s, key, part)
		}
		key, h.Sym = part, sym
	}
	if key == "" {
		return h, fmt.Errorf("x11: hotkey %q: no key besides the modifiers", s)
	}
	if h.Mods == 0 && (h.Sym < symF1 || h.Sym >= symF1+maxF) {
		return h, fmt.Errorf("x11: hotkey %q: needs a modifier (Ctrl, Shift, Alt or Super); only F1-F24 may stand alone", s)
	}
	return h, nil
}

func lookupModifier(part string) (uint16, string, bool) {
	for _, m := range modifiers {
		if strings.EqualFold(part, m.name) {
			return m.mask, m.name, true
		}
		for _, a := range m.alias {
			if strings.EqualFold(part, a) {
				return m.mask, m.name, true
			}
		}
	}
	return 0, "", false
}

func lookupKey(part string) (uint32, bool) {
	lower := strings.ToLower(part)
	if len(lower) == 1 && (lower[0] >= 'a' && lower[0] <= 'z' || lower[0] >= '0' && lower[0] <= '9') {
		return uint32(lower[0]), true
	}
	if num, ok := strings.CutPrefix(lower, "f"); ok {
		if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= maxF {
			return symF1 + uint32(n-1), true
		}
	}
	for _, k := range namedKeys {
		if lower == strings.ToLower(k.name) {
			return k.sym, true
		}
		for _, a := range k.alias {
			if lower == a {
				return k.sym, true
			}
		}
	}
	return 0, false
}

// String writes the canonical form, modifiers first, e.g. "Ctrl+Shift+Space";
// ParseHotkey reads it back. Keysyms outside the names ParseHotkey knows are
// written in hex, as they cannot come from it.
func (h Hotkey) String() string {
	var b strings.Builder
	for _, m := range modifiers {
		if h.Mods&m.mask != 0 {
			b.WriteString(m.name + "+")
		}
	}
	b.WriteString(keyName(h.Sym))
	return b.String()
}

func keyName(sym uint32) string {
	switch {
	case sym >= 'a' && sym <= 'z':
		return strings.ToUpper(string(rune(sym)))
	case sym >= '0' && sym <= '9':
		return string(rune(sym))
	case sym >= symF1 && sym < symF1+maxF:
		return "F" + strconv.Itoa(int(sym-symF1)+1)
	}
	for _, k := range namedKeys {
		if k.sym == sym {
			return k.name
		}
	}
	return fmt.Sprintf("%#x", sym)
}
