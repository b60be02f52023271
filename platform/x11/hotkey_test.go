package x11

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb/xproto"
	"github.com/pingwise/pingwise/platform/keys"
)

const (
	symNumLock  = 0xff7f
	symCapsLock = 0xffe5
)

func mustParse(t *testing.T, s string) keys.Combo {
	t.Helper()
	h, err := keys.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func counter() (chan struct{}, func()) {
	ch := make(chan struct{}, 100)
	return ch, func() { ch <- struct{}{} }
}

// fence returns once c has handled every event the server sent it so far:
// the server delivers a client's events in order, so a hotkey typed now
// fires after all of them. It lets tests assert that nothing happened
// without waiting for a timeout.
func fence(t *testing.T, c *Conn, cl *client) {
	t.Helper()
	h := mustParse(t, "Ctrl+Shift+F12")
	done, pressed := counter()
	release, err := c.Grab(h, pressed)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	cl.typeHotkey(t, h)
	wait(t, done, "the fence hotkey")
}

func lockState(t *testing.T, cl *client) uint16 {
	t.Helper()
	r, err := xproto.QueryPointer(cl.x, cl.root).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return r.Mask & (xproto.ModMaskLock | xproto.ModMask2)
}

func TestGrabFiresOncePerPress(t *testing.T) {
	c := openTest(t)
	cl := newClient(t)
	h := mustParse(t, "Ctrl+Shift+Space")
	presses, pressed := counter()
	release, err := c.Grab(h, pressed)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		cl.typeHotkey(t, h)
		wait(t, presses, "press "+string(rune('1'+i)))
	}

	// NumLock and CapsLock on: Xvfb's keymap puts NumLock on Mod2. The
	// server outlives the test, so a failure must not leave them on.
	cl.tap(t, symNumLock)
	cl.tap(t, symCapsLock)
	t.Cleanup(func() {
		state := lockState(t, cl)
		if state&xproto.ModMask2 != 0 {
			cl.tap(t, symNumLock)
		}
		if state&xproto.ModMaskLock != 0 {
			cl.tap(t, symCapsLock)
		}
	})
	if got := lockState(t, cl); got != xproto.ModMaskLock|xproto.ModMask2 {
		t.Fatalf("lock modifiers = %#x, want CapsLock and NumLock on", got)
	}
	cl.typeHotkey(t, h)
	wait(t, presses, "a press with NumLock and CapsLock on")
	cl.tap(t, symNumLock)
	cl.tap(t, symCapsLock)
	if got := lockState(t, cl); got != 0 {
		t.Fatalf("lock modifiers still %#x", got)
	}

	// Without all the modifiers it is an ordinary key.
	cl.typeHotkey(t, mustParse(t, "Ctrl+Space"))
	fence(t, c, cl)
	if n := len(presses); n != 0 {
		t.Fatalf("%d extra callbacks", n)
	}

	release()
	release() // a second call is harmless
	cl.typeHotkey(t, h)
	fence(t, c, cl)
	if n := len(presses); n != 0 {
		t.Fatalf("callback ran %d times after release", n)
	}
	// Released means released at the server: another client can have it.
	if err := xproto.GrabKeyChecked(cl.x, false, cl.root, h.Mods, cl.keycode(t, h.Sym),
		xproto.GrabModeAsync, xproto.GrabModeAsync).Check(); err != nil {
		t.Fatalf("key still held after release: %v", err)
	}
	// Given back before the next test grabs it: closing the connection at
	// cleanup frees the grab only when the server gets to it.
	if err := xproto.UngrabKeyChecked(cl.x, cl.keycode(t, h.Sym), cl.root, h.Mods).Check(); err != nil {
		t.Fatal(err)
	}
}

func TestGrabIgnoresAutorepeat(t *testing.T) {
	c := openTest(t)
	cl := newClient(t)
	kc, err := xproto.GetKeyboardControl(cl.x).Reply()
	if err != nil {
		t.Fatal(err)
	}
	if kc.GlobalAutoRepeat != xproto.AutoRepeatModeOn {
		t.Fatal("autorepeat is off on this server; the test would prove nothing")
	}
	h := mustParse(t, "Ctrl+Shift+Space")
	presses, pressed := counter()
	if _, err := c.Grab(h, pressed); err != nil {
		t.Fatal(err)
	}
	ctrlKey, shiftKey, space := cl.keycode(t, 0xffe3), cl.keycode(t, 0xffe1), cl.keycode(t, 0x20)
	cl.fake(t, xproto.KeyPress, ctrlKey, 0)
	cl.fake(t, xproto.KeyPress, shiftKey, 0)
	cl.fake(t, xproto.KeyPress, space, 3)
	// The server starts repeating after its repeat delay (660 ms by
	// default), then 25 times a second; only the clock can show that.
	time.Sleep(900 * time.Millisecond)
	cl.fake(t, xproto.KeyRelease, space, 0)
	cl.fake(t, xproto.KeyRelease, shiftKey, 0)
	cl.fake(t, xproto.KeyRelease, ctrlKey, 0)
	fence(t, c, cl)
	if n := len(presses); n != 1 {
		t.Fatalf("holding the hotkey fired %d times, want 1", n)
	}
}

func TestGrabTaken(t *testing.T) {
	c := openTest(t)
	other := newClient(t)
	h := mustParse(t, "Ctrl+Shift+Space")
	if err := xproto.GrabKeyChecked(other.x, false, other.root, h.Mods, other.keycode(t, h.Sym),
		xproto.GrabModeAsync, xproto.GrabModeAsync).Check(); err != nil {
		t.Fatal(err)
	}
	_, err := c.Grab(h, func() { t.Error("callback of a failed grab ran") })
	if !errors.Is(err, ErrTaken) || !strings.Contains(err.Error(), "Ctrl+Shift+Space") {
		t.Fatalf("Grab error = %v, want ErrTaken naming the hotkey", err)
	}

	// The connection still works.
	h2 := mustParse(t, "Ctrl+Alt+P")
	presses, pressed := counter()
	if _, err := c.Grab(h2, pressed); err != nil {
		t.Fatal(err)
	}
	other.typeHotkey(t, h2)
	wait(t, presses, "the other hotkey")
	if _, err := c.Active(); err != nil {
		t.Fatal(err)
	}
}

// When only a NumLock variant is taken, the grabs that did succeed must be
// given back, or the key would stay half-grabbed by a Grab that failed.
func TestGrabTakenReleasesPartialGrabs(t *testing.T) {
	c := openTest(t)
	other := newClient(t)
	h := mustParse(t, "Ctrl+Shift+Space")
	key := other.keycode(t, h.Sym)
	if err := xproto.GrabKeyChecked(other.x, false, other.root, h.Mods|xproto.ModMask2, key,
		xproto.GrabModeAsync, xproto.GrabModeAsync).Check(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Grab(h, func() {}); !errors.Is(err, ErrTaken) {
		t.Fatalf("Grab error = %v, want ErrTaken", err)
	}
	third := newClient(t)
	if err := xproto.GrabKeyChecked(third.x, false, third.root, h.Mods, key,
		xproto.GrabModeAsync, xproto.GrabModeAsync).Check(); err != nil {
		t.Fatalf("the plain variant is still held after the failed Grab: %v", err)
	}
}

func TestGrabTwiceByThisConn(t *testing.T) {
	c := openTest(t)
	h := mustParse(t, "Super+F9")
	release, err := c.Grab(h, func() {})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Grab(h, func() {}); err == nil || errors.Is(err, ErrTaken) {
		t.Fatalf("second Grab error = %v, want 'already grabbed by this application'", err)
	}
	release()
	if _, err := c.Grab(h, func() {}); err != nil {
		t.Fatalf("Grab after release: %v", err)
	}
}

func TestGrabKeysymNotOnKeyboard(t *testing.T) {
	c := openTest(t)
	h := keys.Combo{Mods: keys.Ctrl, Sym: 0x100263a} // ☺, which no key types
	_, err := c.Grab(h, func() {})
	if err == nil || !strings.Contains(err.Error(), "no key on this keyboard") {
		t.Fatalf("Grab error = %v, want 'no key on this keyboard'", err)
	}
}

// setKeysyms maps code to syms (none: the key types nothing), as a layout
// switch does.
func (cl *client) setKeysyms(t *testing.T, code xproto.Keycode, syms []xproto.Keysym) {
	t.Helper()
	km, err := readKeymap(cl.x)
	if err != nil {
		t.Fatal(err)
	}
	row := make([]xproto.Keysym, km.perCode)
	copy(row, syms)
	if err := xproto.ChangeKeyboardMappingChecked(cl.x, 1, code, byte(km.perCode), row).Check(); err != nil {
		t.Fatal(err)
	}
}

// A new keyboard mapping moves the hotkey's keysym to another key: the
// hotkey follows it there, and the old key is given back.
func TestGrabFollowsTheKeyboardMapping(t *testing.T) {
	c := openTest(t)
	cl := newClient(t)
	h := mustParse(t, "Ctrl+Shift+F9")
	done, pressed := counter()
	release, err := c.Grab(h, pressed)
	if err != nil {
		t.Fatal(err)
	}
	defer release()

	km, err := readKeymap(cl.x)
	if err != nil {
		t.Fatal(err)
	}
	old := km.keycodes(h.Sym)
	if len(old) != 1 {
		t.Fatalf("F9 is on %d keys; the test moves one", len(old))
	}
	oldSyms := slices.Clone(km.syms[int(old[0]-km.first)*km.perCode:][:km.perCode])
	var free xproto.Keycode
	for code := km.first; int(code-km.first+1)*km.perCode <= len(km.syms) && code < 255; code++ {
		row := km.syms[int(code-km.first)*km.perCode:][:km.perCode]
		if !slices.ContainsFunc(row, func(s xproto.Keysym) bool { return s != 0 }) {
			free = code
			break
		}
	}
	if free == 0 {
		t.Skip("no unused keycode to move F9 to")
	}
	cl.setKeysyms(t, free, []xproto.Keysym{xproto.Keysym(h.Sym)})
	cl.setKeysyms(t, old[0], nil)
	t.Cleanup(func() {
		cl.setKeysyms(t, free, nil)
		cl.setKeysyms(t, old[0], oldSyms)
	})
	fence(t, c, cl) // c has seen the new mapping and grabbed again

	grabbable := func(code xproto.Keycode) bool {
		err := xproto.GrabKeyChecked(cl.x, false, cl.root, h.Mods, code, xproto.GrabModeAsync, xproto.GrabModeAsync).Check()
		if err == nil {
			xproto.UngrabKey(cl.x, code, cl.root, h.Mods)
			cl.x.Sync()
		}
		return err == nil
	}
	if grabbable(free) {
		t.Error("the key that now types F9 is not grabbed")
	}
	if !grabbable(old[0]) {
		t.Error("the key that typed F9 is still grabbed")
	}
	cl.typeHotkey(t, h) // on the new key
	wait(t, done, "the hotkey on its new key")
}
