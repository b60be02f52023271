package gnome

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/platform"
)

// gjsPrelude stands in for what GNOME Shell gives an extension: Gio and GLib
// are the real ones (gjs), so the D-Bus side is real; global.display, the
// windows and Shell.WindowTracker are fakes with just the methods focus.js
// calls. TestShellExtensionE2E runs the extension in a real GNOME Shell
// (43, the imports form); this one, in plain gjs and without a compositor,
// drives what a headless shell does not readily show: a window without a
// wm_class, nothing in front, a title changed at once.
const gjsPrelude = `
const {Gio, GLib} = imports.gi;
class FakeSignals {
    constructor() { this._handlers = new Map(); this._next = 0; }
    connect(signal, f) { this._handlers.set(++this._next, [signal, f]); return this._next; }
    disconnect(id) { if (!this._handlers.delete(id)) throw new Error('disconnect of unknown handler ' + id); }
    emit(signal) { for (const [s, f] of this._handlers.values()) if (s === signal) f(); }
}
class FakeWindow extends FakeSignals {
    constructor(cls, instance, title) { super(); this.cls = cls; this.instance = instance; this.title = title; }
    get_wm_class() { return this.cls; }
    get_wm_class_instance() { return this.instance; }
    get_title() { return this.title; }
}
const display = new FakeSignals();
display.focus_window = null;
globalThis.global = {display};
const Shell = {WindowTracker: {get_default: () => ({
    get_window_app: w => ({get_id: () => 'com.example.' + w.instance + '.desktop'}),
})}};
`

// gjsDriver runs the reporter and takes commands on stdin, one a line:
// "focus CLASS INSTANCE TITLE", "title TITLE", "none", "disable".
const gjsDriver = `
const reporter = new FocusReporter();
const loop = new GLib.MainLoop(null, false);
Gio.bus_own_name(Gio.BusType.SESSION, 'org.gnome.Shell', Gio.BusNameOwnerFlags.NONE, null,
    () => { reporter.enable(); print('ready'); }, () => { print('lost the name'); loop.quit(); });
const stdin = new Gio.DataInputStream({base_stream: new Gio.UnixInputStream({fd: 0, close_fd: false})});
function next() {
    stdin.read_line_async(GLib.PRIORITY_DEFAULT, null, (s, res) => {
        const [line] = s.read_line_finish_utf8(res);
        if (line === null) { loop.quit(); return; }
        const [cmd, ...rest] = line.split(' ');
        if (cmd === 'focus') {
            display.focus_window = new FakeWindow(rest[0], rest[1], rest.slice(2).join(' '));
            display.emit('notify::focus-window');
        } else if (cmd === 'title') {
            display.focus_window.title = rest.join(' ');
            display.focus_window.emit('notify::title');
        } else if (cmd === 'none') {
            display.focus_window = null;
            display.emit('notify::focus-window');
        } else if (cmd === 'disable') {
            reporter.disable();
        }
        print('done ' + cmd);
        next();
    });
}
next();
loop.run();
`

func TestExtensionReporterE2E(t *testing.T) {
	need(t, "gjs")
	addr, c := bus(t, os.Environ())
	focus, err := extensionFiles.ReadFile("extension/focus.js")
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "reporter.js")
	if err := os.WriteFile(script, []byte(gjsPrelude+string(focus)+gjsDriver), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("gjs", script)
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("gjs said: %s", stderr.String())
		}
	})
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	expect := func(want string) {
		t.Helper()
		select {
		case got, ok := <-lines:
			if !ok || got != want {
				t.Fatalf("gjs printed %q (open %v), want %q", got, ok, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("gjs did not print %q", want)
		}
	}
	send := func(line string) {
		t.Helper()
		if _, err := io.WriteString(stdin, line+"\n"); err != nil {
			t.Fatal(err)
		}
		expect("done " + strings.Fields(line)[0])
	}
	expect("ready")

	a, err := OpenActive(c)
	if err != nil {
		t.Fatal(err)
	}
	changes := make(chan platform.Window, 8)
	stop, err := a.WatchActive(func(w platform.Window) { changes <- w })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	want := func(w platform.Window) {
		t.Helper()
		select {
		case got := <-changes:
			if got != w {
				t.Fatalf("got %+v, want %+v", got, w)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no change to %+v", w)
		}
	}
	want(platform.Window{}) // nothing in front at start
	send("focus Slack slack general")
	want(platform.Window{AppID: "Slack", Class: "Slack", Instance: "slack", Title: "general"})
	send("title random")
	want(platform.Window{AppID: "Slack", Class: "Slack", Instance: "slack", Title: "random"})
	send("focus  firefox Mozilla Firefox") // no wm_class: named by its desktop entry
	want(platform.Window{AppID: "com.example.firefox", Instance: "firefox", Title: "Mozilla Firefox"})
	send("none")
	want(platform.Window{})
	send("disable")
	if _, err := OpenActive(c); err != errNoExtension {
		t.Errorf("with the extension disabled: %v, want %v", err, errNoExtension)
	}
}

func TestExtensionFiles(t *testing.T) {
	for _, tc := range []struct {
		shell    int
		esm      bool
		versions []string
	}{
		{43, false, []string{"42", "43", "44"}},
		{45, true, []string{"45", "46", "47", "48", "49"}},
		{50, true, []string{"45", "46", "47", "48", "49", "50"}},
	} {
		files, err := Extension(tc.shell)
		if err != nil {
			t.Fatal(err)
		}
		var meta struct {
			UUID     string   `json:"uuid"`
			Versions []string `json:"shell-version"`
		}
		if err := json.Unmarshal(files["metadata.json"], &meta); err != nil {
			t.Fatal(err)
		}
		if meta.UUID != ExtensionUUID || !slices.Equal(meta.Versions, tc.versions) {
			t.Errorf("GNOME %d: metadata %+v", tc.shell, meta)
		}
		js := string(files["extension.js"])
		if strings.Contains(js, "export default") != tc.esm || strings.Contains(js, "imports.gi") == tc.esm {
			t.Errorf("GNOME %d: extension.js is not in the %v module form", tc.shell, map[bool]string{true: "ES", false: "imports"}[tc.esm])
		}
		if !strings.Contains(js, "class FocusReporter") {
			t.Errorf("GNOME %d: extension.js lacks the reporter", tc.shell)
		}
		checkSyntax(t, js, tc.esm)
	}
}

// checkSyntax has node parse the extension without running it: node reads
// both module forms, which gjs cannot load outside the shell.
func checkSyntax(t *testing.T, js string, esm bool) {
	t.Helper()
	need(t, "node")
	name := filepath.Join(t.TempDir(), "extension.cjs")
	if esm {
		name = filepath.Join(t.TempDir(), "extension.mjs")
	}
	if err := os.WriteFile(name, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("node", "--check", name).CombinedOutput(); err != nil {
		t.Errorf("extension.js does not parse: %v\n%s", err, out)
	}
}

func TestInstallExtension(t *testing.T) {
	s := keyfileSettings(t)
	data := t.TempDir()
	if err := s.InstallExtension(data, 43); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"metadata.json", "extension.js"} {
		if _, err := os.Stat(filepath.Join(ExtensionDir(data), f)); err != nil {
			t.Error(err)
		}
	}
	if got := enabled(t, s); !slices.Equal(got, []string{"theirs@example.org", ExtensionUUID}) {
		t.Errorf("enabled after install: %v", got)
	}
	if err := s.InstallExtension(data, 43); err != nil { // again: no duplicate
		t.Fatal(err)
	}
	if got := enabled(t, s); len(got) != 2 {
		t.Errorf("enabled after a second install: %v", got)
	}
	if err := s.RemoveExtension(data); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(ExtensionDir(data)); !os.IsNotExist(err) {
		t.Errorf("the extension's folder is still there: %v", err)
	}
	if got := enabled(t, s); !slices.Equal(got, []string{"theirs@example.org"}) {
		t.Errorf("enabled after removal: %v", got)
	}
}

func enabled(t *testing.T, s Settings) []string {
	t.Helper()
	out, err := s.run("get", "org.gnome.shell", "enabled-extensions")
	if err != nil {
		t.Fatal(err)
	}
	l, err := parseStrings(out)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
