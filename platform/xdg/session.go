package xdg

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/link"
)

// Open fills in the freedesktop desktop entries' services: handing call
// and message links on (after `pingwise install`), and start at login.
func Open(d *platform.Desktop, dirs home.Dirs, exe string) {
	d.Autostart = autostart{dir: dirs.Autostart, exe: exe, home: dirs.Home}
	d.Say(platform.AutostartSvc, platform.Works("an XDG autostart entry in "+dirs.Autostart).Said("autostart", dirs.Autostart))
	d.Links = handler{state: dirs.Config}
	if _, err := os.Stat(filepath.Join(dirs.Config, StateFile)); err != nil {
		d.Say(platform.Links, platform.Missing("call and message links are not Pingwise's yet: run \"pingwise install\"").Said("linksNotYet"))
		return
	}
	d.Say(platform.Links, platform.Works(fmt.Sprintf("x-scheme-handler for %s, handed on to the previous handlers", link.SchemeList())).Said("links", link.SchemeList()))
}

type autostart struct{ dir, exe, home string }

func (a autostart) SetAutostart(on bool) error { return SetAutostart(a.dir, a.exe, a.home, on) }

type handler struct{ state string }

func (h handler) HandOff(l link.Link) error { return HandOff(h.state, l, DataDirs()) }
