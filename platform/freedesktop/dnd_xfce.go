package freedesktop

import (
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// xfce4-notifyd keeps its settings in xfconf, which xfconfd serves on the
// session bus; the daemon watches the property and obeys at once, as when
// the person flips the switch in its panel plugin.
const (
	xfconfName     = "org.xfce.Xfconf"
	xfconfPath     = dbus.ObjectPath("/org/xfce/Xfconf")
	xfconfIface    = "org.xfce.Xfconf"
	xfconfChannel  = "xfce4-notifyd"
	xfconfProperty = "/do-not-disturb"
	// xfconfNotFound is xfconfd's error for a property never set: a fresh
	// install, where DND has never been on.
	xfconfNotFound = "org.xfce.Xfconf.Error.PropertyNotFound"
)

// xfce switches xfce4-notifyd's Do Not Disturb. In DND the daemon still
// shows critical notifications (checked against xfce4-notifyd 0.7: the
// popup window appears) and logs the others.
type xfce struct{ conn *dbus.Conn }

func (xfce) Kind() string        { return "xfce4-notifyd" }
func (xfce) CriticalShows() bool { return true }

func (x xfce) On() (bool, error) {
	var v dbus.Variant
	err := call(x.conn.Object(xfconfName, xfconfPath), xfconfIface+".GetProperty", []any{xfconfChannel, xfconfProperty}, &v)
	var derr dbus.Error
	if errors.As(err, &derr) && derr.Name == xfconfNotFound {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("xfce4-notifyd: read %s: %w", xfconfProperty, err)
	}
	return asBool(v, "xfconf "+xfconfChannel+" "+xfconfProperty)
}

// Set writes the property, creating it when it was missing; a missing
// property and false mean the same to the daemon, so putting back "off"
// as false is exact enough.
func (x xfce) Set(on bool) error {
	err := call(x.conn.Object(xfconfName, xfconfPath), xfconfIface+".SetProperty", []any{xfconfChannel, xfconfProperty, dbus.MakeVariant(on)})
	if err != nil {
		return fmt.Errorf("xfce4-notifyd: set %s %t: %w", xfconfProperty, on, err)
	}
	return nil
}
