// Command popuplat measures how long a prepared window takes to become a
// visible, focused window: from the trigger (the global hotkey typed
// through XTEST, or a line on a socket) to the window mapped and holding
// the X input focus. It speaks X11 itself rather than running xdotool per
// sample, because starting a process costs milliseconds of noise.
//
//	popuplat -mode key -name "Sync or async?"
//	popuplat -mode socket -socket PATH -name "Floor popup"
//	popuplat -mode wlkey -key ctrl+shift+space -name "Sync or async?"
//	popuplat -mode cmd -open 'pingwise ask' -close 'xdotool key Escape' -name "Sync or async?"
//
// Under a Wayland compositor, whose key bindings XTEST does not reach,
// -mode wlkey types the key and Esc through the compositor, on a virtual
// keyboard kept for the whole run (package vkbd; $WAYLAND_DISPLAY), and
// the window is watched on XWayland. -mode cmd runs shell commands to open
// and close the window.
//
// It needs an X server without a window manager: top-level windows are
// then the root's children, and their MapNotify reaches a root listener.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"

	"github.com/pingwise/pingwise/internal/vkbd"
)

// Keysyms of the keys typed.
const (
	symControlL = 0xffe3
	symShiftL   = 0xffe1
	symSpace    = 0x20
	symEscape   = 0xff1b
)

type options struct {
	mode, name, socket string
	readyName          string
	openCmd, closeCmd  string
	key, closeKey      string
	n, warmup          int
	settle, timeout    time.Duration
	pollEvery          time.Duration
	verbose            bool
}

func main() {
	var o options
	flag.StringVar(&o.mode, "mode", "key", "trigger: key (Ctrl+Shift+Space through XTEST, Esc to close), wlkey (-key and -close-key through the Wayland compositor), socket (\"show\"/\"hide\" lines) or cmd")
	flag.StringVar(&o.name, "name", "", "exact title of the window to wait for (required)")
	flag.StringVar(&o.readyName, "ready-name", "", "title of the window while it waits mapped out of sight, before its first show, where it has one of its own")
	flag.StringVar(&o.socket, "socket", "", "Unix socket of the app, for -mode socket")
	flag.StringVar(&o.openCmd, "open", "", "shell command that opens the window, for -mode cmd")
	flag.StringVar(&o.closeCmd, "close", "", "shell command that closes the window, for -mode cmd")
	flag.StringVar(&o.key, "key", "ctrl+shift+space", "key that opens the window, for -mode wlkey")
	flag.StringVar(&o.closeKey, "close-key", "esc", "key that closes the window, for -mode wlkey")
	flag.IntVar(&o.n, "n", 50, "samples measured")
	flag.IntVar(&o.warmup, "warmup", 3, "samples taken first and discarded")
	flag.DurationVar(&o.settle, "settle", 150*time.Millisecond, "pause after each close")
	flag.DurationVar(&o.timeout, "timeout", 5*time.Second, "limit for each step of a sample")
	flag.DurationVar(&o.pollEvery, "poll", 200*time.Microsecond, "pause between input focus queries")
	flag.BoolVar(&o.verbose, "v", false, "print every sample on stderr")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "popuplat:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.name == "" {
		return errors.New("-name is required")
	}
	if o.n < 1 || o.warmup < 0 {
		return errors.New("-n must be at least 1 and -warmup not negative")
	}
	// xgb logs a notice when there is no Xauthority entry, which is normal.
	xgb.Logger.SetOutput(io.Discard)
	x, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("connect to $DISPLAY: %w", err)
	}
	defer x.Close()
	m := &meter{o: o, x: x, root: xproto.Setup(x).DefaultScreen(x).Root,
		events: make(chan xgb.Event, 256), names: map[xproto.Window]string{}}

	switch o.mode {
	case "key":
		if err := xtest.Init(x); err != nil {
			return fmt.Errorf("XTEST: %w", err)
		}
		if err := m.readKeys(); err != nil {
			return err
		}
		m.open, m.close = m.typeHotkey, m.typeEscape
	case "socket":
		if o.socket == "" {
			return errors.New("-mode socket needs -socket")
		}
		c, err := net.Dial("unix", o.socket)
		if err != nil {
			return err
		}
		defer c.Close()
		send := func(line string) func() error {
			return func() error { _, err := io.WriteString(c, line); return err }
		}
		m.open, m.close = send("show\n"), send("hide\n")
	case "cmd":
		if o.openCmd == "" || o.closeCmd == "" {
			return errors.New("-mode cmd needs -open and -close")
		}
		run := func(line string) func() error {
			return func() error {
				out, err := exec.Command("/bin/sh", "-c", line).CombinedOutput()
				if err != nil {
					return fmt.Errorf("%s: %w: %s", line, err, out)
				}
				return nil
			}
		}
		m.open, m.close = run(o.openCmd), run(o.closeCmd)
	case "wlkey":
		kb, err := vkbd.Open(filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), os.Getenv("WAYLAND_DISPLAY")))
		if err != nil {
			return err
		}
		defer kb.Close()
		press := func(combo string) (func() error, error) {
			code, mods, err := vkbd.Combo(combo)
			return func() error { return kb.Key(code, mods) }, err
		}
		if m.open, err = press(o.key); err != nil {
			return err
		}
		if m.close, err = press(o.closeKey); err != nil {
			return err
		}
		// A new keyboard's first key has sway and XWayland load its
		// keymap, some 25 ms that a person's keyboard, there all along,
		// never costs: a Shift tap pays it before the first sample.
		if err := kb.Key(vkbd.KeyLeftShift, 0); err != nil {
			return err
		}
		time.Sleep(o.settle)
	default:
		return fmt.Errorf("unknown -mode %q", o.mode)
	}

	if err := m.listen(); err != nil {
		return err
	}
	// A window kept out of sight by an earlier run is already mapped.
	if m.kept, err = m.mappedWindow(); err != nil {
		return err
	}
	var total, mapped []time.Duration
	for i := range o.warmup + o.n {
		tt, tm, err := m.sample()
		if err != nil {
			return fmt.Errorf("sample %d of %d: %w", i+1, o.warmup+o.n, err)
		}
		if o.verbose {
			fmt.Fprintf(os.Stderr, "sample %2d: mapped %6.2f ms, focused %6.2f ms%s\n",
				i+1, ms(tm), ms(tt), map[bool]string{true: " (warm-up)"}[i < o.warmup])
		}
		if i >= o.warmup {
			total, mapped = append(total, tt), append(mapped, tm)
		}
	}
	slices.Sort(total)
	slices.Sort(mapped)
	fmt.Printf("mode=%s name=%q n=%d median_ms=%.2f p95_ms=%.2f min_ms=%.2f max_ms=%.2f map_median_ms=%.2f\n",
		o.mode, o.name, o.n, ms(median(total)), ms(p95(total)), ms(total[0]), ms(total[len(total)-1]), ms(median(mapped)))
	return nil
}

type meter struct {
	o      options
	x      *xgb.Conn
	root   xproto.Window
	events chan xgb.Event
	// names caches the titles of windows seen mapping, so that a sample
	// after the first pays no property round trip before its focus polling.
	names       map[xproto.Window]string
	kept        xproto.Window // the window, when it stayed mapped as it closed
	netWMName   xproto.Atom
	utf8String  xproto.Atom
	ctrl, shift xproto.Keycode
	space, esc  xproto.Keycode
	open, close func() error
}

// listen selects the root's SubstructureNotify: with no window manager,
// every top-level window's map and unmap is reported there.
func (m *meter) listen() error {
	for _, a := range []struct {
		name string
		atom *xproto.Atom
	}{{"_NET_WM_NAME", &m.netWMName}, {"UTF8_STRING", &m.utf8String}} {
		r, err := xproto.InternAtom(m.x, false, uint16(len(a.name)), a.name).Reply()
		if err != nil {
			return fmt.Errorf("intern %s: %w", a.name, err)
		}
		*a.atom = r.Atom
	}
	if err := xproto.ChangeWindowAttributesChecked(m.x, m.root, xproto.CwEventMask,
		[]uint32{xproto.EventMaskSubstructureNotify}).Check(); err != nil {
		return fmt.Errorf("listen on the root window: %w", err)
	}
	go func() {
		for {
			ev, xerr := m.x.WaitForEvent()
			if ev == nil && xerr == nil {
				close(m.events)
				return
			}
			if xerr != nil {
				// Unchecked XTEST requests report failures here.
				fmt.Fprintln(os.Stderr, "popuplat: X error:", xerr)
				continue
			}
			m.events <- ev
		}
	}()
	return nil
}

// sample opens the window and returns the time until it was focused and
// until it was mapped, then closes it and lets things settle. A window
// that stayed mapped when last closed (moved out of sight, as into sway's
// scratchpad) maps no more: it is open once it has the focus, and its
// mapped time is 0.
func (m *meter) sample() (focused, mapped time.Duration, err error) {
	// Whatever arrived since the last sample (another window of the app)
	// must not be taken for this one.
	for drained := false; !drained; {
		select {
		case <-m.events:
		default:
			drained = true
		}
	}
	t0 := time.Now()
	if err := m.open(); err != nil {
		return 0, 0, fmt.Errorf("trigger: %w", err)
	}
	deadline := t0.Add(m.o.timeout)
	win := m.kept
	if win == 0 {
		if win, err = m.waitMap(deadline); err != nil {
			return 0, 0, err
		}
		mapped = time.Since(t0)
	}
	for {
		r, err := xproto.GetInputFocus(m.x).Reply()
		if err != nil {
			return 0, 0, fmt.Errorf("query input focus: %w", err)
		}
		if r.Focus == win {
			focused = time.Since(t0)
			break
		}
		if time.Now().After(deadline) {
			return 0, 0, fmt.Errorf("window %#x %q mapped after %.1f ms but had no input focus after %v (focus is on %#x)",
				win, m.o.name, ms(mapped), m.o.timeout, r.Focus)
		}
		time.Sleep(m.o.pollEvery)
	}

	if err := m.close(); err != nil {
		return 0, 0, fmt.Errorf("close: %w", err)
	}
	if m.kept, err = m.waitClosed(win, time.Now().Add(m.o.timeout)); err != nil {
		return 0, 0, err
	}
	time.Sleep(m.o.settle)
	return focused, mapped, nil
}

// waitMap returns the window titled m.o.name once it maps, ignoring other
// windows (an app's main window may map too).
func (m *meter) waitMap(deadline time.Time) (xproto.Window, error) {
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	var others []string
	for {
		select {
		case ev, ok := <-m.events:
			if !ok {
				return 0, errors.New("the X connection was lost")
			}
			switch ev := ev.(type) {
			case xproto.MapNotifyEvent:
				name, err := m.title(ev.Window)
				if err != nil {
					continue // gone already
				}
				if name == m.o.name {
					return ev.Window, nil
				}
				others = append(others, fmt.Sprintf("%q", name))
			case xproto.DestroyNotifyEvent:
				delete(m.names, ev.Window)
			}
		case <-timer.C:
			msg := fmt.Sprintf("no window titled %q mapped within %v", m.o.name, m.o.timeout)
			if len(others) > 0 {
				msg += " (mapped meanwhile: " + strings.Join(others, ", ") + ")"
			}
			return 0, errors.New(msg)
		}
	}
}

// mappedWindow finds a mapped top-level window titled m.o.name or
// m.o.readyName, or 0.
func (m *meter) mappedWindow() (xproto.Window, error) {
	tree, err := xproto.QueryTree(m.x, m.root).Reply()
	if err != nil {
		return 0, fmt.Errorf("list the windows: %w", err)
	}
	for _, w := range tree.Children {
		a, err := xproto.GetWindowAttributes(m.x, w).Reply()
		if err != nil || a.MapState != xproto.MapStateViewable {
			continue // gone, or not mapped
		}
		if name, err := m.title(w); err == nil && (name == m.o.name || name == m.o.readyName && name != "") {
			return w, nil
		}
	}
	return 0, nil
}

// waitClosed waits until win has lost the focus and returns it if it is
// still mapped (kept out of sight), or 0 if it was unmapped.
func (m *meter) waitClosed(win xproto.Window, deadline time.Time) (kept xproto.Window, err error) {
	for {
		r, err := xproto.GetInputFocus(m.x).Reply()
		if err != nil {
			return 0, fmt.Errorf("query input focus: %w", err)
		}
		if r.Focus != win {
			// The server answers in order: the unmap that took the focus,
			// if any, is done.
			a, err := xproto.GetWindowAttributes(m.x, win).Reply()
			if err != nil || a.MapState != xproto.MapStateViewable {
				return 0, nil // unmapped, or gone
			}
			return win, nil
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("window %#x %q still had the focus %v after being closed", win, m.o.name, m.o.timeout)
		}
		time.Sleep(m.o.pollEvery)
	}
}

// title reads _NET_WM_NAME, or WM_NAME for clients without it.
func (m *meter) title(win xproto.Window) (string, error) {
	if name, ok := m.names[win]; ok {
		return name, nil
	}
	netName := xproto.GetProperty(m.x, false, win, m.netWMName, m.utf8String, 0, 256)
	wmName := xproto.GetProperty(m.x, false, win, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, 256)
	var name string
	for _, ck := range []xproto.GetPropertyCookie{netName, wmName} {
		r, err := ck.Reply()
		if err != nil {
			return "", err
		}
		if name == "" && r.Format == 8 {
			name = string(r.Value)
		}
	}
	// A title set after mapping would be missed by a cached empty name.
	if name != "" {
		m.names[win] = name
	}
	return name, nil
}

func (m *meter) readKeys() error {
	setup := xproto.Setup(m.x)
	first := setup.MinKeycode
	r, err := xproto.GetKeyboardMapping(m.x, first, byte(setup.MaxKeycode-first+1)).Reply()
	if err != nil {
		return fmt.Errorf("read keyboard mapping: %w", err)
	}
	per := int(r.KeysymsPerKeycode)
	find := func(sym xproto.Keysym) (xproto.Keycode, error) {
		for i := 0; per > 0 && (i+1)*per <= len(r.Keysyms); i++ {
			if slices.Contains(r.Keysyms[i*per:(i+1)*per], sym) {
				return first + xproto.Keycode(i), nil
			}
		}
		return 0, fmt.Errorf("no key types keysym %#x", sym)
	}
	for _, k := range []struct {
		sym  xproto.Keysym
		code *xproto.Keycode
	}{{symControlL, &m.ctrl}, {symShiftL, &m.shift}, {symSpace, &m.space}, {symEscape, &m.esc}} {
		if *k.code, err = find(k.sym); err != nil {
			return err
		}
	}
	return nil
}

// typeHotkey types Ctrl+Shift+Space as `xdotool key ctrl+shift+space` does:
// modifiers down, the key down and up, modifiers up. The requests are not
// checked, to keep round trips out of the measured time; failures arrive as
// X errors.
func (m *meter) typeHotkey() error {
	m.fake(xproto.KeyPress, m.ctrl)
	m.fake(xproto.KeyPress, m.shift)
	m.fake(xproto.KeyPress, m.space)
	m.fake(xproto.KeyRelease, m.space)
	m.fake(xproto.KeyRelease, m.shift)
	m.fake(xproto.KeyRelease, m.ctrl)
	return nil
}

func (m *meter) typeEscape() error {
	m.fake(xproto.KeyPress, m.esc)
	m.fake(xproto.KeyRelease, m.esc)
	return nil
}

func (m *meter) fake(event byte, code xproto.Keycode) {
	xtest.FakeInput(m.x, event, byte(code), 0, m.root, 0, 0, 0)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// median and p95 take sorted samples; p95 is the nearest-rank percentile,
// an observed sample (the 48th of 50).
func median(s []time.Duration) time.Duration {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func p95(s []time.Duration) time.Duration {
	return s[(95*len(s)+99)/100-1]
}
