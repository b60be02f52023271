//go:build linux

package wine

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"
)

// TestAppUnderWine runs the app on a Wine desktop with a notification area
// (explorer /desktop=shell), in a Wine prefix and wineserver of its own:
// its window shows; the hotkey, pressed in that window (under Wine hotkeys
// fire only while a Wine window has the keyboard focus), opens the popup;
// Esc closes it with nothing logged; a draft typed into it and Enter log
// one decision, the one the draft leads to; a second start hands over to
// the first; quit ends it.
func TestAppUnderWine(t *testing.T) {
	exe := pingwiseExe(t)
	env := privatePrefix(t)
	h := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	app := exec.CommandContext(ctx, "wine", "explorer", "/desktop=shell,1280x800", exe, "--home", winPath(h))
	app.Env = env
	app.WaitDelay = 10 * time.Second // see pwIn
	var out headless.Output
	app.Stdout, app.Stderr = &out, &out
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	step := func(what string) { t.Logf("%5.1fs %s", time.Since(began).Seconds(), what) }
	// The launcher lives as long as the desktop, which ends with the app.
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	alive := func(what string) {
		t.Helper()
		if strings.Contains(out.String(), "wineserver crashed") {
			t.Fatalf("wineserver crashed %s\n%s", what, out.String())
		}
		select {
		case err := <-exited:
			t.Fatalf("the app ended %s: %v\n%s", what, err, out.String())
		default:
		}
	}
	quit := func() {
		r := pwIn(t, env, h, "", "quit")
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			t.Errorf("the app did not end within 30 s of quit (%d %q)", r.code, r.stderr)
			app.Process.Kill()
		}
	}
	// On a failure, the prefix's cleanup ends the app with its wineserver.

	// With a tray the app starts in it, its window hidden: show asks the
	// running app for it, once its control pipe answers.
	win := waitWindow(t, "^Pingwise$", 2*time.Minute, func() {
		alive("before its window showed")
		pwIn(t, env, h, "", "show")
	}, &out)
	step("window shown")
	// The hotkey is pressed in the app's own window, not on the Wine
	// desktop around it: there, explorer's thread takes the key presses,
	// and the release of Ctrl and Shift reaches the popup's thread late,
	// so a key typed at once into the popup arrived as Ctrl+Shift+key
	// (Wine's key state across threads; GetKeyState in the popup's thread
	// still said both down). On Windows the hotkey is global.
	if _, err := xdotool("windowfocus", "--sync", win); err != nil {
		t.Fatalf("focus the app's window: %v", err)
	}
	popupTitle := `^Sync or async\?$`
	hotkey := func() {
		t.Helper()
		if _, err := xdotool("key", "ctrl+shift+space"); err != nil {
			t.Fatalf("xdotool key: %v", err)
		}
		// The keys typed next need no wait for the popup's focus: they go
		// to the app's thread, which reads them only after the step that
		// shows the popup has also focused it.
		waitWindow(t, popupTitle, time.Minute, func() { alive("after the hotkey") }, &out)
		step("popup shown")
	}
	hotkey()
	if _, err := xdotool("key", "Escape"); err != nil {
		t.Fatal(err)
	}
	gone := false
	for deadline := time.Now().Add(30 * time.Second); !gone && time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		gone = findWindow(popupTitle) == ""
	}
	if !gone {
		t.Fatalf("Esc left the popup open\n%s", out.String())
	}
	step("Esc closed it")
	before := screenshot(t, "before.png", false)
	hotkey()
	settle(t, before)
	screenshot(t, "windows-popup-wine.png", true)
	// A crisis in the draft turns the advice to sync; Enter takes it.
	if _, err := xdotool("type", "--delay", "20", "The site is down, outage!"); err != nil {
		t.Fatal(err)
	}
	if _, err := xdotool("key", "Return"); err != nil {
		t.Fatal(err)
	}
	var got []decision
	for deadline := time.Now().Add(time.Minute); len(got) == 0 && time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		got = decisions(t, env, h)
	}
	if len(got) != 1 || got[0].Recommended != "sync" || got[0].Chosen != "sync" {
		t.Fatalf("decisions logged: %+v; want one, sync recommended and chosen\n%s", got, out.String())
	}
	step("decision logged")

	// The app answers through its pipe, and a second start hands over.
	if r := pwIn(t, env, h, "", "status", "--json"); r.code != 0 || !strings.Contains(r.stdout, `"state"`) {
		t.Errorf("status through the app: %d %q %q", r.code, r.stdout, r.stderr)
	}
	second := exec.CommandContext(ctx, "wine", exe, "--home", winPath(h))
	second.Env = env
	second.WaitDelay = 10 * time.Second
	if b, err := second.CombinedOutput(); err != nil {
		t.Errorf("second instance: %v\n%s", err, b)
	}
	alive("when a second one started")
	if findWindow("^Pingwise$") != win {
		t.Errorf("after the handover the window is not the first app's %s", win)
	}
	quit()
	step("quit")
}

type decision struct {
	Type        string `json:"type"`
	Recommended string `json:"recommended"`
	Chosen      string `json:"chosen"`
}

// decisions reads the decisions in the store through the CLI's export.
func decisions(t *testing.T, env []string, h string) []decision {
	t.Helper()
	r := pwIn(t, env, h, "", "export")
	if r.code != 0 {
		t.Fatalf("export: exit %d %s", r.code, r.stderr)
	}
	var ds []decision
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var d decision
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("export: %v in %q", err, sc.Text())
		}
		if d.Type == "decision" {
			ds = append(ds, d)
		}
	}
	return ds
}

// privatePrefix makes a Wine prefix of the test's own from the one setup
// made, and returns the environment that uses it: a wineserver of its own
// (Wine runs one per prefix folder), so no other test's programs share its
// desktops, hotkeys or pipes, and a registry of its own. The registry files
// are copied; drive_c (865 MB, no state of Pingwise's: --home keeps that)
// and dosdevices are linked. The cleanup ends that wineserver and all it
// runs.
func privatePrefix(t *testing.T) []string {
	t.Helper()
	setup(t)
	p := filepath.Join(t.TempDir(), "prefix")
	if err := os.Mkdir(p, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(prefix)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		from, to := filepath.Join(prefix, e.Name()), filepath.Join(p, e.Name())
		if e.IsDir() {
			err = os.Symlink(from, to)
		} else {
			err = copyFile(from, to)
		}
		if err != nil {
			t.Fatalf("a Wine prefix of the test's own: %v", err)
		}
	}
	env := wineEnv("WINEPREFIX=" + p)
	t.Cleanup(func() {
		for _, arg := range []string{"-k", "-w"} {
			cmd := exec.Command("wineserver", arg)
			cmd.Env = env
			// It fails (exit status 1) when no wineserver runs, as after
			// quit: nothing to end then.
			cmd.Run()
		}
		endOrphans(t, p)
		// wineserver leaves its socket folder, named after the prefix's
		// device and inode, under /tmp/.wine-UID (Debian: the folder the
		// prefix's file wineserver names).
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("the test's Wine prefix: %v", err)
			return
		}
		st := fi.Sys().(*syscall.Stat_t)
		left, _ := filepath.Glob(fmt.Sprintf("/tmp/*/server-%x-%x", st.Dev, st.Ino)) // the pattern is valid
		for _, dir := range left {
			if err := os.RemoveAll(dir); err != nil {
				t.Errorf("wineserver's folder: %v", err)
			}
		}
	})
	return env
}

// endOrphans kills what still runs in prefix p: when wineserver has
// crashed, wineserver -k cannot end services.exe, explorer.exe and the
// rest, which live on. Only this test's programs have p in WINEPREFIX.
func endOrphans(t *testing.T, p string) {
	t.Helper()
	procs, err := filepath.Glob("/proc/[0-9]*/environ")
	if err != nil {
		t.Errorf("list processes: %v", err)
		return
	}
	mark := []byte("\x00WINEPREFIX=" + p + "\x00")
	for _, f := range procs {
		env, err := os.ReadFile(f)
		if err != nil || !bytes.Contains(append([]byte{0}, env...), mark) {
			continue // gone, or not ours
		}
		var pid int
		if _, err := fmt.Sscanf(f, "/proc/%d/environ", &pid); err != nil {
			continue
		}
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil && err != syscall.ESRCH {
			t.Errorf("end %s's process %d: %v", p, pid, err)
		}
		t.Logf("ended process %d, left running in the test's prefix", pid)
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	fi, err := os.Stat(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, fi.Mode().Perm())
}

// findWindow is the first visible window whose title matches, or "".
func findWindow(title string) string {
	ids, _ := xdotool("search", "--onlyvisible", "--name", title)
	return strings.TrimSpace(strings.SplitN(ids, "\n", 2)[0])
}

// waitWindow waits up to d for a visible window whose title matches,
// running each (if not nil) between looks.
func waitWindow(t *testing.T, title string, d time.Duration, each func(), out fmt.Stringer) string {
	t.Helper()
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if win := findWindow(title); win != "" {
			return win
		}
		if each != nil {
			each()
		}
	}
	t.Fatalf("no window %s within %v; the visible ones: %s\n%s", title, d, visibleWindows(), out.String())
	return ""
}

// visibleWindows names the visible windows, for a failure's message.
func visibleWindows() string {
	ids, _ := xdotool("search", "--onlyvisible", "--name", ".")
	var names []string
	for _, id := range strings.Fields(ids) {
		name, _ := xdotool("getwindowname", id)
		names = append(names, fmt.Sprintf("%s %q", id, strings.TrimSpace(name)))
	}
	return strings.Join(names, ", ")
}

// screenshot saves the screen to the test's folder, or to docs/name when
// PINGWISE_SCREENSHOTS is set and the picture is one for the docs; it
// returns the path.
func screenshot(t *testing.T, name string, docs bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if docs && os.Getenv("PINGWISE_SCREENSHOTS") != "" {
		path = filepath.Join(root, "docs", name)
	}
	shoot(t, path)
	return path
}

func shoot(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = wineEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v %s", err, out)
	}
}

// settle waits, up to 10 s, until the screen differs from the picture
// before and has stopped changing: the app paints what it was sent a frame
// or more later. Fewer than 500 pixels changed (a blinking cursor) is no
// change.
func settle(t *testing.T, before string) {
	t.Helper()
	const still = 500
	dir := t.TempDir()
	cur, last := filepath.Join(dir, "now.png"), filepath.Join(dir, "last.png")
	changed := false
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		shoot(t, cur)
		if !changed {
			changed = pixelsChanged(t, before, cur) >= still
		} else if pixelsChanged(t, last, cur) < still {
			return
		}
		if err := os.Rename(cur, last); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("the screen had not settled after 10 s (changed: %v)", changed)
}

// pixelsChanged counts the pixels that differ between two pictures.
func pixelsChanged(t *testing.T, a, b string) int {
	t.Helper()
	// compare prints the count on standard error and exits 1 when the
	// pictures differ, 2 on trouble.
	var n int
	out, err := exec.Command("compare", "-metric", "AE", a, b, "null:").CombinedOutput()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 1) {
		t.Fatalf("compare: %v %s", err, out)
	}
	if _, err := fmt.Sscan(string(out), &n); err != nil {
		t.Fatalf("compare printed %q", out)
	}
	return n
}

func xdotool(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = wineEnv()
	b, err := cmd.Output()
	return string(b), err
}
