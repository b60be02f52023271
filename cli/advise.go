package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
		flags: func(fs *flag.FlagSet) {
			for _, c := range advisor.Criteria() {
				if c.Toggle() {
					fs.Bool(c.Name, false, c.Description)
				}
			}
			fs.String("their-tz", "", "the recipients' time zone (IANA, e.g. America/New_York)")
			fs.Int("people", 1, "how many people it goes to")
			fs.Int("minutes", 0, "how long the sync version would take (default 15, 30 for a group)")
			fs.String("text", "", "the draft, or - to read it from standard input")
			fs.Bool("json", false, "print one JSON object")
		},
		run: runAdvise,
	})
}

func runAdvise(e *Env, fs *flag.FlagSet, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	cfg, err := e.Settings()
	if err != nil {
		return err
	}
	s := advisor.Situation{
		People:         fs.Lookup("people").Value.(flag.Getter).Get().(int),
		Minutes:        fs.Lookup("minutes").Value.(flag.Getter).Get().(int),
		Now:            e.Clock.Now(),
		RefocusMinutes: cfg.RefocusMinutes,
	}
	s.WorkingHours.Start, s.WorkingHours.End, _ = cfg.Hours() // validated with the settings
	// Only the flags a person typed are set: --urgent=false is a choice too.
	toggles := map[string]advisor.Criterion{}
	for _, c := range advisor.Criteria() {
		if c.Toggle() {
			toggles[c.Name] = c.Criterion
		}
	}
	fs.Visit(func(f *flag.Flag) {
		if c, ok := toggles[f.Name]; ok {
			s.Set(c, f.Value.String() == "true")
		}
	})
	if z := flagString(fs, "their-tz"); z != "" {
		if s.TheirZone, err = time.LoadLocation(z); err != nil || strings.TrimSpace(z) != z {
			return usagef("advise: unknown time zone %q: use an IANA name such as America/New_York", z)
		}
	}
	if f := fs.Lookup("text"); f.Value.String() != "" || isSet(fs, "text") {
		if s.Text, err = draft(e, f.Value.String()); err != nil {
			return err
		}
	}
	if err := s.Validate(); err != nil {
		return invalid(fmt.Errorf("advise: %w", err))
	}
	v := advisor.Advise(s)
	if flagBool(fs, "json") {
		return json.NewEncoder(e.Stdout).Encode(v)
	}
	return writeVerdict(e.Stdout, v, s)
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
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
