package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Pingwise under headless Mutter (GNOME's compositor, without the shell),
// through its XWayland: idle comes from Mutter's IdleMonitor, doctor says
// so and names the step left for the app in front, and a session pauses
// itself when nobody touches the keyboard, asking on return.
func TestMutter(t *testing.T) {
	need(t, "mutter", "Xwayland", "gsettings")
	w := newWdesk(t, false)
	w.bus(true)
	log, pid := w.start("mutter", "--headless", "--wayland", "--virtual-monitor", "1280x800")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("mutter said:\n%s", log)
		}
	})
	var display, auth string
	w.waitUntil("Mutter's XWayland", 30*time.Second, func() bool {
		display = xdisplay(pid)
		a, _ := filepath.Glob(filepath.Join(w.runtime, ".mutter-Xwaylandauth.*"))
		if len(a) == 1 {
			auth = a[0]
		}
		return display != "" && auth != "" && fileExists(filepath.Join(w.runtime, "wayland-0"))
	})
	// GNOME keeps custom keybindings in dconf; a keyfile in the desk's
	// home stands in, as dconf's service is not on this bus.
	w.env = append(w.env, "DISPLAY="+display, "XAUTHORITY="+auth, "WAYLAND_DISPLAY=wayland-0",
		"XDG_CURRENT_DESKTOP=GNOME", "GSETTINGS_BACKEND=keyfile")
	if err := os.WriteFile(filepath.Join(w.appHome, "settings.toml"), []byte("away_minutes = 0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := w.startApp()

	w.waitHotkey(20 * time.Second)
	r := w.doctor()
	r.check(t, map[string]string{
		"idle":       "Mutter's IdleMonitor",
		"active_app": "-the Pingwise GNOME Shell extension is not running: run `pingwise install`",
		"hotkey":     "a GNOME custom keybinding runs `pingwise ask`",
	})
	if !strings.Contains(r.Session, "GNOME") {
		t.Errorf("session %q", r.Session)
	}

	// The popup, as the keybinding's `pingwise ask` opens it, gets the
	// keyboard: Mutter lets the app activate it.
	w.pingwise("ask")
	w.waitUntil("the popup focused", 15*time.Second, func() bool { return w.xfocused("Sync or async?") })

	w.pingwise("start", "25m")
	w.waitUntil("the session to pause itself", 90*time.Second, func() bool { return w.state() == "paused" })
	// Back: a key through Mutter's RemoteDesktop, as a keyboard's reaches it.
	remoteKey(t, w)
	w.waitUntil("Welcome back", 15*time.Second, func() bool { return w.xwindow("Welcome back") })
	if strings.Contains(a.errors(), "panic") {
		t.Fatalf("the app panicked:\n%s", a.errors())
	}
}

// remoteKey presses and releases a key through Mutter's RemoteDesktop API.
func remoteKey(t *testing.T, w *wdesk) {
	t.Helper()
	k := openRemoteKeyboard(t, w)
	defer k.close()
	k.send(chord(xkShiftL)...)
}
