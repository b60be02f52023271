package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"
)

var (
	binary   string // the pingwise binary under test
	buildErr error
	once     sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binary != "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// need skips unless the end-to-end run was asked for, and builds the binary
// once.
func need(t *testing.T, tools ...string) {
	t.Helper()
	if os.Getenv("PINGWISE_E2E") == "" {
		t.Skip("end-to-end tests run with PINGWISE_E2E=1 (make test sets it)")
	}
	for _, tool := range append([]string{"Xvfb", "dbus-daemon", "gdbus", "xdotool"}, tools...) {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/setup test", tool)
		}
	}
	once.Do(func() {
		dir, err := os.MkdirTemp("", "pingwise-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "pingwise")
		// Built as `make build` builds it: the Makefile names the tags.
		tags, err := exec.Command("make", "-s", "--no-print-directory", "-C", "..", "tags").Output()
		if err != nil {
			buildErr = fmt.Errorf("make tags: %w", err)
			return
		}
		args := []string{"build", "-tags", strings.TrimSpace(string(tags)), "-o", binary}
		// PINGWISE_E2E_RACE_APP=1 builds the app with -race too (make test
		// does, for the tests without a tray host: fyne.io/systray races
		// between GetLayout and a menu refresh, upstream, fyne issue 4697).
		if os.Getenv("PINGWISE_E2E_RACE_APP") == "1" {
			args = append(args, "-race")
		}
		out, err := exec.Command("go", append(args, "../cmd/pingwise")...).CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// desk is a headless desktop: a display, maybe a bus, maybe a panel.
type desk struct {
	t        *testing.T
	display  string
	bus      string   // DBUS_SESSION_BUS_ADDRESS; may point nowhere
	home     string   // the app's --home
	userHome string   // $HOME for everything on the desk
	extraEnv []string // more environment for everything run on the desk
	procs    []*exec.Cmd
	servers  []*headless.Process // the display and the bus, stopped last
}

type deskOpts struct {
	noBus, noPanel bool
}

func newDesk(t *testing.T, o deskOpts) *desk {
	t.Helper()
	d := &desk{t: t, home: t.TempDir(), userHome: t.TempDir()}
	d.display = d.startXvfb()
	if o.noBus {
		d.bus = "unix:path=" + filepath.Join(t.TempDir(), "no-bus")
	} else {
		d.bus = d.startBus()
	}
	if !o.noPanel && !o.noBus {
		d.start("xfce4-panel", "--disable-wm-check")
		d.waitFor("the panel's StatusNotifierWatcher", func() bool {
			out, _ := d.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "org.kde.StatusNotifierWatcher")
			return strings.Contains(out, "true")
		})
	}
	t.Cleanup(d.stop)
	return d
}

func (d *desk) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "LC_ALL", "LANG", "PINGWISE_HOME", "XDG_RUNTIME_DIR",
			"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME":
			continue
		}
		env = append(env, kv)
	}
	// A home of the desk's own: the panel, dunst and Fyne start as on a new
	// machine, and nothing of the real user's is read or written.
	env = append(env, "HOME="+d.userHome, "XDG_CONFIG_HOME="+filepath.Join(d.userHome, ".config"),
		"XDG_DATA_HOME="+filepath.Join(d.userHome, ".local", "share"), "XDG_CACHE_HOME="+filepath.Join(d.userHome, ".cache"))
	// Fyne cannot parse the C locale.
	env = append(env, "DISPLAY="+d.display, "DBUS_SESSION_BUS_ADDRESS="+d.bus, "LANG=en_US.UTF-8", "NO_AT_BRIDGE=1")
	return append(env, d.extraEnv...)
}

func (d *desk) startXvfb() string {
	x, display, err := headless.Xvfb(1280, 800)
	if err != nil {
		d.t.Fatal(err)
	}
	d.servers = append(d.servers, x)
	return display
}

func (d *desk) startBus() string {
	bus, addr, err := headless.Bus(nil, "")
	if err != nil {
		d.t.Fatal(err)
	}
	d.servers = append(d.servers, bus)
	return addr
}

// start runs a helper program on the desk until the test ends.
func (d *desk) start(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = d.env()
	if err := cmd.Start(); err != nil {
		d.t.Fatalf("%s: %v", name, err)
	}
	d.procs = append(d.procs, cmd)
	return cmd
}

func (d *desk) stop() {
	for i := len(d.procs) - 1; i >= 0; i-- {
		p := d.procs[i]
		if p.ProcessState == nil {
			p.Process.Kill()
			p.Wait()
		}
	}
	for i := len(d.servers) - 1; i >= 0; i-- {
		d.servers[i].Stop()
	}
}

// app is a running Pingwise. Only the goroutine that waits for it reads
// its ProcessState; the test learns of the exit through exited.
type app struct {
	cmd     *exec.Cmd
	stderr  *headless.Output
	exited  chan struct{} // closed when the app has exited
	waitErr error         // what Wait returned; read after exited is closed
}

// running reports whether the app has not exited yet.
func (a *app) running() bool {
	select {
	case <-a.exited:
		return false
	default:
		return true
	}
}

// startApp starts the tray app on the desk.
func (d *desk) startApp(extraEnv ...string) *app {
	d.t.Helper()
	cmd := exec.Command(binary, "--home", d.home)
	cmd.Env = append(d.env(), extraEnv...)
	return launch(d.t, cmd, d.home, 20*time.Second)
}

// launch starts the app cmd, whose --home is home, and waits up to limit
// for its control socket. The test's cleanup kills it if it still runs,
// and shows what it said if the test failed.
func launch(t *testing.T, cmd *exec.Cmd, home string, limit time.Duration) *app {
	t.Helper()
	a := &app{cmd: cmd, stderr: &headless.Output{}, exited: make(chan struct{})}
	cmd.Stderr = a.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start app: %v", err)
	}
	go func() {
		a.waitErr = cmd.Wait()
		close(a.exited)
	}()
	t.Cleanup(func() {
		if a.running() {
			_ = cmd.Process.Kill()
			<-a.exited
		}
		if t.Failed() {
			t.Logf("the app said:\n%s", a.errors())
		}
	})
	deadline := time.Now().Add(limit)
	for !fileExists(filepath.Join(home, "pingwise.sock")) {
		if time.Now().After(deadline) || !a.running() {
			t.Fatalf("the app did not open its control socket:\n%s", a.errors())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return a
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// wait waits for the app to exit and returns its error.
func (a *app) wait(t *testing.T) error {
	select {
	case <-a.exited:
		return a.waitErr
	case <-time.After(15 * time.Second):
		t.Fatal("the app did not exit")
		return nil
	}
}

func (a *app) errors() string { return a.stderr.String() }

// pingwise runs a command against the desk's home and returns its stdout.
func (d *desk) pingwise(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, append(args, "--home", d.home)...)
	cmd.Env = d.env()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("pingwise %s: %v: %s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), nil
}

type status struct {
	State            string  `json:"state"`
	Intent           string  `json:"intent"`
	PlannedMinutes   int     `json:"planned_minutes"`
	RemainingSeconds int     `json:"remaining_seconds"`
	StartedAt        *string `json:"started_at"`
}

func (d *desk) status() status {
	d.t.Helper()
	out, err := d.pingwise("status", "--json")
	if err != nil {
		d.t.Fatal(err)
	}
	var st status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		d.t.Fatalf("status --json: %v: %q", err, out)
	}
	return st
}

func (d *desk) gdbus(dest, path, method string, args ...string) (string, error) {
	all := append([]string{"call", "--session", "-t", "5", "-d", dest, "-o", path, "-m", method, "--"}, args...)
	cmd := exec.Command("gdbus", all...)
	// A UTF-8 locale that is there on every machine: in one that is not
	// installed, gdbus prints "?" for every letter beyond ASCII.
	cmd.Env = append(d.env(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// waitFor polls cond for up to 20 s.
func (d *desk) waitFor(what string, cond func() bool) {
	d.t.Helper()
	d.waitUntil(what, 20*time.Second, cond)
}

// waitLong polls cond for up to 90 s, for what takes a real minute.
func (d *desk) waitLong(what string, cond func() bool) {
	d.t.Helper()
	d.waitUntil(what, 90*time.Second, cond)
}

func (d *desk) waitUntil(what string, limit time.Duration, cond func() bool) {
	d.t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			d.t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// trayItem is the app's StatusNotifierItem as the panel knows it.
type trayItem struct {
	d    *desk
	name string
}

// tray waits until the app's item is registered with the panel.
func (d *desk) tray(a *app) trayItem {
	d.t.Helper()
	want := fmt.Sprintf("org.kde.StatusNotifierItem-%d-1", a.cmd.Process.Pid)
	d.waitFor("the app's tray item registered with the panel", func() bool {
		out, _ := d.gdbus("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
			"org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems")
		owner, _ := d.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.GetNameOwner", want)
		m := regexp.MustCompile(`'(:[0-9.]+)'`).FindStringSubmatch(owner)
		return m != nil && strings.Contains(out, m[1]+"/StatusNotifierItem")
	})
	return trayItem{d: d, name: want}
}

// menuItem is one entry of the tray menu.
type menuItem struct {
	id       int
	label    string
	enabled  bool
	children []menuItem
}

var (
	entryRe = regexp.MustCompile(`^\((\d+), \{`)
	labelRe = regexp.MustCompile(`'label': <'((?:[^'\\]|\\.)*)'>`)
	offRe   = regexp.MustCompile(`'enabled': <false>`)
)

// menu reads the menu through com.canonical.dbusmenu.GetLayout.
func (ti trayItem) menu() []menuItem {
	ti.d.t.Helper()
	out, err := ti.d.gdbus(ti.name, "/StatusNotifierItem/menu", "com.canonical.dbusmenu.GetLayout", "0", "-1", "[]")
	if err != nil {
		ti.d.t.Fatalf("GetLayout: %v: %s", err, out)
	}
	// The root is (0, {...}, [children]); parse the children.
	i := strings.Index(out, "[<")
	if i < 0 {
		ti.d.t.Fatalf("GetLayout: no children in %q", out)
	}
	items, _ := parseItems(out[i+1:])
	return items
}

// parseItems parses "<(id, {props}, [children])>, ..." up to the closing
// bracket of the list and returns the rest.
func parseItems(s string) ([]menuItem, string) {
	var items []menuItem
	for {
		s = strings.TrimLeft(s, ", ")
		if strings.HasPrefix(s, "]") || s == "" {
			return items, strings.TrimPrefix(s, "]")
		}
		s = strings.TrimPrefix(s, "<")
		m := entryRe.FindStringSubmatch(s)
		if m == nil {
			return items, ""
		}
		id, _ := strconv.Atoi(m[1])
		end := strings.Index(s, "}, ")
		props := s[:end]
		it := menuItem{id: id, enabled: !offRe.MatchString(props)}
		if lm := labelRe.FindStringSubmatch(props); lm != nil {
			it.label = strings.ReplaceAll(lm[1], `\'`, `'`)
		}
		s = s[end+3:]
		if strings.HasPrefix(s, "@av []") {
			s = s[len("@av []"):]
		} else {
			it.children, s = parseItems(strings.TrimPrefix(s, "["))
		}
		s = strings.TrimPrefix(strings.TrimPrefix(s, ")"), ">")
		items = append(items, it)
	}
}

// find returns the item at a path of labels, such as "Start focus", "25 min".
func find(items []menuItem, path ...string) (menuItem, bool) {
	for _, it := range items {
		if it.label == path[0] {
			if len(path) == 1 {
				return it, true
			}
			return find(it.children, path[1:]...)
		}
	}
	return menuItem{}, false
}

func labels(items []menuItem) []string {
	var l []string
	for _, it := range items {
		if it.label != "" {
			l = append(l, it.label)
		}
	}
	return l
}

// click clicks a menu item as a panel does.
func (ti trayItem) click(path ...string) {
	ti.d.t.Helper()
	it, ok := find(ti.menu(), path...)
	if !ok {
		ti.d.t.Fatalf("no menu item %q in %v", path, labels(ti.menu()))
	}
	if !it.enabled {
		ti.d.t.Fatalf("menu item %q is disabled", path)
	}
	out, err := ti.d.gdbus(ti.name, "/StatusNotifierItem/menu", "com.canonical.dbusmenu.Event",
		strconv.Itoa(it.id), "clicked", "<0>", "0")
	if err != nil {
		ti.d.t.Fatalf("click %q: %v: %s", path, err, out)
	}
}

// firstLabel is the menu's state line.
func (ti trayItem) firstLabel() string {
	m := ti.menu()
	if len(m) == 0 {
		return ""
	}
	return m[0].label
}

// tooltip is the item's tooltip text, where the time left is: the menu's
// state line has no minutes, so that the menu changes only with the state.
func (ti trayItem) tooltip() string {
	ti.d.t.Helper()
	out, err := ti.d.gdbus(ti.name, "/StatusNotifierItem", "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierItem", "ToolTip")
	if err != nil {
		ti.d.t.Fatalf("ToolTip: %v: %s", err, out)
	}
	return out
}

// window waits for a window with the given title and returns its id.
func (d *desk) window(title string) string {
	d.t.Helper()
	var id string
	d.waitFor("window "+title, func() bool {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+regexp.QuoteMeta(title)+"$")
		cmd.Env = d.env()
		out, err := cmd.Output()
		id = strings.TrimSpace(strings.Split(string(out), "\n")[0])
		return err == nil && id != ""
	})
	return id
}

// screenshot saves a window (the whole screen when win is "") to docs/NAME
// when PINGWISE_SCREENSHOTS is set, so the README's pictures are current,
// and to the test's folder otherwise.
func (d *desk) screenshot(name, win string) string {
	d.t.Helper()
	path := filepath.Join(d.t.TempDir(), name)
	if os.Getenv("PINGWISE_SCREENSHOTS") != "" {
		path = filepath.Join("..", "docs", name)
	}
	if win == "" {
		win = "root"
	}
	// A window is visible before its first frame is painted; a first show
	// compiles shaders in software and can take a second on a busy machine.
	// Unpainted, it shows what is behind it, black on this desk: wait until
	// most of it is not.
	deadline := time.Now().Add(5 * time.Second)
	for {
		cmd := exec.Command("import", "-window", win, path)
		cmd.Env = d.env()
		if out, err := cmd.CombinedOutput(); err != nil {
			d.t.Fatalf("screenshot: %v: %s", err, out)
		}
		if win == "root" {
			break
		}
		out, err := exec.Command("convert", path, "-fill", "white", "+opaque", "black", "-format", "%[fx:mean]", "info:").Output()
		painted, _ := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
		if err == nil && painted > 0.5 {
			break
		}
		if time.Now().After(deadline) {
			d.t.Logf("screenshot %s: %.0f%% painted after 5 s; kept as it is", name, 100*painted)
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	return path
}

func itoa(n int) string { return strconv.Itoa(n) }
