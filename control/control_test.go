package control

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// fakeHandler records what it was asked and answers from fixed values.
type fakeHandler struct {
	calls []string
	fail  error
}

func (f *fakeHandler) status(op string) (focus.Status, error) {
	f.calls = append(f.calls, op)
	if f.fail != nil {
		return focus.Status{}, f.fail
	}
	return focus.Status{State: focus.Focusing, Intent: "write", Planned: 25 * time.Minute,
		Remaining: 20 * time.Minute, Ended: &focus.Session{ID: "s1", Result: focus.Completed}}, nil
}

func (f *fakeHandler) Status() (focus.Status, error) { return f.status("status") }
func (f *fakeHandler) Start(d time.Duration, intent string) (focus.Status, error) {
	return f.status("start " + d.String() + " " + intent)
}
func (f *fakeHandler) Pause() (focus.Status, error)  { return f.status("pause") }
func (f *fakeHandler) Resume() (focus.Status, error) { return f.status("resume") }
func (f *fakeHandler) Stop(d time.Duration) (focus.Status, error) {
	return f.status("stop " + d.String())
}
func (f *fakeHandler) Break(d time.Duration) (focus.Status, error) {
	return f.status("break " + d.String())
}
func (f *fakeHandler) LogInterruption(i focus.Interruption) (focus.Interruption, error) {
	f.calls = append(f.calls, "log "+string(i.Channel))
	i.ID = "i1"
	return i, f.fail
}
func (f *fakeHandler) LogDecision(d focus.Decision) (focus.Decision, error) {
	f.calls = append(f.calls, "decide "+string(d.Chosen))
	return d, f.fail
}
func (f *fakeHandler) Show()     { f.calls = append(f.calls, "show") }
func (f *fakeHandler) Ask(a Ask) { f.calls = append(f.calls, "ask "+a.Target) }
func (f *fakeHandler) ShowStats(week string) error {
	f.calls = append(f.calls, "stats "+week)
	return f.fail
}
func (f *fakeHandler) Quit() { f.calls = append(f.calls, "quit") }

func (f *fakeHandler) Doctor() platform.Report {
	f.calls = append(f.calls, "doctor")
	return platform.Report{Session: "X11 (XFCE)", Services: []platform.Row{{Service: platform.Tray, Status: platform.Works("a panel")}}}
}

func listen(t *testing.T, h Handler) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	sock := filepath.Join(dir, "run", "pingwise.sock")
	s, err := Listen(filepath.Join(dir, "run", "pingwise.lock"), sock)
	if err != nil {
		t.Fatal(err)
	}
	s.Serve(h)
	t.Cleanup(func() { s.Close() })
	return s, sock
}

func TestRoundTrip(t *testing.T) {
	h := &fakeHandler{}
	_, sock := listen(t, h)
	c, err := Dial(sock)
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.Start(50*time.Minute, "write")
	if err != nil {
		t.Fatal(err)
	}
	// The durations and the ended session survive the trip, not only the
	// fields `status --json` shows.
	if st.State != focus.Focusing || st.Remaining != 20*time.Minute || st.Planned != 25*time.Minute ||
		st.Ended == nil || st.Ended.Result != focus.Completed {
		t.Errorf("status = %+v", st)
	}
	i, err := c.LogInterruption(focus.Interruption{Channel: focus.Chat})
	if err != nil || i.ID != "i1" {
		t.Errorf("log = %+v, %v", i, err)
	}
	if _, err := c.Do(Request{Op: OpAsk, Ask: &Ask{Target: "tel:+1555"}}); err != nil {
		t.Fatal(err)
	}
	r, err := c.Doctor()
	if err != nil || r.Session != "X11 (XFCE)" || len(r.Services) != 1 || !r.Services[0].Available || r.Services[0].How != "a panel" {
		t.Errorf("doctor = %+v, %v", r, err)
	}
	want := []string{"start 50m0s write", "log chat", "ask tel:+1555", "doctor"}
	if strings.Join(h.calls, "|") != strings.Join(want, "|") {
		t.Errorf("calls = %q, want %q", h.calls, want)
	}
}

func TestHandlerErrorsReachTheClient(t *testing.T) {
	_, sock := listen(t, &fakeHandler{fail: errors.New("a focus session is already running")})
	c, _ := Dial(sock)
	if _, err := c.Start(time.Minute, ""); err == nil || err.Error() != "a focus session is already running" {
		t.Errorf("err = %v", err)
	}
}

func TestOneInstance(t *testing.T) {
	dir := t.TempDir()
	lock, sock := filepath.Join(dir, "l"), filepath.Join(dir, "s")
	s, err := Listen(lock, sock)
	if err != nil {
		t.Fatal(err)
	}
	s.Serve(&fakeHandler{})
	if _, err := Listen(lock, sock); !errors.Is(err, ErrRunning) {
		t.Fatalf("second Listen: %v, want ErrRunning", err)
	}
	if _, err := Dial(sock); err != nil {
		t.Fatalf("the first server lost its socket: %v", err)
	}
	s.Close()
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Errorf("socket left after Close: %v", err)
	}
	if _, err := Dial(sock); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Dial after Close: %v", err)
	}
}

func TestStaleSocketIsReplaced(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a named pipe ends with the process that made it: no stale socket file")
	}
	dir := t.TempDir()
	sock := filepath.Join(dir, "s")
	// A crashed app leaves its socket file behind with nobody listening.
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := Dial(sock); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Dial on a stale socket: %v, want ErrNotRunning", err)
	}
	s, err := Listen(filepath.Join(dir, "l"), sock)
	if err != nil {
		t.Fatal(err)
	}
	s.Serve(&fakeHandler{})
	defer s.Close()
	fi, err := os.Stat(sock)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("socket mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	di, _ := os.Stat(dir)
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", di.Mode().Perm())
	}
}

func TestMalformedRequests(t *testing.T) {
	h := &fakeHandler{}
	_, sock := listen(t, h)
	// As a command does: under Wine 8 the first client of a new named pipe
	// is not answered; the probe takes that place.
	if _, err := Dial(sock); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, msg, want string }{
		{"not json", "hello\n", "malformed request"},
		{"unknown field", `{"op":"status","sudo":true}` + "\n", "malformed request"},
		{"unknown op", `{"op":"format-disk"}` + "\n", "unknown op"},
		{"log without event", `{"op":"log"}` + "\n", "no interruption"},
		{"oversized", `{"op":"start","intent":"` + strings.Repeat("a", MaxMessage) + `"}` + "\n", "too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := dial(sock, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(5 * time.Second))
			c.Write([]byte(tc.msg))
			buf := make([]byte, 1024)
			n, _ := c.Read(buf)
			if !strings.Contains(string(buf[:n]), tc.want) {
				t.Errorf("answer %q, want %q", buf[:n], tc.want)
			}
		})
	}
	if len(h.calls) != 0 {
		t.Errorf("malformed requests reached the handler: %q", h.calls)
	}
}

// panicky fails the way a handler bug would.
type panicky struct{ fakeHandler }

func (p *panicky) Status() (focus.Status, error) { panic("bug") }

func TestHandlerPanicIsContained(t *testing.T) {
	_, sock := listen(t, &panicky{})
	c, _ := Dial(sock)
	if _, err := c.Status(); err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Errorf("err = %v", err)
	}
	if _, err := c.Do(Request{Op: OpShow}); err != nil {
		t.Errorf("the server stopped after a panic: %v", err)
	}
}
