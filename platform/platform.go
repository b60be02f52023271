// Package platform is what Pingwise asks of a desktop, and how a desktop
// says what it can give.
//
// The engine needs a handful of services from the desktop it runs on: a
// global hotkey, the app in front, idle time, notifications, quiet focus
// (Do Not Disturb and the notifications it holds), call and message links,
// and starting at login. Each is a small interface here; each desktop family
// (platform/x11, platform/freedesktop, platform/xdg, the Wayland
// compositors, Windows) implements the ones it can, and platform/desktop
// picks them at start by what the session offers.
//
// Every service reports a Status: the mechanism it uses, or why it is
// unavailable and what the person can do. Nothing fails silently; `pingwise
// doctor` prints these.
package platform

import (
	"errors"
	"time"

	"github.com/pingwise/pingwise/platform/link"
)

// Status says whether a service works on this desktop, and how or why not.
type Status struct {
	Available bool   `json:"available"`
	How       string `json:"how"` // the mechanism in use, or the reason and the fix
	// Key names How as a message of the UI's catalogs ("doctor.how."+Key,
	// reading Args as {{.A0}}, {{.A1}}...), so the app's doctor section says
	// it in the UI's language; "" keeps How, in English, as the command line
	// prints it.
	Key  string   `json:"-"`
	Args []string `json:"-"`
}

// Said returns s with the catalog message that says its How.
func (s Status) Said(key string, args ...string) Status {
	s.Key, s.Args = key, args
	return s
}

// Works is an available service's status.
func Works(how string) Status { return Status{Available: true, How: how} }

// Missing is an unavailable service's status: why, and the fix.
func Missing(why string) Status { return Status{How: why} }

// The services, as `pingwise doctor` names them, in its order.
const (
	Tray          = "tray"
	HotkeyService = "hotkey"
	ActiveApp     = "active_app"
	IdleService   = "idle"
	QuietFocus    = "quiet_focus"
	Notifications = "notifications"
	Links         = "links"
	AutostartSvc  = "autostart"
)

// Services lists the services in doctor's order.
var Services = []string{Tray, HotkeyService, ActiveApp, IdleService, QuietFocus, Notifications, Links, AutostartSvc}

// Window is the app in front.
type Window struct {
	AppID    string // a Wayland app id, a Windows image name (slack.exe), or X11's class
	Class    string // X11 WM_CLASS class, where there is one
	Instance string // X11 WM_CLASS instance, where there is one
	Title    string
}

// ErrKeyTaken is wrapped in Bind's error when another application holds
// the key.
var ErrKeyTaken = errors.New("already taken by another application")

// Hotkey binds the popup's global key. spec is a valid key spec, such as
// "Ctrl+Shift+Space" (see ParseKeys). pressed runs on a goroutine of the
// implementation's; a desktop that binds keys to commands instead (sway's
// bindsym) runs `pingwise ask`, which reaches the app over its control
// socket, and never calls pressed. release undoes the binding.
type Hotkey interface {
	Bind(spec string, pressed func()) (release func(), err error)
}

// ActiveWatcher reports the app in front each time it changes, on a
// goroutine of its own.
type ActiveWatcher interface {
	WatchActive(changed func(Window)) (stop func(), err error)
}

// IdleMeter tells how long the person has not touched keyboard or mouse.
type IdleMeter interface {
	Idle() (time.Duration, error)
}

// Notifier shows a desktop notification. It may block: callers call it off
// the UI goroutine, with a timeout.
type Notifier interface {
	Notify(title, body string) error
}

// DND is a notification server's own Do Not Disturb switch.
type DND interface {
	Kind() string // the server: "dunst", "gnome", "kde"...
	On() (bool, error)
	Set(on bool) error
	CriticalShows() bool // critical notifications still show while it is on
}

// Notification is one notification another app sent. It has no body
// field: the body is somebody else's message and is never copied out.
type Notification struct {
	App     string // the sending app's name; its desktop entry when it gives none
	Summary string // the summary line, where a sender's name usually is; bounded
	// Urgency is 0 low, 1 normal (also when not given), 2 critical.
	Urgency      byte
	Sender       string // who sent it on the notification bus, e.g. ":1.42"
	DesktopEntry string // the sending app's desktop entry id, when it says
	Replaces     uint32 // non-zero when this updates an earlier notification
}

// Critical says whether the sender marked it critical.
func (n Notification) Critical() bool { return n.Urgency >= 2 }

// Quiet is quiet focus: the notification server's switch, and a watch on
// what other apps send.
type Quiet interface {
	Switch() (DND, error)
	Monitor(seen func(Notification)) (stop func() error, err error)
}

// LinkHandler hands a call or message link on to the app that handled it
// before Pingwise, as one argument, never through a shell.
type LinkHandler interface {
	HandOff(l link.Link) error
}

// Autostart starts Pingwise at login, or stops doing so.
type Autostart interface {
	SetAutostart(on bool) error
}

// Presenter maps a window and gives it the keyboard ahead of the toolkit,
// so that keys typed right after the hotkey land in it. win is the native
// window id (an X11 window).
type Presenter interface {
	Present(win uint32) error
}

// Stash keeps a shown window out of sight, still mapped and painted, and
// brings it back with the keyboard: a window shown again from the stash
// waits for no first frame. win is the native window id (an X11 window,
// under XWayland). After StashOnMap, a window that maps titled title goes
// straight into the stash, never seen.
type Stash interface {
	Stash(win uint32) error
	Unstash(win uint32) error
	StashOnMap(title string) error
}

// Desktop is what a session offers: each service nil where it is
// unavailable, and every service's status, for doctor. A family's Open
// fills in what it can and says why for the rest; platform/desktop calls
// the families in order of preference, so a later one fills only what an
// earlier one left empty.
type Desktop struct {
	Name      string // the session as a person knows it: "X11 (xfce)", "sway", "GNOME on Wayland", "Windows"
	Hotkey    Hotkey
	Active    ActiveWatcher
	Idle      IdleMeter
	Notifier  Notifier
	Quiet     Quiet
	Links     LinkHandler
	Autostart Autostart
	Presenter Presenter         // nil where the toolkit presents its windows alone
	Stash     Stash             // nil where windows are only hidden and shown again
	Status    map[string]Status // by service name, one for every name in Services

	closers []func()
}

// Say records a service's status, unless an earlier family already made
// that service available.
func (d *Desktop) Say(service string, st Status) {
	if d.Status == nil {
		d.Status = map[string]Status{}
	}
	if old, ok := d.Status[service]; ok && old.Available {
		return
	}
	d.Status[service] = st
}

// OnClose adds f to what Close runs, last added first.
func (d *Desktop) OnClose(f func()) { d.closers = append(d.closers, f) }

// Close releases what the families opened: connections, bindings, watches.
func (d *Desktop) Close() {
	for i := len(d.closers) - 1; i >= 0; i-- {
		d.closers[i]()
	}
	d.closers = nil
}

// Fill says why for every service no family spoke of.
func (d *Desktop) Fill(why string) {
	for _, s := range Services {
		if _, ok := d.Status[s]; !ok {
			d.Say(s, Missing(why))
		}
	}
}
