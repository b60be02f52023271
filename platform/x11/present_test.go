package x11

import (
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// state reads, from cl's connection, whether win is mapped and whether it
// has the input focus.
func state(t *testing.T, cl *client, win xproto.Window) (viewable, focused bool) {
	t.Helper()
	a, err := xproto.GetWindowAttributes(cl.x, win).Reply()
	if err != nil {
		t.Fatal(err)
	}
	f, err := xproto.GetInputFocus(cl.x).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return a.MapState == xproto.MapStateViewable, f.Focus == win
}

// With no window manager, the window is mapped and focused by the time
// Present returns: nothing waits or polls after it.
func TestPresentWithoutWindowManager(t *testing.T) {
	c := openTest(t)
	toolkit := newWM(t) // the toolkit owning the window is another client
	win := toolkit.window("pingwise\x00Pingwise\x00", "Sync or async?")
	t.Cleanup(func() { xproto.DestroyWindow(toolkit.x, win) })

	if viewable, focused := state(t, toolkit.client, win); viewable || focused {
		t.Fatalf("before Present: viewable %v, focused %v", viewable, focused)
	}
	if err := c.Present(uint32(win)); err != nil {
		t.Fatal(err)
	}
	if viewable, focused := state(t, toolkit.client, win); !viewable || !focused {
		t.Fatalf("after Present: viewable %v, focused %v; want both", viewable, focused)
	}
	// Again while shown: nothing changes, nothing fails.
	if err := c.Present(uint32(win)); err != nil {
		t.Fatal(err)
	}

	// A window closed meanwhile is no error: the toolkit's show reports it.
	gone := toolkit.window("gone\x00Gone\x00", "gone")
	if err := xproto.DestroyWindowChecked(toolkit.x, gone).Check(); err != nil {
		t.Fatal(err)
	}
	if err := c.Present(uint32(gone)); err != nil {
		t.Fatalf("Present of a closed window: %v", err)
	}
	c.Close()
	if err := c.Present(uint32(win)); err != errClosed {
		t.Fatalf("Present after Close: %v, want %v", err, errClosed)
	}
}

// After PresentAhead, Present returns without a round trip, and what it
// sent is done all the same: the window maps and takes the focus.
func TestPresentAhead(t *testing.T) {
	c := openTest(t)
	c.PresentAhead()
	toolkit := newWM(t)
	win := toolkit.window("pingwise\x00Pingwise\x00", "Sync or async?")
	t.Cleanup(func() { xproto.DestroyWindow(toolkit.x, win) })
	if err := c.Present(uint32(win)); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		viewable, focused := state(t, toolkit.client, win)
		if viewable && focused {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("2 s after Present: viewable %v, focused %v; want both", viewable, focused)
		}
	}
}

// Under an EWMH window manager, Present asks it to map and activate the
// window, and sets nothing behind its back.
func TestPresentUnderWindowManager(t *testing.T) {
	c := openTest(t)
	wm := newWM(t)
	a, err := internAtoms(wm.x)
	if err != nil {
		t.Fatal(err)
	}
	check := a.netSupportingWMCheck
	self := wm.window("wm\x00WM\x00", "")
	id := make([]byte, 4)
	xgb.Put32(id, uint32(self))
	for _, w := range []xproto.Window{wm.root, self} {
		if err := xproto.ChangePropertyChecked(wm.x, xproto.PropModeReplace, w, check,
			xproto.AtomWindow, 32, 1, id).Check(); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { xproto.DeleteProperty(wm.x, wm.root, check) })
	// Only a window manager may redirect the root's children; the
	// connection's close at cleanup gives it up.
	if err := xproto.ChangeWindowAttributesChecked(wm.x, wm.root, xproto.CwEventMask,
		[]uint32{xproto.EventMaskSubstructureRedirect | xproto.EventMaskSubstructureNotify}).Check(); err != nil {
		t.Fatalf("become the window manager: %v", err)
	}
	events := make(chan xgb.Event, 16)
	go func() {
		for {
			ev, err := wm.x.WaitForEvent()
			if ev == nil && err == nil {
				return
			}
			if ev != nil {
				events <- ev
			}
		}
	}()

	toolkit := newWM(t)
	win := toolkit.window("pingwise\x00Pingwise\x00", "Sync or async?")
	if err := c.Present(uint32(win)); err != nil {
		t.Fatal(err)
	}
	var mapRequested, activation bool
	deadline := time.After(2 * time.Second)
	for !mapRequested || !activation {
		select {
		case ev := <-events:
			switch ev := ev.(type) {
			case xproto.MapRequestEvent:
				mapRequested = mapRequested || ev.Window == win
			case xproto.ClientMessageEvent:
				if ev.Type == wm.netActive && ev.Window == win {
					activation = true
					if src := ev.Data.Data32[0]; src != 1 {
						t.Errorf("_NET_ACTIVE_WINDOW source %d, want 1 (an application)", src)
					}
				}
			}
		case <-deadline:
			t.Fatalf("window manager saw map request %v, activation request %v; want both", mapRequested, activation)
		}
	}
	if viewable, focused := state(t, toolkit.client, win); viewable || focused {
		t.Fatalf("the window manager has not acted, yet viewable %v, focused %v", viewable, focused)
	}
}
