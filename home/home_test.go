package home

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestResolve(t *testing.T) {
	base := t.TempDir()
	t.Setenv("PINGWISE_HOME", "")
	want := Dirs{ // XDG
		Data:      filepath.Join(base, "data", "pingwise"),
		Config:    filepath.Join(base, "config", "pingwise"),
		Runtime:   filepath.Join(base, "run", "pingwise"),
		Autostart: filepath.Join(base, "config", "autostart"),
	}
	t.Setenv("XDG_DATA_HOME", filepath.Join(base, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(base, "config"))
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(base, "run"))
	if runtime.GOOS == "windows" {
		t.Setenv("LOCALAPPDATA", filepath.Join(base, "Local"))
		t.Setenv("APPDATA", filepath.Join(base, "Roaming"))
		want = Dirs{
			Data:    filepath.Join(base, "Local", "Pingwise"),
			Config:  filepath.Join(base, "Roaming", "Pingwise"),
			Runtime: filepath.Join(base, "Local", "Pingwise", "run"),
		}
	}
	got, err := Resolve("")
	if err != nil || got != want {
		t.Errorf("Resolve(\"\") = %+v, %v\nwant %+v", got, err, want)
	}
	got, err = Resolve(base)
	if err != nil || got.Data != base || got.Config != base || got.Runtime != base || got.Home != base {
		t.Errorf("Resolve(%q) = %+v, %v", base, got, err)
	}
	if runtime.GOOS == "windows" {
		t.Setenv("APPDATA", "relative")
		if _, err := Resolve(""); err == nil {
			t.Error("a relative %APPDATA% was accepted")
		}
	}
}
