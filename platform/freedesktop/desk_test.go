package freedesktop

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"

	"github.com/godbus/dbus/v5"
)

// packages names the Debian package of each tool the tests run.
var packages = map[string]string{
	"dbus-daemon": "dbus", "Xvfb": "xvfb", "dunst": "dunst", "dunstctl": "dunst",
	"notify-send": "libnotify-bin", "xfconf-query": "xfconf", "xfconfd": "xfconf",
	"xfce4-notifyd": "xfce4-notifyd", "gsettings": "libglib2.0-bin",
	"org.gnome.desktop.notifications": "gsettings-desktop-schemas",
}

// missing skips the test, or fails it when PINGWISE_E2E=1 asked for the
// full run, because something it needs is not installed.
func missing(t testing.TB, what string) {
	t.Helper()
	msg := fmt.Sprintf("%s is missing (Debian package %s)", what, packages[what])
	if os.Getenv("PINGWISE_E2E") != "" {
		t.Fatal(msg + ": run scripts/setup test")
	}
	t.Skip(msg + "; with PINGWISE_E2E=1 this fails instead")
}

// need checks that the tools are on PATH.
func need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing(t, tool)
		}
	}
}

// serviceExec finds a daemon that lives outside PATH through its D-Bus
// activation file, as the bus itself would.
func serviceExec(t testing.TB, file, what string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("/usr/share/dbus-1/services", file))
	if err != nil {
		missing(t, what)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if exe, ok := strings.CutPrefix(strings.TrimSpace(line), "Exec="); ok {
			exe = strings.Fields(exe)[0]
			if _, err := os.Stat(exe); err != nil {
				missing(t, what)
			}
			return exe
		}
	}
	missing(t, what)
	return ""
}

// desk is a private session: its own bus, maybe its own X display, and a
// temporary home, so that no test touches the person's real settings.
type desk struct {
	t       testing.TB
	addr    string
	env     []string
	home    string
	procs   []*exec.Cmd
	servers []*headless.Process // the display and the bus, stopped last
}

type deskOpts struct {
	display bool   // start an Xvfb
	config  string // a bus configuration file instead of the standard session one
}

func newDesk(t testing.TB, o deskOpts) *desk {
	t.Helper()
	d := &desk{t: t, home: t.TempDir()}
	t.Cleanup(d.stop)
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "HOME", "XDG_CONFIG_HOME",
			"XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "GSETTINGS_BACKEND":
			continue
		}
		d.env = append(d.env, kv)
	}
	run := filepath.Join(d.home, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		t.Fatal(err)
	}
	d.env = append(d.env, "HOME="+d.home, "XDG_CONFIG_HOME="+filepath.Join(d.home, "config"),
		"XDG_CACHE_HOME="+filepath.Join(d.home, "cache"), "XDG_DATA_HOME="+filepath.Join(d.home, "data"),
		"XDG_RUNTIME_DIR="+run, "NO_AT_BRIDGE=1", "GSETTINGS_BACKEND=memory")
	if o.display {
		d.env = append(d.env, "DISPLAY="+d.startX())
	}
	// The bus gets the same environment, so anything it activates lives in
	// the temporary home and on the private display too.
	bus, addr, err := headless.Bus(d.env, o.config)
	if err != nil {
		t.Fatal(err)
	}
	d.servers = append(d.servers, bus)
	d.addr = addr
	d.env = append(d.env, "DBUS_SESSION_BUS_ADDRESS="+d.addr)
	return d
}

func (d *desk) startX() string {
	x, display, err := headless.Xvfb(1280, 800)
	if err != nil {
		d.t.Fatal(err)
	}
	d.servers = append(d.servers, x)
	return display
}

// start runs a daemon on the desk until the test ends.
func (d *desk) start(name string, args ...string) *exec.Cmd {
	d.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = d.env
	if err := cmd.Start(); err != nil {
		d.t.Fatalf("%s: %v", name, err)
	}
	d.procs = append(d.procs, cmd)
	return cmd
}

// stop ends what the desk started, newest first; a bus-activated helper
// (xfconfd) exits by itself when the bus goes.
func (d *desk) stop() {
	for i := len(d.procs) - 1; i >= 0; i-- {
		if p := d.procs[i]; p.ProcessState == nil {
			p.Process.Kill()
			p.Wait()
		}
	}
	for i := len(d.servers) - 1; i >= 0; i-- {
		d.servers[i].Stop()
	}
}

// run runs a tool on the desk and returns its trimmed output.
func (d *desk) run(name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = d.env
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func (d *desk) must(name string, args ...string) string {
	d.t.Helper()
	out, err := d.run(name, args...)
	if err != nil {
		d.t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// conn is a new connection to the desk's bus, closed when the test ends.
func (d *desk) conn() *dbus.Conn {
	d.t.Helper()
	c, err := dbus.Connect(d.addr)
	if err != nil {
		d.t.Fatalf("connect to the private bus: %v", err)
	}
	d.t.Cleanup(func() { c.Close() })
	return c
}

// waitOwner waits until a name has an owner on the desk's bus.
func (d *desk) waitOwner(c *dbus.Conn, name string) {
	d.t.Helper()
	waitFor(d.t, name+" on the bus", 10*time.Second, func() bool {
		var has bool
		err := c.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has)
		return err == nil && has
	})
}

func waitFor(t testing.TB, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// bareBusConfig is a session bus with no activatable services, for tests
// that must know nothing will be started behind their back.
func bareBusConfig(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bus.conf")
	conf := `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=` + t.TempDir() + `</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
  <!-- the standard session bus's limits -->
  <limit name="max_replies_per_connection">50000</limit>
  <limit name="reply_timeout">300000</limit>
</busconfig>
`
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
