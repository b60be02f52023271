package x11

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Window describes a top-level window as its application labels it:
// Instance and Class come from WM_CLASS (e.g. "slack", "Slack"), Title from
// _NET_WM_NAME or, for old clients, WM_NAME.
type Window struct {
	ID              uint32
	Instance, Class string
	Title           string
}

// watchState follows the active window for WatchActive. Its mutex is held
// across X round trips (never across callbacks), so that the selection on
// the active window and the last reported state change together.
type watchState struct {
	mu   sync.Mutex
	fns  map[int]func(Window)
	next int
	// selected is the active window whose property changes we receive.
	selected xproto.Window
	// last is what the watchers were last told, so that repeats of the same
	// state (window managers re-set _NET_ACTIVE_WINDOW often) are dropped.
	last Window
}

// Active returns the window the window manager marks active in
// _NET_ACTIVE_WINDOW; its ID is 0 when there is none, or no EWMH window
// manager runs.
func (c *Conn) Active() (Window, error) {
	if c.closed.Load() {
		return Window{}, errClosed
	}
	id, err := c.activeID()
	if err != nil || id == 0 {
		return Window{}, err
	}
	return c.describe(id)
}

// WatchActive calls changed on the event goroutine whenever another window
// becomes active or the active window's class or title changes (a browser
// switching tabs); Active gives the starting state. It listens for property
// changes, so nothing polls. After stop returns, a change already being
// dispatched may still arrive.
func (c *Conn) WatchActive(changed func(Window)) (stop func(), err error) {
	if changed == nil {
		return nil, errors.New("x11: WatchActive needs a callback")
	}
	if c.closed.Load() {
		return nil, errClosed
	}
	w := &c.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.fns) == 0 {
		err := xproto.ChangeWindowAttributesChecked(c.x, c.root, xproto.CwEventMask,
			[]uint32{xproto.EventMaskPropertyChange}).Check()
		if err != nil {
			return nil, fmt.Errorf("x11: watch the root window: %w", err)
		}
		// An active window that vanishes before we read it is not an error:
		// the window manager will soon name the next one.
		w.last, _ = c.follow()
	}
	id := w.next
	w.next++
	w.fns[id] = changed
	var once sync.Once
	return func() {
		once.Do(func() {
			w.mu.Lock()
			defer w.mu.Unlock()
			delete(w.fns, id)
			if len(w.fns) == 0 && !c.closed.Load() {
				c.selectProperties(c.root, false)
				c.selectProperties(w.selected, false)
				w.selected, w.last = 0, Window{}
			}
		})
	}, nil
}

func (c *Conn) propertyChanged(ev xproto.PropertyNotifyEvent) {
	w := &c.watch
	w.mu.Lock()
	relevant := len(w.fns) > 0 &&
		(ev.Window == c.root && ev.Atom == c.atoms.netActiveWindow ||
			ev.Window == w.selected && (ev.Atom == c.atoms.netWMName || ev.Atom == xproto.AtomWmName || ev.Atom == xproto.AtomWmClass))
	if !relevant {
		w.mu.Unlock()
		return
	}
	win, err := c.follow()
	if err != nil || win == w.last {
		w.mu.Unlock()
		return
	}
	w.last = win
	fns := make([]func(Window), 0, len(w.fns))
	for _, f := range w.fns {
		fns = append(fns, f)
	}
	w.mu.Unlock()
	for _, f := range fns {
		f(win)
	}
}

// follow reads the active window and moves our property selection to it
// before reading its properties, so a title change in between is not lost.
// c.watch.mu must be held.
func (c *Conn) follow() (Window, error) {
	w := &c.watch
	id, err := c.activeID()
	if err != nil {
		return Window{}, err
	}
	if id != w.selected {
		c.selectProperties(w.selected, false)
		c.selectProperties(id, true)
		w.selected = id
	}
	if id == 0 {
		return Window{}, nil
	}
	return c.describe(id)
}

// selectProperties is unchecked: the window may already be gone, and the
// resulting BadWindow error is harmless.
func (c *Conn) selectProperties(win xproto.Window, on bool) {
	if win == 0 {
		return
	}
	var mask uint32
	if on {
		mask = xproto.EventMaskPropertyChange
	}
	xproto.ChangeWindowAttributes(c.x, win, xproto.CwEventMask, []uint32{mask})
}

func (c *Conn) activeID() (xproto.Window, error) {
	// Any type: a few window managers store it as CARDINAL, not WINDOW.
	r, err := xproto.GetProperty(c.x, false, c.root, c.atoms.netActiveWindow, xproto.GetPropertyTypeAny, 0, 1).Reply()
	if err != nil {
		return 0, fmt.Errorf("x11: read _NET_ACTIVE_WINDOW: %w", err)
	}
	if r.Format != 32 || r.ValueLen < 1 {
		return 0, nil
	}
	return xproto.Window(xgb.Get32(r.Value)), nil
}

// describe sends all three reads before waiting for the first reply.
func (c *Conn) describe(id xproto.Window) (Window, error) {
	const maxLongs = 1024 // 4 KiB: longer titles are cut
	class := xproto.GetProperty(c.x, false, id, xproto.AtomWmClass, xproto.GetPropertyTypeAny, 0, maxLongs)
	netName := xproto.GetProperty(c.x, false, id, c.atoms.netWMName, c.atoms.utf8String, 0, maxLongs)
	name := xproto.GetProperty(c.x, false, id, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, maxLongs)
	var texts [3]string
	for i, ck := range []xproto.GetPropertyCookie{class, netName, name} {
		r, err := ck.Reply()
		if err != nil {
			return Window{}, fmt.Errorf("x11: read window %#x: %w", id, err)
		}
		texts[i] = propertyText(r)
	}
	win := Window{ID: uint32(id), Title: cmp.Or(texts[1], texts[2])}
	// WM_CLASS is "instance\x00class\x00".
	win.Instance, win.Class, _ = strings.Cut(strings.TrimSuffix(texts[0], "\x00"), "\x00")
	return win, nil
}

// propertyText decodes a string property: STRING is Latin-1 by the ICCCM; anything
// else (UTF8_STRING, COMPOUND_TEXT) is taken as UTF-8, the common case.
func propertyText(r *xproto.GetPropertyReply) string {
	n := int(r.ValueLen) * int(r.Format) / 8
	if r.Format != 8 || n > len(r.Value) {
		return ""
	}
	v := r.Value[:n]
	if r.Type == xproto.AtomString {
		runes := make([]rune, len(v))
		for i, b := range v {
			runes[i] = rune(b)
		}
		return string(runes)
	}
	return strings.ToValidUTF8(string(v), "\uFFFD")
}
