package gnome

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/internal/headless"
	"github.com/pingwise/pingwise/platform"
)

// shell is a headless GNOME Shell with Pingwise's extension installed as
// `pingwise install` installs it, on buses of its own.
type shell struct {
	t        *testing.T
	env      []string   // a client's environment: the shell's Wayland display and session bus
	bus      *dbus.Conn // the session bus
	addr     string     // its address
	settings Settings   // gsettings on the shell's keyfile
	dataHome string     // $XDG_DATA_HOME, where the extension is
	log      *headless.Output
}

// startShell installs the extension in a home of the test's own (a
// keyfile stands in for dconf, whose service is not on the bus), starts
// GNOME Shell there and waits until the extension answers.
func startShell(t *testing.T) *shell {
	t.Helper()
	need(t, "gnome-shell", "gsettings", "dbus-daemon")
	dir := t.TempDir()
	home, runtime := filepath.Join(dir, "home"), filepath.Join(dir, "runtime")
	for _, d := range []string{home, runtime} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	dataHome := filepath.Join(home, ".local", "share")
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + dataHome, "XDG_CACHE_HOME=" + filepath.Join(home, ".cache"), "XDG_RUNTIME_DIR=" + runtime,
		"GSETTINGS_BACKEND=keyfile", "NO_AT_BRIDGE=1", "LC_ALL=C.UTF-8"}
	s := Settings{Env: env}
	// A person may have turned user extensions off; install leaves that
	// to them, so the test says what it wants.
	if _, err := s.run("set", "org.gnome.shell", "disable-user-extensions", "false"); err != nil {
		t.Fatal(err)
	}
	version, err := ShellVersion()
	if err != nil {
		t.Fatal(err)
	}
	st := Setup{DataHome: dataHome, Exe: "/usr/bin/pingwise", Hotkey: "Ctrl+Shift+Space", Shell: version}
	if err := s.Install(st, io.Discard); err != nil {
		t.Fatal(err)
	}

	sys, sysAddr, err := headless.EmptySystemBus(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sys.Stop)
	sessAddr := quietBus(t, filepath.Join(dir, "session.conf"))
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+sessAddr, "DBUS_SYSTEM_BUS_ADDRESS="+sysAddr)
	c, err := dbus.Connect(sessAddr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })

	cmd := exec.Command("gnome-shell", "--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800", "--wayland-display", "wayland-pw")
	cmd.Env = env
	// A network of its own, with nothing in it: the shell asks
	// extensions.gnome.org for updates of the extensions it loads. (Its
	// clients here are Wayland and D-Bus ones, on sockets in the file
	// system, which the namespace does not hide.)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Cloneflags: syscall.CLONE_NEWNET}
	sh := &shell{t: t, env: append(env, "WAYLAND_DISPLAY=wayland-pw"), bus: c, addr: sessAddr, settings: s, dataHome: dataHome, log: &headless.Output{}}
	cmd.Stdout, cmd.Stderr = sh.log, sh.log
	// The shell starts ibus-daemon in a process group of its own, which
	// may hold the output open: the shell's exit is what counts.
	cmd.WaitDelay = 5 * time.Second
	g, err := headless.StartGroup(cmd)
	if err != nil {
		t.Fatalf("start gnome-shell in a network namespace of its own (as root): %v", err)
	}
	exited := g.Exited
	t.Cleanup(func() {
		g.Stop(10 * time.Second)
		if t.Failed() {
			t.Logf("gnome-shell said:\n%s", sh.log)
		}
	})
	// The shell owns its name before it loads extensions; the extension
	// answers once the session's extensions are enabled.
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, err := OpenActive(c)
		if err == nil {
			break
		}
		select {
		case <-exited:
			t.Fatalf("gnome-shell exited before the extension answered (%v)", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the extension did not answer in 60 s: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	sh.waitExtension(func(state float64) bool { return state == extensionEnabled })
	// A session's startup ends in the overview, where no window has the
	// focus; leave it then, as a person does with Esc.
	sh.waitOverview(true)
	o := sh.bus.Object(shellName, "/org/gnome/Shell")
	if err := o.SetProperty(shellName+".OverviewActive", dbus.MakeVariant(false)); err != nil {
		t.Fatalf("set OverviewActive: %v", err)
	}
	sh.waitOverview(false)
	return sh
}

// waitOverview waits until the overview is shown (on) or hidden, as
// org.gnome.Shell's OverviewActive tells.
func (sh *shell) waitOverview(on bool) {
	sh.t.Helper()
	o := sh.bus.Object(shellName, "/org/gnome/Shell")
	deadline := time.Now().Add(30 * time.Second)
	for {
		v, err := o.GetProperty(shellName + ".OverviewActive")
		if err != nil {
			sh.t.Fatalf("OverviewActive: %v", err)
		}
		if v.Value() == on {
			return
		}
		if time.Now().After(deadline) {
			sh.t.Fatalf("OverviewActive still %v after 30 s", v)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// extensionEnabled is GNOME Shell's ExtensionState.ENABLED.
const extensionEnabled = 1

// waitExtension waits until the shell's state of the extension, as
// org.gnome.Shell.Extensions tells it, is one done says.
func (sh *shell) waitExtension(done func(state float64) bool) {
	sh.t.Helper()
	o := sh.bus.Object(shellName, "/org/gnome/Shell")
	deadline := time.Now().Add(20 * time.Second)
	for {
		var info map[string]dbus.Variant
		if err := o.Call("org.gnome.Shell.Extensions.GetExtensionInfo", 0, ExtensionUUID).Store(&info); err != nil {
			sh.t.Fatalf("GetExtensionInfo: %v", err)
		}
		state, _ := info["state"].Value().(float64)
		if done(state) {
			return
		}
		if time.Now().After(deadline) {
			sh.t.Fatalf("the extension's state is still %v after 20 s", info["state"])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// quietBus starts a session bus of the configuration headless.QuietSessionBus,
// written to path, until the test ends.
func quietBus(t *testing.T, path string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(headless.QuietSessionBus), 0o644); err != nil {
		t.Fatal(err)
	}
	p, addr, err := headless.Bus(nil, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	return addr
}

// foot opens a native Wayland window of app id appID titled title until
// the test ends or close is called. Its command waits for a line on a
// pipe, then sets the window's title to what it read.
func (sh *shell) foot(appID, title string) (retitle func(string), close func()) {
	sh.t.Helper()
	need(sh.t, "foot")
	fifo := filepath.Join(sh.t.TempDir(), "title")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		sh.t.Fatal(err)
	}
	cmd := exec.Command("foot", "--app-id="+appID, "--title="+title, "--",
		"sh", "-c", `read t < "$0"; printf '\033]2;%s\007' "$t"; exec sleep 600`, fifo)
	cmd.Env = sh.env
	out := &headless.Output{}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		sh.t.Fatalf("start foot: %v", err)
	}
	var once sync.Once
	close = func() {
		once.Do(func() {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		})
	}
	sh.t.Cleanup(func() {
		close()
		if sh.t.Failed() {
			sh.t.Logf("foot --app-id=%s said:\n%s", appID, out)
		}
	})
	return func(t string) {
		sh.t.Helper()
		if err := os.WriteFile(fifo, []byte(t+"\n"), 0o600); err != nil {
			sh.t.Fatal(err)
		}
	}, close
}

// current asks the extension over D-Bus, not through Active, what is in
// front.
func (sh *shell) current() [4]string {
	sh.t.Helper()
	var r [4]string
	err := sh.bus.Object(shellName, focusPath).Call(focusIf+".Current", 0).Store(&r[0], &r[1], &r[2], &r[3])
	if err != nil {
		sh.t.Fatalf("Current(): %v", err)
	}
	return r
}

// A real GNOME Shell 43, headless, with the extension installed as
// `pingwise install` installs it: its Current() and FocusChanged name the
// native Wayland window in front as focus moves between windows and a
// title changes, Pingwise's watcher reports the same windows, and
// uninstalling takes the extension off the bus.
func TestShellExtensionE2E(t *testing.T) {
	sh := startShell(t)

	// The D-Bus contract on its own connection: every FocusChanged.
	raw, err := dbus.Connect(sh.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.AddMatchSignal(dbus.WithMatchObjectPath(focusPath), dbus.WithMatchInterface(focusIf), dbus.WithMatchMember("FocusChanged")); err != nil {
		t.Fatal(err)
	}
	signals := make(chan *dbus.Signal, 64)
	raw.Signal(signals)

	// Pingwise's desktop services, as the app opens them on GNOME.
	d := &platform.Desktop{}
	OpenWith(d, Options{Bus: sh.bus, Settings: sh.settings, Exe: "/usr/bin/pingwise"})
	defer d.Close()
	for svc, how := range map[string]string{
		platform.ActiveApp:     "Pingwise's GNOME Shell extension",
		platform.IdleService:   "Mutter's IdleMonitor",
		platform.HotkeyService: "a GNOME custom keybinding",
	} {
		if st := d.Status[svc]; !st.Available || !strings.HasPrefix(st.How, how) {
			t.Errorf("%s: %+v, want %q", svc, st, how)
		}
	}
	if _, ok := d.Active.(*Active); !ok {
		t.Fatalf("the app in front comes from %T, not the extension", d.Active)
	}
	changes := make(chan platform.Window, 64)
	stop, err := d.Active.WatchActive(func(w platform.Window) { changes <- w })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()

	// waitFocus waits until the signal, the watcher and Current() all name
	// a window titled title of app id appID.
	waitFocus := func(appID, title string) {
		t.Helper()
		deadline := time.After(30 * time.Second)
		var seen []string
		for got := false; !got; {
			select {
			case s := <-signals:
				var f [4]string
				if err := dbus.Store(s.Body, &f[0], &f[1], &f[2], &f[3]); err != nil {
					t.Fatalf("FocusChanged %v: %v", s.Body, err)
				}
				seen = append(seen, "signal "+strings.Join(f[:], "|"))
				got = f[1] == appID && f[3] == title
			case <-deadline:
				t.Fatalf("no FocusChanged for %s %q; saw %q; Current() %q", appID, title, seen, sh.current())
			}
		}
		var w platform.Window
		for w.AppID != appID || w.Title != title {
			select {
			case w = <-changes:
				seen = append(seen, "watcher "+w.AppID+"|"+w.Title)
			case <-deadline:
				t.Fatalf("the watcher did not report %s %q; saw %q", appID, title, seen)
			}
		}
		if c := sh.current(); window(c[0], c[1], c[2], c[3]) != w {
			t.Fatalf("Current() %q, the watcher %+v", c, w)
		}
	}

	retitleSlack, _ := sh.foot("Slack", "general")
	waitFocus("Slack", "general")
	// A Wayland window's app id is its wm_class in Mutter.
	if c := sh.current(); c[1] != "Slack" || c[2] != "Slack" {
		t.Errorf("Current() %q: the wm_class and instance are not the app id", c)
	}

	_, closeNotes := sh.foot("Notes", "todo")
	waitFocus("Notes", "todo")

	closeNotes() // focus goes back to the window before
	waitFocus("Slack", "general")

	retitleSlack("random") // a chat room changed: a change of what is in front
	waitFocus("Slack", "random")

	// `pingwise uninstall` takes it out of the enabled extensions; once
	// the shell has disabled it, its object has left the bus.
	if err := sh.settings.RemoveExtension(sh.dataHome); err != nil {
		t.Fatal(err)
	}
	sh.waitExtension(func(state float64) bool { return state != extensionEnabled })
	if _, err := OpenActive(sh.bus); err != errNoExtension {
		t.Errorf("with the extension disabled: %v, want %v", err, errNoExtension)
	}
}
