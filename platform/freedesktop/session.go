package freedesktop

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/gen2brain/beeep"
	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/assets"
	"github.com/pingwise/pingwise/platform"
)

// Open fills in what the session bus gives: the tray (a StatusNotifierItem
// host), notifications, and quiet focus. Without a bus it says so for each.
func Open(d *platform.Desktop) {
	conn, err := dbus.SessionBus()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pingwise: session bus:", err)
		d.Say(platform.Tray, platform.Missing("No D-Bus session bus: no tray icon or notifications. Pingwise runs in its window instead.").Said("noBusTray"))
		for _, s := range []string{platform.Notifications, platform.QuietFocus} {
			d.Say(s, platform.Missing("no D-Bus session bus: start Pingwise from your desktop session").Said("noBus"))
		}
		return
	}
	d.Say(platform.Tray, TrayStatus(conn))
	srv, err := Probe(conn)
	if err != nil {
		d.Say(platform.Notifications, platform.Missing(err.Error()+": install a notification daemon (dunst, mako, your desktop's own)").Said("noNotifyServer", err.Error()))
		d.Say(platform.QuietFocus, platform.Missing("no notification server to hold notifications").Said("noHold"))
		return
	}
	d.Notifier = notifier{}
	d.Say(platform.Notifications, platform.Works("org.freedesktop.Notifications ("+srv.Name+")").Said("notifyServer", srv.Name))
	q := &Quiet{conn: conn, server: srv}
	d.Quiet = q
	if _, err := ForServer(conn, srv, nil); err != nil {
		d.Say(platform.QuietFocus, platform.Missing(fmt.Sprintf("%s has no Do Not Disturb switch Pingwise knows (dunst, xfce4-notifyd, GNOME, KDE Plasma, mako); held notifications are still counted", srv.Name)).Said("noDNDSwitch", srv.Name))
		return
	}
	d.Say(platform.QuietFocus, platform.Works("the Do Not Disturb of "+srv.Name+", and a D-Bus monitor that counts what it holds").Said("dnd", srv.Name))
}

// HasSessionBus reports whether a D-Bus session bus answers.
func HasSessionBus() bool {
	_, err := dbus.SessionBus()
	return err == nil
}

// TrayStatus says whether a StatusNotifierItem host runs: a panel's tray.
func TrayStatus(conn *dbus.Conn) platform.Status {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var has bool
	err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	switch {
	case err != nil:
		return platform.Missing("cannot ask the session bus for a tray: " + err.Error())
	case !has:
		return platform.Missing("No system tray found (on GNOME, the AppIndicator extension adds one). Pingwise runs in its window; its tray icon appears when a tray does.").Said("noTray")
	}
	return platform.Works("StatusNotifierItem (org.kde.StatusNotifierWatcher)")
}

// Quiet is quiet focus on the freedesktop notification server.
type Quiet struct {
	conn   *dbus.Conn
	server Server
}

// Switch returns the server's own Do Not Disturb switch.
func (q *Quiet) Switch() (platform.DND, error) {
	srv, err := Probe(q.conn)
	if err != nil {
		return nil, err
	}
	return ForServer(q.conn, srv, nil)
}

// Monitor reports each notification another app sends.
func (q *Quiet) Monitor(seen func(platform.Notification)) (stop func() error, err error) {
	w, err := Monitor("", []string{"Pingwise"}, seen)
	if err != nil {
		return nil, err
	}
	return w.Stop, nil
}

// notifier shows notifications through beeep, with Pingwise's name and icon.
type notifier struct{}

var icon = sync.OnceValue(func() []byte { return assets.AppIcon(128) })

func (notifier) Notify(title, body string) error {
	beeep.AppName = "Pingwise"
	return beeep.Notify(title, body, icon())
}
