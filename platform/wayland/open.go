package wayland

import (
	"fmt"

	"github.com/pingwise/pingwise/platform"
)

// Open is the fallback for a Wayland compositor Pingwise has no family for
// (river, Wayfire, COSMIC...): idle time from the idle protocol where the
// compositor offers one, and the one step left for the rest. Call it after
// platform/portal, which may have bound the hotkey.
func Open(d *platform.Desktop) {
	if d.Name == "" {
		d.Name = "Wayland"
	}
	d.Say(platform.HotkeyService, platform.Missing("this Wayland compositor lets no app bind a global key: bind `pingwise ask` to a key in its own settings").Said("waylandNoHotkey"))
	d.Say(platform.ActiveApp, platform.Missing("this Wayland compositor tells no app which window is in front, so interception cannot see chat apps take focus").Said("waylandNoActive"))
	socket, err := SessionSocket()
	if err == nil {
		var idle *Idle
		if idle, err = OpenIdle(socket, nil); err == nil {
			d.OnClose(func() { _ = idle.Close() })
			if d.Idle == nil {
				d.Idle = idle
			}
			d.Say(platform.IdleService, platform.Works("Wayland "+idle.Protocol+" idle notifications").Said("waylandIdle", idle.Protocol))
			return
		}
	}
	d.Say(platform.IdleService, platform.Missing(fmt.Sprintf("%v: away detection is off", err)))
}
