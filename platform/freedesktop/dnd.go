package freedesktop

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/pingwise/pingwise/platform"
)

// DND is a notification server's own Do Not Disturb switch.
//
// Set is idempotent: Set(true) twice leaves DND on once, and Set(false)
// when it is off is a no-op. A driver does not remember what the person had
// before; the caller reads On first, keeps that (in its store, before any
// change) and sets it back.
//
// Kind names the driver: "dunst", "xfce4-notifyd", "gnome", "kde" or "mako".
// CriticalShows reports whether the server still shows critical
// notifications while Do Not Disturb is on: those reach the person, so the
// caller logs them as taken rather than deferred.
type DND = platform.DND

// ErrUnsupported says that the server has no Do Not Disturb switch this
// package knows. Errors from ForServer wrap it with the server's name.
var ErrUnsupported = errors.New("do not disturb is not available with this notification server")

// UnsupportedError says which server has no switch this package knows.
type UnsupportedError struct{ Server string }

func (e *UnsupportedError) Error() string { return fmt.Sprintf("%v: %q", ErrUnsupported, e.Server) }

// Unwrap makes errors.Is(err, ErrUnsupported) hold.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// Runner runs a command and returns its standard output. The GNOME and mako
// drivers use it for gsettings and makoctl; tests may fake it.
type Runner func(name string, args ...string) ([]byte, error)

// runTimeout bounds a gsettings or makoctl run, for the same reason as
// callTimeout.
const runTimeout = 5 * time.Second

// Exec is the Runner the app uses: the real command, with a timeout, and its
// standard error in the error.
func Exec(name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// ForServer picks the Do Not Disturb driver for a server found by Probe.
// conn is the connection the D-Bus drivers use; for KDE it must live as long
// as the inhibition should (the app's session bus connection). run may be
// nil for Exec.
func ForServer(conn *dbus.Conn, s Server, run Runner) (DND, error) {
	if run == nil {
		run = Exec
	}
	name := strings.ToLower(strings.TrimSpace(s.Name))
	switch {
	case name == "dunst":
		return dunst{conn: conn}, nil
	case strings.Contains(name, "xfce"): // "Xfce Notify Daemon"
		return xfce{conn: conn}, nil
	case name == "gnome-shell":
		return gnome{run: run}, nil
	case name == "plasma" || strings.EqualFold(strings.TrimSpace(s.Vendor), "KDE"):
		return &kde{conn: conn}, nil
	case name == "mako":
		return mako{run: run}, nil
	}
	return nil, &UnsupportedError{Server: s.Name}
}

// getProperty and setProperty speak org.freedesktop.DBus.Properties with
// callTimeout.
func getProperty(obj dbus.BusObject, iface, prop string) (dbus.Variant, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var v dbus.Variant
	err := obj.CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, iface, prop).Store(&v)
	return v, err
}

func setProperty(obj dbus.BusObject, iface, prop string, value any) error {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	return obj.CallWithContext(ctx, "org.freedesktop.DBus.Properties.Set", 0, iface, prop, dbus.MakeVariant(value)).Err
}

// call makes one method call with callTimeout and stores the reply in out.
func call(obj dbus.BusObject, method string, args []any, out ...any) error {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	c := obj.CallWithContext(ctx, method, 0, args...)
	if len(out) == 0 {
		return c.Err
	}
	return c.Store(out...)
}

// asBool reads a boolean property value.
func asBool(v dbus.Variant, what string) (bool, error) {
	b, ok := v.Value().(bool)
	if !ok {
		return false, fmt.Errorf("%s is %s, not a boolean", what, v.Signature())
	}
	return b, nil
}
