package portal

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/internal/headless"
	"github.com/pingwise/pingwise/platform"
)

const portalKDE = "/usr/lib/x86_64-linux-gnu/libexec/xdg-desktop-portal-kde"

// TestKWinE2E binds the hotkey through the real portal under headless KWin:
// the bus starts xdg-desktop-portal and xdg-desktop-portal-kde on demand
// (their D-Bus service files), and kglobalaccel, inside KWin, holds the key.
// kglobalaccel's invokeShortcut fires it as a key press would.
func TestKWinE2E(t *testing.T) {
	for _, p := range []string{"kwin_wayland", "dbus-daemon", "/usr/libexec/xdg-desktop-portal", portalKDE} {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("PINGWISE_E2E") == "1" {
				t.Fatalf("PINGWISE_E2E=1 but %s is not installed (kwin-wayland, xdg-desktop-portal, xdg-desktop-portal-kde, qtwayland5)", p)
			}
			t.Skipf("%s not installed", p)
		}
	}
	runtime := t.TempDir()
	if err := os.Chmod(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	// xdg-desktop-portal starts xdg-document-portal, which mounts a FUSE
	// file system at $XDG_RUNTIME_DIR/doc; it must go before the folder.
	t.Cleanup(func() { _ = syscall.Unmount(filepath.Join(runtime, "doc"), syscall.MNT_DETACH) })
	env := append(os.Environ(), "XDG_RUNTIME_DIR="+runtime, "WAYLAND_DISPLAY=kwintest",
		"XDG_CURRENT_DESKTOP=KDE", "QT_QPA_PLATFORM=wayland", "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	bus, addr, err := headless.Bus(env, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(bus.Stop)
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	kwin, err := headless.KWin(t.TempDir(), "kwintest", env)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(kwin.Stop)
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// The portal and its backend, started by the bus, outlive the
	// connection; ending the bus ends them (they exit when it goes).
	var p *Portal
	deadline := time.Now().Add(30 * time.Second)
	for p == nil {
		if p, err = New(conn, "io.github.pingwise"); err != nil {
			if time.Now().After(deadline) {
				t.Fatal(err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	pressed := make(chan struct{}, 4)
	release, err := p.Bind("Ctrl+Shift+Space", func() { pressed <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	component, name := findShortcut(t, conn)
	t.Logf("kglobalaccel holds %s in component %s", name, component)
	if err := conn.Object("org.kde.kglobalaccel", component).Call("org.kde.kglobalaccel.Component.invokeShortcut", 0, name).Err; err != nil {
		t.Fatal(err)
	}
	select {
	case <-pressed:
	case <-time.After(10 * time.Second):
		t.Fatal("the portal's Activated did not reach pressed")
	}
	release()
}

// findShortcut finds the component and name kglobalaccel holds the
// shortcut under, and checks its key is Ctrl+Shift+Space.
func findShortcut(t *testing.T, conn *dbus.Conn) (dbus.ObjectPath, string) {
	t.Helper()
	accel := conn.Object("org.kde.kglobalaccel", "/kglobalaccel")
	var components []dbus.ObjectPath
	if err := accel.Call("org.kde.KGlobalAccel.allComponents", 0).Store(&components); err != nil {
		t.Fatal(err)
	}
	for _, c := range components {
		var names []string
		if err := conn.Object("org.kde.kglobalaccel", c).Call("org.kde.kglobalaccel.Component.shortcutNames", 0, "default").Store(&names); err != nil {
			continue
		}
		for _, n := range names {
			if n != shortcutID {
				continue
			}
			var keys []int32
			if err := accel.Call("org.kde.KGlobalAccel.shortcut", 0, []string{filepath.Base(string(c)), n, "", ""}).Store(&keys); err != nil {
				t.Errorf("the shortcut's keys: %v", err)
			} else if len(keys) == 0 || keys[0] != 0x04000000|0x02000000|0x20 {
				// Qt's key code: Ctrl 0x04000000 | Shift 0x02000000 | Key_Space 0x20.
				t.Errorf("the shortcut's keys are %#x, want Ctrl+Shift+Space", keys)
			}
			return c, n
		}
	}
	t.Fatalf("kglobalaccel holds no shortcut %q in %v", shortcutID, components)
	return "", ""
}

func TestOpenStatus(t *testing.T) {
	addr := bus(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	d := &platform.Desktop{}
	Open(d)
	defer d.Close()
	if st := d.Status[platform.HotkeyService]; st.Available || !strings.Contains(st.How, "no GlobalShortcuts portal") {
		t.Errorf("no portal: %+v", st)
	}
	newStandIn(t, addr, true, false)
	d2 := &platform.Desktop{}
	Open(d2)
	defer d2.Close()
	if st := d2.Status[platform.HotkeyService]; !st.Available || d2.Hotkey == nil {
		t.Errorf("with a portal: %+v", st)
	}
}
