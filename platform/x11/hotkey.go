package x11

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/keys"
)

// The lock keys' keysyms: their modifiers are grabbed in every variant.
const (
	symNum = 0xff7f // Num_Lock
	symScr = 0xff14 // Scroll_Lock
)

// ErrTaken is wrapped in Grab's error when another application holds the
// key, as in "x11: Ctrl+Shift+Space is already taken by another application".
var ErrTaken = platform.ErrKeyTaken

type grab struct {
	hotkey keys.Combo
	codes  []xproto.Keycode
	// grabbed lists each keycode and modifier variant held at the server.
	grabbed []keyMods
	pressed func()
}

type keyMods struct {
	code xproto.Keycode
	mods uint16
}

// Grab makes h a global hotkey: pressed runs on the event goroutine each time
// it is pressed, whatever the state of CapsLock, NumLock and ScrollLock.
// Holding the key down fires once: the server's autorepeat is ignored.
// release gives the key back; a press already being dispatched may still
// run after it returns.
func (c *Conn) Grab(h keys.Combo, pressed func()) (release func(), err error) {
	if pressed == nil {
		return nil, errors.New("x11: Grab needs a callback")
	}
	if c.closed.Load() {
		return nil, errClosed
	}
	c.grabMu.Lock()
	defer c.grabMu.Unlock()

	km, err := readKeymap(c.x)
	if err != nil {
		return nil, err
	}
	codes := km.keycodes(h.Sym)
	if len(codes) == 0 {
		return nil, fmt.Errorf("x11: cannot grab %s: no key on this keyboard types %s", h, keys.KeyName(h.Sym))
	}
	locks, err := lockModifiers(c.x, km)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	taken := slices.ContainsFunc(c.grabs, func(g *grab) bool { return g.hotkey == h })
	c.lockMods = locks
	c.mu.Unlock()
	if taken {
		return nil, fmt.Errorf("x11: %s is already grabbed by this application", h)
	}

	g := &grab{hotkey: h, codes: codes, pressed: pressed}
	if g.grabbed, err = c.grabKeys(codes, h.Mods, locks); err != nil {
		if errors.As(err, new(xproto.AccessError)) {
			return nil, fmt.Errorf("x11: %s is %w", h, ErrTaken)
		}
		return nil, fmt.Errorf("x11: cannot grab %s: %w", h, err)
	}

	c.mu.Lock()
	c.grabs = append(c.grabs, g)
	c.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			c.grabMu.Lock()
			defer c.grabMu.Unlock()
			c.mu.Lock()
			c.grabs = slices.DeleteFunc(c.grabs, func(o *grab) bool { return o == g })
			c.mu.Unlock()
			c.ungrab(g)
		})
	}, nil
}

// grabKeys grabs each key in codes with mods and every combination of the
// lock modifiers: the server matches modifiers exactly. All requests go out
// before the first Check waits, which makes this one round trip. On an
// error nothing stays grabbed.
func (c *Conn) grabKeys(codes []xproto.Keycode, mods, locks uint16) ([]keyMods, error) {
	var want []keyMods
	for _, code := range codes {
		for _, v := range subsets(locks &^ mods) {
			want = append(want, keyMods{code, mods | v})
		}
	}
	cookies := make([]xproto.GrabKeyCookie, len(want))
	for i, w := range want {
		cookies[i] = xproto.GrabKeyChecked(c.x, false, c.root, w.mods, w.code, xproto.GrabModeAsync, xproto.GrabModeAsync)
	}
	var grabbed []keyMods
	var firstErr error
	for i, ck := range cookies {
		if err := ck.Check(); err != nil {
			firstErr = cmp.Or(firstErr, err)
			continue
		}
		grabbed = append(grabbed, want[i])
	}
	if firstErr != nil {
		c.ungrab(&grab{grabbed: grabbed})
		return nil, firstErr
	}
	return grabbed, nil
}

// remap follows a new keyboard or modifier mapping (another layout, a
// remapped key): the keys that type each hotkey, and the lock modifiers,
// may now be others, so every hotkey is grabbed again on the keys of the
// new mapping. A hotkey no key types any more, or that another application
// took meanwhile, stays released until the mapping changes again.
func (c *Conn) remap() {
	c.grabMu.Lock()
	defer c.grabMu.Unlock()
	km, err := readKeymap(c.x)
	if err != nil {
		return // the connection is going; nothing to follow
	}
	locks, err := lockModifiers(c.x, km)
	if err != nil {
		return
	}
	c.mu.Lock()
	c.lockMods = locks
	grabs := slices.Clone(c.grabs)
	c.mu.Unlock()
	for _, g := range grabs {
		c.ungrab(g)
		codes := km.keycodes(g.hotkey.Sym)
		grabbed, err := c.grabKeys(codes, g.hotkey.Mods, locks)
		if err != nil {
			codes = nil
		}
		c.mu.Lock()
		g.codes, g.grabbed = codes, grabbed
		c.mu.Unlock()
	}
}

// ungrab waits for the server, so that the key is free for other clients
// once release returns.
func (c *Conn) ungrab(g *grab) {
	if len(g.grabbed) == 0 || c.closed.Load() {
		return
	}
	for _, w := range g.grabbed {
		xproto.UngrabKey(c.x, w.code, c.root, w.mods)
	}
	c.x.Sync()
}

// subsets returns every combination of the bits in mask, including none.
func subsets(mask uint16) []uint16 {
	out := []uint16{0}
	for bit := uint16(1); bit != 0 && bit <= mask; bit <<= 1 {
		if mask&bit == 0 {
			continue
		}
		for _, s := range out {
			out = append(out, s|bit)
		}
	}
	return out
}

func (c *Conn) keyPressed(ev xproto.KeyPressEvent) {
	c.mu.Lock()
	// Core X autorepeat sends a release and a press with the same timestamp
	// while the key is held; a person cannot do both within a millisecond.
	repeat := c.released[ev.Detail] == ev.Time
	var fire func()
	if !repeat {
		fire = c.match(ev.Detail, ev.State)
	}
	c.mu.Unlock()
	if fire != nil {
		fire()
	}
}

func (c *Conn) keyReleased(ev xproto.KeyReleaseEvent) {
	c.mu.Lock()
	c.released[ev.Detail] = ev.Time
	c.mu.Unlock()
}

// match must be called with c.mu held.
func (c *Conn) match(code xproto.Keycode, state uint16) func() {
	const keyMask = 0xff // the eight modifiers; higher bits are mouse buttons
	for _, g := range c.grabs {
		if !slices.Contains(g.codes, code) {
			continue
		}
		if state&keyMask&^(c.lockMods&^g.hotkey.Mods) == g.hotkey.Mods {
			return g.pressed
		}
	}
	return nil
}

// keymap is the keyboard mapping: the keysyms each keycode types, in rows of
// perCode starting at keycode first.
type keymap struct {
	first   xproto.Keycode
	perCode int
	syms    []xproto.Keysym
}

func readKeymap(x *xgb.Conn) (keymap, error) {
	setup := xproto.Setup(x)
	first, last := setup.MinKeycode, setup.MaxKeycode
	r, err := xproto.GetKeyboardMapping(x, first, byte(last-first+1)).Reply()
	if err != nil {
		return keymap{}, fmt.Errorf("x11: read keyboard mapping: %w", err)
	}
	return keymap{first: first, perCode: int(r.KeysymsPerKeycode), syms: r.Keysyms}, nil
}

// keycodes returns every key that types sym at any shift level or layout
// group; a keyboard may have several (two Shift keys, say).
func (km keymap) keycodes(sym uint32) []xproto.Keycode {
	var out []xproto.Keycode
	for i := 0; km.perCode > 0 && (i+1)*km.perCode <= len(km.syms); i++ {
		if km.types(km.first+xproto.Keycode(i), sym) {
			out = append(out, km.first+xproto.Keycode(i))
		}
	}
	return out
}

func (km keymap) types(code xproto.Keycode, sym uint32) bool {
	if code < km.first {
		return false
	}
	i := int(code-km.first) * km.perCode
	if i+km.perCode > len(km.syms) {
		return false
	}
	return slices.Contains(km.syms[i:i+km.perCode], xproto.Keysym(sym))
}

// lockModifiers finds the modifier bits of CapsLock, NumLock and ScrollLock.
// NumLock is usually Mod2, but the modifier mapping decides.
func lockModifiers(x *xgb.Conn, km keymap) (uint16, error) {
	r, err := xproto.GetModifierMapping(x).Reply()
	if err != nil {
		return 0, fmt.Errorf("x11: read modifier mapping: %w", err)
	}
	mask := uint16(xproto.ModMaskLock)
	per := int(r.KeycodesPerModifier)
	for mod := 0; mod < 8; mod++ {
		for _, code := range r.Keycodes[mod*per : (mod+1)*per] {
			if code != 0 && (km.types(code, symNum) || km.types(code, symScr)) {
				mask |= 1 << mod
			}
		}
	}
	return mask, nil
}

// Bind grabs spec, a key spec such as "Ctrl+Shift+Space" (see keys.Parse):
// the platform.Hotkey of an X11 session.
func (c *Conn) Bind(spec string, pressed func()) (release func(), err error) {
	h, err := keys.Parse(spec)
	if err != nil {
		return nil, err
	}
	return c.Grab(h, pressed)
}
