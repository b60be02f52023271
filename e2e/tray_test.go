package e2e

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tray menu, read and clicked through the real panel's protocol.
func TestTrayMenu(t *testing.T) {
	need(t, "xfce4-panel")
	d := newDesk(t, deskOpts{})
	a := d.startApp()
	tray := d.tray(a)

	want := []string{"Not focusing", "Start focus", "Pause", "Stop", "Sync or async?...", "Log interruption",
		"Deferred (0)", "Weekly stats...", "Settings...", "Quit"}
	if got := labels(tray.menu()); !slices.Equal(got, want) {
		t.Fatalf("menu = %q, want %q", got, want)
	}
	for _, off := range []string{"Pause", "Stop", "Deferred (0)"} {
		if it, _ := find(tray.menu(), off); it.enabled {
			t.Errorf("%q is enabled while idle", off)
		}
	}
	if got := labels(mustFind(t, tray.menu(), "Start focus").children); !slices.Equal(got, []string{"25 min", "50 min", "90 min", "Custom..."}) {
		t.Errorf("Start focus submenu = %q", got)
	}

	tray.click("Start focus", "25 min")
	d.waitFor("a session after clicking Start focus > 25 min", func() bool { return d.status().State == "focusing" })
	if st := d.status(); st.PlannedMinutes != 25 || st.RemainingSeconds > 25*60 || st.RemainingSeconds < 24*60 {
		t.Errorf("status after the click = %+v", st)
	}
	d.waitFor("the state line to show the session", func() bool { return tray.firstLabel() == "Focusing" })
	d.waitFor("the tooltip to show the time left", func() bool { return strings.Contains(tray.tooltip(), "Focusing: 25 min left") })
	if it, _ := find(tray.menu(), "Start focus"); it.enabled {
		t.Error("Start focus is enabled during a session")
	}

	tray.click("Pause")
	d.waitFor("paused", func() bool { return d.status().State == "paused" })
	d.waitFor("Resume in the menu", func() bool { _, ok := find(tray.menu(), "Resume"); return ok })

	// Two clicks in the open menu: the submenu, then the channel.
	tray.click("Log interruption", "Chat") // under "Taken now": the first Chat
	deferredChat := mustFind(t, tray.menu(), "Log interruption").children
	var second menuItem
	for i, it := range deferredChat {
		if it.label == "Deferred" {
			second = deferredChat[i+2] // Deferred heading, Call, Chat
		}
	}
	if second.label != "Chat" {
		t.Fatalf("no Chat under Deferred: %q", labels(deferredChat))
	}
	tray.clickID(second.id)
	d.waitFor("Deferred (1)", func() bool { _, ok := find(tray.menu(), "Deferred (1)"); return ok })
	out, err := d.pingwise("stats", "--json")
	if err != nil || !strings.Contains(out, `"interruptions_taken":1`) || !strings.Contains(out, `"interruptions_deferred":1`) {
		t.Errorf("stats after logging from the tray: %v %s", err, out)
	}

	deferred := mustFind(t, tray.menu(), "Deferred (1)")
	if len(deferred.children) == 0 || !strings.HasPrefix(deferred.children[0].label, "Chat, ") {
		t.Fatalf("Deferred submenu = %q", labels(deferred.children))
	}
	tray.clickID(deferred.children[0].id)
	d.waitFor("Deferred (0) after marking it handled", func() bool { _, ok := find(tray.menu(), "Deferred (0)"); return ok })

	tray.click("Stop")
	d.waitFor("idle after Stop", func() bool { return d.status().State == "idle" })
	d.waitFor("the state line back to idle", func() bool { return tray.firstLabel() == "Not focusing" })

	tray.click("Settings...")
	settings := d.window("Pingwise settings")
	time.Sleep(300 * time.Millisecond) // let it draw before the picture
	d.screenshot("settings.png", settings)

	tray.click("Quit")
	if err := a.wait(t); err != nil {
		t.Fatalf("quit from the tray: %v\n%s", err, a.errors())
	}
	if strings.Contains(a.errors(), "panic") {
		t.Fatalf("the app panicked:\n%s", a.errors())
	}
}

func mustFind(t *testing.T, items []menuItem, path ...string) menuItem {
	t.Helper()
	it, ok := find(items, path...)
	if !ok {
		t.Fatalf("no menu item %q in %q", path, labels(items))
	}
	return it
}

// clickID clicks a menu item by id, for items whose labels repeat.
func (ti trayItem) clickID(id int) {
	ti.d.t.Helper()
	if out, err := ti.d.gdbus(ti.name, "/StatusNotifierItem/menu", "com.canonical.dbusmenu.Event",
		itoa(id), "clicked", "<0>", "0"); err != nil {
		ti.d.t.Fatalf("click %d: %v: %s", id, err, out)
	}
}

// Commands go through the running app, so the tray changes at once, and
// the app and the command line agree after any mix of their commands.
func TestCommandsReachTheTray(t *testing.T) {
	need(t, "xfce4-panel")
	d := newDesk(t, deskOpts{})
	a := d.startApp()
	tray := d.tray(a)

	if _, err := d.pingwise("start", "50m", "--intent", "write report"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("the tray to show the CLI's session", func() bool {
		return tray.firstLabel() == "Focusing - write report" && strings.Contains(tray.tooltip(), "Focusing: 50 min left - write report")
	})
	tray.click("Pause")
	d.waitFor("paused", func() bool { return d.status().State == "paused" })
	if _, err := d.pingwise("resume"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("the tray to show it resumed", func() bool { return strings.HasPrefix(tray.firstLabel(), "Focusing") })
	if _, err := d.pingwise("log", "call", "--deferred", "--who", "Dana"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("Deferred (1) after pingwise log", func() bool { _, ok := find(tray.menu(), "Deferred (1)"); return ok })

	// A second start shows the running app and exits, saying only that:
	// it opens nothing of the desktop's (the hotkey it would find taken).
	second := exec.Command(binary, "--home", d.home)
	second.Env = d.env()
	out, err := second.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "pingwise: already running: showed its window" {
		t.Fatalf("second start: %v: %s", err, out)
	}
	d.window("Pingwise")

	// Killed hard, the app leaves a stale socket; the command line works on
	// the store meanwhile, and a new app cleans up and shows the session.
	a.cmd.Process.Signal(syscall.SIGKILL)
	a.wait(t)
	if st := d.status(); st.State != "focusing" || st.Intent != "write report" {
		t.Fatalf("status with the app killed = %+v", st)
	}
	if _, err := d.pingwise("pause"); err != nil {
		t.Fatal(err)
	}
	b := d.startApp()
	tray = d.tray(b)
	d.waitFor("the restarted app to show the paused session", func() bool {
		return tray.firstLabel() == "Paused - write report"
	})
	if _, err := d.pingwise("quit"); err != nil {
		t.Fatal(err)
	}
	if err := b.wait(t); err != nil {
		t.Fatalf("quit: %v\n%s", err, b.errors())
	}
}

// Nothing a client sends on the socket can crash the app.
func TestHostileSocket(t *testing.T) {
	need(t)
	d := newDesk(t, deskOpts{noPanel: true})
	a := d.startApp()
	sock := filepath.Join(d.home, "pingwise.sock")
	if fi, err := os.Stat(sock); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket mode: %v %v", fi.Mode(), err)
	}
	for _, msg := range []string{
		"not json\n",
		`{"op":"nope"}` + "\n",
		`{"op":"start","duration":-5}` + "\n",
		`{"op":"log","interruption":{"Channel":"fax"}}` + "\n",
		`{"op":"start","extra":1}` + "\n",
		strings.Repeat("x", 200<<10) + "\n",
		"", // connect and hang up
	} {
		c, err := net.Dial("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(5 * time.Second))
		c.Write([]byte(msg))
		c.(*net.UnixConn).CloseWrite()
		buf := make([]byte, 4096)
		n, _ := c.Read(buf)
		c.Close()
		if msg != "" && !strings.Contains(string(buf[:n]), `"error"`) {
			t.Errorf("%.40q got %q, want an error", msg, buf[:n])
		}
	}
	if st := d.status(); st.State != "idle" {
		t.Errorf("state after hostile messages = %+v", st)
	}
	if !a.running() {
		t.Fatal("the app died")
	}
}

// Without a tray host, and without a session bus, the app says what is
// missing once and runs in its window.
func TestFallbackWindow(t *testing.T) {
	need(t, "import")
	for _, tc := range []struct {
		name    string
		opts    deskOpts
		message string
		shot    string
	}{
		{"no panel", deskOpts{noPanel: true}, "No system tray found", "fallback-no-tray.png"},
		{"no bus", deskOpts{noBus: true}, "No D-Bus session bus", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDesk(t, tc.opts)
			a := d.startApp()
			win := d.window("Pingwise")
			d.waitFor("the message on stderr", func() bool { return strings.Contains(a.errors(), tc.message) })
			if n := strings.Count(a.errors(), tc.message); n != 1 {
				t.Errorf("message said %d times", n)
			}
			if _, err := d.pingwise("start", "25"); err != nil {
				t.Fatal(err)
			}
			if tc.shot != "" {
				time.Sleep(300 * time.Millisecond) // let the window draw the new state
				d.screenshot(tc.shot, win)
			}
			if _, err := d.pingwise("quit"); err != nil {
				t.Fatal(err)
			}
			if err := a.wait(t); err != nil || strings.Contains(a.errors(), "panic") {
				t.Fatalf("quit: %v\n%s", err, a.errors())
			}
			if st := d.status(); st.State != "focusing" {
				t.Errorf("session lost: %+v", st)
			}
		})
	}
}
