// Package home finds where Pingwise keeps its files: the database under
// $XDG_DATA_HOME, the settings under $XDG_CONFIG_HOME, and the control socket
// under $XDG_RUNTIME_DIR, or all of them in one folder given by --home or
// PINGWISE_HOME (for tests and portable use).
package home

import (
	"fmt"
	"os"
	"path/filepath"
)

// Dirs are the folders Pingwise uses.
type Dirs struct {
	Data      string
	Config    string
	Runtime   string
	Autostart string // where desktop sessions look for programs to start at login
	Home      string // the --home or PINGWISE_HOME folder; empty for XDG
}

// Resolve returns the folders: all under dir when it is not empty, else
// under $PINGWISE_HOME when set, else the XDG base directories.
func Resolve(dir string) (Dirs, error) {
	if dir == "" {
		dir = os.Getenv("PINGWISE_HOME")
	}
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return Dirs{}, fmt.Errorf("home folder %q: %w", dir, err)
		}
		return Dirs{Data: abs, Config: abs, Runtime: abs, Autostart: filepath.Join(abs, "autostart"), Home: abs}, nil
	}
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

// DB is the database file.
func (d Dirs) DB() string { return filepath.Join(d.Data, "pingwise.db") }

// Settings is the settings file.
func (d Dirs) Settings() string { return filepath.Join(d.Config, "settings.toml") }

// Socket is the running app's control socket.
func (d Dirs) Socket() string { return filepath.Join(d.Runtime, "pingwise.sock") }

// Lock is the file the running app holds locked, so there is only one.
func (d Dirs) Lock() string { return filepath.Join(d.Runtime, "pingwise.lock") }
