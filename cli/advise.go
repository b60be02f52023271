package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/pingwise/pingwise/advisor"
)

// maxDraft bounds a draft read from standard input.
const maxDraft = 64 << 10

func init() {
	register(&command{
		name: "advise",
		args: "[--urgent] [--crisis] [--sensitive] [--brainstorm] [--rapport] [--kickoff] [--complex] [--reply]\n" +
			"                [--timezones] [--their-tz ZONE] [--people N] [--minutes N] [--text DRAFT | --text -] [--json]",
		summary: "Should this be a call or a message? Recommends sync or async, with reasons,\n" +
			"channels and what each choice costs in people's time. A criterion flag set\n" +
			"(--urgent, or --urgent=false) wins over what the draft's wording suggests.",
		setup: func(fs *flag.FlagSet) runner {
			var f adviseFlags
			f.toggles = map[advisor.Criterion]*choice{}
			for _, c := range advisor.Criteria() {
				if c.Toggle() {
					f.toggles[c.Criterion] = new(choice)
					fs.Var(f.toggles[c.Criterion], c.Name, c.Description)
				}
			}
			fs.StringVar(&f.theirTZ, "their-tz", "", "the recipients' time zone (IANA, e.g. America/New_York)")
			fs.IntVar(&f.people, "people", 1, "how many people it goes to")
			fs.IntVar(&f.minutes, "minutes", 0, "how long the sync version would take (default 15, 30 for a group)")
			fs.StringVar(&f.text, "text", "", "the draft, or - to read it from standard input")
			fs.BoolVar(&f.json, "json", false, "print one JSON object")
			return func(e *Env, args []string) error {
				f.hasText = isSet(fs, "text")
				return runAdvise(e, f, args)
			}
		},
	})
}

type adviseFlags struct {
	toggles         map[advisor.Criterion]*choice
	theirTZ, text   string
	hasText         bool // --text was typed, even empty
	people, minutes int
	json            bool
}

// choice is a criterion's flag: unset until typed, and then true or false,
// because --urgent=false is a choice too.
type choice struct{ set, on bool }

func (c *choice) String() string   { return strconv.FormatBool(c != nil && c.on) }
func (c *choice) IsBoolFlag() bool { return true }

func (c *choice) Set(v string) error {
	on, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	c.set, c.on = true, on
	return nil
}

func runAdvise(e *Env, f adviseFlags, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	cfg, err := e.Settings()
	if err != nil {
		return err
	}
	s := advisor.Situation{
		People:         f.people,
		Minutes:        f.minutes,
		Now:            e.Clock.Now(),
		RefocusMinutes: cfg.RefocusMinutes,
	}
	s.WorkingHours.Start, s.WorkingHours.End, _ = cfg.Hours() // validated with the settings
	for c, t := range f.toggles {
		if t.set {
			s.Set(c, t.on)
		}
	}
	if z := f.theirTZ; z != "" {
		if s.TheirZone, err = time.LoadLocation(z); err != nil || strings.TrimSpace(z) != z {
			return usagef("advise: unknown time zone %q: use an IANA name such as America/New_York", z)
		}
	}
	if f.hasText {
		if s.Text, err = draft(e, f.text); err != nil {
			return err
		}
	}
	if err := s.Validate(); err != nil {
		return invalid(fmt.Errorf("advise: %w", err))
	}
	v := advisor.Advise(s)
	if f.json {
		return json.NewEncoder(e.Stdout).Encode(v)
	}
	return writeVerdict(e.Stdout, v, s)
}

// draft reads the draft: the flag's value, or standard input for "-".
func draft(e *Env, v string) (string, error) {
	if v == "-" {
		b, err := io.ReadAll(io.LimitReader(e.Stdin, maxDraft+1))
		if err != nil {
			return "", fmt.Errorf("advise: read the draft: %w", err)
		}
		if len(b) > maxDraft {
			return "", usagef("advise: the draft is longer than %d KB", maxDraft>>10)
		}
		v = string(b)
	}
	if strings.TrimSpace(v) == "" {
		return "", usagef("advise: the draft is empty: leave out --text, or give the words you would send")
	}
	return v, nil
}

func writeVerdict(w io.Writer, v advisor.Verdict, s advisor.Situation) error {
	head := "Async: put it in writing"
	if v.Mode == advisor.Sync {
		head = "Sync: talk it through live"
	}
	fmt.Fprintf(w, "%s (confidence %.0f%%).\n\nWhy:\n", head, v.Confidence*100)
	for _, r := range v.Reasons {
		line := fmt.Sprintf("  %-5s  %s", r.Leans, r.Text)
		if len(r.Words) > 0 {
			line += ` ("` + strings.Join(r.Words, `", "`) + `")`
		}
		if r.Weight == 0 {
			line += " [outweighed]"
		}
		fmt.Fprintln(w, line)
	}
	channels := make([]string, len(v.Channels))
	for i, c := range v.Channels {
		channels[i] = string(c)
	}
	fmt.Fprintf(w, "\nChannels, best first: %s\n", strings.Join(channels, ", "))
	fmt.Fprintf(w, "Cost: %s\n\nTips:\n", v.Cost.Sentence(max(s.People, 1), s.Minutes))
	for _, t := range v.Tips {
		fmt.Fprintf(w, "  - %s\n", t)
	}
	return nil
}
