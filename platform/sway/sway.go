package sway

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"strings"

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
		d.Say(platform.HotkeyService, platform.Works("bound at run time over sway's IPC (bindsym, heard as binding events), again after each config reload; nothing to add to the sway config").Said("swayHotkey"))
		if d.Active == nil {
			d.Active = &Active{cmd: cmd, socket: o.Socket}
		}
		d.Say(platform.ActiveApp, platform.Works("sway IPC window focus events (app id, or X11 class under XWayland)").Said("swayActive"))
		if d.Stash == nil {
			d.Stash = &Scratchpad{cmd: cmd}
		}
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

// Hotkey binds keys with sway's bindsym to a command that does nothing
// (nop) and names this app; sway tells the app each time the binding runs,
// as a binding event on its IPC connection, and the app opens the popup
// itself. No process starts per press: an `exec pingwise ask` cost some
// 20 ms of program start on every press (bench/popup-latency-sway). sway
// drops bindings made at run time when it reloads its config, so Bind
// listens for the reload and binds again.
type Hotkey struct {
	cmd       *conn
	socket    string
	exe, home string
}

// Bind binds spec and calls pressed, on a goroutine of its own, each time
// it is pressed; release unbinds it.
func (h *Hotkey) Bind(spec string, pressed func()) (release func(), err error) {
	keys, err := wayland.ParseKeys(spec)
	if err != nil {
		return nil, err
	}
	combo := "--no-repeat " + keys.Sway()
	command := nopCommand(h.exe, h.home)
	bind := "bindsym " + combo + " " + command
	// Subscribe before binding, so that no press or reload in between goes
	// unseen.
	events, err := subscribe(h.socket, "workspace", "binding", "shutdown")
	if err != nil {
		return nil, fmt.Errorf("sway hotkey: %w", err)
	}
	release, err = wayland.KeepBound(wayland.Binding{
		Compositor: "sway", Spec: spec,
		Bind:   func() error { return h.cmd.command(bind) },
		Unbind: func() error { return h.cmd.command("unbindsym " + combo) },
		Next: func() (bool, error) {
			typ, payload, err := events.read()
			if err != nil {
				return false, err
			}
			var ev struct {
				Change  string `json:"change"`
				Binding struct {
					Command string `json:"command"`
				} `json:"binding"`
			}
			switch {
			case typ == eventShutdown:
				return false, errShutdown
			case json.Unmarshal(payload, &ev) != nil:
				return false, nil
			case typ == eventBinding && ev.Change == "run" && ev.Binding.Command == command:
				pressed()
				return false, nil
			}
			return typ == eventWorkspace && ev.Change == "reload", nil
		},
		Close: events.close,
	})
	if err != nil {
		return nil, fmt.Errorf("sway hotkey: %w", err)
	}
	return release, nil
}

// errShutdown ends a watch when sway says it is exiting.
var errShutdown = errors.New("sway is shutting down")

// nopCommand is the binding's command: nop, which sway runs as nothing,
// and a name for this app (its program and home), so that two Pingwise
// instances under one sway each hear only their own key.
func nopCommand(exe, home string) string {
	f := fnv.New64a()
	f.Write([]byte(exe + "\x00" + home))
	return fmt.Sprintf("nop pingwise-%016x", f.Sum64())
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

// Scratchpad keeps a window in sway's scratchpad, where sway holds windows
// out of sight without unmapping them. An XWayland window hidden there
// stays mapped, with its last frame, so the hotkey brings back a popup
// already painted: without it, sway maps a window only once its first
// frame arrives, and that frame (some 165 widgets drawn in software on a
// machine without a GPU) was most of the wait.
//
// The criterion is the X11 window id: Pingwise's windows are XWayland's.
// A person's own "scratchpad show" may bring the stashed popup up too;
// it is then the blank question, ready.
type Scratchpad struct{ cmd *conn }

// Stash moves win to the scratchpad; sway gives the keyboard to the window
// that had it before.
func (s *Scratchpad) Stash(win uint32) error {
	return s.cmd.command(fmt.Sprintf("[id=%d] move scratchpad", win))
}

// Unstash shows win on the current workspace and focuses it. "focus"
// rather than "scratchpad show", which hides a window already shown.
func (s *Scratchpad) Unstash(win uint32) error {
	return s.cmd.command(fmt.Sprintf("[id=%d] focus", win))
}

// StashOnMap adds a rule (for_window) that moves a window titled title to
// the scratchpad as it maps, before sway shows or focuses it. sway keeps
// the rule until its config is reloaded: a title no other window takes is
// the caller's to choose.
func (s *Scratchpad) StashOnMap(title string) error {
	pattern := strings.ReplaceAll(regexp.QuoteMeta(title), `"`, `\"`)
	return s.cmd.command(fmt.Sprintf(`for_window [title="^%s$"] move scratchpad`, pattern))
}
