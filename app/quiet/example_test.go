package quiet_test

import (
	"errors"
	"log"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/app/quiet"
)

// A focus session's quiet, as the app wires it: the previous state goes to
// the store before the switch is touched, and is put back at the end.
func Example() {
	conn, err := dbus.SessionBus()
	if err != nil {
		return // no bus: nothing to silence, nothing to count
	}
	var dnd quiet.DND
	if s, err := quiet.Probe(conn); err == nil {
		dnd, err = quiet.ForServer(conn, s, quiet.Exec)
		if errors.Is(err, quiet.ErrUnsupported) {
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

	co := quiet.NewCoalescer(5*time.Minute, 0, false)
	w, err := quiet.Monitor("", []string{"Pingwise"}, func(n quiet.Notification) {
		g, isNew := co.Add(n, time.Now())
		channel := quiet.ChannelFor(n.App, nil)
		// Shown despite DND: taken. Held by DND: deferred.
		taken := n.Critical() && dnd != nil && dnd.CriticalShows()
		_, _, _, _ = g, isNew, channel, taken // log a new interruption, or raise g's count
	})
	if err == nil {
		defer w.Stop()
	}
}
