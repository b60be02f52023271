package gnome

import (
	"fmt"
	"io"
)

// portalShell is the first GNOME Shell whose portal binds global
// shortcuts.
const portalShell = 48

// Setup is what `pingwise install` puts on GNOME, and what it needs to
// know for it.
type Setup struct {
	DataHome string // $XDG_DATA_HOME, where the extension goes
	Exe      string // the absolute path of pingwise, for the keybinding
	Home     string // passed on as --home when set
	Hotkey   string // the hotkey spec from the settings
	Shell    int    // gnome-shell's major version
	Portal   bool   // the GlobalShortcuts portal answers on the session bus
	DryRun   bool   // say what would be done, change nothing
}

// Install installs Pingwise's GNOME Shell extension and, where no
// GlobalShortcuts portal binds the hotkey (GNOME before 48, or a portal
// without it), the custom keybinding that runs `pingwise ask`. It says
// what it does on out.
func (s Settings) Install(st Setup, out io.Writer) error {
	say := func(what string) {
		if st.DryRun {
			what = "would " + what
		}
		fmt.Fprintln(out, what)
	}
	say(fmt.Sprintf("install the GNOME Shell extension %s for GNOME Shell %d in %s (it loads at the next login)", ExtensionUUID, st.Shell, ExtensionDir(st.DataHome)))
	if !st.DryRun {
		if err := s.InstallExtension(st.DataHome, st.Shell); err != nil {
			return err
		}
	}
	if st.Portal && st.Shell >= portalShell {
		return nil // the app binds the key through the portal each time it starts
	}
	say("add the custom keybinding " + st.Hotkey + " running `pingwise ask` (Settings > Keyboard > Custom Shortcuts)")
	if st.DryRun {
		return nil
	}
	return s.InstallKeybinding(st.Exe, st.Home, st.Hotkey)
}

// Uninstall removes what Install put on GNOME: the keybinding, if there,
// and the extension.
func (s Settings) Uninstall(dataHome string, dryRun bool, out io.Writer) error {
	if dryRun {
		fmt.Fprintln(out, "would remove the custom keybinding and the GNOME Shell extension "+ExtensionUUID)
		return nil
	}
	fmt.Fprintln(out, "remove the custom keybinding and the GNOME Shell extension "+ExtensionUUID)
	if err := s.RemoveKeybinding(); err != nil {
		return err
	}
	return s.RemoveExtension(dataHome)
}
