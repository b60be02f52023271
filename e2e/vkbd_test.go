package e2e

import (
	enc "encoding/binary"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// vkbd is a keyboard for a wlroots compositor through the
// virtual-keyboard-unstable-v1 protocol, with the standard US layout that
// XWayland starts with. wtype uploads a layout of its own on each run,
// made of the keys it is about to type; XWayland then hands its X clients
// keycodes that GLFW (Fyne's X11 driver), which read the layout once at
// start, takes for other keys: Escape, say. A real keyboard never changes
// its layout between two presses, so neither does this one.
type vkbd struct {
	t    *testing.T
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

// evdev key codes of the US layout (linux/input-event-codes.h).
const (
	keyEsc, keyTab, keyEnter, keyLeftShift, keySpace = 1, 15, 28, 42, 57
)

var usKeys = func() map[rune]uint32 {
	m := map[rune]uint32{' ': keySpace, ',': 51, '.': 52, '-': 12}
	for i, row := range []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"} {
		first := []uint32{2, 16, 30, 44}[i]
		for j, r := range row {
			m[r] = first + uint32(j)
		}
	}
	return m
}()

// Modifier masks of the US layout: Shift is modifier 0, Control 2.
const (
	modShift = 1 << 0
	modCtrl  = 1 << 2
)

// newVkbd connects to the compositor's Wayland socket and creates a
// keyboard on its seat.
func newVkbd(t *testing.T, socket string) *vkbd {
	t.Helper()
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: socket, Net: "unix"})
	if err != nil {
		t.Fatalf("virtual keyboard: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	k := &vkbd{t: t, conn: c, next: 4}
	const display, registry, done = 1, 2, 3
	k.send(display, 1, u32(registry)) // get_registry
	k.send(display, 0, u32(done))     // sync
	globals := map[string][2]uint32{} // interface: name, version
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		obj, op, args := k.read()
		if obj == registry && op == 0 { // global(name, interface, version)
			name := enc.NativeEndian.Uint32(args)
			n := enc.NativeEndian.Uint32(args[4:])
			iface := string(args[8 : 8+n-1])
			version := enc.NativeEndian.Uint32(args[8+(n+3)&^3:])
			globals[iface] = [2]uint32{name, version}
		}
		if obj == done {
			break
		}
	}
	_ = c.SetReadDeadline(time.Time{})
	seat, ok1 := globals["wl_seat"]
	mgr, ok2 := globals["zwp_virtual_keyboard_manager_v1"]
	if !ok1 || !ok2 {
		t.Fatalf("the compositor offers no wl_seat or zwp_virtual_keyboard_manager_v1")
	}
	seatID, mgrID := k.bind(registry, seat[0], "wl_seat", 1), k.bind(registry, mgr[0], "zwp_virtual_keyboard_manager_v1", 1)
	k.kbd = k.next
	k.next++
	k.send(mgrID, 0, append(u32(seatID), u32(k.kbd)...)) // create_virtual_keyboard(seat, id)
	k.keymap()
	return k
}

func (k *vkbd) bind(registry, name uint32, iface string, version uint32) uint32 {
	id := k.next
	k.next++
	args := u32(name)
	args = append(args, wstring(iface)...)
	args = append(args, u32(version)...)
	k.send(registry, 0, append(args, u32(id)...))
	return id
}

// keymap uploads the US layout: keymap(format xkb_v1, fd, size), the file
// passed along the message.
func (k *vkbd) keymap() {
	f, err := os.CreateTemp(k.t.TempDir(), "keymap")
	if err != nil {
		k.t.Fatal(err)
	}
	defer f.Close()
	text := usKeymap + "\x00"
	if _, err := f.WriteString(text); err != nil {
		k.t.Fatal(err)
	}
	args := append(u32(1), u32(uint32(len(text)))...)
	k.sendFD(k.kbd, 0, args, int(f.Fd()))
}

func (k *vkbd) send(obj uint32, op uint16, args []byte) { k.sendFD(obj, op, args, -1) }

func (k *vkbd) sendFD(obj uint32, op uint16, args []byte, fd int) {
	k.t.Helper()
	b := u32(obj)
	b = append(b, u32(uint32(8+len(args))<<16|uint32(op))...)
	b = append(b, args...)
	var oob []byte
	if fd >= 0 {
		oob = syscall.UnixRights(fd)
	}
	if _, _, err := k.conn.WriteMsgUnix(b, oob, nil); err != nil {
		k.t.Fatalf("virtual keyboard: %v", err)
	}
}

func (k *vkbd) read() (obj uint32, op uint16, args []byte) {
	k.t.Helper()
	h := make([]byte, 8)
	if _, err := readFull(k.conn, h); err != nil {
		k.t.Fatalf("virtual keyboard: %v", err)
	}
	obj = enc.NativeEndian.Uint32(h)
	w := enc.NativeEndian.Uint32(h[4:])
	args = make([]byte, int(w>>16)-8)
	if _, err := readFull(k.conn, args); err != nil {
		k.t.Fatalf("virtual keyboard: %v", err)
	}
	if obj == 1 && w&0xffff == 0 { // wl_display.error
		k.t.Fatalf("virtual keyboard: protocol error %x", args)
	}
	return obj, uint16(w), args
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

// key presses and releases one key with the modifiers given held. As
// with a real keyboard under a wlroots compositor, the modifier state is
// sent beside the keys: a virtual keyboard's keys do not change it.
func (k *vkbd) key(code uint32, mods uint32) {
	if mods != 0 {
		k.modifiers(mods)
	}
	k.send(k.kbd, 1, append(append(now32(), u32(code)...), u32(1)...)) // key(time, key, pressed)
	k.send(k.kbd, 1, append(append(now32(), u32(code)...), u32(0)...))
	if mods != 0 {
		k.modifiers(0)
	}
}

func (k *vkbd) modifiers(depressed uint32) {
	k.send(k.kbd, 2, append(u32(depressed), make([]byte, 12)...)) // modifiers(depressed, latched, locked, group)
}

// typeText types ASCII text: letters, digits, space, comma, period, dash.
func (k *vkbd) typeText(s string) {
	for _, r := range s {
		mods := uint32(0)
		if r >= 'A' && r <= 'Z' {
			mods = modShift
		}
		code, ok := usKeys[[]rune(strings.ToLower(string(r)))[0]]
		if !ok {
			k.t.Fatalf("virtual keyboard: no key for %q", r)
		}
		k.key(code, mods)
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
