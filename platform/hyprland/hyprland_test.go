package hyprland

import (
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/platform"
)

// standIn is a stand-in for Hyprland's two sockets, written from the IPC
// page of Hyprland's wiki, since Hyprland cannot run here: one request per
// connection on .socket.sock, "[flags]/command args", the flags being what
// precedes the first "/"; "EVENT>>DATA" lines to every client of
// .socket2.sock. It keeps the binds made with the bind keyword, and drops
// them on reload, as Hyprland does when it reloads hyprland.conf.
type standIn struct {
	t      *testing.T
	dir    string
	mu     sync.Mutex
	binds  map[string]string // "MODS,key" -> the exec command
	class  string            // the active window
	title  string
	events []net.Conn
}

func newStandIn(t *testing.T) *standIn {
	s := &standIn{t: t, dir: t.TempDir(), binds: map[string]string{}}
	req, err := net.Listen("unix", filepath.Join(s.dir, requestSocket))
	if err != nil {
		t.Fatal(err)
	}
	ev, err := net.Listen("unix", filepath.Join(s.dir, eventSocket))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		req.Close()
		ev.Close()
		s.mu.Lock()
		for _, c := range s.events {
			c.Close()
		}
		s.mu.Unlock()
	})
	go func() {
		for {
			c, err := req.Accept()
			if err != nil {
				return
			}
			s.serve(c)
		}
	}()
	go func() {
		for {
			c, err := ev.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.events = append(s.events, c)
			s.mu.Unlock()
		}
	}()
	return s
}

// serve answers one request, synchronously, as Hyprland does.
func (s *standIn) serve(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 8192)
	n, err := c.Read(buf)
	if err != nil {
		return
	}
	req := string(buf[:n])
	flags := ""
	if i := strings.Index(req, "/"); i >= 0 {
		flags, req = req[:i], req[i+1:]
	}
	for _, f := range flags {
		if !strings.ContainsRune("jra", f) {
			_, _ = c.Write([]byte("unknown request"))
			return
		}
	}
	cmd, args, _ := strings.Cut(req, " ")
	s.mu.Lock()
	defer s.mu.Unlock()
	reply := "ok"
	switch {
	case cmd == "version":
		reply = "Hyprland 0.45.0 (stand-in)"
	case cmd == "activewindow" && strings.Contains(flags, "j"):
		if s.class == "" {
			reply = "{}"
		} else {
			b, _ := json.Marshal(map[string]string{"class": s.class, "title": s.title, "address": "0x1"})
			reply = string(b)
		}
	case cmd == "keyword" && strings.HasPrefix(args, "bind "):
		p := strings.SplitN(strings.TrimPrefix(args, "bind "), ",", 4)
		if len(p) != 4 || p[2] != "exec" {
			reply = "bind: invalid"
			break
		}
		s.binds[p[0]+","+p[1]] = p[3]
	case cmd == "keyword" && strings.HasPrefix(args, "unbind "):
		delete(s.binds, strings.TrimPrefix(args, "unbind "))
	case cmd == "reload":
		s.binds = map[string]string{}
		s.emit("configreloaded>>")
	default:
		reply = "unknown request"
	}
	_, _ = c.Write([]byte(reply))
}

// emit sends an event line; s.mu is held.
func (s *standIn) emit(line string) {
	for _, c := range s.events {
		_, _ = c.Write([]byte(line + "\n"))
	}
}

func (s *standIn) focus(class, title string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.class, s.title = class, title
	s.emit("activewindow>>" + class + "," + title)
	s.emit("activewindowv2>>0x1")
}

// press runs what is bound to combo through /bin/sh, as Hyprland's exec
// dispatcher does; false when nothing is bound.
func (s *standIn) press(t *testing.T, combo string) bool {
	s.mu.Lock()
	cmd, ok := s.binds[combo]
	s.mu.Unlock()
	if ok {
		if out, err := exec.Command("/bin/sh", "-c", cmd).CombinedOutput(); err != nil {
			t.Fatalf("the bound command %q: %v: %s", cmd, err, out)
		}
	}
	return ok
}

func (s *standIn) listeners() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.events) }

func (s *standIn) request(t *testing.T, req string) {
	if _, err := (&client{dir: s.dir}).request(req); err != nil {
		t.Fatal(err)
	}
}

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

func open(t *testing.T, s *standIn, exe, home string) *platform.Desktop {
	d := &platform.Desktop{}
	OpenWith(d, Options{Dir: s.dir, Wayland: filepath.Join(t.TempDir(), "wayland-0"), Exe: exe, Home: home})
	t.Cleanup(d.Close)
	for _, svc := range []string{platform.HotkeyService, platform.ActiveApp} {
		if st := d.Status[svc]; !st.Available {
			t.Fatalf("%s: %s", svc, st.How)
		}
	}
	return d
}

func TestHotkey(t *testing.T) {
	s := newStandIn(t)
	dir := t.TempDir()
	exe, ran := filepath.Join(dir, "ping wise"), filepath.Join(dir, "ran")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\necho \"$*\" >> '"+ran+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	d := open(t, s, exe, "/tmp/o'neil")
	release, err := d.Hotkey.Bind("Ctrl+Shift+Space", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !s.press(t, "CTRL SHIFT,space") {
		t.Fatal("nothing bound to CTRL SHIFT,space")
	}
	if b, _ := os.ReadFile(ran); string(b) != "--home /tmp/o'neil ask\n" {
		t.Fatalf("the key ran %q", b)
	}
	waitFor(t, "the reload listener", func() bool { return s.listeners() == 1 })
	s.request(t, "reload")
	waitFor(t, "the bind to be back after a reload", func() bool { return s.press(t, "CTRL SHIFT,space") })
	release()
	if s.press(t, "CTRL SHIFT,space") {
		t.Error("still bound after release")
	}
	if _, err := d.Hotkey.Bind("Ctrl+Nope", nil); err == nil || !strings.Contains(err.Error(), "unknown key") {
		t.Errorf("a bad spec: %v", err)
	}
}

func TestActive(t *testing.T) {
	s := newStandIn(t)
	s.focus("kitty", "~")
	d := open(t, s, "/usr/bin/pingwise", "")
	changes := make(chan platform.Window, 8)
	stop, err := d.Active.WatchActive(func(w platform.Window) { changes <- w })
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the event listener", func() bool { return s.listeners() == 1 })
	s.focus("Slack", "general, random")
	s.focus("Slack", "general, random") // a repeat is not a change
	s.focus("", "")                     // no window in front
	for _, want := range []platform.Window{
		{AppID: "kitty", Class: "kitty", Title: "~"},
		{AppID: "Slack", Class: "Slack", Title: "general, random"},
		{},
	} {
		select {
		case got := <-changes:
			if got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no change to %+v", want)
		}
	}
	stop()
}

func TestOpenWithoutHyprland(t *testing.T) {
	d := &platform.Desktop{}
	OpenWith(d, Options{Dir: t.TempDir(), Wayland: filepath.Join(t.TempDir(), "wayland-0")})
	defer d.Close()
	if d.Hotkey != nil || d.Active != nil || d.Idle != nil {
		t.Error("services filled in with no Hyprland")
	}
	for _, svc := range []string{platform.HotkeyService, platform.ActiveApp, platform.IdleService} {
		if st := d.Status[svc]; st.Available || st.How == "" {
			t.Errorf("%s: %+v, want a reason", svc, st)
		}
	}
}

func TestInstanceDir(t *testing.T) {
	run := t.TempDir()
	if got := InstanceDir(run, "abc"); got != filepath.Join(run, "hypr", "abc") {
		t.Errorf("InstanceDir = %q", got)
	}
	if got := InstanceDir(run, ""); got != "" {
		t.Errorf("no signature: %q", got)
	}
}
