package wayland

import (
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/platform"
)

// fakeCompositor speaks the compositor's side of the few messages Idle
// sends, as wayland.xml and the idle protocols define them, and records
// the requests, so tests check what a real compositor would receive.
type fakeCompositor struct {
	t       *testing.T
	globals []string // interfaces to announce, named 1, 2, ...
	socket  string
	conn    chan net.Conn
	mu      sync.Mutex
	binds   map[string]uint32 // interface -> the client's object id
	watch   []uint32          // the watch request's arguments
}

func newFake(t *testing.T, globals ...string) *fakeCompositor {
	f := &fakeCompositor{t: t, globals: globals, socket: filepath.Join(t.TempDir(), "wayland-test"),
		conn: make(chan net.Conn, 1), binds: map[string]uint32{}}
	l, err := net.Listen("unix", f.socket)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		t.Cleanup(func() { c.Close() })
		f.serve(c)
	}()
	return f
}

func (f *fakeCompositor) serve(c net.Conn) {
	w := newWire(c)
	registry := uint32(0)
	for {
		m, err := w.read()
		if err != nil {
			return
		}
		r := &msgReader{b: m.args}
		switch {
		case m.object == displayID && m.opcode == displayGetRegistry:
			registry = r.uint()
			for i, g := range f.globals {
				_ = w.send(message{registry, registryGlobal, (&msgWriter{}).uint(uint32(i + 1)).string(g).uint(1).b})
			}
		case m.object == displayID && m.opcode == displaySync:
			_ = w.send(message{r.uint(), callbackDone, (&msgWriter{}).uint(0).b})
		case m.object == registry && m.opcode == registryBind:
			name, iface, _, id := r.uint(), r.string(), r.uint(), r.uint()
			if r.err != nil || int(name) > len(f.globals) || f.globals[name-1] != iface {
				_ = w.send(message{displayID, displayError, (&msgWriter{}).uint(registry).uint(0).string("bad bind").b})
				continue
			}
			f.mu.Lock()
			f.binds[iface] = id
			f.mu.Unlock()
		default:
			f.mu.Lock()
			for iface, id := range f.binds {
				if id == m.object && (iface == ExtIdleNotify || iface == KDEIdle) {
					f.watch = []uint32{uint32(m.opcode), r.uint(), r.uint(), r.uint()}
					f.conn <- c
				}
			}
			f.mu.Unlock()
		}
	}
}

// event sends an event to the client's watch object.
func (f *fakeCompositor) event(c net.Conn, opcode uint16) {
	b, err := encode(message{watchID, opcode, nil})
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := c.Write(b); err != nil {
		f.t.Fatal(err)
	}
}

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func newClock() *testClock               { return &testClock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)} }
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestIdleProtocols(t *testing.T) {
	timeout := uint32(Notice / time.Millisecond)
	for _, tc := range []struct {
		name    string
		globals []string
		want    string
		watch   []uint32 // opcode and arguments of the watch request
	}{
		{"ext", []string{"wl_compositor", seatInterface, ExtIdleNotify}, ExtIdleNotify,
			[]uint32{extNotifierGetIdleNotification, watchID, timeout, seatID}},
		{"kde, sway 1.7", []string{seatInterface, KDEIdle}, KDEIdle,
			[]uint32{kdeIdleGetIdleTimeout, watchID, seatID, timeout}},
		{"both: ext preferred", []string{KDEIdle, seatInterface, ExtIdleNotify}, ExtIdleNotify,
			[]uint32{extNotifierGetIdleNotification, watchID, timeout, seatID}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, tc.globals...)
			clock := newClock()
			idle, err := OpenIdle(f.socket, clock.now)
			if err != nil {
				t.Fatal(err)
			}
			defer idle.Close()
			if idle.Protocol != tc.want {
				t.Errorf("protocol %q, want %q", idle.Protocol, tc.want)
			}
			c := <-f.conn
			f.mu.Lock()
			watch := f.watch
			f.mu.Unlock()
			if len(watch) != len(tc.watch) {
				t.Fatalf("watch request %v, want %v", watch, tc.watch)
			}
			for i := range watch {
				if watch[i] != tc.watch[i] {
					t.Fatalf("watch request %v, want %v", watch, tc.watch)
				}
			}
			if d, err := idle.Idle(); err != nil || d != 0 {
				t.Fatalf("before any event: %v, %v; want 0", d, err)
			}
			f.event(c, extNotificationIdled)
			waitFor(t, "idled", func() bool { d, _ := idle.Idle(); return d == Notice })
			clock.add(time.Minute)
			if d, err := idle.Idle(); err != nil || d != Notice+time.Minute {
				t.Fatalf("a minute after idled: %v, %v; want %v", d, err, Notice+time.Minute)
			}
			f.event(c, extNotificationResumed)
			waitFor(t, "resumed", func() bool { d, _ := idle.Idle(); return d == 0 })
			c.Close()
			waitFor(t, "the error", func() bool { _, err := idle.Idle(); return err != nil })
			if _, err := idle.Idle(); !strings.Contains(err.Error(), "connection to the compositor ended") {
				t.Errorf("after the compositor left: %v", err)
			}
		})
	}
}

func TestIdleRefused(t *testing.T) {
	for _, tc := range []struct {
		name    string
		globals []string
		want    string
	}{
		{"no protocol", []string{"wl_compositor", seatInterface}, "neither ext_idle_notifier_v1 nor org_kde_kwin_idle"},
		{"no seat", []string{ExtIdleNotify}, "no seat"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, tc.globals...)
			_, err := OpenIdle(f.socket, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	if _, err := OpenIdle(filepath.Join(t.TempDir(), "none"), nil); err == nil || !strings.Contains(err.Error(), "connect to the compositor") {
		t.Errorf("no compositor: %v", err)
	}
}

func TestSocket(t *testing.T) {
	for _, tc := range []struct{ display, runtime, want, err string }{
		{"wayland-1", "/run/user/1000", "/run/user/1000/wayland-1", ""},
		{"", "/run/user/1000", "/run/user/1000/wayland-0", ""},
		{"/tmp/w", "", "/tmp/w", ""},
		{"wayland-1", "", "", "XDG_RUNTIME_DIR"},
	} {
		got, err := Socket(tc.display, tc.runtime)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Socket(%q, %q) = %q, %v; want %q, %q", tc.display, tc.runtime, got, err, tc.want, tc.err)
		}
	}
}

func TestMalformed(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"size below the header", order.AppendUint32(order.AppendUint32(nil, 1), 4<<16)},
		{"size not a multiple of 4", order.AppendUint32(order.AppendUint32(nil, 1), 10<<16)},
		{"cut short", order.AppendUint32(order.AppendUint32(nil, 1), 16<<16)},
	} {
		if _, err := readMessage(strings.NewReader(string(tc.b))); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	for _, b := range [][]byte{
		order.AppendUint32(nil, 8),                         // length past the end
		append(order.AppendUint32(nil, 2), 'a', 'b', 0, 0), // no closing NUL
		order.AppendUint32(nil, 0),                         // a null string where one is required
	} {
		r := &msgReader{b: b}
		if r.string(); r.err == nil {
			t.Errorf("string from %v: no error", b)
		}
	}
}

func TestOpenFallback(t *testing.T) {
	f := newFake(t, seatInterface, ExtIdleNotify)
	t.Setenv("WAYLAND_DISPLAY", f.socket)
	d := &platform.Desktop{}
	Open(d)
	defer d.Close()
	if st := d.Status[platform.IdleService]; !st.Available || d.Idle == nil {
		t.Errorf("idle: %+v", st)
	}
	for _, svc := range []string{platform.HotkeyService, platform.ActiveApp} {
		if st := d.Status[svc]; st.Available || !strings.Contains(st.How, "compositor") {
			t.Errorf("%s: %+v", svc, st)
		}
	}
	t.Setenv("WAYLAND_DISPLAY", filepath.Join(t.TempDir(), "none"))
	d2 := &platform.Desktop{}
	Open(d2)
	if st := d2.Status[platform.IdleService]; st.Available || !strings.Contains(st.How, "away detection is off") {
		t.Errorf("no compositor: %+v", st)
	}
}
