package portal

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"

	"github.com/pingwise/pingwise/internal/headless"
)

// bus starts a private session bus for a test and returns its address. It
// starts no services (headless.QuietSessionBus), so that the real portal,
// where it is installed, does not answer in the stand-in's place; its
// socket is abstract (Linux), so it leaves no file behind.
func bus(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		if os.Getenv("PINGWISE_E2E") == "1" {
			t.Fatal("PINGWISE_E2E=1 but dbus-daemon is not installed")
		}
		t.Skip("dbus-daemon not installed")
	}
	config := filepath.Join(t.TempDir(), "bus.conf")
	if err := os.WriteFile(config, []byte(headless.QuietSessionBus), 0o644); err != nil {
		t.Fatal(err)
	}
	p, addr, err := headless.Bus(os.Environ(), config)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Stop)
	return addr
}

func connect(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	c, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// standIn is xdg-desktop-portal's side of GlobalShortcuts and the host
// Registry, as the portal documentation (flatpak.github.io/xdg-desktop-portal)
// defines them: requests answer with a Request object path built from the
// caller and its handle_token, then a Response signal there; Register is
// refused once the caller has made another portal call, as
// xdg-desktop-portal 1.19.4+ does.
type standIn struct {
	conn     *dbus.Conn
	registry bool // offer org.freedesktop.host.portal.Registry
	decline  bool // answer BindShortcuts without the shortcut, as when the person declines

	mu       sync.Mutex
	appID    string
	called   map[string]bool // senders that made a portal call
	sessions map[dbus.ObjectPath]bool
	trigger  string // the preferred trigger asked for
	closed   []dbus.ObjectPath
}

func newStandIn(t *testing.T, addr string, registry, decline bool) *standIn {
	t.Helper()
	s := &standIn{conn: connect(t, addr), registry: registry, decline: decline, called: map[string]bool{}, sessions: map[dbus.ObjectPath]bool{}}
	if err := s.conn.ExportMethodTable(map[string]any{
		"CreateSession": s.createSession,
		"BindShortcuts": s.bindShortcuts,
	}, objectPath, shortcutsIf); err != nil {
		t.Fatal(err)
	}
	if registry {
		if err := s.conn.ExportMethodTable(map[string]any{"Register": s.register}, objectPath, registryIf); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := prop.Export(s.conn, objectPath, prop.Map{shortcutsIf: {"version": {Value: uint32(1)}}}); err != nil {
		t.Fatal(err)
	}
	if reply, err := s.conn.RequestName(busName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: %v %v", busName, reply, err)
	}
	return s
}

func (s *standIn) request(sender dbus.Sender, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	tok, ok := opts["handle_token"].Value().(string)
	if !ok {
		return "", dbus.MakeFailedError(fmt.Errorf("no handle_token"))
	}
	s.called[string(sender)] = true
	return dbus.ObjectPath(fmt.Sprintf("%s/request/%s/%s", objectPath,
		strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_"), tok)), nil
}

// respond emits the Response on a goroutine, so it may overtake the
// method's reply: clients must be listening before they call.
func (s *standIn) respond(path dbus.ObjectPath, results map[string]dbus.Variant) {
	go func() { _ = s.conn.Emit(path, requestIf+".Response", uint32(0), results) }()
}

func (s *standIn) register(sender dbus.Sender, appID string, _ map[string]dbus.Variant) *dbus.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.called[string(sender)] {
		return dbus.NewError("org.freedesktop.portal.Error.Failed", []any{"Connection already associated with an application ID"})
	}
	s.appID = appID
	return nil
}

func (s *standIn) createSession(sender dbus.Sender, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	path, derr := s.request(sender, opts)
	if derr != nil {
		return "", derr
	}
	stok, _ := opts["session_handle_token"].Value().(string)
	session := dbus.ObjectPath(fmt.Sprintf("%s/session/%s/%s", objectPath,
		strings.ReplaceAll(strings.TrimPrefix(string(sender), ":"), ".", "_"), stok))
	s.sessions[session] = true
	if err := s.conn.ExportMethodTable(map[string]any{"Close": func() *dbus.Error {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.closed = append(s.closed, session)
		return nil
	}}, session, sessionIf); err != nil {
		return "", dbus.MakeFailedError(err)
	}
	s.respond(path, map[string]dbus.Variant{"session_handle": dbus.MakeVariant(string(session))})
	return path, nil
}

func (s *standIn) bindShortcuts(sender dbus.Sender, session dbus.ObjectPath, shortcuts []shortcut, _ string, opts map[string]dbus.Variant) (dbus.ObjectPath, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.sessions[session] {
		return "", dbus.MakeFailedError(fmt.Errorf("no session %s", session))
	}
	path, derr := s.request(sender, opts)
	if derr != nil {
		return "", derr
	}
	var out []shortcut
	for _, sc := range shortcuts {
		s.trigger, _ = sc.Opts["preferred_trigger"].Value().(string)
		if !s.decline {
			out = append(out, shortcut{sc.ID, map[string]dbus.Variant{"trigger_description": dbus.MakeVariant("Ctrl+Shift+Space")}})
		}
	}
	s.respond(path, map[string]dbus.Variant{"shortcuts": dbus.MakeVariant(out)})
	return path, nil
}

// state reads what the stand-in saw, under its lock.
func (s *standIn) state() (appID, trigger string, session dbus.ObjectPath, closed []dbus.ObjectPath) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.sessions {
		session = k
	}
	return s.appID, s.trigger, session, append([]dbus.ObjectPath(nil), s.closed...)
}

func (s *standIn) activate(session dbus.ObjectPath, id string) error {
	return s.conn.Emit(objectPath, shortcutsIf+".Activated", session, id, uint64(time.Now().UnixMilli()), map[string]dbus.Variant{})
}

func TestBindAndActivate(t *testing.T) {
	for _, registry := range []bool{true, false} {
		t.Run(fmt.Sprintf("registry=%v", registry), func(t *testing.T) {
			addr := bus(t)
			s := newStandIn(t, addr, registry, false)
			conn := connect(t, addr)
			p, err := New(conn, "io.github.pingwise")
			if err != nil {
				t.Fatal(err)
			}
			if appID, _, _, _ := s.state(); registry && appID != "io.github.pingwise" || p.RegisterErr != nil {
				t.Errorf("registered app id %q (%v)", appID, p.RegisterErr)
			}
			pressed := make(chan struct{}, 4)
			release, err := p.Bind("Ctrl+Shift+Space", func() { pressed <- struct{}{} })
			if err != nil {
				t.Fatal(err)
			}
			_, trigger, session, _ := s.state()
			if trigger != "CTRL+SHIFT+space" {
				t.Errorf("preferred trigger %q", trigger)
			}
			// Another session's shortcut and another id are not ours.
			if err := s.activate("/org/freedesktop/portal/desktop/session/x/other", shortcutID); err != nil {
				t.Fatal(err)
			}
			if err := s.activate(session, "other"); err != nil {
				t.Fatal(err)
			}
			if err := s.activate(session, shortcutID); err != nil {
				t.Fatal(err)
			}
			select {
			case <-pressed:
			case <-time.After(5 * time.Second):
				t.Fatal("Activated did not reach pressed")
			}
			select {
			case <-pressed:
				t.Fatal("pressed for a shortcut not ours")
			case <-time.After(100 * time.Millisecond):
			}
			release()
			if _, _, _, closed := s.state(); len(closed) != 1 || closed[0] != session {
				t.Errorf("closed sessions %v, want %s", closed, session)
			}
			// Registering after other portal calls is refused, as
			// xdg-desktop-portal does; the portal still serves.
			again, err := New(conn, "io.github.pingwise")
			if err != nil {
				t.Fatal(err)
			}
			if (again.RegisterErr != nil) != registry {
				t.Errorf("a late registration: %v", again.RegisterErr)
			}
		})
	}
}

func TestDeclined(t *testing.T) {
	addr := bus(t)
	s := newStandIn(t, addr, true, true)
	p, err := New(connect(t, addr), "io.github.pingwise")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Bind("Ctrl+Shift+Space", func() {}); err == nil || !strings.Contains(err.Error(), "did not bind") {
		t.Fatalf("declined: %v", err)
	}
	if _, _, _, closed := s.state(); len(closed) != 1 {
		t.Errorf("the session was not closed: %v", closed)
	}
}

func TestNoPortal(t *testing.T) {
	addr := bus(t)
	_, err := New(connect(t, addr), "io.github.pingwise")
	if err == nil || !strings.Contains(err.Error(), "no GlobalShortcuts portal") {
		t.Fatalf("no portal: %v", err)
	}
}
