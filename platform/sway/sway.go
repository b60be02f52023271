package sway

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/wayland"
)

// Options are what Open takes from the environment; tests give their own.
type Options struct {
	Socket  string // sway's IPC socket, $SWAYSOCK
	Wayland string // the compositor's Wayland socket
	Exe     string // the absolute path of pingwise, for the command the hotkey runs
	Home    string // passed on as --home when set
}

// EnvOptions reads the options from this process: $SWAYSOCK, the Wayland
// socket, os.Executable and $PINGWISE_HOME (the app sets it from --home).
func EnvOptions() Options {
	o := Options{Socket: os.Getenv("SWAYSOCK"), Home: os.Getenv("PINGWISE_HOME")}
	o.Wayland, _ = wayland.SessionSocket() // OpenIdle reports the empty path
	o.Exe, _ = os.Executable()             // Bind reports the empty path
	return o
}

// Open fills in the hotkey, the app in front and idle time for a sway (or
// other wlroots compositor with sway's IPC) session.
func Open(d *platform.Desktop) { OpenWith(d, EnvOptions()) }

// OpenWith is Open with the options given.
func OpenWith(d *platform.Desktop, o Options) {
	if d.Name == "" {
		d.Name = "sway"
	}
	cmd, err := dial(o.Socket)
	if err != nil {
		why := fmt.Sprintf("sway's IPC did not answer (%v): start Pingwise from inside sway, so that it inherits $SWAYSOCK", err)
		d.Say(platform.HotkeyService, platform.Missing(why))
		d.Say(platform.ActiveApp, platform.Missing(why))
	} else {
		d.OnClose(func() { _ = cmd.close() })
		if d.Hotkey == nil {
			d.Hotkey = &Hotkey{cmd: cmd, socket: o.Socket, exe: o.Exe, home: o.Home}
		}
		d.Say(platform.HotkeyService, platform.Works("bound at run time over sway's IPC (bindsym ... exec pingwise ask), again after each config reload; nothing to add to the sway config").Said("swayHotkey"))
		if d.Active == nil {
			d.Active = &Active{cmd: cmd, socket: o.Socket}
		}
		d.Say(platform.ActiveApp, platform.Works("sway IPC window focus events (app id, or X11 class under XWayland)").Said("swayActive"))
	}
	idle, err := wayland.OpenIdle(o.Wayland, nil)
	if err != nil {
		d.Say(platform.IdleService, platform.Missing(fmt.Sprintf("%v: sway 1.7 and later offer it; update sway", err)))
		return
	}
	d.OnClose(func() { _ = idle.Close() })
	if d.Idle == nil {
		d.Idle = idle
	}
	d.Say(platform.IdleService, platform.Works("Wayland "+idle.Protocol+" idle notifications").Said("waylandIdle", idle.Protocol))
}

// Hotkey binds keys to `pingwise ask` with sway's bindsym, so pressing
// them runs the command and never calls Bind's pressed. sway drops
// bindings made at run time when it reloads its config, so Bind listens for
// the reload and binds again.
type Hotkey struct {
	cmd       *conn
	socket    string
	exe, home string
}

// Bind binds spec; release unbinds it. pressed is not called: sway runs
// `pingwise ask`, which reaches the app over its control socket.
func (h *Hotkey) Bind(spec string, _ func()) (release func(), err error) {
	keys, err := wayland.ParseKeys(spec)
	if err != nil {
		return nil, err
	}
	line, err := execLine(h.exe, h.home)
	if err != nil {
		return nil, fmt.Errorf("sway hotkey: %w", err)
	}
	combo := "--no-repeat " + keys.Sway()
	bind := "bindsym " + combo + " exec " + line
	// Subscribe before binding, so that no reload in between goes unseen.
	events, err := subscribe(h.socket, "workspace", "shutdown")
	if err != nil {
		return nil, fmt.Errorf("sway hotkey: %w", err)
	}
	if err := h.cmd.command(bind); err != nil {
		_ = events.close()
		return nil, fmt.Errorf("sway hotkey: %w", err)
	}
	var mu sync.Mutex // held while binding, so release cannot be undone by a reload
	released := false
	go func() {
		for {
			typ, payload, err := events.read()
			if err != nil {
				return // released, or sway is gone
			}
			if typ == eventShutdown {
				return
			}
			var ev struct {
				Change string `json:"change"`
			}
			if typ != eventWorkspace || json.Unmarshal(payload, &ev) != nil || ev.Change != "reload" {
				continue
			}
			mu.Lock()
			if !released {
				if err := h.cmd.command(bind); err != nil {
					log.Printf("pingwise: binding %s again after sway reloaded its config: %v", spec, err)
				}
			}
			mu.Unlock()
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			released = true
			mu.Unlock()
			if err := events.close(); err != nil {
				log.Printf("pingwise: closing sway's event connection: %v", err)
			}
			if err := h.cmd.command("unbindsym " + combo); err != nil {
				log.Printf("pingwise: releasing the hotkey %s: %v", spec, err)
			}
		})
	}, nil
}

// execLine is the command for bindsym's exec. sway reads the command line
// twice: bindsym takes quotes off its arguments, then exec hands what is
// left to /bin/sh. So the shell's line, each argument in single quotes,
// goes inside double quotes, which bindsym removes. sway's quote handling
// cannot carry a quote, a backslash or (its variables) a dollar sign
// through both readings, so such paths are refused.
func execLine(exe, home string) (string, error) {
	args, err := wayland.AskArgs(exe, home)
	if err != nil {
		return "", err
	}
	for _, a := range args {
		if strings.ContainsAny(a, `'"\$`) {
			return "", fmt.Errorf("%q holds a quote, backslash or dollar sign, which sway's commands cannot carry: move Pingwise to a folder without one", a)
		}
	}
	line, err := wayland.ShellLine(args)
	if err != nil {
		return "", err
	}
	return `"` + line + `"`, nil
}

// node is the part of a sway tree node (a container or window) Pingwise
// reads.
type node struct {
	Focused          bool   `json:"focused"`
	Name             string `json:"name"`
	AppID            string `json:"app_id"`
	WindowProperties *struct {
		Class    string `json:"class"`
		Instance string `json:"instance"`
	} `json:"window_properties"`
	Nodes         []node `json:"nodes"`
	FloatingNodes []node `json:"floating_nodes"`
}

func (n node) window() platform.Window {
	w := platform.Window{AppID: n.AppID, Title: n.Name}
	if p := n.WindowProperties; p != nil {
		w.Class, w.Instance = p.Class, p.Instance
		if w.AppID == "" {
			w.AppID = p.Class
		}
	}
	return w
}

// focused finds the focused window in a tree.
func (n node) focused() (node, bool) {
	if n.Focused && (n.AppID != "" || n.WindowProperties != nil) {
		return n, true
	}
	for _, kids := range [][]node{n.Nodes, n.FloatingNodes} {
		for _, k := range kids {
			if f, ok := k.focused(); ok {
				return f, true
			}
		}
	}
	return node{}, false
}

// Active follows the focused window through sway's window events.
type Active struct {
	cmd    *conn
	socket string
}

// WatchActive calls changed, on a goroutine of its own, with the window in
// front now, then each time another window takes focus or the focused one
// changes its title.
func (a *Active) WatchActive(changed func(platform.Window)) (stop func(), err error) {
	var tree node
	if err := a.cmd.request(msgGetTree, nil, &tree); err != nil {
		return nil, err
	}
	events, err := subscribe(a.socket, "window")
	if err != nil {
		return nil, err
	}
	go func() {
		var last platform.Window
		if f, ok := tree.focused(); ok {
			last = f.window()
			changed(last)
		}
		for {
			typ, payload, err := events.read()
			if err != nil {
				return // stopped, or sway is gone
			}
			var ev struct {
				Change    string `json:"change"`
				Container node   `json:"container"`
			}
			if typ != eventWindow || json.Unmarshal(payload, &ev) != nil {
				continue
			}
			if ev.Change != "focus" && !(ev.Change == "title" && ev.Container.Focused) {
				continue
			}
			if w := ev.Container.window(); w != last {
				last = w
				changed(w)
			}
		}
	}()
	return func() { _ = events.close() }, nil
}
