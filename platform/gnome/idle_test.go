package gnome

import (
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// idleStandIn is Mutter's IdleMonitor as its D-Bus interface
// (org.gnome.Mutter.IdleMonitor.xml) defines it: watches get ids, fire
// WatchFired, and a user-active watch is dropped once it has fired.
type idleStandIn struct {
	conn    *dbus.Conn
	mu      sync.Mutex
	idleMs  uint64
	next    uint32
	watches map[uint32]string // id -> "idle" or "active"
	removed []uint32
}

func newIdleStandIn(t *testing.T, idleMs uint64) (*idleStandIn, *dbus.Conn) {
	addr, client := bus(t, os.Environ())
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	s := &idleStandIn{conn: conn, idleMs: idleMs, watches: map[uint32]string{}}
	err = conn.ExportMethodTable(map[string]any{
		"GetIdletime":        func() (uint64, *dbus.Error) { s.mu.Lock(); defer s.mu.Unlock(); return s.idleMs, nil },
		"AddIdleWatch":       func(uint64) (uint32, *dbus.Error) { return s.add("idle"), nil },
		"AddUserActiveWatch": func() (uint32, *dbus.Error) { return s.add("active"), nil },
		"RemoveWatch": func(id uint32) *dbus.Error {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.removed = append(s.removed, id)
			delete(s.watches, id)
			return nil
		},
	}, idlePath, idleIf)
	if err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(idleName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: %v %v", idleName, reply, err)
	}
	return s, client
}

func (s *idleStandIn) add(kind string) uint32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	s.watches[s.next] = kind
	return s.next
}

// fire fires the watch of kind kind, as Mutter does on idle or input.
func (s *idleStandIn) fire(t *testing.T, kind string, idleMs uint64) {
	t.Helper()
	s.mu.Lock()
	s.idleMs = idleMs
	var id uint32
	for k, v := range s.watches {
		if v == kind {
			id = k
		}
	}
	if kind == "active" {
		delete(s.watches, id)
	}
	s.mu.Unlock()
	if id == 0 {
		t.Fatalf("no %s watch set", kind)
	}
	if err := s.conn.Emit(idlePath, idleIf+".WatchFired", id); err != nil {
		t.Fatal(err)
	}
}

func (s *idleStandIn) has(kind string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range s.watches {
		if v == kind {
			return true
		}
	}
	return false
}

func waitIdle(t *testing.T, i *Idle, want time.Duration) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, err := i.Idle()
		if err != nil {
			t.Fatal(err)
		}
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("idle %s, want %s", got, want)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestIdleWatches(t *testing.T) {
	// Already away when Pingwise starts: idle at once, waiting for input.
	s, c := newIdleStandIn(t, 60_000)
	i, err := OpenIdle(c)
	if err != nil {
		t.Fatal(err)
	}
	waitIdle(t, i, time.Minute)
	if !s.has("active") {
		t.Fatal("no user-active watch while idle")
	}
	s.fire(t, "active", 0)
	waitIdle(t, i, 0)
	s.fire(t, "idle", 5_000)
	waitIdle(t, i, 5*time.Second)
	if !s.has("active") {
		t.Fatal("no user-active watch after the idle watch fired")
	}
	i.Close()
	s.mu.Lock()
	removed := slices.Clone(s.removed)
	s.mu.Unlock()
	if len(removed) != 2 {
		t.Errorf("Close removed watches %v, want the idle and the user-active one", removed)
	}
}

func TestIdleNoMutter(t *testing.T) {
	_, c := bus(t, os.Environ())
	if _, err := OpenIdle(c); err == nil {
		t.Fatal("OpenIdle with no Mutter on the bus")
	}
}
