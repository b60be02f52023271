// Package hyprland is the Hyprland desktop: the popup's hotkey is a bind
// made at run time over Hyprland's request socket (what `hyprctl keyword
// bind` sends), bound again when Hyprland reloads its config; the app in
// front comes from the event socket's activewindow events; idle time from
// ext-idle-notify-v1 (platform/wayland).
//
// Both sockets are in $XDG_RUNTIME_DIR/hypr/$HYPRLAND_INSTANCE_SIGNATURE
// (Hyprland 0.40 and later; /tmp/hypr before). Hyprland does not run in
// Pingwise's test machine: the tests speak to a stand-in written from the
// protocol Hyprland's wiki documents (wiki.hypr.land/IPC).
package hyprland

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/wayland"
)

// Options are what Open takes from the environment; tests give their own.
type Options struct {
	Dir     string // the instance's folder, holding .socket.sock and .socket2.sock
	Wayland string // the compositor's Wayland socket
	Exe     string // the absolute path of pingwise, for the command the hotkey runs
	Home    string // passed on as --home when set
}

// InstanceDir is the folder of the instance signature sig: under
// runtimeDir where Hyprland 0.40+ puts it, else under /tmp/hypr where older
// ones did.
func InstanceDir(runtimeDir, sig string) string {
	if sig == "" {
		return ""
	}
	dir := filepath.Join(runtimeDir, "hypr", sig)
	if _, err := os.Stat(filepath.Join(dir, requestSocket)); err != nil && runtimeDir != "" {
		if old := filepath.Join("/tmp/hypr", sig); exists(filepath.Join(old, requestSocket)) {
			return old
		}
	}
	return dir
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// EnvOptions reads the options from this process's environment.
func EnvOptions() Options {
	o := Options{
		Dir:  InstanceDir(os.Getenv("XDG_RUNTIME_DIR"), os.Getenv("HYPRLAND_INSTANCE_SIGNATURE")),
		Home: os.Getenv("PINGWISE_HOME"),
	}
	o.Wayland, _ = wayland.SessionSocket() // OpenIdle reports the empty path
	o.Exe, _ = os.Executable()             // Bind reports the empty path
	return o
}

const (
	requestSocket = ".socket.sock"
	eventSocket   = ".socket2.sock"
)

// Open fills in the hotkey, the app in front and idle time for a Hyprland
// session.
func Open(d *platform.Desktop) { OpenWith(d, EnvOptions()) }

// OpenWith is Open with the options given.
func OpenWith(d *platform.Desktop, o Options) {
	if d.Name == "" {
		d.Name = "Hyprland"
	}
	c := &client{dir: o.Dir}
	if _, err := c.request("version"); err != nil {
		why := fmt.Sprintf("Hyprland's IPC did not answer (%v): start Pingwise from inside Hyprland, so that it inherits $HYPRLAND_INSTANCE_SIGNATURE", err)
		d.Say(platform.HotkeyService, platform.Missing(why))
		d.Say(platform.ActiveApp, platform.Missing(why))
	} else {
		if d.Hotkey == nil {
			d.Hotkey = &Hotkey{c: c, exe: o.Exe, home: o.Home}
		}
		d.Say(platform.HotkeyService, platform.Works("bound at run time over Hyprland's IPC (keyword bind ... exec pingwise ask), again after each config reload; nothing to add to hyprland.conf").Said("hyprHotkey"))
		if d.Active == nil {
			d.Active = &Active{c: c}
		}
		d.Say(platform.ActiveApp, platform.Works("Hyprland IPC activewindow events (window class: the app id, or X11 class under XWayland)").Said("hyprActive"))
	}
	idle, err := wayland.OpenIdle(o.Wayland, nil)
	if err != nil {
		d.Say(platform.IdleService, platform.Missing(fmt.Sprintf("%v: update Hyprland", err)))
		return
	}
	d.OnClose(func() { _ = idle.Close() })
	if d.Idle == nil {
		d.Idle = idle
	}
	d.Say(platform.IdleService, platform.Works("Wayland "+idle.Protocol+" idle notifications").Said("waylandIdle", idle.Protocol))
}

// client speaks to one Hyprland instance.
type client struct{ dir string }

// requestTimeout bounds a request: Hyprland serves the socket synchronously,
// so a connection left open stalls it.
const requestTimeout = 5 * time.Second

// maxReply bounds a reply; the largest, clients -j, is a few KiB a window.
const maxReply = 16 << 20

// request sends one request on a connection of its own, as Hyprland wants,
// and returns the reply. A leading "/" gives the request no flags: without
// it Hyprland would read whatever precedes a "/" in a path as flags.
func (c *client) request(req string) (string, error) {
	if c.dir == "" {
		return "", errors.New("hyprland: HYPRLAND_INSTANCE_SIGNATURE is not set")
	}
	conn, err := net.DialTimeout("unix", filepath.Join(c.dir, requestSocket), requestTimeout)
	if err != nil {
		return "", fmt.Errorf("hyprland: connect to the request socket: %w", err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(requestTimeout))
	if _, err := io.WriteString(conn, req); err != nil {
		return "", fmt.Errorf("hyprland: request %q: %w", firstWord(req), err)
	}
	b, err := io.ReadAll(io.LimitReader(conn, maxReply))
	if err != nil {
		return "", fmt.Errorf("hyprland: reply to %q: %w", firstWord(req), err)
	}
	return string(b), nil
}

func firstWord(s string) string { w, _, _ := strings.Cut(s, " "); return w }

// keyword sets a config keyword at run time; Hyprland answers "ok".
func (c *client) keyword(args string) error {
	reply, err := c.request("/keyword " + args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(reply) != "ok" {
		return fmt.Errorf("hyprland: keyword %s: %s", args, strings.TrimSpace(reply))
	}
	return nil
}

// events connects to the event socket; it carries lines "EVENT>>DATA".
func (c *client) events() (net.Conn, *bufio.Scanner, error) {
	conn, err := net.Dial("unix", filepath.Join(c.dir, eventSocket))
	if err != nil {
		return nil, nil, fmt.Errorf("hyprland: connect to the event socket: %w", err)
	}
	sc := bufio.NewScanner(conn)
	sc.Buffer(make([]byte, 0, 4096), 1<<20) // a title can be long; a line this long is not Hyprland
	return conn, sc, nil
}

// Hotkey binds keys to `pingwise ask` with Hyprland's bind keyword, so
// pressing them runs the command and never calls Bind's pressed.
type Hotkey struct {
	c         *client
	exe, home string
}

// Bind binds spec; release unbinds it. pressed is not called: Hyprland runs
// `pingwise ask`, which reaches the app over its control socket.
func (h *Hotkey) Bind(spec string, _ func()) (release func(), err error) {
	keys, err := wayland.ParseKeys(spec)
	if err != nil {
		return nil, err
	}
	args, err := wayland.AskArgs(h.exe, h.home)
	if err != nil {
		return nil, fmt.Errorf("hyprland hotkey: %w", err)
	}
	line, err := wayland.ShellLine(args)
	if err != nil {
		return nil, fmt.Errorf("hyprland hotkey: %w", err)
	}
	mods, key := keys.Hyprland()
	combo := mods + "," + key
	bind := "bind " + combo + ",exec," + line
	// Listen before binding, so that no reload in between goes unseen.
	conn, sc, err := h.c.events()
	if err != nil {
		return nil, fmt.Errorf("hyprland hotkey: %w", err)
	}
	release, err = wayland.KeepBound(wayland.Binding{
		Compositor: "Hyprland", Spec: spec,
		Bind:   func() error { return h.c.keyword(bind) },
		Unbind: func() error { return h.c.keyword("unbind " + combo) },
		Next: func() (bool, error) {
			if !sc.Scan() {
				return false, cmp.Or(sc.Err(), io.EOF)
			}
			ev, _, _ := strings.Cut(sc.Text(), ">>")
			return ev == "configreloaded", nil
		},
		Close: conn.Close,
	})
	if err != nil {
		return nil, fmt.Errorf("hyprland hotkey: %w", err)
	}
	return release, nil
}

// Active follows the window in front through activewindow events.
type Active struct{ c *client }

// WatchActive calls changed, on a goroutine of its own, with the window in
// front now, then each time it changes. Hyprland names a window by its class,
// which is a native window's app id.
func (a *Active) WatchActive(changed func(platform.Window)) (stop func(), err error) {
	reply, err := a.c.request("j/activewindow")
	if err != nil {
		return nil, err
	}
	var now struct {
		Class, Title string
	}
	if err := json.Unmarshal([]byte(reply), &now); err != nil {
		return nil, fmt.Errorf("hyprland: the active window: %w", err)
	}
	conn, sc, err := a.c.events()
	if err != nil {
		return nil, err
	}
	go func() {
		last := platform.Window{AppID: now.Class, Class: now.Class, Title: now.Title}
		if last.AppID != "" {
			changed(last)
		}
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "activewindow>>")
			if !ok {
				continue
			}
			// A class holds no comma; a title may.
			class, title, _ := strings.Cut(data, ",")
			if w := (platform.Window{AppID: class, Class: class, Title: title}); w != last {
				last = w
				changed(w)
			}
		}
	}()
	return func() { conn.Close() }, nil
}
