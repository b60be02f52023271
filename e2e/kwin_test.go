package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/internal/headless"
)

const portalKDE = "/usr/lib/x86_64-linux-gnu/libexec/xdg-desktop-portal-kde"

// Pingwise under headless KWin, through its XWayland: the hotkey is bound
// through the GlobalShortcuts portal (xdg-desktop-portal with its KDE
// backend, which the bus starts on demand), and firing the key in
// kglobalaccel, as a key press does, opens the popup of the running app,
// with the keyboard.
func TestKWin(t *testing.T) {
	need(t, "kwin_wayland", "Xwayland", "/usr/libexec/xdg-desktop-portal", portalKDE)
	w := newWdesk(t, false)
	const socket = "kwintest"
	// The bus starts the portals with its own environment: the session's.
	w.env = append(w.env, "WAYLAND_DISPLAY="+socket, "XDG_CURRENT_DESKTOP=KDE", "QT_QPA_PLATFORM=wayland")
	w.bus(false)
	kwin, err := headless.KWin(t.TempDir(), socket, w.env, "--xwayland")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(kwin.Stop)
	var display string
	w.waitUntil("KWin's XWayland", 30*time.Second, func() bool {
		display = xdisplay(kwin.Pid())
		return display != ""
	})
	w.env = append(w.env, "DISPLAY="+display)
	a := w.startApp()

	w.waitHotkey(60 * time.Second)
	w.doctor().check(t, map[string]string{
		"hotkey":     "Ctrl+Shift+Space through xdg-desktop-portal GlobalShortcuts",
		"active_app": "KWin script",
		"idle":       "Wayland ext_idle_notifier_v1",
	})

	c, err := dbus.Connect(w.busAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	component, name := kdeShortcut(t, c)
	if err := c.Object("org.kde.kglobalaccel", component).Call("org.kde.kglobalaccel.Component.invokeShortcut", 0, name).Err; err != nil {
		t.Fatal(err)
	}
	w.waitUntil("the popup", 15*time.Second, func() bool { return w.xwindow("Sync or async?") })
	// It has the keyboard: KWin lets the app activate it.
	w.waitUntil("the popup focused", 10*time.Second, func() bool { return w.xfocused("Sync or async?") })
	if strings.Contains(a.errors(), "panic") {
		t.Fatalf("the app panicked:\n%s", a.errors())
	}
}

// kdeShortcut finds where kglobalaccel holds Pingwise's shortcut, "ask",
// bound through the portal.
func kdeShortcut(t *testing.T, c *dbus.Conn) (dbus.ObjectPath, string) {
	t.Helper()
	var components []dbus.ObjectPath
	if err := c.Object("org.kde.kglobalaccel", "/kglobalaccel").Call("org.kde.KGlobalAccel.allComponents", 0).Store(&components); err != nil {
		t.Fatal(err)
	}
	for _, comp := range components {
		var names []string
		if err := c.Object("org.kde.kglobalaccel", comp).Call("org.kde.kglobalaccel.Component.shortcutNames", 0, "default").Store(&names); err != nil {
			continue
		}
		for _, n := range names {
			if n == "ask" {
				return comp, n
			}
		}
	}
	t.Fatalf("kglobalaccel holds no shortcut \"ask\" in %v", components)
	return "", ""
}
