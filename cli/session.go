package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform/freedesktop"
)

// controller is what the session and log commands act through: the running
// app (so that its tray changes at once) or, without one, the store.
type controller interface {
	Status() (focus.Status, error)
	Start(planned time.Duration, intent string) (focus.Status, error)
	Pause() (focus.Status, error)
	Resume() (focus.Status, error)
	Stop(breakAfter time.Duration) (focus.Status, error)
	Break(length time.Duration) (focus.Status, error)
	LogInterruption(focus.Interruption) (focus.Interruption, error)
	LogDecision(focus.Decision) (focus.Decision, error)
}

func init() {
	register(&command{
		name: "start", args: "[DURATION] [--intent TEXT]",
		summary: "Start a focus session (25 min unless DURATION or the settings say otherwise).\n" +
			"DURATION is 1m to 8h: 50, 50m, 1h30m.",
		setup: func(fs *flag.FlagSet) runner {
			intent := fs.String("intent", "", "what the session is for, shown in the tray")
			return func(e *Env, args []string) error { return runStart(e, *intent, args) }
		},
	})
	register(&command{name: "pause", summary: "Pause the focus session.", setup: plain(simple(controller.Pause))})
	register(&command{name: "resume", summary: "Resume the paused focus session.", setup: plain(simple(controller.Resume))})
	register(&command{
		name: "stop", args: "[--break DURATION]",
		summary: "Stop the focus session (completed if it ran its length, else abandoned), or the break.",
		setup: func(fs *flag.FlagSet) runner {
			breakFor := fs.String("break", "", "take a break this long after the session, e.g. 5m")
			return func(e *Env, args []string) error { return runStop(e, *breakFor, args) }
		},
	})
	register(&command{
		name: "break", args: "[DURATION]",
		summary: "Take a break now (the settings' break length unless DURATION says otherwise).",
		setup:   plain(runBreak),
	})
	register(&command{
		name: "status", args: "[--json] [--watch] [--format text|json|waybar]",
		summary: "Show whether you are focusing, paused or on a break, and the time left.\n" +
			"--watch prints a line on every change, pushed by the running app, for status bars.",
		setup: func(fs *flag.FlagSet) runner {
			var f statusFlags
			fs.BoolVar(&f.json, "json", false, "print one JSON object: state, intent, planned_minutes, remaining_seconds, started_at")
			fs.BoolVar(&f.watch, "watch", false, "print a line now and on every change until the app quits (without the app: one line)")
			fs.StringVar(&f.format, "format", "text", "`FORMAT` of each line: text, json or waybar (text, tooltip, class, percentage)")
			return func(e *Env, args []string) error { return runStatus(e, f, args) }
		},
		values: map[string][]string{"format": statusFormats},
	})
}

func maxArgs(args []string, n int) error {
	if len(args) > n {
		return usagef("unexpected argument %q", args[n])
	}
	return nil
}

func runStart(e *Env, intent string, args []string) error {
	if err := maxArgs(args, 1); err != nil {
		return err
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	planned := time.Duration(s.SessionMinutes) * time.Minute
	if len(args) == 1 {
		if planned, err = parseLength(args[0]); err != nil {
			return invalid(err)
		}
	}
	if err := focus.CheckPlanned(planned); err != nil {
		return invalid(err)
	}
	if err := focus.CheckText("intent", intent, focus.MaxIntent); err != nil {
		return invalid(err)
	}
	c, err := e.controller()
	if err != nil {
		return err
	}
	st, err := c.Start(planned, intent)
	if err != nil {
		return err
	}
	return printStatus(e.Stdout, st, e.Clock.Now())
}

func simple(action func(controller) (focus.Status, error)) runner {
	return func(e *Env, args []string) error {
		if err := maxArgs(args, 0); err != nil {
			return err
		}
		c, err := e.controller()
		if err != nil {
			return err
		}
		st, err := action(c)
		if err != nil {
			return err
		}
		return printStatus(e.Stdout, st, e.Clock.Now())
	}
}

func runStop(e *Env, breakFor string, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	var after time.Duration
	if breakFor != "" {
		d, err := parseLength(breakFor)
		if err != nil {
			return invalid(err)
		}
		if err := focus.CheckBreak(d); err != nil {
			return invalid(err)
		}
		after = d
	}
	c, err := e.controller()
	if err != nil {
		return err
	}
	st, err := c.Stop(after)
	if err != nil {
		return err
	}
	if _, direct := c.(*focus.Tracker); direct {
		// No app to do it: put back a Do Not Disturb a crashed app left on.
		if db, err := e.Store(); err == nil {
			if err := freedesktop.PutBack(db, focus.StateDND); err != nil {
				fmt.Fprintln(e.Stderr, "pingwise:", err)
			}
		}
	}
	return printStatus(e.Stdout, st, e.Clock.Now())
}

func runBreak(e *Env, args []string) error {
	if err := maxArgs(args, 1); err != nil {
		return err
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	// The settings' break length; break_minutes = 0 means no break after a
	// session, and an explicit break then lasts 5 min.
	length := time.Duration(s.BreakMinutes) * time.Minute
	if length == 0 {
		length = 5 * time.Minute
	}
	if len(args) == 1 {
		if length, err = parseLength(args[0]); err != nil {
			return invalid(err)
		}
	}
	if err := focus.CheckBreak(length); err != nil {
		return invalid(err)
	}
	c, err := e.controller()
	if err != nil {
		return err
	}
	st, err := c.Break(length)
	if err != nil {
		return err
	}
	return printStatus(e.Stdout, st, e.Clock.Now())
}

func runStatus(e *Env, f statusFlags, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	format, err := f.lineFormat()
	if err != nil {
		return err
	}
	if f.watch {
		return watchStatus(e, format)
	}
	c, err := e.controller()
	if err != nil {
		return err
	}
	st, err := c.Status()
	if err != nil {
		return err
	}
	if format == "text" {
		return printStatus(e.Stdout, st, e.Clock.Now())
	}
	return writeStatus(e.Stdout, st, format)
}

// printStatus writes the state as the tray's first line says it, with what
// just ended before it.
func printStatus(w io.Writer, st focus.Status, now time.Time) error {
	if s := st.Ended; s != nil {
		fmt.Fprintf(w, "Session %s: %s of focus.\n", s.Result, focus.Human(s.Focused(now)))
	}
	_, err := fmt.Fprintln(w, st.Line())
	return err
}
