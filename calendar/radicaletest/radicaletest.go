// Package radicaletest runs a real CalDAV server, Debian's radicale, for
// tests: on 127.0.0.1, with htpasswd users and a temporary storage folder.
package radicaletest

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// E2E skips a test that needs real programs unless PINGWISE_E2E=1; with
// it set, a missing program fails the test.
func E2E(t *testing.T, programs ...string) {
	t.Helper()
	if os.Getenv("PINGWISE_E2E") != "1" {
		t.Skip("set PINGWISE_E2E=1 to run against real programs")
	}
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("%s is not installed (Debian package %s): %v", p, p, err)
		}
	}
}

// Server is a real CalDAV server on 127.0.0.1 with htpasswd users and a
// temporary storage folder, stopped with the test.
type Server struct {
	t    *testing.T
	Base string // http://127.0.0.1:PORT
}

const (
	User     = "dana"
	Password = "correct horse"
)

// Start starts radicale for the test.
func Start(t *testing.T) *Server {
	t.Helper()
	E2E(t, "radicale")
	dir := t.TempDir()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	users := filepath.Join(dir, "users")
	if err := os.WriteFile(users, []byte(User+":"+Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config")
	if err := os.WriteFile(config, []byte(fmt.Sprintf(`[server]
hosts = %s
[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = plain
[storage]
filesystem_folder = %s
[web]
type = none
[logging]
level = warning
`, addr, users, filepath.Join(dir, "collections"))), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("radicale", "--config", config)
	log, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start radicale: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		log.Close()
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-exited:
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("radicale exited: %v\n%s", err, out)
		default:
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("radicale did not listen on %s within 20 s:\n%s", addr, out)
		}
		time.Sleep(50 * time.Millisecond) // polling a real process for readiness
	}
	return &Server{t: t, Base: "http://" + addr}
}

// Do sends one authenticated request and checks its status.
func (r *Server) Do(method, path, body string, want int) {
	r.t.Helper()
	req, err := http.NewRequest(method, r.Base+path, strings.NewReader(body))
	if err != nil {
		r.t.Fatal(err)
	}
	req.SetBasicAuth(User, Password)
	if method == "PUT" {
		req.Header.Set("Content-Type", "text/calendar; charset=utf-8")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != want {
		r.t.Fatalf("%s %s: %s, want %d", method, path, resp.Status, want)
	}
}

// Calendar makes a calendar collection with MKCALENDAR and returns its URL.
func (r *Server) Calendar(name string) string {
	r.t.Helper()
	path := "/" + User + "/" + name + "/"
	r.Do("MKCALENDAR", path, "", http.StatusCreated)
	return r.Base + path
}
