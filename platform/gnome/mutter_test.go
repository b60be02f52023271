package gnome

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/internal/headless"
	"github.com/pingwise/pingwise/platform"
)

// need skips, or fails under PINGWISE_E2E=1, when a program is missing.
func need(t *testing.T, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("PINGWISE_E2E") == "1" {
				t.Fatalf("PINGWISE_E2E=1 but %s is not installed", p)
			}
			t.Skipf("%s not installed: skipping (PINGWISE_E2E=1 makes this fatal)", p)
		}
	}
}

// bus starts a private session bus and connects to it.
func bus(t *testing.T, env []string) (string, *dbus.Conn) {
	t.Helper()
	need(t, "dbus-daemon")
	p, addr, err := headless.Bus(env, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	c, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return addr, c
}

// waitName waits for a name on the bus, while the process that should own
// it is still running.
func waitName(t *testing.T, c *dbus.Conn, name string, exited <-chan struct{}, stderr *bytes.Buffer) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var has bool
		if err := c.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has); err != nil {
			t.Fatal(err)
		}
		if has {
			return
		}
		select {
		case <-exited:
			t.Fatalf("exited before owning %s:\n%s", name, stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not appear in 20 s:\n%s", name, stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startMutter runs headless Mutter on a private bus and returns a
// connection to that bus.
func startMutter(t *testing.T) *dbus.Conn {
	need(t, "mutter")
	runtime := t.TempDir()
	env := append(os.Environ(), "XDG_RUNTIME_DIR="+runtime)
	addr, c := bus(t, env)
	cmd := exec.Command("mutter", "--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800")
	cmd.Env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	g, err := headless.StartGroup(cmd)
	if err != nil {
		t.Fatalf("start mutter: %v", err)
	}
	t.Cleanup(func() { g.Stop(5 * time.Second) })
	waitName(t, c, idleName, g.Exited, &stderr)
	waitName(t, c, "org.gnome.Mutter.RemoteDesktop", g.Exited, &stderr)
	return c
}

// press types a key through Mutter's RemoteDesktop API: input the way a
// person's reaches Mutter, not an IdleMonitor call.
func press(t *testing.T, c *dbus.Conn) {
	t.Helper()
	rd := c.Object("org.gnome.Mutter.RemoteDesktop", "/org/gnome/Mutter/RemoteDesktop")
	var session dbus.ObjectPath
	if err := rd.Call("org.gnome.Mutter.RemoteDesktop.CreateSession", 0).Store(&session); err != nil {
		t.Fatal(err)
	}
	s := c.Object("org.gnome.Mutter.RemoteDesktop", session)
	const iface = "org.gnome.Mutter.RemoteDesktop.Session"
	for _, call := range []struct {
		method string
		args   []any
	}{{"Start", nil}, {"NotifyKeyboardKeysym", []any{uint32('a'), true}}, {"NotifyKeyboardKeysym", []any{uint32('a'), false}}, {"Stop", nil}} {
		if err := s.Call(iface+"."+call.method, 0, call.args...).Err; err != nil {
			t.Fatalf("RemoteDesktop %s: %v", call.method, err)
		}
	}
}

func TestIdleMutterE2E(t *testing.T) {
	c := startMutter(t)
	d := &platform.Desktop{}
	OpenWith(d, Options{Bus: c, Settings: Settings{Env: []string{"PATH=" + os.Getenv("PATH"), "GSETTINGS_BACKEND=memory"}}, Exe: "/usr/bin/pingwise"})
	defer d.Close()
	if st := d.Status[platform.IdleService]; !st.Available {
		t.Fatalf("idle under Mutter: %s", st.How)
	}
	if st := d.Status[platform.ActiveApp]; st.Available || st.How != errNoExtension.Error() {
		t.Errorf("without the extension, the app in front says %+v", st)
	}
	// Nobody touches headless Mutter: its idle watch fires after Notice.
	deadline := time.Now().Add(3 * Notice)
	for {
		idle, err := d.Idle.Idle()
		if err != nil {
			t.Fatal(err)
		}
		if idle >= Notice {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not idle after %s", 3*Notice)
		}
		time.Sleep(50 * time.Millisecond)
	}
	press(t, c)
	deadline = time.Now().Add(10 * time.Second)
	for {
		idle, err := d.Idle.Idle()
		if err != nil {
			t.Fatal(err)
		}
		if idle == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still idle (%s) after a key press", idle)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
