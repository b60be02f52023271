package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/platform/gnome"
	"github.com/pingwise/pingwise/platform/portal"
	"github.com/pingwise/pingwise/platform/xdg"
)

// onGNOME tells whether this is GNOME on Wayland, where install also puts
// the GNOME Shell extension (and, before GNOME 48, the keybinding) in
// place. On X11 Pingwise grabs its key and sees the window in front itself:
// a keybinding there would take the key from it.
func onGNOME() bool {
	wayland := os.Getenv("WAYLAND_DISPLAY") != "" || os.Getenv("XDG_SESSION_TYPE") == "wayland"
	return wayland && strings.Contains(strings.ToUpper(os.Getenv("XDG_CURRENT_DESKTOP")), "GNOME")
}

// dataHome is $XDG_DATA_HOME, or its default.
func dataHome() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return d
	}
	h, _ := os.UserHomeDir()
	return filepath.Join(h, ".local", "share")
}

// installGNOME puts the extension and, where the portal cannot bind the
// hotkey, the custom keybinding on GNOME.
func (e *Env) installGNOME(dryRun bool, exe, hotkey string) error {
	shell, err := gnome.ShellVersion()
	if err != nil {
		return err
	}
	st := gnome.Setup{DataHome: dataHome(), Exe: exe, Home: e.Dirs().Home, Hotkey: hotkey, Shell: shell,
		Portal: hasShortcutsPortal(), DryRun: dryRun}
	return gnome.Settings{}.Install(st, e.Stdout)
}

func (e *Env) uninstallGNOME(dryRun bool) error {
	return gnome.Settings{}.Uninstall(dataHome(), dryRun, e.Stdout)
}

// hasShortcutsPortal tells whether the session bus offers the
// GlobalShortcuts portal.
func hasShortcutsPortal() bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	_, err = portal.New(conn, xdg.ID)
	return err == nil
}
