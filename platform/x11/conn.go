package x11

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// closeTimeout bounds Close: a hung X server never answers the round trip xgb
// makes while closing, and the app must still be able to quit.
const closeTimeout = 2 * time.Second

var errClosed = errors.New("x11: connection closed")

// Conn is one connection to the X server. A single goroutine reads its events
// and runs the callbacks given to Grab and WatchActive, so callbacks must
// return quickly and must not call Close. Methods are safe for concurrent use.
type Conn struct {
	x     *xgb.Conn
	root  xproto.Window
	atoms atoms

	// idleErr says why Idle cannot work on this server; found once in Open.
	idleErr error

	closed atomic.Bool
	done   chan struct{} // closed when the event goroutine has returned

	// grabMu serialises Grab and release, so that checking for a duplicate
	// and grabbing at the X server happen as one step.
	grabMu sync.Mutex

	mu       sync.Mutex // guards the fields below; never held across X round trips
	grabs    []*grab
	lockMods uint16
	released map[xproto.Keycode]xproto.Timestamp

	watch watchState

	// wm caches whether an EWMH window manager runs, for Present.
	wm atomic.Value
	// ahead: Present does not wait for the server (PresentAhead).
	ahead bool
}

type atoms struct {
	netActiveWindow, netWMName, utf8String, netSupportingWMCheck xproto.Atom
}

var quietXGB sync.Once

// Dial connects to the X server of display, or of $DISPLAY when display is "".
func Dial(display string) (*Conn, error) {
	// xgb logs to stderr, e.g. a notice whenever there is no Xauthority
	// entry, which is normal; errors reach us through return values anyway.
	quietXGB.Do(func() { xgb.Logger.SetOutput(io.Discard) })

	if display == "" {
		display = os.Getenv("DISPLAY")
	}
	if display == "" {
		return nil, errors.New("x11: no X server: $DISPLAY is not set (not an X11 session?)")
	}
	x, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, fmt.Errorf("x11: no X server at display %q: %w", display, err)
	}
	c := &Conn{
		x:        x,
		root:     xproto.Setup(x).DefaultScreen(x).Root,
		done:     make(chan struct{}),
		released: make(map[xproto.Keycode]xproto.Timestamp),
		watch:    watchState{fns: make(map[int]func(Window))},
	}
	if c.atoms, err = internAtoms(x); err != nil {
		x.Close()
		return nil, err
	}
	c.idleErr = initScreenSaver(x)
	go c.readEvents()
	return c, nil
}

func internAtoms(x *xgb.Conn) (atoms, error) {
	names := []string{"_NET_ACTIVE_WINDOW", "_NET_WM_NAME", "UTF8_STRING", "_NET_SUPPORTING_WM_CHECK"}
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, name := range names {
		cookies[i] = xproto.InternAtom(x, false, uint16(len(name)), name)
	}
	got := make([]xproto.Atom, len(names))
	for i, ck := range cookies {
		r, err := ck.Reply()
		if err != nil {
			return atoms{}, fmt.Errorf("x11: intern atom %s: %w", names[i], err)
		}
		got[i] = r.Atom
	}
	return atoms{netActiveWindow: got[0], netWMName: got[1], utf8String: got[2], netSupportingWMCheck: got[3]}, nil
}

// Close disconnects from the X server, which drops this client's key grabs
// and event selections with it, and waits for the event goroutine to end.
// It gives up after a few seconds if the server does not answer.
func (c *Conn) Close() error {
	if c.closed.Swap(true) {
		return nil
	}
	// xgb's Close blocks on a round trip; waiting on done instead lets us
	// bound the wait.
	go c.x.Close()
	timer := time.NewTimer(closeTimeout)
	defer timer.Stop()
	select {
	case <-c.done:
		return nil
	case <-timer.C:
		return fmt.Errorf("x11: X server did not answer within %v; connection abandoned", closeTimeout)
	}
}

func (c *Conn) readEvents() {
	defer close(c.done)
	for {
		ev, xerr := c.x.WaitForEvent()
		if ev == nil && xerr == nil {
			return // closed by us or lost
		}
		// X errors arriving here belong to unchecked requests about windows
		// that vanished meanwhile, such as a just-closed active window.
		switch ev := ev.(type) {
		case xproto.KeyPressEvent:
			c.keyPressed(ev)
		case xproto.KeyReleaseEvent:
			c.keyReleased(ev)
		case xproto.PropertyNotifyEvent:
			c.propertyChanged(ev)
		case xproto.MappingNotifyEvent:
			if ev.Request != xproto.MappingPointer {
				c.remap()
			}
		}
	}
}
