package xdg

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pingwise/pingwise/platform/link"
)

// fakeDesktop stands in for xdg-mime: it answers `query default` from
// defaults, records `default`, and remembers every call.
type fakeDesktop struct {
	defaults map[string]string // mime type -> desktop file id
	calls    []string
	fail     error // returned by every query
}

func (f *fakeDesktop) run(name string, args ...string) ([]byte, error) {
	call := strings.Join(append([]string{name}, args...), " ")
	f.calls = append(f.calls, call)
	switch {
	case name == "xdg-mime" && len(args) == 3 && args[0] == "query" && args[1] == "default":
		if f.fail != nil {
			return nil, f.fail
		}
		if id := f.defaults[args[2]]; id != "" {
			return []byte(id + "\n"), nil
		}
		return nil, nil
	case name == "xdg-mime" && len(args) == 3 && args[0] == "default":
		f.defaults[args[2]] = args[1]
		return nil, nil
	case name == "update-desktop-database":
		return nil, nil
	}
	return nil, fmt.Errorf("unexpected command %s", call)
}

// changes are the calls that change a default.
func (f *fakeDesktop) changes() []string {
	var c []string
	for _, call := range f.calls {
		if strings.HasPrefix(call, "xdg-mime default ") {
			c = append(c, strings.TrimPrefix(call, "xdg-mime "))
		}
	}
	f.calls = nil
	return c
}

// desk is a person's home in a temporary folder, with two handlers
// installed system-wide, and the installer Pingwise would use there.
type desk struct {
	t                      *testing.T
	root, home             string
	data, config, stateDir string
	fake                   *fakeDesktop
	out                    bytes.Buffer
}

func newDesk(t *testing.T) *desk {
	root := t.TempDir()
	home := filepath.Join(root, "home")
	d := &desk{t: t, root: root, home: home,
		data: filepath.Join(home, ".local", "share"), config: filepath.Join(home, ".config"),
		fake: &fakeDesktop{defaults: map[string]string{
			"x-scheme-handler/tel":    "org.gnome.Contacts.desktop",
			"x-scheme-handler/mailto": "thunderbird.desktop",
		}}}
	d.stateDir = filepath.Join(d.config, "pingwise")
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_DIRS", filepath.Join(root, "system"))
	for _, id := range []string{"org.gnome.Contacts.desktop", "thunderbird.desktop"} {
		d.write(filepath.Join(root, "system", "applications", id), "[Desktop Entry]\nType=Application\nExec=x %u\n")
	}
	// What must stay as it is.
	d.write(filepath.Join(home, ".bashrc"), "export PS1='$ '\n")
	d.write(filepath.Join(d.config, "settings-of-another-app.ini"), "[x]\n")
	d.write(filepath.Join(d.data, "applications", "other.desktop"), "[Desktop Entry]\n")
	return d
}

func (d *desk) write(path, content string) {
	d.t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		d.t.Fatal(err)
	}
}

func (d *desk) installer(autostart, dryRun bool) *Installer {
	d.out.Reset()
	return &Installer{DataHome: d.data, ConfigHome: d.config, State: d.stateDir, Exe: "/usr/bin/pingwise",
		Autostart: autostart, DryRun: dryRun, Out: &d.out, Run: d.fake.run}
}

func (d *desk) entryPath() string { return filepath.Join(d.data, "applications", DesktopFile) }
func (d *desk) iconPath() string {
	return filepath.Join(d.data, "icons", "hicolor", "256x256", "apps", ID+".png")
}
func (d *desk) autostartPath() string { return filepath.Join(d.config, "autostart", DesktopFile) }
func (d *desk) statePath() string     { return filepath.Join(d.stateDir, StateFile) }

// snapshot maps every file and folder under root to its mode and content.
func (d *desk) snapshot() map[string]string {
	d.t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(d.root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		v := info.Mode().String()
		if e.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += fmt.Sprintf(" %x", sha256.Sum256(b))
		}
		m[p] = v
		return nil
	})
	if err != nil {
		d.t.Fatal(err)
	}
	return m
}

// changed lists the paths that differ between two snapshots.
func changed(a, b map[string]string) []string {
	var c []string
	for p, v := range a {
		if b[p] != v {
			c = append(c, p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			c = append(c, p)
		}
	}
	slices.Sort(c)
	return c
}

// onlyOwnFolders fails unless every changed path is in the person's data or
// config folder (the state folder is inside the latter here).
func (d *desk) onlyOwnFolders(paths []string) {
	d.t.Helper()
	for _, p := range paths {
		if !strings.HasPrefix(p, d.data+"/") && !strings.HasPrefix(p, d.config+"/") && p != d.data && p != d.config {
			d.t.Errorf("changed outside the XDG data and config folders: %s", p)
		}
	}
}

func (d *desk) state() state {
	d.t.Helper()
	var st state
	b, err := os.ReadFile(d.statePath())
	if err != nil {
		d.t.Fatal(err)
	}
	if err := json.Unmarshal(b, &st); err != nil {
		d.t.Fatal(err)
	}
	return st
}

func (d *desk) wantFile(path, content string, mode fs.FileMode) {
	d.t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		d.t.Errorf("%s: %v", path, err)
		return
	}
	if info.Mode().Perm() != mode {
		d.t.Errorf("%s: mode %v, want %v", path, info.Mode().Perm(), mode)
	}
	if content != "" {
		if b, _ := os.ReadFile(path); string(b) != content {
			d.t.Errorf("%s holds:\n%s\nwant:\n%s", path, b, content)
		}
	}
}

func (d *desk) gone(paths ...string) {
	d.t.Helper()
	for _, p := range paths {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			d.t.Errorf("%s is still there (%v)", p, err)
		}
	}
}

func (d *desk) saidLines(want ...string) {
	d.t.Helper()
	for _, w := range want {
		if !slices.Contains(strings.Split(d.out.String(), "\n"), w) {
			d.t.Errorf("output has no line %q:\n%s", w, d.out.String())
		}
	}
}

var wantPrevious = map[string]string{
	"tel": "org.gnome.Contacts.desktop", "mailto": "thunderbird.desktop",
	"callto": "", "sip": "", "zoommtg": "", "zoomus": "", "msteams": "", "slack": "",
}

func TestInstall(t *testing.T) {
	d := newDesk(t)
	before := d.snapshot()
	if err := d.installer(true, false).Install(); err != nil {
		t.Fatal(err)
	}
	d.onlyOwnFolders(changed(before, d.snapshot()))

	app, _ := AppEntry("/usr/bin/pingwise", "")
	auto, _ := AutostartEntry("/usr/bin/pingwise", "")
	d.wantFile(d.entryPath(), app, 0o644)
	d.wantFile(d.autostartPath(), auto, 0o644)
	d.wantFile(d.iconPath(), "", 0o644)
	d.wantFile(d.statePath(), "", 0o600)
	if f, err := os.Open(d.iconPath()); err == nil {
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != 256 || cfg.Height != 256 {
			t.Errorf("icon: %+v, %v; want a 256×256 PNG", cfg, err)
		}
	}
	if st := d.state(); !maps(st.Previous, wantPrevious) {
		t.Errorf("remembered %v, want %v", st.Previous, wantPrevious)
	}
	var want []string
	for _, s := range link.Schemes {
		want = append(want, "default "+DesktopFile+" x-scheme-handler/"+s)
	}
	if got := d.fake.changes(); !slices.Equal(got, want) {
		t.Errorf("xdg-mime calls %q, want %q", got, want)
	}
	d.saidLines(
		"write ~/.config/pingwise/handlers.json",
		"write ~/.local/share/icons/hicolor/256x256/apps/io.github.pingwise.png",
		"write ~/.local/share/applications/io.github.pingwise.desktop",
		"write ~/.config/autostart/io.github.pingwise.desktop",
		"xdg-mime default io.github.pingwise.desktop x-scheme-handler/tel (was org.gnome.Contacts.desktop)",
		"xdg-mime default io.github.pingwise.desktop x-scheme-handler/sip (was none)",
	)

	// Again: nothing changes, and Pingwise, now the default, is not
	// remembered as its own previous handler.
	after := d.snapshot()
	if err := d.installer(true, false).Install(); err != nil {
		t.Fatal(err)
	}
	if c := changed(after, d.snapshot()); len(c) > 0 {
		t.Errorf("a second install changed %q", c)
	}
	if got := d.fake.changes(); len(got) > 0 {
		t.Errorf("a second install called xdg-mime %q", got)
	}
	if got := strings.TrimSpace(d.out.String()); !strings.HasPrefix(got, "Pingwise already opens tel:") || strings.Contains(got, "\n") {
		t.Errorf("second install said %q", got)
	}
	if st := d.state(); !maps(st.Previous, wantPrevious) {
		t.Errorf("after a second install remembered %v, want %v", st.Previous, wantPrevious)
	}

	// Someone gives tel: links to another app; installing again takes
	// them back and remembers that app instead.
	d.fake.defaults["x-scheme-handler/tel"] = "org.kde.kdeconnect.handler.desktop"
	if err := d.installer(true, false).Install(); err != nil {
		t.Fatal(err)
	}
	if got := d.state().Previous["tel"]; got != "org.kde.kdeconnect.handler.desktop" {
		t.Errorf("remembered %q for tel", got)
	}
	if got := d.fake.changes(); !slices.Equal(got, []string{"default " + DesktopFile + " x-scheme-handler/tel"}) {
		t.Errorf("xdg-mime calls %q", got)
	}

	// Start at login turned off: the autostart entry goes.
	if err := d.installer(false, false).Install(); err != nil {
		t.Fatal(err)
	}
	d.gone(d.autostartPath())
	d.saidLines("remove ~/.config/autostart/io.github.pingwise.desktop")
}

// TestInstallForgotten: with handlers.json lost and Pingwise already the
// default, Pingwise is not recorded as its own previous handler.
func TestInstallForgotten(t *testing.T) {
	d := newDesk(t)
	d.fake.defaults["x-scheme-handler/tel"] = DesktopFile
	if err := d.installer(false, false).Install(); err != nil {
		t.Fatal(err)
	}
	if got := d.state().Previous["tel"]; got != "" {
		t.Errorf("remembered %q for tel, want none", got)
	}
}

func TestInstallDryRun(t *testing.T) {
	d := newDesk(t)
	before := d.snapshot()
	if err := d.installer(true, true).Install(); err != nil {
		t.Fatal(err)
	}
	if c := changed(before, d.snapshot()); len(c) > 0 {
		t.Errorf("a dry run changed %q", c)
	}
	if got := d.fake.changes(); len(got) > 0 {
		t.Errorf("a dry run called xdg-mime %q", got)
	}
	d.saidLines(
		"write ~/.config/pingwise/handlers.json",
		"write ~/.local/share/applications/io.github.pingwise.desktop",
		"write ~/.config/autostart/io.github.pingwise.desktop",
		"xdg-mime default io.github.pingwise.desktop x-scheme-handler/mailto (was thunderbird.desktop)",
		"dry run: nothing was changed",
	)
}

func TestInstallStopsBeforeChangingAnything(t *testing.T) {
	d := newDesk(t)
	d.fake.fail = errors.New("exit status 4")
	before := d.snapshot()
	err := d.installer(true, false).Install()
	if err == nil || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("Install: %v", err)
	}
	if c := changed(before, d.snapshot()); len(c) > 0 {
		t.Errorf("a failed install changed %q", c)
	}

	d = newDesk(t)
	d.write(d.statePath(), "{not json")
	if err := d.installer(true, false).Install(); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Install over a damaged handlers.json: %v", err)
	}
}

func TestUninstall(t *testing.T) {
	d := newDesk(t)
	before := d.snapshot()
	if err := d.installer(true, false).Install(); err != nil {
		t.Fatal(err)
	}
	d.fake.changes()
	// What xdg-mime (through gio) left in mimeapps.list, among the
	// person's own defaults.
	mimeapps := filepath.Join(d.config, "mimeapps.list")
	d.write(mimeapps, "# mine\r\n[Default Applications]\r\ntext/html=firefox.desktop\r\n"+
		"x-scheme-handler/tel=io.github.pingwise.desktop;\r\n"+
		"x-scheme-handler/sip=io.github.pingwise.desktop;linphone.desktop;\r\n"+
		"x-scheme-handler/slack = io.github.pingwise.desktop\r\n\r\n"+
		"[Added Associations]\r\nx-scheme-handler/tel=org.gnome.Contacts.desktop;io.github.pingwise.desktop;\r\n"+
		"image/png=eog.desktop;io.github.pingwise.desktop;\r\n")
	// And someone gave Slack links to Slack since.
	d.fake.defaults["x-scheme-handler/slack"] = "slack.desktop"

	dry := d.snapshot()
	if err := d.installer(true, true).Uninstall(); err != nil {
		t.Fatal(err)
	}
	if c := changed(dry, d.snapshot()); len(c) > 0 {
		t.Errorf("a dry run changed %q", c)
	}
	if got := d.fake.changes(); len(got) > 0 {
		t.Errorf("a dry run called xdg-mime %q", got)
	}
	d.saidLines("remove ~/.local/share/applications/io.github.pingwise.desktop", "dry run: nothing was changed")

	if err := d.installer(true, false).Uninstall(); err != nil {
		t.Fatal(err)
	}
	want := []string{"default org.gnome.Contacts.desktop x-scheme-handler/tel", "default thunderbird.desktop x-scheme-handler/mailto"}
	if got := d.fake.changes(); !slices.Equal(got, want) {
		t.Errorf("xdg-mime calls %q, want %q", got, want)
	}
	d.saidLines(
		"xdg-mime default org.gnome.Contacts.desktop x-scheme-handler/tel (restore)",
		"x-scheme-handler/slack opens with slack.desktop now: left as is",
		"remove ~/.config/pingwise/handlers.json",
	)
	d.gone(d.entryPath(), d.iconPath(), d.autostartPath(), d.statePath())
	// The fake xdg-mime does not write mimeapps.list, so the tel line
	// still names Pingwise: the restore is xdg-mime's to write there.
	wantList := "# mine\r\n[Default Applications]\r\ntext/html=firefox.desktop\r\n" +
		"x-scheme-handler/tel=io.github.pingwise.desktop;\r\n" +
		"x-scheme-handler/sip=linphone.desktop;\r\n\r\n" +
		"[Added Associations]\r\nx-scheme-handler/tel=org.gnome.Contacts.desktop;\r\n" +
		"image/png=eog.desktop;io.github.pingwise.desktop;\r\n"
	if b, _ := os.ReadFile(mimeapps); string(b) != wantList {
		t.Errorf("mimeapps.list:\n%q\nwant:\n%q", b, wantList)
	}
	// Apart from mimeapps.list and the folders Install made, all is as
	// before.
	for _, p := range changed(before, d.snapshot()) {
		if info, err := os.Stat(p); p != mimeapps && (err != nil || !info.IsDir()) {
			t.Errorf("left behind: %s", p)
		}
	}

	// As xdg-mime would have written it: then a second uninstall has
	// nothing left to do.
	d.write(mimeapps, strings.Replace(wantList, "tel=io.github.pingwise.desktop;", "tel=org.gnome.Contacts.desktop;", 1))
	if err := d.installer(true, false).Uninstall(); err != nil {
		t.Fatal(err)
	}
	if got := d.out.String(); got != "Pingwise is not installed: nothing to do\n" {
		t.Errorf("a second uninstall said %q", got)
	}
}

// TestUninstallWithoutPrevious: a scheme that had no handler, or whose
// handler has gone since, is left unset.
func TestUninstallWithoutPrevious(t *testing.T) {
	d := newDesk(t)
	if err := d.installer(false, false).Install(); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(d.root, "system", "applications", "thunderbird.desktop"))
	d.fake.changes()
	if err := d.installer(false, false).Uninstall(); err != nil {
		t.Fatal(err)
	}
	if got, want := d.fake.changes(), []string{"default org.gnome.Contacts.desktop x-scheme-handler/tel"}; !slices.Equal(got, want) {
		t.Errorf("xdg-mime calls %q, want %q", got, want)
	}
	d.saidLines("x-scheme-handler/mailto: the handler Pingwise replaced, thunderbird.desktop, is no longer installed; leaving it unset")
}

func TestDropFromMimeapps(t *testing.T) {
	t.Parallel()
	in := "[Default Applications]\nx-scheme-handler/tel=a.desktop;io.github.pingwise.desktop;b.desktop;\n" +
		"# x-scheme-handler/tel=io.github.pingwise.desktop;\nx-scheme-handler/sip=io.github.pingwise.desktop;\n" +
		"x-scheme-handler/zoommtg=io.github.pingwise.desktop.bak;\n[Other]\nx-scheme-handler/tel=io.github.pingwise.desktop;\n" +
		"no newline at the end"
	out, keys := dropFromMimeapps([]byte(in), DesktopFile, map[string]map[string]bool{
		"Default Applications": {"x-scheme-handler/tel": true, "x-scheme-handler/sip": true, "x-scheme-handler/zoommtg": true},
	})
	want := "[Default Applications]\nx-scheme-handler/tel=a.desktop;b.desktop;\n" +
		"# x-scheme-handler/tel=io.github.pingwise.desktop;\n" +
		"x-scheme-handler/zoommtg=io.github.pingwise.desktop.bak;\n[Other]\nx-scheme-handler/tel=io.github.pingwise.desktop;\n" +
		"no newline at the end"
	if string(out) != want || !slices.Equal(keys, []string{"x-scheme-handler/tel", "x-scheme-handler/sip"}) {
		t.Errorf("got %q, %q\nwant %q", out, keys, want)
	}
}

// TestWithRealXdgMime runs Install and Uninstall against the real xdg-mime
// (its generic, desktop-independent mode), in a home of its own.
func TestWithRealXdgMime(t *testing.T) {
	if _, err := exec.LookPath("xdg-mime"); err != nil {
		t.Skip("xdg-mime is not installed")
	}
	d := newDesk(t)
	for _, k := range []string{"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "KDE_SESSION_VERSION",
		"GNOME_DESKTOP_SESSION_ID", "MATE_DESKTOP_SESSION_ID", "XDG_SESSION_DESKTOP", "DISPLAY", "WAYLAND_DISPLAY"} {
		t.Setenv(k, "")
	}
	t.Setenv("XDG_CONFIG_DIRS", filepath.Join(d.root, "etc-xdg"))
	t.Setenv("XDG_DATA_HOME", d.data)
	t.Setenv("XDG_CONFIG_HOME", d.config)
	d.write(filepath.Join(d.root, "system", "applications", "org.gnome.Contacts.desktop"),
		"[Desktop Entry]\nType=Application\nName=Contacts\nExec=contacts %u\nMimeType=x-scheme-handler/tel;\n")
	query := func(scheme string) string {
		out, err := exec.Command("xdg-mime", "query", "default", "x-scheme-handler/"+scheme).Output()
		if err != nil {
			t.Fatalf("xdg-mime query: %v", err)
		}
		return strings.TrimSpace(string(out))
	}
	if got := query("tel"); got != "org.gnome.Contacts.desktop" {
		t.Skipf("this xdg-mime does not see the test's handler (%q): not the generic mode", got)
	}
	before := d.snapshot()
	in := d.installer(false, false)
	in.Run = nil
	if err := in.Install(); err != nil {
		t.Fatal(err)
	}
	d.onlyOwnFolders(changed(before, d.snapshot()))
	for _, s := range link.Schemes {
		if got := query(s); got != DesktopFile {
			t.Errorf("after install, %s: opens with %q", s, got)
		}
	}
	if got := d.state().Previous["tel"]; got != "org.gnome.Contacts.desktop" {
		t.Errorf("remembered %q for tel", got)
	}
	in = d.installer(false, false)
	in.Run = nil
	if err := in.Uninstall(); err != nil {
		t.Fatal(err)
	}
	if got := query("tel"); got != "org.gnome.Contacts.desktop" {
		t.Errorf("after uninstall, tel: opens with %q", got)
	}
	if got := query("sip"); got != "" {
		t.Errorf("after uninstall, sip: opens with %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(d.config, "mimeapps.list")); bytes.Contains(b, []byte(DesktopFile)) {
		t.Errorf("mimeapps.list still names Pingwise:\n%s", b)
	}
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestWithoutXdgMime: a real install stops before changing anything, and a
// dry run says it would.
func TestWithoutXdgMime(t *testing.T) {
	d := newDesk(t)
	t.Setenv("PATH", t.TempDir())
	before := d.snapshot()
	in := d.installer(true, false)
	in.Run = nil
	if err := in.Install(); err == nil || !strings.Contains(err.Error(), "xdg-mime is not installed: install xdg-utils") {
		t.Errorf("Install without xdg-mime: %v", err)
	}
	in = d.installer(true, true)
	in.Run = nil
	if err := in.Install(); err != nil {
		t.Errorf("dry run without xdg-mime: %v", err)
	}
	d.saidLines("xdg-mime is not installed: a real run would stop here (install xdg-utils)")
	if c := changed(before, d.snapshot()); len(c) > 0 {
		t.Errorf("changed %q", c)
	}
}
