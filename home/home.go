// Package home finds where Pingwise keeps its files: the database under
// $XDG_DATA_HOME, the settings under $XDG_CONFIG_HOME, and the control socket
// under $XDG_RUNTIME_DIR (on Windows: %LOCALAPPDATA%\Pingwise and
// %APPDATA%\Pingwise), or all of them in one folder given by --home or
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
	Autostart string // where desktop sessions look for programs to start at login; empty on Windows (a registry key)
	Home      string // the --home or PINGWISE_HOME folder; empty for XDG
}

// Resolve returns the folders: all under dir when it is not empty, else
// under $PINGWISE_HOME when set, else the system's places (systemDirs).
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
	return systemDirs()
}

// DB is the database file.
func (d Dirs) DB() string { return filepath.Join(d.Data, "pingwise.db") }

// Settings is the settings file.
func (d Dirs) Settings() string { return filepath.Join(d.Config, "settings.toml") }

// Socket is the running app's control socket.
func (d Dirs) Socket() string { return filepath.Join(d.Runtime, "pingwise.sock") }

// Lock is the file the running app holds locked, so there is only one.
func (d Dirs) Lock() string { return filepath.Join(d.Runtime, "pingwise.lock") }
