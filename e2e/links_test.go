package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// After `pingwise install`, a tel: link opened anywhere (xdg-open) opens the
// popup with the number; Go sync hands the link to the dialer registered
// before Pingwise, once and byte for byte; a crafted link runs nothing.
func TestCallLinks(t *testing.T) {
	need(t, "xdg-open", "xdg-mime")
	d := newDesk(t, deskOpts{})
	root := t.TempDir()
	data, config := filepath.Join(root, "data"), filepath.Join(root, "config")
	d.extraEnv = []string{"XDG_DATA_HOME=" + data, "XDG_CONFIG_HOME=" + config, "XDG_DATA_DIRS=/usr/share",
		"XDG_CURRENT_DESKTOP=", "DE="}

	// The dialer a person had before Pingwise: it records what it is given.
	record := filepath.Join(root, "dialed")
	dialer := filepath.Join(root, "dialer.sh")
	write(t, dialer, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '"+record+"'; done\n", 0o755)
	write(t, filepath.Join(data, "applications", "fake-dialer.desktop"),
		"[Desktop Entry]\nType=Application\nName=Fake dialer\nExec="+dialer+" %u\nMimeType=x-scheme-handler/tel;\n", 0o644)
	d.run("xdg-mime", "default", "fake-dialer.desktop", "x-scheme-handler/tel")

	if _, err := d.pingwise("install"); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(d.run("xdg-mime", "query", "default", "x-scheme-handler/tel")); got != "io.github.pingwise.desktop" {
		t.Fatalf("tel: handler after install = %q", got)
	}
	a := d.startApp()
	d.tray(a)

	d.run("xdg-open", "tel:+15551234")
	win := d.window("Sync or async?")
	d.screenshot("popup-call-link.png", win)
	d.xdotool("key", "alt+c")       // a crisis: worth the call
	d.xdotool("key", "ctrl+Return") // the recommended action, now Go sync
	d.waitFor("the dialer to be handed the link", func() bool { _, err := os.Stat(record); return err == nil })
	time.Sleep(300 * time.Millisecond) // a second hand-off would land by now
	if b, _ := os.ReadFile(record); string(b) != "tel:+15551234\n" {
		t.Errorf("the dialer got %q, want the link once, as one argument", b)
	}
	if s, _ := d.decisions(); s != 1 {
		t.Errorf("%d sync decisions logged", s)
	}

	d.waitFor("the popup to close after its confirmation", func() bool { return !d.visible("Sync or async?") })

	// Crafted links: refused with one line, nothing run.
	for _, link := range []string{"tel:$(touch X)", "tel:123;touch X", "tel:`touch X`", "file:///etc/passwd", "javascript:alert(1)"} {
		cmd := exec.Command(binary, "--home", d.home, "open", "--", link)
		cmd.Env, cmd.Dir = d.env(), root
		out, err := cmd.CombinedOutput()
		if err == nil || strings.Count(strings.TrimSpace(string(out)), "\n") != 0 {
			t.Errorf("open %q: %v, %q", link, err, out)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "X")); err == nil {
		t.Fatal("a crafted link ran a command")
	}
	if d.visible("Sync or async?") {
		t.Error("a crafted link opened the popup")
	}

	if _, err := d.pingwise("uninstall"); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(d.run("xdg-mime", "query", "default", "x-scheme-handler/tel")); got != "fake-dialer.desktop" {
		t.Errorf("tel: handler after uninstall = %q, want the one from before", got)
	}
}

func write(t *testing.T, path, body string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), mode); err != nil {
		t.Fatal(err)
	}
}
