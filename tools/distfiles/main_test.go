package main

import (
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/platform/xdg"
)

func TestPkgVersion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"v0.2.0", "0.2.0"},
		{"v0.2.0-dirty", "0.2.0.dirty"},
		{"v0.2.0-4-gabc1234", "0.2.0.git4.gabc1234"},
		{"v1.0.0-rc1-4-gabc1234-dirty", "1.0.0.rc1.git4.gabc1234.dirty"},
		{"f84d175", "0.1.0~git.f84d175"},
		{"f84d175-dirty", "0.1.0~git.f84d175.dirty"},
	} {
		got, err := pkgVersion(c.in, "0.1.0")
		if err != nil || got != c.want {
			t.Errorf("pkgVersion(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "release one", "v"} {
		if got, err := pkgVersion(bad, "0.1.0"); err == nil {
			t.Errorf("pkgVersion(%q) = %q, want an error", bad, got)
		}
	}
}

// FyneApp.toml, the desktop entry and the metainfo share one app id, the
// one the Wayland portals match the running app to.
func TestOneAppID(t *testing.T) {
	out := t.TempDir()
	if err := write("../..", out, "v0.1.0", time.Now()); err != nil {
		t.Fatal(err)
	}
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(toml), "ID = \""+xdg.ID+"\"") {
		t.Errorf("FyneApp.toml's ID is not %s", xdg.ID)
	}
	meta, err := os.ReadFile(filepath.Join(out, "metainfo", xdg.ID+".metainfo.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<id>" + xdg.ID + "</id>", "<launchable type=\"desktop-id\">" + xdg.DesktopFile + "</launchable>"} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("the metainfo lacks %s", want)
		}
	}
	entry, err := os.ReadFile(filepath.Join(out, "applications", xdg.DesktopFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(entry), "\nIcon="+xdg.ID+"\n") || !strings.Contains(string(entry), "\nExec=/usr/bin/pingwise open -- %u\n") {
		t.Errorf("desktop entry:\n%s", entry)
	}
	for _, n := range iconSizes {
		p := filepath.Join(out, "icons", "hicolor", fmt.Sprintf("%dx%d", n, n), "apps", xdg.ID+".png")
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != n || cfg.Height != n {
			t.Errorf("%s: %dx%d, %v", p, cfg.Width, cfg.Height, err)
		}
	}
	// The validators the distributions run, where installed.
	for _, v := range [][]string{
		{"desktop-file-validate", filepath.Join(out, "applications", xdg.DesktopFile)},
		{"appstreamcli", "validate", "--no-net", filepath.Join(out, "metainfo", xdg.ID+".metainfo.xml")},
	} {
		if _, err := exec.LookPath(v[0]); err != nil {
			if os.Getenv("PINGWISE_E2E") != "" {
				t.Fatalf("%s is not installed", v[0])
			}
			continue
		}
		if b, err := exec.Command(v[0], v[1:]...).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", strings.Join(v, " "), err, b)
		}
	}
}
