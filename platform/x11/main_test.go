package x11

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"
	"github.com/pingwise/pingwise/platform/keys"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
)

// testDisplay is the private Xvfb the X tests use; "" skips them.
var testDisplay string

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	e2e := os.Getenv("PINGWISE_E2E") == "1"
	if _, err := exec.LookPath("Xvfb"); err != nil {
		if e2e {
			fmt.Fprintln(os.Stderr, "x11: PINGWISE_E2E=1 but Xvfb is not installed")
			return 1
		}
		fmt.Fprintln(os.Stderr, "x11: Xvfb not installed: skipping the tests that need an X server (install xvfb; PINGWISE_E2E=1 makes this fatal)")
		return m.Run()
	}
	xvfb, display, err := headless.Xvfb(800, 600)
	if err != nil {
		fmt.Fprintln(os.Stderr, "x11:", err)
		return 1
	}
	defer xvfb.Stop()
	testDisplay = display
	return m.Run()
}

func openTest(t *testing.T) *Conn {
	t.Helper()
	if testDisplay == "" {
		t.Skip("no X server (Xvfb not installed)")
	}
	c, err := Dial(testDisplay)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// client is another X client: the person's keyboard through XTEST, a window
// manager, or an application competing for a hotkey.
type client struct {
	x    *xgb.Conn
	root xproto.Window
}

func newClient(t *testing.T) *client {
	t.Helper()
	if testDisplay == "" {
		t.Skip("no X server (Xvfb not installed)")
	}
	x, err := xgb.NewConnDisplay(testDisplay)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(x.Close)
	if err := xtest.Init(x); err != nil {
		t.Fatal(err)
	}
	return &client{x: x, root: xproto.Setup(x).DefaultScreen(x).Root}
}

func (cl *client) keycode(t *testing.T, sym uint32) xproto.Keycode {
	t.Helper()
	km, err := readKeymap(cl.x)
	if err != nil {
		t.Fatal(err)
	}
	codes := km.keycodes(sym)
	if len(codes) == 0 {
		t.Fatalf("no keycode for keysym %#x", sym)
	}
	return codes[0]
}

// fake sends one XTEST key event. delayMs makes the server wait before
// generating it, like the gap between a person's keystrokes.
func (cl *client) fake(t *testing.T, event byte, code xproto.Keycode, delayMs uint32) {
	t.Helper()
	if err := xtest.FakeInputChecked(cl.x, event, byte(code), delayMs, cl.root, 0, 0, 0).Check(); err != nil {
		t.Fatal(err)
	}
}

// modifierSyms are the keys a person holds for each modifier.
var modifierSyms = map[uint16]uint32{
	xproto.ModMaskControl: 0xffe3, // Control_L
	xproto.ModMaskShift:   0xffe1, // Shift_L
	xproto.ModMask1:       0xffe9, // Alt_L
	xproto.ModMask4:       0xffeb, // Super_L
}

// typeHotkey presses h the way a person does: modifiers down, key down and up,
// modifiers up. The key goes down a few ms after anything before it, so it
// is never mistaken for autorepeat.
func (cl *client) typeHotkey(t *testing.T, h keys.Combo) {
	t.Helper()
	var mods []xproto.Keycode
	for mask, sym := range modifierSyms {
		if h.Mods&mask != 0 {
			mods = append(mods, cl.keycode(t, sym))
		}
	}
	for _, m := range mods {
		cl.fake(t, xproto.KeyPress, m, 0)
	}
	key := cl.keycode(t, h.Sym)
	cl.fake(t, xproto.KeyPress, key, 3)
	cl.fake(t, xproto.KeyRelease, key, 0)
	for _, m := range mods {
		cl.fake(t, xproto.KeyRelease, m, 0)
	}
}

func (cl *client) tap(t *testing.T, sym uint32) {
	t.Helper()
	code := cl.keycode(t, sym)
	cl.fake(t, xproto.KeyPress, code, 3)
	cl.fake(t, xproto.KeyRelease, code, 0)
}

// wait is for things that must happen: it fails after a generous bound,
// generous enough for the race detector on a loaded machine (2 s was not).
func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		var zero T
		return zero
	}
}
