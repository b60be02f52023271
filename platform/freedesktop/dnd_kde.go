package freedesktop

import (
	"fmt"
	"sync"

	"github.com/godbus/dbus/v5"
)

// KDE's inhibition request: Plasma shows the desktop entry's name and the
// reason in its notification applet while the inhibition holds.
const (
	kdeDesktopEntry = "io.github.pingwise"
	kdeReason       = "Focus session"
)

// kde inhibits Plasma's notifications with Inhibit/UnInhibit, the
// extension of org.freedesktop.Notifications that Plasma's "do not
// disturb" uses for apps. Plasma ties each inhibition to the D-Bus
// connection that asked for it and drops it when that connection closes, so
// a crashed Pingwise leaves nothing silenced and there is nothing to
// restore on the next start. The price: the connection given to ForServer
// must stay open for as long as the session should be quiet.
//
// Plasma still shows critical notifications in Do Not Disturb (its
// default).
type kde struct {
	conn   *dbus.Conn
	mu     sync.Mutex
	cookie uint32
	held   bool
}

func (*kde) Kind() string        { return "kde" }
func (*kde) CriticalShows() bool { return true }

// On reads Plasma's Inhibited property, which is also true when the person
// turned Do Not Disturb on; a server without the property answers with
// whether this driver holds an inhibition.
func (k *kde) On() (bool, error) {
	v, err := getProperty(k.conn.Object(notifyName, notifyPath), notifyIface, "Inhibited")
	if err == nil {
		return asBool(v, "Plasma's Inhibited")
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.held, nil
}

// Set(true) takes one inhibition and keeps its cookie; Set(false) releases
// that one only. An inhibition the person or another app holds is not
// Pingwise's to lift.
func (k *kde) Set(on bool) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	obj := k.conn.Object(notifyName, notifyPath)
	switch {
	case on && !k.held:
		var cookie uint32
		err := call(obj, notifyIface+".Inhibit", []any{kdeDesktopEntry, kdeReason, map[string]dbus.Variant{}}, &cookie)
		if err != nil {
			return fmt.Errorf("kde: inhibit notifications: %w", err)
		}
		k.cookie, k.held = cookie, true
	case !on && k.held:
		if err := call(obj, notifyIface+".UnInhibit", []any{k.cookie}); err != nil {
			return fmt.Errorf("kde: uninhibit notifications: %w", err)
		}
		k.held = false
	}
	return nil
}
