package freedesktop

import (
	"fmt"

	"github.com/godbus/dbus/v5"
)

// dunstIface is dunst's own control interface, next to the standard one on
// /org/freedesktop/Notifications; dunstctl set-paused writes its "paused"
// property the same way.
const dunstIface = "org.dunstproject.cmd0"

// dunst pauses dunst. Paused, dunst queues every notification, critical
// ones too (checked against dunst 1.9: `dunstctl count waiting` grows), and
// shows the queue when unpaused: nothing is lost, only delayed.
type dunst struct{ conn *dbus.Conn }

func (dunst) Kind() string        { return "dunst" }
func (dunst) CriticalShows() bool { return false }

func (d dunst) On() (bool, error) {
	v, err := getProperty(d.conn.Object(notifyName, notifyPath), dunstIface, "paused")
	if err != nil {
		return false, fmt.Errorf("dunst: read paused: %w", err)
	}
	return asBool(v, "dunst's paused")
}

func (d dunst) Set(on bool) error {
	if err := setProperty(d.conn.Object(notifyName, notifyPath), dunstIface, "paused", on); err != nil {
		return fmt.Errorf("dunst: set paused %t: %w", on, err)
	}
	return nil
}
