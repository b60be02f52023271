package x11

import (
	"fmt"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Present maps win, a hidden top-level window of this process's toolkit,
// gives it the keyboard, and returns once the X server has done both.
//
// A toolkit maps its window, asks for the focus, and at once paints the
// first frame. Where that paint is done in software (Mesa's llvmpipe under
// Xvfb, or a desktop without GPU drivers), it takes every core for a few
// milliseconds and the X server reaches the focus request only after it:
// keys typed at once still go to the window behind. Called just before the
// toolkit shows the window, Present has the server map and focus it first;
// the toolkit then finds it mapped, asks for the focus again (harmless),
// and paints.
//
// Under an EWMH window manager the focus is asked for with a
// _NET_ACTIVE_WINDOW message, as toolkits do; without one, it is set.
//
// After PresentAhead, it returns as soon as the requests are sent.
func (c *Conn) Present(win uint32) error {
	if c.closed.Load() {
		return errClosed
	}
	w := xproto.Window(win)
	// Whether a window manager runs costs two round trips to learn, so the
	// answer found after the last call is used, and refreshed for the next
	// one. A stale answer for one show (a window manager just started or
	// quit) only leaves the focus to the toolkit's own request.
	managed, known := c.wm.Load().(bool)
	if !known {
		managed = c.managed()
		c.wm.Store(managed)
	}
	xproto.MapWindow(c.x, w)
	if managed {
		// Source 1: a normal application, not a pager overriding the
		// window manager's rules against focus stealing.
		ev := xproto.ClientMessageEvent{Format: 32, Window: w, Type: c.atoms.netActiveWindow,
			Data: xproto.ClientMessageDataUnionData32New([]uint32{1, xproto.TimeCurrentTime, 0, 0, 0})}
		xproto.SendEvent(c.x, false, c.root,
			xproto.EventMaskSubstructureNotify|xproto.EventMaskSubstructureRedirect, string(ev.Bytes()))
	} else {
		xproto.SetInputFocus(c.x, xproto.InputFocusParent, w, xproto.TimeCurrentTime)
	}
	if c.ahead {
		go func() { c.wm.Store(c.managed()) }() // for the next show
		return nil
	}
	// The server answers in order, so this reply means both were handled.
	// Errors of the two requests above (the window is gone) arrive as
	// events and are dropped: the toolkit's own show reports its trouble.
	if _, err := xproto.GetInputFocus(c.x).Reply(); err != nil {
		return fmt.Errorf("x11: present window %#x: %w", win, err)
	}
	go func() { c.wm.Store(c.managed()) }() // for the next show
	return nil
}

// managed reports whether an EWMH window manager runs: the root names a
// check window that names itself, so that a property left by a window
// manager that has since exited does not count.
func (c *Conn) managed() bool {
	check := func(win xproto.Window) xproto.Window {
		r, err := xproto.GetProperty(c.x, false, win, c.atoms.netSupportingWMCheck, xproto.AtomWindow, 0, 1).Reply()
		if err != nil || r.Format != 32 || r.ValueLen < 1 {
			return 0
		}
		return xproto.Window(xgb.Get32(r.Value))
	}
	w := check(c.root)
	return w != 0 && check(w) == w
}

// PresentAhead makes Present return once its requests are sent, without
// waiting for the server to handle them: for XWayland, the X server of a
// Wayland compositor. There the compositor maps the window and gives it
// the keyboard when the toolkit's first frame arrives, whatever was asked
// before, so the round trip (1.5 ms on headless sway, through the
// compositor's window manager) only holds that frame back; the requests,
// sent at once, still let the compositor map the window while the frame
// is painted. On a plain X server the wait stays: there the focus must be
// set before a paint that takes every core. Call it before the first
// Present.
func (c *Conn) PresentAhead() { c.ahead = true }
