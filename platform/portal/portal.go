// Package portal is the global hotkey through xdg-desktop-portal's
// GlobalShortcuts interface, on godbus: KDE Plasma 5.27 and later, GNOME 48
// and later, and Hyprland (xdg-desktop-portal-hyprland) offer it. The
// desktop owns the key: it may ask the person to confirm it, and lets them
// change it in its own settings.
//
// Since xdg-desktop-portal 1.19.4 an app that is not sandboxed first tells
// the portal its app id (org.freedesktop.host.portal.Registry.Register),
// which must match its desktop entry; Open does so where the method exists.
package portal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/wayland"
	"github.com/pingwise/pingwise/platform/xdg"
)

const (
	busName       = "org.freedesktop.portal.Desktop"
	objectPath    = dbus.ObjectPath("/org/freedesktop/portal/desktop")
	shortcutsIf   = "org.freedesktop.portal.GlobalShortcuts"
	requestIf     = "org.freedesktop.portal.Request"
	sessionIf     = "org.freedesktop.portal.Session"
	registryIf    = "org.freedesktop.host.portal.Registry"
	shortcutID    = "ask"
	shortcutLabel = "Ask \"sync or async?\" (Pingwise)"
	sessionToken  = "pingwise_hotkey"
)

// How long the portal may take to answer: creating a session is quick;
// binding may wait for the person to confirm the key in a dialog.
var (
	sessionTimeout = 10 * time.Second
	bindTimeout    = 2 * time.Minute
)

// Open binds the hotkey through the GlobalShortcuts portal when the session
// bus offers it.
func Open(d *platform.Desktop) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		d.Say(platform.HotkeyService, platform.Missing(fmt.Sprintf("no session bus, so no GlobalShortcuts portal: %v", err)))
		return
	}
	p, err := New(conn, xdg.ID)
	if err != nil {
		conn.Close()
		d.Say(platform.HotkeyService, platform.Missing(err.Error()))
		return
	}
	d.OnClose(func() { conn.Close() })
	if d.Hotkey == nil {
		d.Hotkey = p
	}
	how := fmt.Sprintf("xdg-desktop-portal GlobalShortcuts (version %d): the desktop may ask once to confirm the key; change it in the desktop's shortcut settings", p.Version)
	if p.RegisterErr != nil {
		how += fmt.Sprintf(" (the portal did not take Pingwise's app id, %v: `pingwise install` writes the desktop entry it wants)", p.RegisterErr)
	}
	d.Say(platform.HotkeyService, platform.Works(how))
}

// Portal is the GlobalShortcuts portal on one bus connection. It implements
// platform.Hotkey.
type Portal struct {
	Version     uint32 // the interface's version
	RegisterErr error  // why the portal refused Pingwise's app id, if it did

	conn *dbus.Conn
	obj  dbus.BusObject
}

// New registers appID with the portal where the host registry exists,
// then checks that it offers GlobalShortcuts on conn. A registration the
// portal refuses is kept in RegisterErr, not fatal: the calls after it may
// still work, with the desktop knowing Pingwise by another name.
func New(conn *dbus.Conn, appID string) (*Portal, error) {
	obj := conn.Object(busName, objectPath)
	p := &Portal{conn: conn, obj: obj}
	// First: xdg-desktop-portal 1.19.4+ settles a connection's app id at
	// its first portal call. Portals before it have no registry.
	err := obj.Call(registryIf+".Register", 0, appID, map[string]dbus.Variant{}).Err
	var de dbus.Error
	if err != nil && !(errors.As(err, &de) && (de.Name == "org.freedesktop.DBus.Error.UnknownMethod" || de.Name == "org.freedesktop.DBus.Error.UnknownInterface")) {
		p.RegisterErr = fmt.Errorf("portal: register the app id %s: %w", appID, err)
	}
	v, err := obj.GetProperty(shortcutsIf + ".version")
	if err != nil {
		return nil, fmt.Errorf("the desktop offers no GlobalShortcuts portal (%v): Plasma 5.27+, GNOME 48+ and Hyprland do", err)
	}
	var ok bool
	if p.Version, ok = v.Value().(uint32); !ok {
		return nil, fmt.Errorf("portal: GlobalShortcuts version is a %s, not a uint32", v.Signature())
	}
	return p, nil
}

// token is a fresh handle token: the last part of an object path.
func token() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail on Linux
	return "pingwise_" + hex.EncodeToString(b)
}

// requestPath is where the portal puts a request's object: the sender's
// unique name without the ':' and with '.' as '_', then the token.
func (p *Portal) requestPath(tok string) dbus.ObjectPath {
	sender := strings.ReplaceAll(strings.TrimPrefix(p.conn.Names()[0], ":"), ".", "_")
	return dbus.ObjectPath(fmt.Sprintf("%s/request/%s/%s", objectPath, sender, tok))
}

// call makes a portal request and waits for its Response: it listens
// before calling, since the answer may come before the call returns.
// opts are the call's options besides the handle token.
func (p *Portal) call(method string, timeout time.Duration, opts map[string]dbus.Variant, args ...any) (map[string]dbus.Variant, error) {
	tok := token()
	match := []dbus.MatchOption{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(p.requestPath(tok)), dbus.WithMatchInterface(requestIf), dbus.WithMatchMember("Response")}
	if err := p.conn.AddMatchSignal(match...); err != nil {
		return nil, fmt.Errorf("portal: %s: listen for the answer: %w", method, err)
	}
	defer func() { _ = p.conn.RemoveMatchSignal(match...) }()
	signals := make(chan *dbus.Signal, 4)
	p.conn.Signal(signals)
	defer p.conn.RemoveSignal(signals)

	if opts == nil {
		opts = map[string]dbus.Variant{}
	}
	opts["handle_token"] = dbus.MakeVariant(tok)
	var path dbus.ObjectPath
	if err := p.obj.Call(shortcutsIf+"."+method, 0, append(args, opts)...).Store(&path); err != nil {
		return nil, fmt.Errorf("portal: %s: %w", method, err)
	}
	if path != p.requestPath(tok) {
		return nil, fmt.Errorf("portal: %s: the answer is due at %s, not where the portal spec puts it: the portal is too old", method, path)
	}
	limit := time.After(timeout)
	for {
		select {
		case s := <-signals:
			if s.Path != path || s.Name != requestIf+".Response" {
				continue
			}
			var code uint32
			var results map[string]dbus.Variant
			if err := dbus.Store(s.Body, &code, &results); err != nil {
				return nil, fmt.Errorf("portal: %s: the answer: %w", method, err)
			}
			switch code {
			case 0:
				return results, nil
			case 1:
				return nil, fmt.Errorf("portal: %s: cancelled in the desktop's dialog", method)
			default:
				return nil, fmt.Errorf("portal: %s failed (response %d)", method, code)
			}
		case <-limit:
			return nil, fmt.Errorf("portal: %s: no answer in %s", method, timeout)
		}
	}
}

// Bind creates a portal session and binds spec, as the preferred key, to
// calling pressed. The desktop may bind another key, or none, if the
// person chooses so; Bind says which it bound. release closes the session,
// which unbinds it.
func (p *Portal) Bind(spec string, pressed func()) (release func(), err error) {
	keys, err := wayland.ParseKeys(spec)
	if err != nil {
		return nil, err
	}
	shortcuts := []shortcut{{shortcutID, map[string]dbus.Variant{
		"description":       dbus.MakeVariant(shortcutLabel),
		"preferred_trigger": dbus.MakeVariant(keys.Portal()),
	}}}
	// Plasma 5.27 binds at CreateSession, from a "shortcuts" option older
	// than the spec's BindShortcuts, which there only opens System
	// Settings. It names its kglobalaccel component after the app id and
	// the session token: a fixed token keeps the component from run to
	// run, and with it a key the person chose there.
	res, err := p.call("CreateSession", sessionTimeout, map[string]dbus.Variant{
		"session_handle_token": dbus.MakeVariant(sessionToken),
		"shortcuts":            dbus.MakeVariant(shortcuts),
	})
	if err != nil {
		return nil, err
	}
	session, err := sessionHandle(res)
	if err != nil {
		return nil, err
	}
	closeSession := func() {
		if err := p.conn.Object(busName, session).Call(sessionIf+".Close", 0).Err; err != nil {
			log.Printf("pingwise: closing the GlobalShortcuts session: %v", err)
		}
	}
	activated := []dbus.MatchOption{dbus.WithMatchSender(busName), dbus.WithMatchObjectPath(objectPath), dbus.WithMatchInterface(shortcutsIf), dbus.WithMatchMember("Activated")}
	if err := p.conn.AddMatchSignal(activated...); err != nil {
		closeSession()
		return nil, fmt.Errorf("portal: listen for the shortcut: %w", err)
	}
	signals := make(chan *dbus.Signal, 16)
	p.conn.Signal(signals)
	stop := func() {
		p.conn.RemoveSignal(signals)
		_ = p.conn.RemoveMatchSignal(activated...)
		closeSession()
	}
	if bound(res) != nil { // the spec's way: bind now
		if res, err = p.call("BindShortcuts", bindTimeout, nil, session, shortcuts, ""); err == nil {
			err = bound(res)
		}
		if err != nil {
			stop()
			return nil, err
		}
	}
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s, ok := <-signals:
				if !ok {
					return
				}
				var sess dbus.ObjectPath
				var id string
				if s.Name != shortcutsIf+".Activated" || len(s.Body) < 2 ||
					dbus.Store(s.Body[:2], &sess, &id) != nil || sess != session || id != shortcutID {
					continue
				}
				pressed()
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			stop()
		})
	}, nil
}

// sessionHandle reads CreateSession's answer.
func sessionHandle(res map[string]dbus.Variant) (dbus.ObjectPath, error) {
	v, ok := res["session_handle"]
	if !ok {
		return "", errors.New("portal: CreateSession answered without a session")
	}
	// The spec says a string; some portals send an object path.
	switch h := v.Value().(type) {
	case string:
		return dbus.ObjectPath(h), nil
	case dbus.ObjectPath:
		return h, nil
	}
	return "", fmt.Errorf("portal: CreateSession's session is a %s", v.Signature())
}

// shortcut is a shortcut as the portal passes it: a(sa{sv}).
type shortcut struct {
	ID   string
	Opts map[string]dbus.Variant
}

// bound checks that an answer names the shortcut: a desktop where the
// person declined it leaves it out.
func bound(res map[string]dbus.Variant) error {
	var list []shortcut
	v, ok := res["shortcuts"]
	if !ok || dbus.Store([]any{v.Value()}, &list) != nil {
		return errors.New("portal: BindShortcuts answered without the shortcuts")
	}
	for _, s := range list {
		if s.ID == shortcutID {
			return nil
		}
	}
	return errors.New("portal: the desktop did not bind the hotkey (declined in its dialog?): set one in its shortcut settings")
}
