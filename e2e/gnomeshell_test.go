package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/internal/headless"
)

// emptySystemBus is the system bus GNOME Shell gets: it will not start
// without one to connect to, and is content with nothing answering there.
const emptySystemBus = `<busconfig>
  <type>system</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
`

// Pingwise in a real GNOME Shell 43 session, headless, drawn through its
// XWayland: `pingwise install` puts the extension in place before the
// login, the shell loads it, doctor names it as the way to the app in
// front, and a chat app (a native Wayland window) taking the focus in a
// session opens the popup, which gets the keys typed.
func TestGnomeShell(t *testing.T) {
	need(t, "gnome-shell", "Xwayland", "gsettings", "foot", "unshare")
	w := newWdesk(t, false)
	w.bus(true)
	cfg := filepath.Join(t.TempDir(), "system.conf")
	if err := os.WriteFile(cfg, []byte(emptySystemBus), 0o644); err != nil {
		t.Fatal(err)
	}
	sys, sysAddr, err := headless.Bus(nil, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sys.Stop)
	// GNOME keeps its settings in dconf; a keyfile in the desk's home
	// stands in, as dconf's service is not on this bus.
	w.env = append(w.env, "DBUS_SYSTEM_BUS_ADDRESS="+sysAddr, "XDG_CURRENT_DESKTOP=GNOME", "XDG_SESSION_TYPE=wayland",
		"WAYLAND_DISPLAY=wayland-0", "GSETTINGS_BACKEND=keyfile")
	if out, err := w.command("gsettings", "set", "org.gnome.shell", "disable-user-extensions", "false").CombinedOutput(); err != nil {
		t.Fatalf("gsettings: %v: %s", err, out)
	}
	if out := w.pingwise("install"); !strings.Contains(out, "install the GNOME Shell extension") {
		t.Fatalf("pingwise install said: %s", out)
	}

	// The login: the shell in a network of its own, with nothing in it, as
	// it asks extensions.gnome.org for updates of what it loads.
	log, pid := w.start("unshare", "--net", "gnome-shell", "--headless", "--wayland", "--wayland-display", "wayland-0",
		"--virtual-monitor", "1280x800")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("gnome-shell said:\n%s", log)
		}
	})
	c, err := dbus.Connect(w.busAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	shell := c.Object("org.gnome.Shell", "/org/gnome/Shell")
	w.waitUntil("the extension enabled", 60*time.Second, func() bool {
		var info map[string]dbus.Variant
		err := shell.Call("org.gnome.Shell.Extensions.GetExtensionInfo", 0, "pingwise@pingwise.github.io").Store(&info)
		w.lastSeen = fmt.Sprintf("state %v, %v", info["state"].Value(), err)
		return err == nil && info["state"].Value() == 1.0 // ExtensionState.ENABLED
	})
	// A session's startup ends in the overview, where no window has the
	// focus; leave it, as a person does with Esc.
	overview := func() bool {
		v, err := shell.GetProperty("org.gnome.Shell.OverviewActive")
		return err == nil && v.Value() == true
	}
	w.waitUntil("the startup overview", 30*time.Second, overview)
	if err := shell.SetProperty("org.gnome.Shell.OverviewActive", dbus.MakeVariant(false)); err != nil {
		t.Fatal(err)
	}
	w.waitUntil("the overview to close", 10*time.Second, func() bool { return !overview() })

	var display, auth string
	w.waitUntil("the shell's XWayland", 30*time.Second, func() bool {
		display = xdisplay(pid)
		a, _ := filepath.Glob(filepath.Join(w.runtime, ".mutter-Xwaylandauth.*"))
		if len(a) == 1 {
			auth = a[0]
		}
		return display != "" && auth != ""
	})
	w.env = append(w.env, "DISPLAY="+display, "XAUTHORITY="+auth)
	a := w.startApp()
	w.waitUntil("the hotkey bound", 20*time.Second, func() bool {
		return strings.Contains(w.pingwise("doctor"), "Ctrl+Shift+Space through")
	})
	r := w.doctor()
	r.check(t, map[string]string{
		"active_app": "Pingwise's GNOME Shell extension (pingwise@pingwise.github.io) over D-Bus",
		"idle":       "Mutter's IdleMonitor",
		"hotkey":     "a GNOME custom keybinding runs `pingwise ask`",
	})
	if !strings.Contains(r.Session, "GNOME") {
		t.Errorf("session %q", r.Session)
	}

	w.pingwise("start", "25m")
	foot, _ := w.start("env", "LC_ALL=C.UTF-8", "foot", "--app-id=Slack")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("foot said:\n%s", foot)
		}
	})
	w.waitUntil("the popup over Slack", 20*time.Second, func() bool { return w.xfocused("Sync or async?") })
	// Keys through the shell into the popup, as a keyboard's: a draft,
	// then Ctrl+Enter for the recommended action (sync, for an outage).
	const controlL, enter = 0xffe3, 0xff0d
	remoteKeys(t, w, append(typed("the site is down, checkout fails for everyone"),
		keyEvent{controlL, true}, keyEvent{enter, true}, keyEvent{enter, false}, keyEvent{controlL, false})...)
	w.waitUntil("the decision in the stats", 10*time.Second, func() bool { sy, _ := w.decisions(); return sy == 1 })
	if sy, as := w.decisions(); sy != 1 || as != 0 {
		t.Errorf("decisions: %d sync, %d async; want the draft's one sync", sy, as)
	}
	w.waitUntil("the popup to close after its confirmation", 10*time.Second, func() bool { return !w.xwindow("Sync or async?") })
	if strings.Contains(a.errors(), "panic") {
		t.Fatalf("the app panicked:\n%s", a.errors())
	}
}

// keyEvent is an X keysym pressed or released.
type keyEvent struct {
	sym  uint32
	down bool
}

// remoteKeys sends key events through Mutter's RemoteDesktop API, as a
// keyboard's reach Mutter; Mutter adds the level's modifiers a keysym
// needs.
func remoteKeys(t *testing.T, w *wdesk, events ...keyEvent) {
	t.Helper()
	c, err := dbus.Connect(w.busAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rd := c.Object("org.gnome.Mutter.RemoteDesktop", "/org/gnome/Mutter/RemoteDesktop")
	var session dbus.ObjectPath
	if err := rd.Call("org.gnome.Mutter.RemoteDesktop.CreateSession", 0).Store(&session); err != nil {
		t.Fatal(err)
	}
	s := c.Object("org.gnome.Mutter.RemoteDesktop", session)
	const iface = "org.gnome.Mutter.RemoteDesktop.Session"
	call := func(method string, args ...any) {
		t.Helper()
		if err := s.Call(iface+"."+method, 0, args...).Err; err != nil {
			t.Fatalf("RemoteDesktop %s: %v", method, err)
		}
	}
	call("Start")
	for _, e := range events {
		call("NotifyKeyboardKeysym", e.sym, e.down)
	}
	call("Stop")
}

// typed is text typed key by key: X keysyms of Latin-1 are its code points.
func typed(text string) []keyEvent {
	var l []keyEvent
	for _, r := range text {
		l = append(l, keyEvent{uint32(r), true}, keyEvent{uint32(r), false})
	}
	return l
}
