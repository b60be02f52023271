package freedesktop

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/godbus/dbus/v5"
)

// fakeServer is a notification server exported from the test: it answers
// GetServerInformation with any name, counts Notify calls, and records the
// Inhibit/UnInhibit calls of KDE Plasma's extension with their senders.
type fakeServer struct {
	name, vendor string
	noInhibited  bool // leave out Plasma's Inhibited property

	notifies atomic.Int64
	mu       sync.Mutex
	calls    []fakeCall
	inhibits map[uint32]bool
	next     uint32
}

type fakeCall struct {
	Method string
	Args   []any
	Sender string
}

func (f *fakeServer) record(sender dbus.Sender, method string, args ...any) {
	f.calls = append(f.calls, fakeCall{method, args, string(sender)})
}

func (f *fakeServer) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return f.name, f.vendor, "1.0", "1.2", nil
}

func (f *fakeServer) GetCapabilities() ([]string, *dbus.Error) { return []string{"body"}, nil }

func (f *fakeServer) CloseNotification(uint32) *dbus.Error { return nil }

func (f *fakeServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	return uint32(f.notifies.Add(1)), nil
}

func (f *fakeServer) Inhibit(sender dbus.Sender, entry, reason string, hints map[string]dbus.Variant) (uint32, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.record(sender, "Inhibit", entry, reason, len(hints))
	f.next++
	f.inhibits[f.next] = true
	return f.next, nil
}

func (f *fakeServer) UnInhibit(sender dbus.Sender, cookie uint32) *dbus.Error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.record(sender, "UnInhibit", cookie)
	delete(f.inhibits, cookie)
	return nil
}

func (f *fakeServer) log() []fakeCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeCall(nil), f.calls...)
}

// fakeProps serves the Inhibited property the way Plasma does.
type fakeProps struct{ f *fakeServer }

func (p fakeProps) Get(iface, prop string) (dbus.Variant, *dbus.Error) {
	if iface != notifyIface || prop != "Inhibited" || p.f.noInhibited {
		return dbus.Variant{}, dbus.NewError("org.freedesktop.DBus.Error.UnknownProperty", []any{prop})
	}
	p.f.mu.Lock()
	defer p.f.mu.Unlock()
	return dbus.MakeVariant(len(p.f.inhibits) > 0), nil
}

func (p fakeProps) GetAll(iface string) (map[string]dbus.Variant, *dbus.Error) {
	v, err := p.Get(iface, "Inhibited")
	if err != nil {
		return map[string]dbus.Variant{}, nil
	}
	return map[string]dbus.Variant{"Inhibited": v}, nil
}

func (p fakeProps) Set(string, string, dbus.Variant) *dbus.Error {
	return dbus.NewError("org.freedesktop.DBus.Error.PropertyReadOnly", nil)
}

// serveFake exports a fake server on its own connection to addr and takes
// org.freedesktop.Notifications.
func serveFake(t testing.TB, addr string, f *fakeServer) *dbus.Conn {
	t.Helper()
	f.inhibits = map[uint32]bool{}
	c, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("fake server: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Export(f, notifyPath, notifyIface); err != nil {
		t.Fatal(err)
	}
	if err := c.Export(fakeProps{f}, notifyPath, "org.freedesktop.DBus.Properties"); err != nil {
		t.Fatal(err)
	}
	reply, err := c.RequestName(notifyName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("fake server: take %s: %v (reply %d)", notifyName, err, reply)
	}
	return c
}
