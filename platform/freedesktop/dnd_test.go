package freedesktop

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// roundTrip drives a DND through off -> on -> on -> off -> off, checking
// the driver and the daemon's own tool (said) agree at every step.
func roundTrip(t *testing.T, dnd DND, said func() bool) {
	t.Helper()
	check := func(step string, want bool) {
		t.Helper()
		on, err := dnd.On()
		if err != nil {
			t.Fatalf("%s: On: %v", step, err)
		}
		if on != want || said() != want {
			t.Fatalf("%s: On() = %t, the daemon's tool says %t; want %t", step, on, said(), want)
		}
	}
	check("at start", false)
	for _, on := range []bool{true, true, false, false} {
		if err := dnd.Set(on); err != nil {
			t.Fatalf("Set(%t): %v", on, err)
		}
		check("after Set", on)
	}
}

func TestDunstDND(t *testing.T) {
	need(t, "dbus-daemon", "Xvfb", "dunst", "dunstctl", "notify-send")
	d := newDesk(t, deskOpts{display: true})
	d.start("dunst")
	conn := d.conn()
	d.waitOwner(conn, notifyName)

	s, err := Probe(conn)
	if err != nil || s.Name != "dunst" {
		t.Fatalf("Probe = %+v, %v; want dunst", s, err)
	}
	dnd, err := ForServer(conn, s, nil)
	if err != nil || dnd.Kind() != "dunst" {
		t.Fatalf("ForServer = %v, %v", dnd, err)
	}
	roundTrip(t, dnd, func() bool { return d.must("dunstctl", "is-paused") == "true" })

	// Paused really holds notifications back, critical ones too (hence
	// CriticalShows false), and hands them over when unpaused.
	if err := dnd.Set(true); err != nil {
		t.Fatal(err)
	}
	d.must("notify-send", "-a", "Slack", "Dana", "lunch?")
	d.must("notify-send", "-u", "critical", "-a", "Slack", "Dana", "now!")
	waitFor(t, "2 waiting", 5*time.Second, func() bool { return d.must("dunstctl", "count", "waiting") == "2" })
	if got := d.must("dunstctl", "count", "displayed"); got != "0" || dnd.CriticalShows() {
		t.Fatalf("paused dunst displays %s notifications; CriticalShows = %t", got, dnd.CriticalShows())
	}
	if err := dnd.Set(false); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the held notifications shown", 5*time.Second, func() bool { return d.must("dunstctl", "count", "waiting") == "0" })
}

func TestXfceDND(t *testing.T) {
	need(t, "dbus-daemon", "Xvfb", "xfconf-query", "notify-send")
	xfconfd := serviceExec(t, "org.xfce.Xfconf.service", "xfconfd")
	notifyd := serviceExec(t, "org.xfce.xfce4-notifyd.Notifications.service", "xfce4-notifyd")
	d := newDesk(t, deskOpts{display: true})
	conn := d.conn()
	d.start(xfconfd)
	d.waitOwner(conn, xfconfName)
	d.start(notifyd)
	d.waitOwner(conn, notifyName)

	s, err := Probe(conn)
	if err != nil || s.Name != "Xfce Notify Daemon" {
		t.Fatalf("Probe = %+v, %v; want Xfce Notify Daemon", s, err)
	}
	dnd, err := ForServer(conn, s, nil)
	if err != nil || dnd.Kind() != "xfce4-notifyd" {
		t.Fatalf("ForServer = %v, %v", dnd, err)
	}
	// Before any Set the property does not exist: xfconf-query fails, and
	// the driver reads that as off.
	said := func() bool {
		out, err := d.run("xfconf-query", "-c", xfconfChannel, "-p", xfconfProperty)
		return err == nil && out == "true"
	}
	roundTrip(t, dnd, said)

	// What the person sees: in DND a normal notification opens no popup,
	// a critical one does (hence CriticalShows true).
	x := popups(t, d)
	before := x()
	if err := dnd.Set(true); err != nil {
		t.Fatal(err)
	}
	d.must("notify-send", "-a", "Slack", "Dana", "lunch?")
	time.Sleep(500 * time.Millisecond)
	if got := x(); got != before {
		t.Fatalf("in DND a normal notification opened a popup (%d -> %d windows)", before, got)
	}
	d.must("notify-send", "-u", "critical", "-a", "Slack", "Dana", "now!")
	waitFor(t, "the critical popup", 5*time.Second, func() bool { return x() == before+1 })
	if !dnd.CriticalShows() {
		t.Fatal("CriticalShows is false, but xfce4-notifyd showed the critical notification")
	}
	if err := dnd.Set(false); err != nil {
		t.Fatal(err)
	}
	d.must("notify-send", "-a", "Slack", "Dana", "again")
	waitFor(t, "a popup with DND off", 5*time.Second, func() bool { return x() == before+2 })
}

// popups counts the viewable top-level windows on the desk's display.
func popups(t *testing.T, d *desk) func() int {
	t.Helper()
	var display string
	for _, kv := range d.env {
		if v, ok := strings.CutPrefix(kv, "DISPLAY="); ok {
			display = v
		}
	}
	xgb.Logger.SetOutput(io.Discard) // it complains about a missing .Xauthority
	x, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatalf("connect to %s: %v", display, err)
	}
	t.Cleanup(x.Close)
	root := xproto.Setup(x).DefaultScreen(x).Root
	return func() int {
		tree, err := xproto.QueryTree(x, root).Reply()
		if err != nil {
			t.Fatalf("QueryTree: %v", err)
		}
		n := 0
		for _, w := range tree.Children {
			a, err := xproto.GetWindowAttributes(x, w).Reply()
			if err == nil && a.MapState == xproto.MapStateViewable {
				n++
			}
		}
		return n
	}
}

func TestGnomeDND(t *testing.T) {
	need(t, "dbus-daemon", "gsettings")
	if _, err := os.Stat("/usr/share/glib-2.0/schemas/org.gnome.desktop.notifications.gschema.xml"); err != nil {
		missing(t, "org.gnome.desktop.notifications")
	}
	// Real gsettings, real schema, a keyfile backend in a temporary
	// directory: the person's dconf database is never touched.
	cfg := t.TempDir()
	t.Setenv("GSETTINGS_BACKEND", "keyfile")
	t.Setenv("XDG_CONFIG_HOME", cfg)
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	serveFake(t, d.addr, &fakeServer{name: "gnome-shell", vendor: "GNOME"})
	conn := d.conn()

	s, err := Probe(conn)
	if err != nil {
		t.Fatal(err)
	}
	dnd, err := ForServer(conn, s, nil)
	if err != nil || dnd.Kind() != "gnome" || !dnd.CriticalShows() {
		t.Fatalf("ForServer = %v, %v", dnd, err)
	}
	said := func() bool {
		out, err := Exec("gsettings", "get", gnomeSchema, gnomeKey)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out)) == "false" // banners off = DND on
	}
	roundTrip(t, dnd, said)
	keyfile, err := os.ReadFile(filepath.Join(cfg, "glib-2.0", "settings", "keyfile"))
	if err != nil || !strings.Contains(string(keyfile), "show-banners=true") {
		t.Fatalf("the keyfile backend holds %q, %v", keyfile, err)
	}
}

func TestKDEDND(t *testing.T) {
	need(t, "dbus-daemon")
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	plasma := &fakeServer{name: "Plasma", vendor: "KDE"}
	serveFake(t, d.addr, plasma)
	conn := d.conn()

	s, err := Probe(conn)
	if err != nil {
		t.Fatal(err)
	}
	dnd, err := ForServer(conn, s, nil)
	if err != nil || dnd.Kind() != "kde" {
		t.Fatalf("ForServer = %v, %v", dnd, err)
	}
	said := func() bool {
		plasma.mu.Lock()
		defer plasma.mu.Unlock()
		return len(plasma.inhibits) > 0
	}
	roundTrip(t, dnd, said)
	me := conn.Names()[0]
	want := []fakeCall{
		{"Inhibit", []any{"io.github.pingwise", "Focus session", 0}, me},
		{"UnInhibit", []any{uint32(1)}, me},
	}
	if got := plasma.log(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Plasma got %+v\nwant %+v (one inhibition, from the app's own connection, released once)", got, want)
	}
}

func TestKDEWithoutInhibitedProperty(t *testing.T) {
	need(t, "dbus-daemon")
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	plasma := &fakeServer{name: "Plasma", vendor: "KDE", noInhibited: true}
	serveFake(t, d.addr, plasma)
	conn := d.conn()
	dnd, err := ForServer(conn, Server{Name: "Plasma", Vendor: "KDE"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, dnd, func() bool {
		plasma.mu.Lock()
		defer plasma.mu.Unlock()
		return len(plasma.inhibits) > 0
	})
}

// fakeMako is makoctl's mode list, as a Runner.
type fakeMako struct {
	modes []string
	ran   []string
}

func (m *fakeMako) run(name string, args ...string) ([]byte, error) {
	m.ran = append(m.ran, name+" "+strings.Join(args, " "))
	if name != "makoctl" || len(args) == 0 || args[0] != "mode" {
		return nil, errors.New("unexpected command")
	}
	switch {
	case len(args) == 3 && args[1] == "-a":
		m.modes = append(m.modes, args[2])
	case len(args) == 3 && args[1] == "-r":
		m.modes = slices.DeleteFunc(m.modes, func(s string) bool { return s == args[2] })
	case len(args) != 1:
		return nil, errors.New("unexpected makoctl arguments")
	}
	return []byte(strings.Join(m.modes, "\n") + "\n"), nil
}

func TestMakoDND(t *testing.T) {
	m := &fakeMako{modes: []string{"default"}}
	dnd, err := ForServer(nil, Server{Name: "mako", Vendor: "emersion"}, m.run)
	if err != nil || dnd.Kind() != "mako" {
		t.Fatalf("ForServer = %v, %v", dnd, err)
	}
	roundTrip(t, dnd, func() bool { return slices.Contains(m.modes, "do-not-disturb") })
	want := []string{
		"makoctl mode",                                                                                   // at start
		"makoctl mode", "makoctl mode -a do-not-disturb", "makoctl mode", "makoctl mode", "makoctl mode", // on, on again (no second -a)
		"makoctl mode", "makoctl mode -r do-not-disturb", "makoctl mode", "makoctl mode", "makoctl mode", // off, off again
	}
	if !reflect.DeepEqual(m.ran, want) {
		t.Fatalf("ran %q\nwant %q", m.ran, want)
	}
	if !reflect.DeepEqual(m.modes, []string{"default"}) {
		t.Fatalf("modes left: %q", m.modes)
	}
}

func TestForServer(t *testing.T) {
	for _, c := range []struct {
		s    Server
		kind string
	}{
		{Server{Name: "dunst", Vendor: "knopwob"}, "dunst"},
		{Server{Name: "Xfce Notify Daemon", Vendor: "Xfce"}, "xfce4-notifyd"},
		{Server{Name: "gnome-shell", Vendor: "GNOME"}, "gnome"},
		{Server{Name: "Plasma", Vendor: "KDE"}, "kde"},
		{Server{Name: "mako", Vendor: "emersion"}, "mako"},
		{Server{Name: "notification-daemon", Vendor: "GNOME"}, ""},
		{Server{Name: "swaync", Vendor: "ErikReider"}, ""},
	} {
		dnd, err := ForServer(nil, c.s, nil)
		if c.kind == "" {
			if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), c.s.Name) {
				t.Errorf("ForServer(%s) = %v, %v; want ErrUnsupported naming it", c.s.Name, dnd, err)
			}
			continue
		}
		if err != nil || dnd.Kind() != c.kind {
			t.Errorf("ForServer(%s) = %v, %v; want %s", c.s.Name, dnd, err, c.kind)
		}
	}
}

func TestProbeNoServer(t *testing.T) {
	need(t, "dbus-daemon")
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	if s, err := Probe(d.conn()); !errors.Is(err, ErrNoServer) {
		t.Fatalf("Probe = %+v, %v; want ErrNoServer", s, err)
	}
}
