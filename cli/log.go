package cli

import (
	"flag"
	"fmt"
	"time"

	"github.com/pingwise/pingwise/focus"
)

func init() {
	register(&command{
		name: "log", args: "CHANNEL [--outgoing] [--taken|--deferred] [--people N] [--who NAME] [--note TEXT] [--at TIME]",
		summary: "Log an interruption. CHANNEL is call, chat, email, meeting, in-person or other.\n" +
			"Incoming (someone interrupted you) unless --outgoing (you were about to interrupt\n" +
			"someone); taken now unless --deferred (handled later, asynchronously).",
		setup: func(fs *flag.FlagSet) runner {
			var f logFlags
			fs.BoolVar(&f.outgoing, "outgoing", false, "you were about to interrupt someone")
			fs.BoolVar(&f.taken, "taken", false, "it was dealt with at once (the default)")
			fs.BoolVar(&f.deferred, "deferred", false, "it was deferred to async")
			fs.IntVar(&f.people, "people", 1, "how many people were involved")
			fs.StringVar(&f.who, "who", "", "who it was")
			fs.StringVar(&f.note, "note", "", "a short note")
			fs.StringVar(&f.at, "at", "", "when: 14:05, 2026-11-24 14:05, RFC 3339, or 10m ago (default now)")
			return func(e *Env, args []string) error { return runLog(e, f, args) }
		},
		values: map[string][]string{"": channelWords()},
	})
}

type logFlags struct {
	outgoing, taken, deferred bool
	people                    int
	who, note, at             string
}

func runLog(e *Env, f logFlags, args []string) error {
	if len(args) == 0 {
		return usagef("log: which channel? call, chat, email, meeting, in-person or other")
	}
	if err := maxArgs(args, 1); err != nil {
		return err
	}
	ch, err := focus.ParseChannel(args[0])
	if err != nil {
		return invalid(err)
	}
	if f.taken && f.deferred {
		return usagef("log: --taken and --deferred exclude each other")
	}
	i := focus.Interruption{Direction: focus.Incoming, Channel: ch, Outcome: focus.Taken,
		Who: f.who, Note: f.note, People: f.people}
	if f.outgoing {
		i.Direction = focus.Outgoing
	}
	if f.deferred {
		i.Outcome = focus.Deferred
	}
	if at := f.at; at != "" {
		if i.At, err = parseWhen(at, e.Clock.Now()); err != nil {
			return invalid(err)
		}
		// The tracker refuses this too, but as a failure (exit 1); it is a
		// mistake in what was typed (exit 2). Same minute of slack.
		if i.At.After(e.Clock.Now().Add(time.Minute)) {
			return usagef("log: time %s is in the future", i.At.Format(time.RFC3339))
		}
	}
	if err := i.Validate(); err != nil {
		return invalid(err)
	}
	c, err := e.controller()
	if err != nil {
		return err
	}
	i, err = c.LogInterruption(i)
	if err != nil {
		return err
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.Stdout, describe(i, s.RefocusMinutes))
	return err
}

// describe says what a logged interruption means in refocus time.
func describe(i focus.Interruption, refocus float64) string {
	what := fmt.Sprintf("Logged %s %s %s, %s", article(string(i.Direction)), i.Direction, i.Channel, i.Outcome)
	switch {
	case i.Direction == focus.Incoming && i.Outcome == focus.Taken:
		return fmt.Sprintf("%s: about %s of refocus lost.", what, inMinutes(refocus))
	case i.Outcome == focus.Deferred:
		people := 1
		if i.Direction == focus.Outgoing {
			people = i.People
		}
		return fmt.Sprintf("%s: about %s of refocus saved.", what, inMinutes(refocus*float64(people)))
	}
	return what + "."
}

func article(word string) string {
	if word != "" && (word[0] == 'i' || word[0] == 'o') {
		return "an"
	}
	return "a"
}
