package freedesktop_test

import (
	"errors"
	"log"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/platform/freedesktop"
)

// A focus session's quiet, as the app wires it: the previous state goes to
// the store before the switch is touched, and is put back at the end.
func Example() {
	conn, err := dbus.SessionBus()
	if err != nil {
		return // no bus: nothing to silence, nothing to count
	}
	var dnd freedesktop.DND
	if s, err := freedesktop.Probe(conn); err == nil {
		dnd, err = freedesktop.ForServer(conn, s, freedesktop.Exec)
		if errors.Is(err, freedesktop.ErrUnsupported) {
			log.Printf("Do Not Disturb is not available with %s", s) // said once
		}
	}
	if dnd != nil {
		before, err := dnd.On()
		if err == nil {
			// store.SaveQuiet(dnd.Kind(), before) goes here, before Set.
			if !before {
				dnd.Set(true)
			}
			defer dnd.Set(before) // on pause, stop, end, quit; a crash is repaired from the store
		}
	}

	co := freedesktop.NewCoalescer(5*time.Minute, 0, false)
	w, err := freedesktop.Monitor("", []string{"Pingwise"}, func(n freedesktop.Notification) {
		g, isNew := co.Add(n, time.Now())
		channel := freedesktop.ChannelFor(n.App, nil)
		// Shown despite DND: taken. Held by DND: deferred.
		taken := n.Critical() && dnd != nil && dnd.CriticalShows()
		_, _, _, _ = g, isNew, channel, taken // log a new interruption, or raise g's count
	})
	if err == nil {
		defer w.Stop()
	}
}
