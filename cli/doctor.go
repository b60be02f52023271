package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/desktop"
	"github.com/pingwise/pingwise/settings"
)

func init() {
	register(&command{
		name: "doctor", args: "[--json]",
		summary: "Say what works on this desktop and how (tray, hotkey, active app, idle, quiet focus,\n" +
			"notifications, links, autostart), and what does not and what to do.",
		setup: func(fs *flag.FlagSet) runner {
			asJSON := fs.Bool("json", false, "print one JSON object")
			return func(e *Env, args []string) error { return runDoctor(e, *asJSON, args) }
		},
	})
}

// runDoctor asks the running app, which knows what it found (a hotkey
// another app holds, say); without one it looks at the desktop itself,
// binding nothing for longer than the look takes.
func runDoctor(e *Env, asJSON bool, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	var r platform.Report
	if c, err := e.app(); err == nil {
		if r, err = c.Doctor(); err != nil {
			return err
		}
		r.Session += ", as the running app sees it"
	} else {
		r = e.lookAtDesktop()
	}
	if asJSON {
		return r.WriteJSON(e.Stdout)
	}
	return r.Write(e.Stdout)
}

func (e *Env) lookAtDesktop() platform.Report {
	exe, err := os.Executable()
	if err != nil {
		exe = "pingwise"
	}
	d := desktop.Open(e.dirs, exe)
	defer d.Close()
	if d.Hotkey != nil {
		cfg, err := e.Settings()
		if err != nil {
			cfg = settings.Defaults()
		}
		release, err := d.Hotkey.Bind(cfg.Hotkey, func() {})
		switch {
		case errors.Is(err, platform.ErrKeyTaken):
			d.Status[platform.HotkeyService] = platform.Missing(fmt.Sprintf("%s is taken by another application: choose another key in Settings", cfg.Hotkey))
		case err != nil:
			d.Status[platform.HotkeyService] = platform.Missing(err.Error())
		default:
			release()
			d.Status[platform.HotkeyService] = platform.Works(cfg.Hotkey + " through " + d.Status[platform.HotkeyService].How)
		}
	}
	if cfg, err := e.Settings(); err == nil {
		if dev, ok := engine.SyncStatus(cfg); ok {
			d.Status["devices"] = dev
		}
	}
	return platform.Report{Session: d.Name, Services: platform.Rows(d.Status)}
}
