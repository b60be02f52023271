package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"
)

// wdesk is a headless Wayland desktop with XWayland, which Pingwise draws
// through: the compositor, a private session bus, and the app, all as one
// user (sway will not run as root, so there that is an unprivileged one).
type wdesk struct {
	t       *testing.T
	cred    *syscall.Credential // nil: the test's own user
	runtime string              // XDG_RUNTIME_DIR
	home    string              // $HOME for everything on the desk
	appHome string              // the app's --home
	env     []string            // the session's environment, for every client
	// lastSeen is what a condition last saw when it said no, for the
	// failure's message.
	lastSeen string
}

// waylandTestUser is the unprivileged user the sway tests run as (the
// same one platform/sway's tests use), created when missing.
const waylandTestUser = "pwtest"

// newWdesk makes the folders of a desk, owned by its user: sway's user
// when asUser, else the test's.
func newWdesk(t *testing.T, asUser bool) *wdesk {
	t.Helper()
	w := &wdesk{t: t}
	if asUser && os.Geteuid() == 0 {
		u, err := user.Lookup(waylandTestUser)
		if err != nil {
			if out, err := exec.Command("useradd", "-m", waylandTestUser).CombinedOutput(); err != nil {
				t.Fatalf("create the unprivileged user sway needs: %v: %s", err, out)
			}
			if u, err = user.Lookup(waylandTestUser); err != nil {
				t.Fatal(err)
			}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		w.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		// The binary is built in a private temporary folder.
		if err := os.Chmod(filepath.Dir(binary), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w.runtime = w.shared(t.TempDir())
	if err := os.Chmod(w.runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	// The bus may start xdg-document-portal, which mounts a FUSE file
	// system at $XDG_RUNTIME_DIR/doc: it must go before the folder does.
	t.Cleanup(func() { _ = syscall.Unmount(filepath.Join(w.runtime, "doc"), syscall.MNT_DETACH) })
	w.home = w.shared(t.TempDir())
	w.appHome = w.shared(t.TempDir())
	w.env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + w.home, "XDG_RUNTIME_DIR=" + w.runtime,
		"XDG_CONFIG_HOME=" + filepath.Join(w.home, ".config"), "XDG_DATA_HOME=" + filepath.Join(w.home, ".local", "share"),
		"XDG_CACHE_HOME=" + filepath.Join(w.home, ".cache"), "LANG=en_US.UTF-8", "NO_AT_BRIDGE=1"}
	return w
}

// shared makes dir the desk user's, and its parents passable.
func (w *wdesk) shared(dir string) string {
	w.t.Helper()
	if w.cred == nil {
		return dir
	}
	if err := os.Chown(dir, int(w.cred.Uid), int(w.cred.Gid)); err != nil {
		w.t.Fatal(err)
	}
	for p := filepath.Dir(dir); p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
		if err := os.Chmod(p, 0o755); err != nil {
			w.t.Fatal(err)
		}
	}
	return dir
}

// command is a program run on the desk as its user.
func (w *wdesk) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = w.env
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: w.cred}
	return cmd
}

// start runs a program on the desk until the test ends; it and its
// children are ended then. It returns the program's output and its pid.
func (w *wdesk) start(name string, args ...string) (*headless.Output, int) {
	w.t.Helper()
	cmd := w.command(name, args...)
	out := &headless.Output{}
	cmd.Stdout, cmd.Stderr = out, out
	// A child that leaves the process group may hold the output open
	// (GNOME Shell's ibus-daemon): the program's exit is what counts.
	cmd.WaitDelay = 5 * time.Second
	g, err := headless.StartGroup(cmd)
	if err != nil {
		w.t.Fatalf("start %s: %v", name, err)
	}
	w.t.Cleanup(func() { g.Stop(5 * time.Second) })
	return out, cmd.Process.Pid
}

// bus starts the desk's session bus, as its user (a session bus lets in
// its own user only). A quiet one starts no service on demand.
func (w *wdesk) bus(quiet bool) {
	w.t.Helper()
	args := []string{"--session", "--nofork", "--print-address=1"}
	if quiet {
		cfg := filepath.Join(w.shared(w.t.TempDir()), "bus.conf")
		if err := os.WriteFile(cfg, []byte(headless.QuietSessionBus), 0o644); err != nil {
			w.t.Fatal(err)
		}
		args[0] = "--config-file=" + cfg
	}
	cmd := w.command("dbus-daemon", args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		w.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		w.t.Fatalf("start dbus-daemon: %v", err)
	}
	w.t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr, err := firstLine(out)
	if err != nil {
		w.t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	w.env = append(w.env, "DBUS_SESSION_BUS_ADDRESS="+addr)
}

func firstLine(r interface{ Read([]byte) (int, error) }) (string, error) {
	c := make(chan string, 1)
	go func() {
		var b []byte
		one := make([]byte, 1)
		for {
			if n, err := r.Read(one); err != nil || n == 0 || one[0] == '\n' {
				break
			}
			b = append(b, one[0])
		}
		c <- string(b)
	}()
	select {
	case s := <-c:
		if s == "" {
			return "", fmt.Errorf("nothing")
		}
		return s, nil
	case <-time.After(10 * time.Second):
		return "", fmt.Errorf("nothing in 10 s")
	}
}

// busAddr is the desk's session bus.
func (w *wdesk) busAddr() string {
	for _, kv := range w.env {
		if v, ok := strings.CutPrefix(kv, "DBUS_SESSION_BUS_ADDRESS="); ok {
			return v
		}
	}
	return ""
}

// startApp starts Pingwise on the desk and waits for its control socket.
func (w *wdesk) startApp() *app {
	w.t.Helper()
	return launch(w.t, w.command(binary, "--home", w.appHome), w.appHome, 30*time.Second)
}

// pingwise runs a command against the desk's app and returns its stdout.
func (w *wdesk) pingwise(args ...string) string {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := w.command(binary, append(args, "--home", w.appHome)...)
	cmd = exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
	cmd.Env = w.env
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: w.cred}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		w.t.Fatalf("pingwise %s: %v: %s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

func (w *wdesk) state() string {
	w.t.Helper()
	var st status
	if err := json.Unmarshal([]byte(w.pingwise("status", "--json")), &st); err != nil {
		w.t.Fatal(err)
	}
	return st.State
}

func (w *wdesk) decisions() (sync, async int) {
	w.t.Helper()
	var st struct {
		Sync  int `json:"decisions_sync"`
		Async int `json:"decisions_async"`
	}
	if err := json.Unmarshal([]byte(w.pingwise("stats", "--json")), &st); err != nil {
		w.t.Fatal(err)
	}
	return st.Sync, st.Async
}

// waitHotkey waits until doctor says the app bound its hotkey, which it
// does once its engine runs, a moment after the control socket answers.
func (w *wdesk) waitHotkey(limit time.Duration) {
	w.t.Helper()
	w.waitUntil("the hotkey bound", limit, func() bool {
		out := w.pingwise("doctor")
		w.lastSeen = out
		return strings.Contains(out, "Ctrl+Shift+Space through")
	})
}

// doctor is `pingwise doctor --json` as the running app sees it.
func (w *wdesk) doctor() doctorReport {
	w.t.Helper()
	out := w.pingwise("doctor", "--json")
	var r doctorReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		w.t.Fatalf("doctor --json: %v: %s", err, out)
	}
	if !strings.Contains(r.Session, "as the running app sees it") {
		w.t.Errorf("doctor did not ask the app: %q", r.Session)
	}
	return r
}

// xwindow reports whether a window of this title is mapped on the desk's
// XWayland display.
func (w *wdesk) xwindow(title string) bool {
	out, _ := w.command("xdotool", "search", "--onlyvisible", "--name", "^"+regexp.QuoteMeta(title)+"$").Output()
	return strings.TrimSpace(string(out)) != ""
}

// xfocused reports whether the window of this title has the X input
// focus on the desk's XWayland display.
func (w *wdesk) xfocused(title string) bool {
	win, _ := w.command("xdotool", "search", "--onlyvisible", "--name", "^"+regexp.QuoteMeta(title)+"$").Output()
	focus, _ := w.command("xdotool", "getwindowfocus").Output()
	w.lastSeen = "window " + strings.TrimSpace(string(win)) + ", focus " + strings.TrimSpace(string(focus))
	return len(win) > 0 && string(win) == string(focus)
}

func (w *wdesk) waitUntil(what string, limit time.Duration, cond func() bool) {
	w.t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			w.t.Fatalf("timed out after %s waiting for %s (%s)", limit, what, w.lastSeen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// xdisplay finds the X display of the XWayland that the compositor, pid,
// runs: the lowest display whose lock file names the compositor (Mutter
// takes two), or "" while there is none.
func xdisplay(pid int) string {
	locks, _ := filepath.Glob("/tmp/.X*-lock")
	best := -1
	for _, l := range locks {
		b, err := os.ReadFile(l)
		if err != nil || strings.TrimSpace(string(b)) != strconv.Itoa(pid) {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(l), ".X"), "-lock"))
		if err == nil && (best < 0 || n < best) {
			best = n
		}
	}
	if best < 0 {
		return ""
	}
	return ":" + strconv.Itoa(best)
}
