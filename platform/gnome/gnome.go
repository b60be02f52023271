// Package gnome is GNOME on Wayland, where Mutter tells ordinary clients
// neither the window in front nor idle time through Wayland: idle time
// comes from Mutter's IdleMonitor over D-Bus (watches, not polling); the
// app in front from a small GNOME Shell extension of Pingwise's own
// (extension/), which `pingwise install` puts in place; and, before GNOME
// 48 brought the GlobalShortcuts portal (platform/portal, tried first), the
// hotkey is a GNOME custom keybinding that runs `pingwise ask`.
package gnome

import (
	"fmt"
	"os"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/platform"
)

// Options are what Open takes from the environment; tests give their own.
type Options struct {
	Bus      *dbus.Conn // the session bus
	Settings Settings
	Exe      string // the absolute path of pingwise, for the keybinding's command
	Home     string // passed on as --home when set
}

// Open fills in idle time, the app in front and the hotkey for GNOME on
// Wayland. Call it after platform/portal, which binds the hotkey on GNOME
// 48 and later.
func Open(d *platform.Desktop) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		why := fmt.Sprintf("no session bus: %v", err)
		for _, svc := range []string{platform.IdleService, platform.ActiveApp, platform.HotkeyService} {
			d.Say(svc, platform.Missing(why))
		}
		return
	}
	d.OnClose(func() { conn.Close() })
	o := Options{Bus: conn, Home: os.Getenv("PINGWISE_HOME")}
	o.Exe, _ = os.Executable() // InstallKeybinding reports the empty path
	OpenWith(d, o)
}

// OpenWith is Open with the options given.
func OpenWith(d *platform.Desktop, o Options) {
	if d.Name == "" {
		d.Name = "GNOME on Wayland"
	}
	if idle, err := OpenIdle(o.Bus); err != nil {
		d.Say(platform.IdleService, platform.Missing(err.Error()))
	} else {
		d.OnClose(idle.Close)
		if d.Idle == nil {
			d.Idle = idle
		}
		d.Say(platform.IdleService, platform.Works("Mutter's IdleMonitor over D-Bus (watches, not polling)"))
	}
	if a, err := OpenActive(o.Bus); err != nil {
		d.Say(platform.ActiveApp, platform.Missing(err.Error()))
	} else {
		if d.Active == nil {
			d.Active = a
		}
		d.Say(platform.ActiveApp, platform.Works("Pingwise's GNOME Shell extension ("+ExtensionUUID+") over D-Bus"))
	}
	if d.Hotkey != nil { // the GlobalShortcuts portal, on GNOME 48+
		return
	}
	if _, err := o.Settings.Keybinding(); err != nil {
		d.Say(platform.HotkeyService, platform.Missing(fmt.Sprintf("GNOME's custom keybindings cannot be set (%v): bind `pingwise ask` to a key in Settings > Keyboard > Custom Shortcuts", err)))
		return
	}
	d.Hotkey = &Keybinding{settings: o.Settings, exe: o.Exe, home: o.Home}
	d.Say(platform.HotkeyService, platform.Works("a GNOME custom keybinding runs `pingwise ask` (Settings > Keyboard > Custom Shortcuts; GNOME before 48 has no GlobalShortcuts portal); `pingwise uninstall` removes it"))
}

// Keybinding is the hotkey as a GNOME custom keybinding: pressing it runs
// `pingwise ask`, never Bind's pressed.
type Keybinding struct {
	settings  Settings
	exe, home string
}

// Bind sets the custom keybinding to spec, as `pingwise install` does, so a
// hotkey changed in Pingwise's settings reaches GNOME. The keybinding
// outlives the app, as the binding `pingwise install` made does: release
// leaves it, and `pingwise uninstall` removes it.
func (k *Keybinding) Bind(spec string, _ func()) (release func(), err error) {
	if err := k.settings.InstallKeybinding(k.exe, k.home, spec); err != nil {
		return nil, err
	}
	return func() {}, nil
}
