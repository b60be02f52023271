//go:build !windows

package home

import (
	"fmt"
	"os"
	"path/filepath"
)

// systemDirs are the XDG base directories.
func systemDirs() (Dirs, error) {
	userHome, err := os.UserHomeDir()
	if err != nil {
		return Dirs{}, fmt.Errorf("no home folder: set HOME or use --home: %w", err)
	}
	runtime := xdg("XDG_RUNTIME_DIR", "")
	if runtime == "" {
		// No session runtime folder (a bare SSH login): a per-user one in
		// the temporary folder, made 0700 on use.
		runtime = filepath.Join(os.TempDir(), fmt.Sprintf("pingwise-%d", os.Getuid()))
	} else {
		runtime = filepath.Join(runtime, "pingwise")
	}
	config := xdg("XDG_CONFIG_HOME", filepath.Join(userHome, ".config"))
	return Dirs{
		Data:      filepath.Join(xdg("XDG_DATA_HOME", filepath.Join(userHome, ".local", "share")), "pingwise"),
		Config:    filepath.Join(config, "pingwise"),
		Runtime:   runtime,
		Autostart: filepath.Join(config, "autostart"),
	}, nil
}

// xdg reads an XDG variable; the specification says to ignore relative
// paths.
func xdg(name, fallback string) string {
	if v := os.Getenv(name); filepath.IsAbs(v) {
		return v
	}
	return fallback
}
