package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/headless"
)

// needPackaging skips unless the end-to-end run was asked for, and fails
// when a tool the package test needs is missing.
func needPackaging(t *testing.T, tools ...string) {
	t.Helper()
	if os.Getenv("PINGWISE_E2E") == "" {
		t.Skip("end-to-end tests run with PINGWISE_E2E=1 (make test sets it)")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/setup test", tool)
		}
	}
}

// makePackage runs `make deb` or `make rpm` into a temporary folder and
// returns the package file.
func makePackage(t *testing.T, format, glob string) (dist, pkg string) {
	t.Helper()
	dist = t.TempDir()
	cmd := exec.Command("make", "-s", "--no-print-directory", "-C", "..", format, "DIST="+dist)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make %s: %v\n%s", format, err, out)
	}
	m, _ := filepath.Glob(filepath.Join(dist, glob))
	if len(m) != 1 {
		t.Fatalf("make %s made %v, want one %s", format, m, glob)
	}
	return dist, m[0]
}

func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	if env != nil {
		cmd.Env = env
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// The .deb installs with apt on this machine, works from its desktop entry
// headless, and removes without a trace but the person's own data.
func TestPackageDeb(t *testing.T) {
	needPackaging(t, "make", "apt-get", "dpkg", "dpkg-deb", "desktop-file-validate", "appstreamcli", "man", "Xvfb", "dbus-daemon")
	if os.Geteuid() != 0 {
		t.Fatal("installing a package needs root")
	}
	if exec.Command("dpkg", "-s", "pingwise").Run() == nil {
		t.Fatal("a pingwise package is installed already: this test would remove it (apt-get purge pingwise first)")
	}
	_, deb := makePackage(t, "deb", "pingwise_*.deb")

	fields := run(t, nil, "dpkg-deb", "--field", deb, "Package", "Version", "Depends")
	for _, want := range []string{"Package: pingwise", "libgl1", "libx11-6"} {
		if !strings.Contains(fields, want) {
			t.Errorf("control fields lack %q:\n%s", want, fields)
		}
	}

	run(t, append(os.Environ(), "DEBIAN_FRONTEND=noninteractive"), "apt-get", "install", "-y", "--no-install-recommends", deb)
	installed := true
	defer func() {
		if installed {
			exec.Command("apt-get", "purge", "-y", "pingwise").Run()
		}
	}()
	files := strings.Fields(run(t, nil, "dpkg", "-L", "pingwise"))
	for _, want := range []string{
		"/usr/bin/pingwise",
		"/usr/share/applications/io.github.pingwise.desktop",
		"/usr/share/metainfo/io.github.pingwise.metainfo.xml",
		"/usr/share/icons/hicolor/48x48/apps/io.github.pingwise.png",
		"/usr/share/icons/hicolor/512x512/apps/io.github.pingwise.png",
		"/usr/share/man/man1/pingwise.1.gz",
		"/usr/share/bash-completion/completions/pingwise",
		"/usr/share/zsh/vendor-completions/_pingwise",
		"/usr/share/fish/vendor_completions.d/pingwise.fish",
	} {
		if !contains(files, want) {
			t.Errorf("the package lacks %s", want)
		}
	}
	run(t, nil, "desktop-file-validate", "/usr/share/applications/io.github.pingwise.desktop")
	run(t, nil, "appstreamcli", "validate", "--no-net", "/usr/share/metainfo/io.github.pingwise.metainfo.xml")
	if page := run(t, append(os.Environ(), "MANPAGER=cat", "MANWIDTH=80"), "man", "pingwise"); !strings.Contains(page, "status --watch") {
		t.Errorf("man pingwise lacks status --watch")
	}

	// A person's machine: their own folders, which the package never touches.
	person := t.TempDir()
	env := append(os.Environ(), "HOME="+person, "XDG_DATA_HOME="+filepath.Join(person, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(person, "config"), "XDG_RUNTIME_DIR="+filepath.Join(person, "run"), "PINGWISE_HOME=")
	if err := os.MkdirAll(filepath.Join(person, "run"), 0o700); err != nil {
		t.Fatal(err)
	}
	v := strings.TrimSpace(run(t, env, "pingwise", "--version"))
	if !regexp.MustCompile(`^pingwise (v\d+\.\d+\.\d+\S*|commit [0-9a-f]{12}(-dirty)?, \d{4}-\d{2}-\d{2})$`).MatchString(v) {
		t.Errorf("pingwise --version: %q, want a tag, or a commit and its date", v)
	}
	if help := run(t, env, "pingwise", "--help"); !strings.Contains(help, "completion") || !strings.Contains(help, "status") {
		t.Errorf("pingwise --help:\n%s", help)
	}

	startFromDesktopEntry(t, env)
	db := filepath.Join(person, "data", "pingwise", "pingwise.db")
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("the app kept no data: %v", err)
	}

	run(t, append(os.Environ(), "DEBIAN_FRONTEND=noninteractive"), "apt-get", "purge", "-y", "pingwise")
	installed = false
	if exec.Command("dpkg", "-s", "pingwise").Run() == nil {
		t.Error("dpkg still knows pingwise after purge")
	}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil && !st.IsDir() {
			t.Errorf("%s is left after purge", f)
		}
	}
	for _, d := range []string{"/usr/share/icons/hicolor/48x48/apps/io.github.pingwise.png", "/usr/share/bash-completion/completions/pingwise"} {
		if _, err := os.Stat(d); err == nil {
			t.Errorf("%s is left", d)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("removing the package took the person's data: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// startFromDesktopEntry starts the app as a menu would, from the installed
// entry's Exec line (with no link, %u is nothing: `pingwise open --` starts
// the app, waits until it answers and shows it), on a headless display and
// bus, then quits it.
func startFromDesktopEntry(t *testing.T, env []string) {
	t.Helper()
	b, err := os.ReadFile("/usr/share/applications/io.github.pingwise.desktop")
	if err != nil {
		t.Fatal(err)
	}
	var argv []string
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "Exec="); ok {
			for _, a := range strings.Fields(v) { // the entry's Exec has no quoting
				if a != "%u" {
					argv = append(argv, a)
				}
			}
		}
	}
	if len(argv) == 0 || argv[0] != "/usr/bin/pingwise" {
		t.Fatalf("Exec line %q", argv)
	}
	x, display, err := headless.Xvfb(1024, 768)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Stop()
	bus, addr, err := headless.Bus(env, "")
	if err != nil {
		t.Fatal(err)
	}
	defer bus.Stop()
	env = append(env, "DISPLAY="+display, "DBUS_SESSION_BUS_ADDRESS="+addr)
	pingwise := func(args ...string) ([]byte, error) {
		cmd := exec.Command("pingwise", args...)
		cmd.Env = env
		return cmd.CombinedOutput()
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	launch := exec.CommandContext(ctx, argv[0], argv[1:]...)
	launch.Env = env
	out, err := launch.CombinedOutput()
	defer pingwise("quit") // the app runs in its own session: never leave it behind
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, out)
	}
	if out, err := pingwise("show"); err != nil { // only the running app can
		t.Fatalf("after the desktop entry's launch, pingwise show: %v: %s", err, out)
	}
	if out, err := pingwise("quit"); err != nil {
		t.Fatalf("pingwise quit: %v: %s", err, out)
	}
	for deadline := time.Now().Add(15 * time.Second); ; {
		if _, err := pingwise("show"); err != nil {
			return // it has quit
		}
		if time.Now().After(deadline) {
			t.Fatal("the app still answers 15 s after pingwise quit")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// The .rpm holds the same files, with Fedora's dependencies.
func TestPackageRpm(t *testing.T) {
	needPackaging(t, "make", "rpm")
	_, pkg := makePackage(t, "rpm", "pingwise-*.rpm")
	files := run(t, nil, "rpm", "-qpl", pkg)
	for _, want := range []string{"/usr/bin/pingwise", "/usr/share/applications/io.github.pingwise.desktop",
		"/usr/share/metainfo/io.github.pingwise.metainfo.xml", "/usr/share/man/man1/pingwise.1.gz",
		"/usr/share/zsh/site-functions/_pingwise", "/usr/share/icons/hicolor/256x256/apps/io.github.pingwise.png"} {
		if !strings.Contains(files, want+"\n") {
			t.Errorf("the rpm lacks %s:\n%s", want, files)
		}
	}
	if strings.Contains(files, "vendor-completions") {
		t.Error("the rpm has Debian's zsh folder")
	}
	deps := run(t, nil, "rpm", "-qpR", pkg)
	for _, want := range []string{"libX11", "libglvnd-glx"} {
		if !strings.Contains(deps, want) {
			t.Errorf("the rpm's dependencies lack %s:\n%s", want, deps)
		}
	}
}
