package calendar

import (
	"errors"
	"strings"

	"github.com/godbus/dbus/v5"
)

// isNoService recognizes the D-Bus answers that mean no Secret Service:
// no session bus to dial, or nothing owning (or able to start)
// org.freedesktop.secrets.
func isNoService(err error) bool {
	var derr dbus.Error
	if errors.As(err, &derr) {
		return derr.Name == "org.freedesktop.DBus.Error.ServiceUnknown" ||
			derr.Name == "org.freedesktop.DBus.Error.NameHasNoOwner"
	}
	s := err.Error()
	return strings.Contains(s, "DBUS_SESSION_BUS_ADDRESS") || strings.Contains(s, "dial unix") ||
		strings.Contains(s, "ServiceUnknown")
}
