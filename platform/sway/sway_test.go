package sway

import (
	"os"
	"strings"
	"testing"
	"time"

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
	exe, ran := s.marker(t.TempDir())
	d := openSway(t, s, exe, "/tmp/pw home, (a; b)")
	release, err := d.Hotkey.Bind("Ctrl+Shift+Space", func() { t.Error("sway runs the command; pressed must not be called") })
	if err != nil {
		t.Fatal(err)
	}
	press := func() { s.run("wtype", "-M", "ctrl", "-M", "shift", "-k", "space") }
	press()
	want := "--home /tmp/pw home, (a; b) ask"
	eventually(t, "the bound command to run", 10*time.Second, func() bool { return lines(ran)[0] == want })

	// A config reload drops run-time bindings; Bind binds again. Press
	// until the rebinding has landed: each press that finds it adds a line.
	s.run("swaymsg", "reload")
	eventually(t, "the binding to be back after a reload", 10*time.Second, func() bool {
		press()
		return len(lines(ran)) >= 2
	})
	if got := lines(ran); got[len(got)-1] != want {
		t.Errorf("after the reload the key ran %q, want %q", got[len(got)-1], want)
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

func TestExecLine(t *testing.T) {
	for _, tc := range []struct{ exe, home, want, err string }{
		{"/usr/bin/pingwise", "", `"'/usr/bin/pingwise' 'ask'"`, ""},
		{"/opt/a b/pingwise", "/tmp/x, y; z", `"'/opt/a b/pingwise' '--home' '/tmp/x, y; z' 'ask'"`, ""},
		{"/opt/it's/pingwise", "", "", "quote"},
		{"/usr/bin/pingwise", `/tmp/a\b`, "", "backslash"},
		{"/usr/bin/pingwise", "/tmp/$mod", "", "dollar"},
		{"pingwise", "", "", "absolute"},
	} {
		got, err := execLine(tc.exe, tc.home)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("execLine(%q, %q) = %q, %v; want %q, %q", tc.exe, tc.home, got, err, tc.want, tc.err)
		}
	}
}
