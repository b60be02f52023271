package kde

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/internal/headless"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/wayland"
)

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

// session is a headless KWin on a private bus.
type session struct {
	bus     *dbus.Conn
	runtime string
	env     []string // a client's environment inside the session
	wayland string   // the socket's path
}

func startKWin(t *testing.T) *session {
	t.Helper()
	need(t, "kwin_wayland", "dbus-daemon")
	s := &session{runtime: t.TempDir()}
	if err := os.Chmod(s.runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "XDG_RUNTIME_DIR="+s.runtime, "WAYLAND_DISPLAY=kwintest", "XDG_CURRENT_DESKTOP=KDE")
	p, addr, err := headless.Bus(env, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	s.env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	kwin, err := headless.KWin(t.TempDir(), "kwintest", s.env)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(kwin.Stop)
	s.wayland = filepath.Join(s.runtime, "kwintest")
	if s.bus, err = dbus.Connect(addr); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.bus.Close() })
	deadline := time.Now().Add(20 * time.Second)
	for {
		var has bool
		if err := s.bus.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, kwinName).Store(&has); err != nil {
			t.Fatal(err)
		}
		if has {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatal("KWin did not take its name on the bus in 20 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// window opens a native Wayland window with app id app. foot hangs at
// start under headless KWin 5.27, so it is zenity, a GTK program, whose
// app id is its program name: a link named app.
func (s *session) window(t *testing.T, app, title string) {
	t.Helper()
	zenity, err := exec.LookPath("zenity")
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), app)
	if err := os.Symlink(zenity, link); err != nil {
		t.Fatal(err)
	}
	s.start(t, link, "--info", "--title", title, "--text", title)
}

// start runs a Wayland client in the session until the test ends.
func (s *session) start(t *testing.T, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(s.env, "GDK_BACKEND=wayland", "NO_AT_BRIDGE=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("%s said: %s", name, out.String())
		}
	})
}

func TestActiveKWinE2E(t *testing.T) {
	s := startKWin(t)
	need(t, "zenity")
	d := &platform.Desktop{}
	OpenWith(d, Options{Bus: s.bus, Wayland: s.wayland, ScriptDir: s.runtime})
	defer d.Close()
	if st := d.Status[platform.ActiveApp]; !st.Available {
		t.Fatal(st.How)
	}
	changes := make(chan platform.Window, 16)
	stop, err := d.Active.WatchActive(func(w platform.Window) { changes <- w })
	if err != nil {
		t.Fatal(err)
	}
	waitApp := func(app string) platform.Window {
		t.Helper()
		limit := time.After(20 * time.Second)
		for {
			select {
			case w := <-changes:
				t.Logf("KWin reported %+v", w)
				if w.AppID == app {
					return w
				}
			case <-limit:
				t.Fatalf("no activation of %s in 20 s", app)
			}
		}
	}
	s.window(t, "Slack", "general")
	if w := waitApp("Slack"); w.Title != "general" {
		t.Errorf("title %q, want general", w.Title)
	}
	s.window(t, "Editor", "notes")
	waitApp("Editor")
	stop()
	var loaded bool
	if err := s.bus.Object(kwinName, "/Scripting").Call(scriptingIf+".isScriptLoaded", 0, pluginName).Store(&loaded); err != nil || loaded {
		t.Errorf("the script is still loaded after stop (%v)", err)
	}
}

func TestIdleKWinE2E(t *testing.T) {
	s := startKWin(t)
	d := &platform.Desktop{}
	OpenWith(d, Options{Bus: s.bus, Wayland: s.wayland, ScriptDir: s.runtime})
	defer d.Close()
	st := d.Status[platform.IdleService]
	if !st.Available {
		t.Fatal(st.How)
	}
	t.Logf("KWin's idle: %s", st.How)
	deadline := time.Now().Add(3 * wayland.Notice)
	for {
		idle, err := d.Idle.Idle()
		if err != nil {
			t.Fatal(err)
		}
		if idle >= wayland.Notice {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not idle after %s", 3*wayland.Notice)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestReceiver(t *testing.T) {
	var got []platform.Window
	r := &receiver{kwin: ":1.7", changed: func(w platform.Window) { got = append(got, w) }}
	for _, c := range []struct {
		sender, seq, desktop, class, name, caption string
		fails                                      bool
	}{
		{":1.9", "1", "", "Spoof", "", "", true}, // not KWin
		{":1.7", "x", "", "Bad", "", "", true},
		{":1.7", "2", "org.kde.konsole", "konsole", "konsole", "~", false},
		{":1.7", "1", "", "Late", "", "", false},                           // overtaken: dropped
		{":1.7", "3", "org.kde.konsole", "konsole", "konsole", "~", false}, // repeat: dropped
		{":1.7", "4", "com.slack.Slack", "", "", "general", false},
	} {
		err := r.Activated(dbus.Sender(c.sender), c.seq, c.desktop, c.class, c.name, c.caption)
		if (err != nil) != c.fails {
			t.Errorf("%+v: %v", c, err)
		}
	}
	want := []platform.Window{
		{AppID: "konsole", Class: "konsole", Instance: "konsole", Title: "~"},
		{AppID: "com.slack.Slack", Title: "general"},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("passed on %+v, want %+v", got, want)
	}
}
