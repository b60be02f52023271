package sway

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"
)

// session is a headless sway for the end-to-end tests, run as an
// unprivileged user (sway will not run as root), with the sockets a client
// inside it would inherit.
type session struct {
	t       testing.TB
	cred    *syscall.Credential // nil when the tests already run unprivileged
	runtime string              // its XDG_RUNTIME_DIR
	home    string
	ipc     string // $SWAYSOCK
	wayland string // the Wayland socket's path
	stderr  bytes.Buffer
}

// testUser is the unprivileged user the tests run sway as, created when
// missing.
const testUser = "pwtest"

// need skips, or fails under PINGWISE_E2E=1, when a program is missing.
func need(t testing.TB, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("PINGWISE_E2E") == "1" {
				t.Fatalf("PINGWISE_E2E=1 but %s is not installed (apt-get install sway foot wtype)", p)
			}
			t.Skipf("%s not installed: skipping (PINGWISE_E2E=1 makes this fatal)", p)
		}
	}
}

// shared makes dir usable by the sway user: theirs, and its parents
// (t.TempDir's, 0700) passable.
func (s *session) shared(dir string) string {
	s.t.Helper()
	if s.cred == nil {
		return dir
	}
	if err := os.Chown(dir, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
		s.t.Fatal(err)
	}
	for p := filepath.Dir(dir); p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			s.t.Fatal(err)
		}
	}
	return dir
}

func startSway(t testing.TB, config string) *session {
	need(t, "sway", "swaymsg")
	s := &session{t: t}
	if os.Geteuid() == 0 {
		u, err := user.Lookup(testUser)
		if err != nil {
			if out, err := exec.Command("useradd", "-m", testUser).CombinedOutput(); err != nil {
				t.Fatalf("create the unprivileged user sway needs: %v: %s", err, out)
			}
			if u, err = user.Lookup(testUser); err != nil {
				t.Fatal(err)
			}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	s.runtime = s.shared(t.TempDir())
	s.home = s.shared(t.TempDir())
	cfg := filepath.Join(s.home, "config")
	if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sway", "-c", cfg)
	cmd.Env = append(s.env(), "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	cmd.Stderr = &s.stderr
	g, err := headless.StartGroup(cmd)
	if err != nil {
		t.Fatalf("start sway: %v", err)
	}
	exited := g.Exited
	t.Cleanup(func() {
		g.Stop(5 * time.Second)
		if t.Failed() {
			t.Logf("sway said:\n%s", s.stderr.String())
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for s.ipc == "" || s.wayland == "" {
		select {
		case <-exited:
			t.Fatalf("sway exited at start:\n%s", s.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("sway did not open its sockets in 20 s:\n%s", s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
		ipc, _ := filepath.Glob(filepath.Join(s.runtime, "sway-ipc.*.sock"))
		way, _ := filepath.Glob(filepath.Join(s.runtime, "wayland-[0-9]"))
		if len(ipc) == 1 && len(way) == 1 {
			s.ipc, s.wayland = ipc[0], way[0]
		}
	}
	return s
}

func (s *session) env() []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + s.home, "XDG_RUNTIME_DIR=" + s.runtime}
}

// client runs a program inside the session as its user: a Wayland client
// (foot) or a probe (wtype, swaymsg).
func (s *session) client(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = append(s.env(), "WAYLAND_DISPLAY="+filepath.Base(s.wayland), "SWAYSOCK="+s.ipc)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	return cmd
}

func (s *session) run(name string, args ...string) string {
	s.t.Helper()
	out, err := s.client(name, args...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// start runs a long-lived client, ended by the test.
func (s *session) start(name string, args ...string) {
	s.t.Helper()
	cmd := s.client(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start %s: %v", name, err)
	}
	s.t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if s.t.Failed() {
			s.t.Logf("%s said: %s", name, stderr.String())
		}
	})
}

// marker writes a script standing in for pingwise: it appends its
// arguments to a file, so a test sees what the compositor ran.
func (s *session) marker(dir string) (exe, out string) {
	s.t.Helper()
	dir = s.shared(dir)
	exe, out = filepath.Join(dir, "ping wise"), filepath.Join(dir, "ran")
	script := fmt.Sprintf("#!/bin/sh\necho \"$*\" >> '%s'\n", out)
	if err := os.WriteFile(exe, []byte(script), 0o755); err != nil {
		s.t.Fatal(err)
	}
	return exe, out
}

func eventually(t testing.TB, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
