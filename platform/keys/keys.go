// Package keys reads and writes global hotkey specs such as
// "Ctrl+Shift+Space", the same on every desktop. A Combo names its key by
// X11 keysym, a stable, documented numbering that every family maps to its
// own codes (X11 grabs it as is; Windows maps it to a virtual key; sway and
// the portals take the canonical String).
package keys

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Combo is a key combination: Mods is a mask of Ctrl, Shift, Alt and Super
// (X11's own modifier bits, so X11 grabs it without translation) and Sym a
// keysym; letters are stored as lower case keysyms.
type Combo struct {
	Mods uint16
	Sym  uint32
}

// The modifier bits, X11's Control, Shift, Mod1 and Mod4.
const (
	Shift uint16 = 1 << 0
	Ctrl  uint16 = 1 << 2
	Alt   uint16 = 1 << 3
	Super uint16 = 1 << 6
)

// modifiers is in the order String writes them.
var modifiers = []struct {
	mask  uint16
	name  string
	alias []string
}{
	{Ctrl, "Ctrl", []string{"control"}},
	{Shift, "Shift", nil},
	{Alt, "Alt", []string{"mod1"}},
	{Super, "Super", []string{"win", "meta", "mod4"}},
}

const (
	SymF1 = 0xffbe // F1; F2..F24 follow consecutively
	maxF  = 24
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

// Parse reads a combination such as "Ctrl+Shift+Space", ignoring case
// and spaces around the parts. Only F1-F24 may go without a modifier:
// grabbing a bare Space or Tab would take it from every other application.
func Parse(s string) (Combo, error) {
	var h Combo
	var key string
	if strings.TrimSpace(s) == "" {
		return h, errors.New("empty hotkey")
	}
	for _, part := range strings.Split(s, "+") {
		part = strings.TrimSpace(part)
		if part == "" {
			return h, fmt.Errorf("hotkey %q: empty key name (a \"+\" too many?)", s)
		}
		if mask, name, ok := lookupModifier(part); ok {
			if h.Mods&mask != 0 {
				return h, fmt.Errorf("hotkey %q: %s given twice", s, name)
			}
			h.Mods |= mask
			continue
		}
		sym, ok := lookupKey(part)
		if !ok {
			return h, fmt.Errorf("hotkey %q: unknown key %q (try Ctrl, Shift, Alt, Super with A-Z, 0-9, F1-F24, Space, Return, Tab, Escape...)", s, part)
		}
		if key != "" {
			return h, fmt.Errorf("hotkey %q: two keys, %q and %q; only one besides modifiers", s, key, part)
		}
		key, h.Sym = part, sym
	}
	if key == "" {
		return h, fmt.Errorf("hotkey %q: no key besides the modifiers", s)
	}
	if h.Mods == 0 && (h.Sym < SymF1 || h.Sym >= SymF1+maxF) {
		return h, fmt.Errorf("hotkey %q: needs a modifier (Ctrl, Shift, Alt or Super); only F1-F24 may stand alone", s)
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
			return SymF1 + uint32(n-1), true
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
// Parse reads it back. Keysyms outside the names Parse knows are
// written in hex, as they cannot come from it.
func (h Combo) String() string {
	var b strings.Builder
	for _, m := range modifiers {
		if h.Mods&m.mask != 0 {
			b.WriteString(m.name + "+")
		}
	}
	b.WriteString(KeyName(h.Sym))
	return b.String()
}

// KeyName names a keysym as Parse reads it.
func KeyName(sym uint32) string {
	switch {
	case sym >= 'a' && sym <= 'z':
		return strings.ToUpper(string(rune(sym)))
	case sym >= '0' && sym <= '9':
		return string(rune(sym))
	case sym >= SymF1 && sym < SymF1+maxF:
		return "F" + strconv.Itoa(int(sym-SymF1)+1)
	}
	for _, k := range namedKeys {
		if k.sym == sym {
			return k.name
		}
	}
	return fmt.Sprintf("%#x", sym)
}
