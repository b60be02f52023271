package cli

import (
	"fmt"
	"os"

	"github.com/pingwise/pingwise/platform/windows"
)

// installer registers the links per user in the registry
// (HKCU\Software\Classes), and start at login in the Run key, both running
// pingwisew.exe where it is beside this program: no console window.
func (e *Env) installer(dryRun, autostart bool) (installer, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("the path of pingwise: %w", err)
	}
	return &windows.Installer{
		Reg:       windows.User,
		Exe:       windows.GUIExe(exe),
		Home:      e.Dirs().Home,
		Autostart: autostart,
		DryRun:    dryRun,
		Out:       e.Stdout,
	}, nil
}
