package x11

import (
	"testing"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// wm does what a window manager and its clients do, from another connection.
type wm struct {
	*client
	t                                *testing.T
	netActive, netWMName, utf8String xproto.Atom
}

func newWM(t *testing.T) *wm {
	cl := newClient(t)
	a, err := internAtoms(cl.x)
	if err != nil {
		t.Fatal(err)
	}
	w := &wm{client: cl, t: t, netActive: a.netActiveWindow, netWMName: a.netWMName, utf8String: a.utf8String}
	t.Cleanup(func() { xproto.DeleteProperty(cl.x, cl.root, w.netActive) })
	return w
}

func (w *wm) window(class, title string) xproto.Window {
	w.t.Helper()
	id, err := xproto.NewWindowId(w.x)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := xproto.CreateWindowChecked(w.x, 0, id, w.root, 0, 0, 10, 10, 0,
		xproto.WindowClassInputOutput, 0, 0, nil).Check(); err != nil {
		w.t.Fatal(err)
	}
	w.set(id, xproto.AtomWmClass, xproto.AtomString, class)
	if title != "" {
		w.set(id, w.netWMName, w.utf8String, title)
	}
	return id
}

// set waits for the server, so that the PropertyNotify it causes is queued
// before anything the test does next.
func (w *wm) set(win xproto.Window, prop, typ xproto.Atom, value string) {
	w.t.Helper()
	if err := xproto.ChangePropertyChecked(w.x, xproto.PropModeReplace, win, prop, typ, 8,
		uint32(len(value)), []byte(value)).Check(); err != nil {
		w.t.Fatal(err)
	}
}

func (w *wm) activate(win xproto.Window) {
	w.t.Helper()
	v := make([]byte, 4)
	xgb.Put32(v, uint32(win))
	if err := xproto.ChangePropertyChecked(w.x, xproto.PropModeReplace, w.root, w.netActive,
		xproto.AtomWindow, 32, 1, v).Check(); err != nil {
		w.t.Fatal(err)
	}
}

func expectWindow(t *testing.T, ch <-chan Window, want Window) {
	t.Helper()
	if got := wait(t, ch, "a change to "+want.Title); got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestActiveWithoutWindowManager(t *testing.T) {
	c := openTest(t)
	w, err := c.Active()
	if err != nil || w != (Window{}) {
		t.Fatalf("Active() = %+v, %v; want no window", w, err)
	}
}

func TestWatchActive(t *testing.T) {
	c := openTest(t)
	wm := newWM(t)
	slackID := wm.window("slack\x00Slack\x00", "general | Acme - Slack")
	zoomID := wm.window("zoom\x00zoom\x00", "Zoom Meeting – Standup")
	slack := Window{ID: uint32(slackID), Instance: "slack", Class: "Slack", Title: "general | Acme - Slack"}
	zoom := Window{ID: uint32(zoomID), Instance: "zoom", Class: "zoom", Title: "Zoom Meeting – Standup"}

	changes := make(chan Window, 10)
	stop, err := c.WatchActive(func(w Window) { changes <- w })
	if err != nil {
		t.Fatal(err)
	}
	wm.activate(slackID)
	expectWindow(t, changes, slack)
	wm.activate(zoomID)
	expectWindow(t, changes, zoom)
	if w, err := c.Active(); err != nil || w != zoom {
		t.Fatalf("Active() = %+v, %v; want %+v", w, err, zoom)
	}

	// Nothing the app cares about changes: the window manager re-sets the
	// same active window, the active window changes another property, and
	// an inactive window changes its title.
	wm.activate(zoomID)
	wm.set(zoomID, xproto.AtomWmIconName, xproto.AtomString, "zoom")
	wm.set(slackID, wm.netWMName, wm.utf8String, "random | Acme - Slack")
	fence(t, c, wm.client)
	if n := len(changes); n != 0 {
		t.Fatalf("%d callbacks without a change, first %+v", n, <-changes)
	}

	// The active window's title changes, as a browser's does on a tab switch.
	zoom.Title = "Zoom Meeting – Retro"
	wm.set(zoomID, wm.netWMName, wm.utf8String, zoom.Title)
	expectWindow(t, changes, zoom)

	// An old client with only a Latin-1 WM_NAME.
	oldID := wm.window("xterm\x00XTerm\x00", "")
	wm.set(oldID, xproto.AtomWmName, xproto.AtomString, "caf\xe9")
	wm.activate(oldID)
	expectWindow(t, changes, Window{ID: uint32(oldID), Instance: "xterm", Class: "XTerm", Title: "café"})

	// The active window closes before it could be read; the next one counts.
	gone := wm.window("gone\x00Gone\x00", "gone")
	xproto.DestroyWindow(wm.x, gone)
	wm.activate(gone)
	wm.activate(slackID)
	slack.Title = "random | Acme - Slack"
	expectWindow(t, changes, slack)

	wm.activate(0)
	expectWindow(t, changes, Window{})

	stop()
	stop()
	wm.activate(zoomID)
	// A second watcher starts from the current state, so it reports only
	// what comes after; the stopped one must not hear of either change.
	again := make(chan Window, 10)
	stop2, err := c.WatchActive(func(w Window) { again <- w })
	if err != nil {
		t.Fatal(err)
	}
	defer stop2()
	wm.activate(slackID)
	expectWindow(t, again, slack)
	if n := len(changes); n != 0 {
		t.Fatalf("stopped watcher called %d times", n)
	}
}
