package x11

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb/xproto"
)

func TestOpenWithoutServer(t *testing.T) {
	t.Setenv("DISPLAY", "")
	if _, err := Dial(""); err == nil || !strings.Contains(err.Error(), "$DISPLAY is not set") {
		t.Errorf("Open with no $DISPLAY: %v", err)
	}
	if _, err := Dial(":64999"); err == nil || !strings.Contains(err.Error(), `no X server at display ":64999"`) {
		t.Errorf("Open of a display nobody serves: %v", err)
	}
}

func TestOpenDefaultsToDISPLAY(t *testing.T) {
	if testDisplay == "" {
		t.Skip("no X server (Xvfb not installed)")
	}
	t.Setenv("DISPLAY", testDisplay)
	c, err := Dial("")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCloseWhileGrabbingAndWatching(t *testing.T) {
	c := openTest(t)
	cl := newClient(t)
	h := mustParse(t, "Ctrl+Shift+Space")
	release, err := c.Grab(h, func() {})
	if err != nil {
		t.Fatal(err)
	}
	stop, err := c.WatchActive(func(Window) {})
	if err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("Close took %v", took)
	}
	select {
	case <-c.done:
	default:
		t.Fatal("event goroutine still running after Close")
	}
	if err := c.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	release()
	stop()

	// The server dropped the grab with the connection.
	if err := xproto.GrabKeyChecked(cl.x, false, cl.root, h.Mods, cl.keycode(t, h.Sym),
		xproto.GrabModeAsync, xproto.GrabModeAsync).Check(); err != nil {
		t.Errorf("key still grabbed after Close: %v", err)
	}
	if _, err := c.Grab(mustParse(t, "Ctrl+Alt+P"), func() {}); !errors.Is(err, errClosed) {
		t.Errorf("Grab after Close: %v", err)
	}
	if _, err := c.Active(); !errors.Is(err, errClosed) {
		t.Errorf("Active after Close: %v", err)
	}
	if _, err := c.Idle(); !errors.Is(err, errClosed) {
		t.Errorf("Idle after Close: %v", err)
	}
}
