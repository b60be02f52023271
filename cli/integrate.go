package cli

import (
	"flag"
	"fmt"
	"os"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/platform/link"
)

func init() {
	dryRun := func(run func(e *Env, dryRun bool, args []string) error) func(*flag.FlagSet) runner {
		return func(fs *flag.FlagSet) runner {
			dry := fs.Bool("dry-run", false, "print what would be done, change nothing")
			return func(e *Env, args []string) error { return run(e, *dry, args) }
		}
	}
	register(&command{
		name: "install", args: "[--dry-run]",
		summary: "Put Pingwise on this desktop: menu entry, icon, link handlers, start at login.\n" +
			"Call and message links (" + schemes() + ")\n" +
			"then open the \"Sync or async?\" popup first; the handlers they opened with\n" +
			"before are remembered, and get the link when you go sync. An autostart entry\n" +
			"is written when start_at_login is on. Run it again after moving pingwise: it\n" +
			"changes only what is out of date.",
		setup: dryRun(runInstall),
	})
	register(&command{
		name: "uninstall", args: "[--dry-run]",
		summary: "Take Pingwise off this desktop and give links back to their previous handlers.\n" +
			"Removes the entries, icon and remembered handlers that install wrote.",
		setup: dryRun(runUninstall),
	})
	register(&command{
		name: "open", args: "[LINK]",
		summary: "Ask \"sync or async?\" about a call or message link, in the app (starting it).\n" +
			"LINK is one of " + schemes() + ".\n" +
			"Going sync hands it on to the app that opened such links before Pingwise.\n" +
			"Without a link, open the app. Desktops run this when you click a link, once\n" +
			"pingwise install has registered it.",
		setup: plain(runOpen),
	})
}

func schemes() string {
	s := ""
	for i, n := range link.Schemes {
		if i > 0 {
			s += " "
		}
		s += n + ":"
	}
	return s
}

// installer puts Pingwise on this desktop or takes it off; each system
// has its own (integrate_xdg.go, integrate_windows.go).
type installer interface {
	Install() error
	Uninstall() error
}

func runInstall(e *Env, dryRun bool, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	in, err := e.installer(dryRun, s.StartAtLogin)
	if err != nil {
		return err
	}
	if err := in.Install(); err != nil {
		return err
	}
	if onGNOME() {
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("install: %w", err)
		}
		return e.installGNOME(dryRun, exe, s.Hotkey)
	}
	return nil
}

func runUninstall(e *Env, dryRun bool, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	in, err := e.installer(dryRun, false)
	if err != nil {
		return err
	}
	if err := in.Uninstall(); err != nil {
		return err
	}
	if onGNOME() {
		return e.uninstallGNOME(dryRun)
	}
	return nil
}

// runOpen vets the link before anything else happens: a link is hostile
// input from any web page, so a bad one is refused with one line and exit
// 2, and neither the app nor any handler is started.
func runOpen(e *Env, args []string) error {
	if len(args) > 1 {
		// Not maxArgs: it would repeat an argument of any length.
		return usagef("open takes one link, not %d arguments", len(args))
	}
	if len(args) == 0 {
		c, err := e.launchApp()
		if err != nil {
			return err
		}
		_, err = c.Do(control.Request{Op: control.OpShow})
		return err
	}
	l, err := link.Parse(args[0])
	if err != nil {
		return invalid(err)
	}
	c, err := e.launchApp()
	if err != nil {
		return err
	}
	_, err = c.Do(control.Request{Op: control.OpAsk, Ask: &control.Ask{
		People: 1, Channel: string(l.Channel), Target: l.Target, Link: l.URL,
	}})
	return err
}
