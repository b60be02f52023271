//go:build !windows

package cli

import (
	"fmt"
	"os"

	"github.com/pingwise/pingwise/platform/xdg"
)

// installer builds the Installer for this person: their XDG folders (the
// Installer reads the environment), Pingwise's settings folder for the
// remembered handlers, and this program's path for the Exec lines.
func (e *Env) installer(dryRun, autostart bool) (installer, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("the path of pingwise: %w", err)
	}
	return &xdg.Installer{
		State:     e.Dirs().Config,
		Exe:       exe,
		Home:      e.Dirs().Home,
		DryRun:    dryRun,
		Out:       e.Stdout,
		Autostart: autostart,
	}, nil
}
