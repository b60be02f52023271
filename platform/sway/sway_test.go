package sway

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/wayland"
)

// config is a sway config with no binding at all: Pingwise must bring its own.
const config = "output HEADLESS-1 resolution 1280x800\nxwayland disable\n"

func openSway(t testing.TB, s *session, exe, home string) *platform.Desktop {
	t.Helper()
	d := &platform.Desktop{}
	OpenWith(d, Options{Socket: s.ipc, Wayland: s.wayland, Exe: exe, Home: home})
	t.Cleanup(d.Close)
	for _, svc := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
		if st := d.Status[svc]; !st.Available {
			t.Fatalf("%s not available under sway: %s", svc, st.How)
		}
	}
	return d
}

func lines(path string) []string {
	b, _ := os.ReadFile(path)
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

func TestHotkeyE2E(t *testing.T) {
	s := startSway(t, config)
	need(t, "wtype")
	d := openSway(t, s, "/usr/bin/pingwise", "/tmp/pw home, (a; b)")
	var presses atomic.Int32
	release, err := d.Hotkey.Bind("Ctrl+Shift+Space", func() { presses.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	press := func() { s.run("wtype", "-M", "ctrl", "-M", "shift", "-k", "space") }
	press()
	eventually(t, "the press to be heard", 10*time.Second, func() bool { return presses.Load() == 1 })

	// A config reload drops run-time bindings; Bind binds again. Press
	// until the rebinding has landed: each press that finds it is heard.
	s.run("swaymsg", "reload")
	eventually(t, "the binding to be back after a reload", 10*time.Second, func() bool {
		press()
		return presses.Load() >= 2
	})

	// Another binding's run is not ours.
	s.run("swaymsg", "bindsym --no-repeat Ctrl+Alt+space nop something else")
	before := presses.Load()
	s.run("wtype", "-M", "ctrl", "-M", "alt", "-k", "space")
	press()
	eventually(t, "the next press of our key", 10*time.Second, func() bool { return presses.Load() > before })
	if got := presses.Load(); got != before+1 {
		t.Errorf("presses = %d after our key and another binding, want %d", got, before+1)
	}

	release()
	// Unbinding what is not bound fails: so the key is free again.
	out, err := s.client("swaymsg", "unbindsym --no-repeat Ctrl+Shift+space").CombinedOutput()
	if err == nil {
		t.Errorf("the key is still bound after release: %s", out)
	}
}

func TestActiveE2E(t *testing.T) {
	s := startSway(t, config)
	need(t, "foot")
	d := openSway(t, s, "/usr/bin/pingwise", "")
	changes := make(chan platform.Window, 16)
	stop, err := d.Active.WatchActive(func(w platform.Window) { changes <- w })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	waitApp := func(app string) platform.Window {
		t.Helper()
		limit := time.After(15 * time.Second)
		for {
			select {
			case w := <-changes:
				if w.AppID == app {
					return w
				}
			case <-limit:
				t.Fatalf("no focus change to %s in 15 s", app)
			}
		}
	}
	s.start("foot", "--app-id=Slack", "--title=general", "--", "sleep", "600")
	if w := waitApp("Slack"); w.Title != "general" {
		t.Errorf("Slack's title %q, want general", w.Title)
	}
	s.start("foot", "--app-id=Editor", "--", "sleep", "600")
	waitApp("Editor")
	s.run("swaymsg", "[app_id=Slack] focus")
	waitApp("Slack")
}

func TestIdleE2E(t *testing.T) {
	s := startSway(t, config)
	need(t, "wtype")
	d := openSway(t, s, "/usr/bin/pingwise", "")
	t.Logf("sway's idle: %s", d.Status[platform.IdleService].How)
	// Nobody touches the headless seat, so after the notice it is idle.
	eventually(t, "idle", 3*wayland.Notice, func() bool {
		idle, err := d.Idle.Idle()
		if err != nil {
			t.Fatal(err)
		}
		return idle >= wayland.Notice
	})
	s.run("wtype", "-k", "a")
	eventually(t, "the return", 10*time.Second, func() bool {
		idle, err := d.Idle.Idle()
		return err == nil && idle == 0
	})
}

// An X11 window stashed in sway's scratchpad leaves the screen but stays
// mapped; unstashed, it is back and focused, and unstashing it again
// leaves it so. A window mapped with a title given to StashOnMap goes
// straight to the scratchpad, never shown or focused.
func TestScratchpadE2E(t *testing.T) {
	s := startSway(t, "output HEADLESS-1 resolution 1280x800\n")
	need(t, "xhost")
	d := openSway(t, s, "/usr/bin/pingwise", "")
	x := s.xwayland()
	cmd := d.Stash.(*Scratchpad).cmd
	// state is a window as sway and the X server see it.
	state := func(win xproto.Window) (n nodeState, inTree, mapped bool) {
		t.Helper()
		var tree nodeState
		if err := cmd.request(msgGetTree, nil, &tree); err != nil {
			t.Fatal(err)
		}
		n, inTree = tree.find(uint32(win))
		a, err := xproto.GetWindowAttributes(x, win).Reply()
		if err != nil {
			t.Fatal(err)
		}
		return n, inTree, a.MapState == xproto.MapStateViewable
	}
	win := newXWindow(t, x, "stash")
	id := uint32(win)
	eventually(t, "sway to show the X window", 10*time.Second, func() bool {
		n, ok, _ := state(win)
		return ok && n.Visible
	})

	if err := d.Stash.Stash(id); err != nil {
		t.Fatal(err)
	}
	if n, _, mapped := state(win); n.Visible || !mapped {
		t.Errorf("stashed: visible %v, mapped %v; want hidden and still mapped", n.Visible, mapped)
	}
	for i := range 2 {
		if err := d.Stash.Unstash(id); err != nil {
			t.Fatal(err)
		}
		if n, _, mapped := state(win); !n.Visible || !n.Focused || !mapped {
			t.Errorf("unstashed (%d): visible %v, focused %v, mapped %v; want all", i+1, n.Visible, n.Focused, mapped)
		}
	}
	if err := d.Stash.Unstash(id + 1000); err == nil {
		t.Error("unstashing a window sway does not know did not fail")
	}

	// The title's regular expression characters are taken as they are. A
	// rule added again (Pingwise started again in one sway session) moves
	// the window once more, which leaves it where it is.
	const title = `readied (1) "x" [y]`
	for range 2 {
		if err := d.Stash.StashOnMap(title); err != nil {
			t.Fatal(err)
		}
	}
	other := newXWindow(t, x, "readied (1) x")
	ready := newXWindow(t, x, title)
	eventually(t, "sway to take both windows", 10*time.Second, func() bool {
		_, a, _ := state(other)
		_, b, _ := state(ready)
		return a && b
	})
	if n, _, mapped := state(ready); n.Visible || n.Focused || !mapped {
		t.Errorf("mapped after StashOnMap: visible %v, focused %v, mapped %v; want hidden, unfocused, mapped", n.Visible, n.Focused, mapped)
	}
	if n, _, _ := state(other); !n.Visible {
		t.Error("a window of another title went to the scratchpad too")
	}
	if err := d.Stash.Unstash(uint32(ready)); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := state(ready); !n.Visible || !n.Focused {
		t.Errorf("unstashed: visible %v, focused %v; want both", n.Visible, n.Focused)
	}
}

// xwayland connects to the session's XWayland, letting the tests' user in.
func (s *session) xwayland() *xgb.Conn {
	t := s.t
	t.Helper()
	display := filepath.Join(s.shared(t.TempDir()), "display")
	s.run("swaymsg", "exec 'echo $DISPLAY > "+display+"'")
	var disp string
	eventually(t, "sway to say its X display", 10*time.Second, func() bool {
		b, err := os.ReadFile(display)
		disp = string(bytes.TrimSpace(b))
		return err == nil && disp != ""
	})
	if s.cred != nil { // XWayland lets in only its own user
		s.run("env", "DISPLAY="+disp, "xhost", "+si:localuser:root")
	}
	xgb.Logger.SetOutput(io.Discard) // it notes the missing Xauthority, which is normal
	x, err := xgb.NewConnDisplay(disp)
	if err != nil {
		t.Fatalf("connect to XWayland: %v", err)
	}
	t.Cleanup(x.Close)
	return x
}

// newXWindow maps a plain top-level X11 window titled title.
func newXWindow(t *testing.T, x *xgb.Conn, title string) xproto.Window {
	t.Helper()
	screen := xproto.Setup(x).DefaultScreen(x)
	win, err := xproto.NewWindowId(x)
	if err != nil {
		t.Fatal(err)
	}
	xproto.CreateWindow(x, screen.RootDepth, win, screen.Root, 0, 0, 300, 200, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, xproto.CwBackPixel, []uint32{screen.WhitePixel})
	xproto.ChangeProperty(x, xproto.PropModeReplace, win, xproto.AtomWmName, xproto.AtomString, 8, uint32(len(title)), []byte(title))
	xproto.MapWindow(x, win)
	return win
}

// nodeState is a tree node with what TestScratchpadE2E reads.
type nodeState struct {
	Window  uint32      `json:"window"`
	Visible bool        `json:"visible"`
	Focused bool        `json:"focused"`
	Nodes   []nodeState `json:"nodes"`
	Float   []nodeState `json:"floating_nodes"`
}

func (n nodeState) find(win uint32) (nodeState, bool) {
	if n.Window == win {
		return n, true
	}
	for _, k := range append(n.Nodes, n.Float...) {
		if f, ok := k.find(win); ok {
			return f, true
		}
	}
	return nodeState{}, false
}

func TestOpenWithoutSway(t *testing.T) {
	dir := t.TempDir()
	d := &platform.Desktop{}
	OpenWith(d, Options{Socket: dir + "/none.sock", Wayland: dir + "/wayland-0", Exe: "/usr/bin/pingwise"})
	defer d.Close()
	if d.Hotkey != nil || d.Active != nil || d.Idle != nil {
		t.Error("services filled in with no sway to serve them")
	}
	for _, svc := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
		st, ok := d.Status[svc]
		if !ok || st.Available || st.How == "" {
			t.Errorf("%s: %+v, want a reason", svc, st)
		}
	}
	if !strings.Contains(d.Status[platform.HotkeyService].How, "SWAYSOCK") {
		t.Errorf("the hotkey's status does not name the fix: %s", d.Status[platform.HotkeyService].How)
	}
}

func TestNopCommand(t *testing.T) {
	a := nopCommand("/usr/bin/pingwise", "")
	if !strings.HasPrefix(a, "nop ") || strings.ContainsAny(a, "\"';$") {
		t.Errorf("nopCommand = %q: want a plain nop", a)
	}
	if b := nopCommand("/usr/bin/pingwise", "/tmp/other"); b == a {
		t.Errorf("two homes share the command %q", a)
	}
	if a != nopCommand("/usr/bin/pingwise", "") {
		t.Error("the command is not stable")
	}
}
