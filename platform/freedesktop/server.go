package freedesktop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/godbus/dbus/v5"
)

// The well-known name, path and interface of the desktop notification
// specification.
const (
	notifyName  = "org.freedesktop.Notifications"
	notifyPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	notifyIface = "org.freedesktop.Notifications"
)

// callTimeout bounds every call this package makes: a wedged notification
// daemon must cost the app a late answer, never a frozen tray.
const callTimeout = 3 * time.Second

// ErrNoServer says that nothing serves notifications on this bus, not even
// by activation.
var ErrNoServer = errors.New("no notification server on the session bus (nothing owns or can start org.freedesktop.Notifications)")

// Server is what a notification server says about itself.
type Server struct {
	Name, Vendor, Version, Spec string
}

func (s Server) String() string {
	return fmt.Sprintf("%s %s (%s)", s.Name, s.Version, s.Vendor)
}

// Probe asks the bus which notification server runs, with
// GetServerInformation. A server that is installed but not yet running is
// started by the bus, as the first notification would start it anyway; when
// there is none at all the error is ErrNoServer.
func Probe(conn *dbus.Conn) (Server, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	bus := conn.BusObject()
	var owned bool
	if err := bus.CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, notifyName).Store(&owned); err != nil {
		return Server{}, fmt.Errorf("ask the bus for a notification server: %w", err)
	}
	if !owned {
		var names []string
		if err := bus.CallWithContext(ctx, "org.freedesktop.DBus.ListActivatableNames", 0).Store(&names); err != nil {
			return Server{}, fmt.Errorf("ask the bus for a notification server: %w", err)
		}
		if !slices.Contains(names, notifyName) {
			return Server{}, ErrNoServer
		}
	}
	var s Server
	err := conn.Object(notifyName, notifyPath).CallWithContext(ctx, notifyIface+".GetServerInformation", 0).
		Store(&s.Name, &s.Vendor, &s.Version, &s.Spec)
	if err != nil {
		return Server{}, fmt.Errorf("notification server information: %w", err)
	}
	return s, nil
}
