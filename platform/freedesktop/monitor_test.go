package freedesktop

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/godbus/dbus/v5"
)

// collect runs a Monitor on addr whose notifications arrive on a channel.
func collect(t *testing.T, addr string) (*Watch, func() Notification) {
	t.Helper()
	got := make(chan Notification, 64)
	w, err := Monitor(addr, []string{"Pingwise"}, func(n Notification) { got <- n })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Stop() })
	return w, func() Notification {
		t.Helper()
		select {
		case n := <-got:
			return n
		case <-time.After(5 * time.Second):
			t.Fatal("the monitor saw nothing within 5s")
			return Notification{}
		}
	}
}

func TestMonitorDunst(t *testing.T) {
	need(t, "dbus-daemon", "Xvfb", "dunst", "notify-send")
	d := newDesk(t, deskOpts{display: true})
	d.start("dunst")
	d.waitOwner(d.conn(), notifyName)
	w, next := collect(t, d.addr)

	d.must("notify-send", "-a", "Slack", "Dana", "lunch?")
	n := next()
	if n.App != "Slack" || n.Summary != "Dana" || n.Urgency != 1 || n.Critical() || !strings.HasPrefix(n.Sender, ":") {
		t.Fatalf("saw %+v; want Slack, Dana, urgency 1, a unique sender name", n)
	}
	// The body is nowhere: no field for it, no field holding it.
	v := reflect.ValueOf(n)
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if strings.Contains(strings.ToLower(f.Name), "body") || strings.Contains(v.Field(i).String(), "lunch") {
			t.Fatalf("Notification.%s carries the body", f.Name)
		}
	}

	d.must("notify-send", "-u", "critical", "-a", "Slack", "Dana", "now!")
	if n := next(); n.Urgency != 2 || !n.Critical() {
		t.Fatalf("critical: saw %+v", n)
	}
	d.must("notify-send", "-u", "low", "-a", "Thunderbird", "Lee", "newsletter")
	if n := next(); n.Urgency != 0 || n.App != "Thunderbird" {
		t.Fatalf("low: saw %+v", n)
	}
	// Pingwise's own notification is skipped: the next one seen is the marker.
	d.must("notify-send", "-a", "Pingwise", "Focus session", "25 minutes")
	d.must("notify-send", "-a", "Teams", "Marker", "x")
	if n := next(); n.Summary != "Marker" {
		t.Fatalf("after Pingwise's own, saw %+v; want the marker", n)
	}
	if s := w.Stats(); s.Skipped != 1 || s.Seen != 4 || s.Dropped != 0 {
		t.Fatalf("stats %+v; want 4 seen, 1 skipped", s)
	}

	start := time.Now()
	if err := w.Stop(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("Stop took %v", took)
	}
	select {
	case <-w.Done():
	default:
		t.Fatal("Done is open after Stop")
	}
	if w.Err() != nil {
		t.Fatalf("Err after Stop: %v", w.Err())
	}
	if err := w.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	// dunst never noticed the monitor: it still serves.
	d.must("notify-send", "-a", "Slack", "Dana", "after")
}

func TestMonitorFields(t *testing.T) {
	need(t, "dbus-daemon")
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	serveFake(t, d.addr, &fakeServer{name: "fake"})
	_, next := collect(t, d.addr)
	client := d.conn()
	obj := client.Object(notifyName, notifyPath)
	notify := func(app string, replaces uint32, summary string, hints map[string]dbus.Variant) {
		t.Helper()
		if err := obj.Call(notifyIface+".Notify", 0, app, replaces, "", summary, "the body", []string{}, hints, int32(-1)).Err; err != nil {
			t.Fatal(err)
		}
	}
	long := strings.Repeat("é", 3000)
	notify("", 7, long, map[string]dbus.Variant{"desktop-entry": dbus.MakeVariant("org.gnome.Calendar"), "urgency": dbus.MakeVariant(uint32(2))})
	n := next()
	if n.App != "org.gnome.Calendar" || n.DesktopEntry != "org.gnome.Calendar" || n.Replaces != 7 || n.Urgency != 2 {
		t.Fatalf("saw %+v", n)
	}
	if len(n.Summary) > maxSummary || !utf8.ValidString(n.Summary) || !strings.HasPrefix(long, n.Summary) {
		t.Fatalf("a long summary kept %d bytes (valid UTF-8: %t)", len(n.Summary), utf8.ValidString(n.Summary))
	}
	if n.Sender != client.Names()[0] {
		t.Fatalf("sender %q; want the client's %q", n.Sender, client.Names()[0])
	}
	for _, c := range []struct {
		hint any
		want byte
	}{{byte(0), 0}, {int32(2), 2}, {"2", 1}, {byte(9), 2}, {nil, 1}} {
		hints := map[string]dbus.Variant{}
		if c.hint != nil {
			hints["urgency"] = dbus.MakeVariant(c.hint)
		}
		notify("App", 0, "S", hints)
		if n := next(); n.Urgency != c.want {
			t.Errorf("urgency hint %#v read as %d; want %d", c.hint, n.Urgency, c.want)
		}
	}
	// A malformed Notify (the server refuses it) and other methods are
	// not counted: the next one seen is the marker.
	obj.Call(notifyIface+".Notify", 0, "just a string")
	obj.Call(notifyIface+".GetServerInformation", 0)
	notify("App", 0, "Marker", nil)
	if n := next(); n.Summary != "Marker" {
		t.Fatalf("saw %+v; want the marker", n)
	}
}

// A callback that falls behind costs dropped counts, exactly accounted,
// and never blocks the reader: every call still completes.
func TestMonitorSlowCallback(t *testing.T) {
	need(t, "dbus-daemon")
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	serveFake(t, d.addr, &fakeServer{name: "fake"})
	release := make(chan struct{})
	w, err := Monitor(d.addr, nil, func(Notification) { <-release })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	total := QueueSize + 500
	sendBurst(t, d.conn(), total)
	// One in the callback, QueueSize waiting, the rest dropped.
	waitFor(t, "the drops counted", 5*time.Second, func() bool { return w.Stats().Dropped == uint64(total-QueueSize-1) })
	close(release)
	waitFor(t, "the queue delivered", 5*time.Second, func() bool { return w.Stats().Seen == uint64(QueueSize+1) })
}

// sendBurst sends n Notify calls as fast as the connection takes them and
// waits for the replies.
func sendBurst(t testing.TB, c *dbus.Conn, n int) {
	t.Helper()
	if err := notifyBurst(c, n); err != nil {
		t.Fatal(err)
	}
}

// notifyBurst is a flood that looks like a busy day: ten chat, mail and
// call apps, fifty people, a 200-byte body, one in a hundred critical. All
// calls are in flight at once; it returns when all are answered.
func notifyBurst(c *dbus.Conn, n int) error {
	obj := c.Object(notifyName, notifyPath)
	done := make(chan *dbus.Call, n)
	apps := []string{"Slack", "Teams", "Discord", "Signal", "Telegram", "Element", "Mattermost", "Thunderbird", "Zoom", "Calendar"}
	body := strings.Repeat("somebody else's message ", 8)
	for i := range n {
		urgency := byte(1)
		if i%100 == 99 {
			urgency = 2
		}
		obj.Go(notifyIface+".Notify", 0, done, apps[i%len(apps)], uint32(0), "",
			fmt.Sprintf("Person %d: message %d", i%50, i), body, []string{},
			map[string]dbus.Variant{"urgency": dbus.MakeVariant(urgency)}, int32(-1))
	}
	for range n {
		if c := <-done; c.Err != nil {
			return fmt.Errorf("Notify: %w", c.Err)
		}
	}
	return nil
}

func TestMonitorBusGone(t *testing.T) {
	need(t, "dbus-daemon")
	d := newDesk(t, deskOpts{config: bareBusConfig(t)})
	w, err := Monitor(d.addr, nil, func(Notification) {})
	if err != nil {
		t.Fatal(err)
	}
	d.servers[len(d.servers)-1].Stop() // the bus
	select {
	case <-w.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("Done stayed open after the bus went away")
	}
	if w.Err() == nil {
		t.Fatal("Err is nil after the bus went away")
	}
	w.Stop()
}

func TestMonitorNoBus(t *testing.T) {
	if _, err := Monitor("unix:path="+t.TempDir()+"/none", nil, func(Notification) {}); err == nil {
		t.Fatal("Monitor on a bus that is not there succeeded")
	}
}

// The monitor finds the session bus from the environment, and reaches
// abstract sockets as well as paths.
func TestMonitorAddresses(t *testing.T) {
	need(t, "dbus-daemon")
	conf := strings.Replace(mustRead(t, bareBusConfig(t)), "<listen>unix:tmpdir=", "<listen>unix:abstract=", 1)
	abstract := t.TempDir() + "/abstract.conf"
	if err := os.WriteFile(abstract, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDesk(t, deskOpts{config: abstract})
	if !strings.HasPrefix(d.addr, "unix:abstract=") {
		t.Fatalf("the bus listens on %s", d.addr)
	}
	serveFake(t, d.addr, &fakeServer{name: "fake"})
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent;"+d.addr)
	_, next := collect(t, "")
	sendBurst(t, d.conn(), 1)
	if n := next(); n.App != "Slack" {
		t.Fatalf("saw %+v", n)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
