package home

import (
	"errors"
	"os"
	"path/filepath"
)

// systemDirs are Windows' per-user places: the database, which stays on
// this machine, in %LOCALAPPDATA%\Pingwise; the settings, which roam with a
// roaming profile, in %APPDATA%\Pingwise; and the control socket and lock
// in %LOCALAPPDATA%\Pingwise\run, a folder the control server makes
// private to the user. Start at login is a registry value, not a folder.
func systemDirs() (Dirs, error) {
	local := os.Getenv("LOCALAPPDATA")
	roaming := os.Getenv("APPDATA")
	if !filepath.IsAbs(local) || !filepath.IsAbs(roaming) {
		return Dirs{}, errors.New(`%LOCALAPPDATA% or %APPDATA% is not set to a full path: set them or use --home`)
	}
	data := filepath.Join(local, "Pingwise")
	return Dirs{
		Data:    data,
		Config:  filepath.Join(roaming, "Pingwise"),
		Runtime: filepath.Join(data, "run"),
	}, nil
}
