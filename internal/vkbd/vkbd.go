// Package vkbd is a keyboard for wlroots compositors (sway) through the
// virtual-keyboard-unstable-v1 protocol, for the end-to-end tests and the
// benchmarks: Pingwise itself never types.
//
// Its layout is the standard US one XWayland starts with, uploaded once.
// wtype uploads a layout of its own on each run, made of the keys it is
// about to type; XWayland then hands its X clients keycodes that GLFW
// (Fyne's X11 driver), which read the layout once at start, takes for
// other keys: Escape, say. And each upload costs XWayland a keymap
// rebuild, which a benchmark would count as the app's. A real keyboard
// never changes its layout between two presses, so neither does this one.
package vkbd

import (
	enc "encoding/binary"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"
	"time"
)

// Keyboard is one virtual keyboard on the compositor's seat.
type Keyboard struct {
	conn *net.UnixConn
	next uint32 // the next object id
	kbd  uint32 // the zwp_virtual_keyboard_v1
}

// usKeymap is the standard US layout, resolved by the compositor's
// libxkbcommon from its include files.
const usKeymap = `xkb_keymap {
	xkb_keycodes { include "evdev+aliases(qwerty)" };
	xkb_types { include "complete" };
	xkb_compat { include "complete" };
	xkb_symbols { include "pc+us+inet(evdev)" };
};
`

// Evdev key codes of the US layout (linux/input-event-codes.h).
const (
	KeyEsc, KeyTab, KeyEnter, KeyLeftShift, KeySpace = 1, 15, 28, 42, 57
)

var usKeys = func() map[rune]uint32 {
	m := map[rune]uint32{' ': KeySpace, ',': 51, '.': 52, '-': 12}
	for i, row := range []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"} {
		first := []uint32{2, 16, 30, 44}[i]
		for j, r := range row {
			m[r] = first + uint32(j)
		}
	}
	return m
}()

// Modifier masks of the US layout: Shift is modifier 0, Control 2, Alt
// (Mod1) 3.
const (
	ModShift = 1 << 0
	ModCtrl  = 1 << 2
	ModAlt   = 1 << 3
)

// Open connects to the compositor's Wayland socket and creates a keyboard
// on its seat.
func Open(socket string) (*Keyboard, error) {
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: socket, Net: "unix"})
	if err != nil {
		return nil, fmt.Errorf("virtual keyboard: %w", err)
	}
	k := &Keyboard{conn: c, next: 4}
	if err := k.setUp(); err != nil {
		c.Close()
		return nil, fmt.Errorf("virtual keyboard: %w", err)
	}
	return k, nil
}

// Close disconnects; the compositor removes the keyboard.
func (k *Keyboard) Close() error { return k.conn.Close() }

func (k *Keyboard) setUp() error {
	const display, registry, done = 1, 2, 3
	if err := k.send(display, 1, u32(registry)); err != nil { // get_registry
		return err
	}
	if err := k.send(display, 0, u32(done)); err != nil { // sync
		return err
	}
	globals := map[string][2]uint32{} // interface: name, version
	if err := k.conn.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
		return err
	}
	for {
		obj, op, args, err := k.read()
		if err != nil {
			return err
		}
		if obj == registry && op == 0 { // global(name, interface, version)
			if len(args) < 12 {
				return errors.New("a short global event")
			}
			name := enc.NativeEndian.Uint32(args)
			n := enc.NativeEndian.Uint32(args[4:])
			end := 8 + (n+3)&^3
			if n == 0 || int(end)+4 > len(args) {
				return errors.New("a damaged global event")
			}
			globals[string(args[8:8+n-1])] = [2]uint32{name, enc.NativeEndian.Uint32(args[end:])}
		}
		if obj == done {
			break
		}
	}
	if err := k.conn.SetReadDeadline(time.Time{}); err != nil {
		return err
	}
	seat, ok1 := globals["wl_seat"]
	mgr, ok2 := globals["zwp_virtual_keyboard_manager_v1"]
	if !ok1 || !ok2 {
		return errors.New("the compositor offers no wl_seat or zwp_virtual_keyboard_manager_v1")
	}
	seatID, err := k.bind(registry, seat[0], "wl_seat", 1)
	if err != nil {
		return err
	}
	mgrID, err := k.bind(registry, mgr[0], "zwp_virtual_keyboard_manager_v1", 1)
	if err != nil {
		return err
	}
	k.kbd = k.next
	k.next++
	if err := k.send(mgrID, 0, append(u32(seatID), u32(k.kbd)...)); err != nil { // create_virtual_keyboard(seat, id)
		return err
	}
	return k.keymap()
}

func (k *Keyboard) bind(registry, name uint32, iface string, version uint32) (uint32, error) {
	id := k.next
	k.next++
	args := u32(name)
	args = append(args, wstring(iface)...)
	args = append(args, u32(version)...)
	return id, k.send(registry, 0, append(args, u32(id)...))
}

// keymap uploads the US layout: keymap(format xkb_v1, fd, size), the file
// passed along the message and removed at once (the descriptor keeps it).
func (k *Keyboard) keymap() error {
	f, err := os.CreateTemp("", "pingwise-keymap-*")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.Remove(f.Name()); err != nil {
		return err
	}
	text := usKeymap + "\x00"
	if _, err := f.WriteString(text); err != nil {
		return err
	}
	args := append(u32(1), u32(uint32(len(text)))...)
	return k.sendFD(k.kbd, 0, args, int(f.Fd()))
}

func (k *Keyboard) send(obj uint32, op uint16, args []byte) error { return k.sendFD(obj, op, args, -1) }

func (k *Keyboard) sendFD(obj uint32, op uint16, args []byte, fd int) error {
	b := u32(obj)
	b = append(b, u32(uint32(8+len(args))<<16|uint32(op))...)
	b = append(b, args...)
	var oob []byte
	if fd >= 0 {
		oob = syscall.UnixRights(fd)
	}
	_, _, err := k.conn.WriteMsgUnix(b, oob, nil)
	return err
}

func (k *Keyboard) read() (obj uint32, op uint16, args []byte, err error) {
	h := make([]byte, 8)
	if _, err := readFull(k.conn, h); err != nil {
		return 0, 0, nil, err
	}
	obj = enc.NativeEndian.Uint32(h)
	w := enc.NativeEndian.Uint32(h[4:])
	if w>>16 < 8 {
		return 0, 0, nil, errors.New("a damaged message")
	}
	args = make([]byte, int(w>>16)-8)
	if _, err := readFull(k.conn, args); err != nil {
		return 0, 0, nil, err
	}
	if obj == 1 && w&0xffff == 0 { // wl_display.error
		return 0, 0, nil, fmt.Errorf("protocol error %x", args)
	}
	return obj, uint16(w), args, nil
}

func readFull(c net.Conn, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := c.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func now32() []byte { return u32(uint32(time.Now().UnixMilli())) }

// Key presses and releases one key with the modifiers given held. As
// with a real keyboard under a wlroots compositor, the modifier state is
// sent beside the keys: a virtual keyboard's keys do not change it.
func (k *Keyboard) Key(code uint32, mods uint32) error {
	if mods != 0 {
		if err := k.modifiers(mods); err != nil {
			return err
		}
	}
	if err := k.send(k.kbd, 1, append(append(now32(), u32(code)...), u32(1)...)); err != nil { // key(time, key, pressed)
		return err
	}
	if err := k.send(k.kbd, 1, append(append(now32(), u32(code)...), u32(0)...)); err != nil {
		return err
	}
	if mods != 0 {
		return k.modifiers(0)
	}
	return nil
}

func (k *Keyboard) modifiers(depressed uint32) error {
	return k.send(k.kbd, 2, append(u32(depressed), make([]byte, 12)...)) // modifiers(depressed, latched, locked, group)
}

// Type types ASCII text: letters, digits, space, comma, period, dash.
func (k *Keyboard) Type(s string) error {
	for _, r := range s {
		mods := uint32(0)
		if r >= 'A' && r <= 'Z' {
			mods = ModShift
		}
		code, ok := usKeys[[]rune(strings.ToLower(string(r)))[0]]
		if !ok {
			return fmt.Errorf("virtual keyboard: no key for %q", r)
		}
		if err := k.Key(code, mods); err != nil {
			return err
		}
	}
	return nil
}

// Combo reads a key combination such as "ctrl+shift+space" or "esc".
func Combo(s string) (code, mods uint32, err error) {
	parts := strings.Split(strings.ToLower(s), "+")
	for _, p := range parts[:len(parts)-1] {
		switch p {
		case "ctrl":
			mods |= ModCtrl
		case "shift":
			mods |= ModShift
		case "alt":
			mods |= ModAlt
		default:
			return 0, 0, fmt.Errorf("unknown modifier %q in %q", p, s)
		}
	}
	switch last := parts[len(parts)-1]; last {
	case "space":
		return KeySpace, mods, nil
	case "esc", "escape":
		return KeyEsc, mods, nil
	case "enter", "return":
		return KeyEnter, mods, nil
	case "tab":
		return KeyTab, mods, nil
	default:
		if r := []rune(last); len(r) == 1 {
			if c, ok := usKeys[r[0]]; ok {
				return c, mods, nil
			}
		}
		return 0, 0, fmt.Errorf("unknown key %q in %q", last, s)
	}
}

func u32(v uint32) []byte { return enc.NativeEndian.AppendUint32(nil, v) }

func wstring(s string) []byte {
	b := u32(uint32(len(s) + 1))
	b = append(b, s...)
	b = append(b, 0)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
