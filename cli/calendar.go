package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/settings"
)

func init() {
	register(&command{
		name: "calendar",
		args: "add SOURCE [--name NAME] [--user USER] [--password-stdin] [--me EMAIL,...] | list | remove NAME | sync",
		summary: "Manage the calendars your meetings come from. SOURCE is a local .ics file, an\n" +
			"https:// or webcal:// .ics address, or a CalDAV calendar's address (Nextcloud,\n" +
			"Fastmail, Radicale, iCloud, Google). Passwords go to the desktop's secret store.",
		setup: func(fs *flag.FlagSet) runner {
			var f addFlags
			fs.StringVar(&f.name, "name", "", "what to call the calendar (add; default from the file or address)")
			fs.StringVar(&f.user, "user", "", "the user name for the server (add)")
			fs.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from the first line of standard input (add)")
			fs.StringVar(&f.me, "me", "", "your e-mail addresses in this calendar, comma-separated (add)")
			return func(e *Env, args []string) error {
				if len(args) > 0 && args[0] != "add" {
					fs.Visit(func(fl *flag.Flag) {
						if f.misplaced == "" && fl.Name != "home" {
							f.misplaced = fl.Name
						}
					})
				}
				return runCalendar(e, f, args)
			}
		},
	})
}

// addFlags are calendar add's flags; misplaced names one typed with
// another action.
type addFlags struct {
	name, user, me string
	passwordStdin  bool
	misplaced      string
}

func (e *Env) secrets() calendar.Secrets {
	if e.Secrets == nil {
		return calendar.Keyring{}
	}
	return e.Secrets
}

func (e *Env) syncer() *calendar.Syncer {
	return &calendar.Syncer{Dir: filepath.Join(e.dirs.Data, "calendars"), Secrets: e.secrets(), Clock: e.Clock}
}

func runCalendar(e *Env, f addFlags, args []string) error {
	if len(args) == 0 {
		return usagef("calendar: add, list, remove or sync? (see pingwise calendar --help)")
	}
	sub, args := args[0], args[1:]
	if f.misplaced != "" {
		return usagef("calendar %s: --%s is for calendar add", clip(sub), f.misplaced)
	}
	switch sub {
	case "add":
		return calendarAdd(e, f, args)
	case "list":
		if err := maxArgs(args, 0); err != nil {
			return err
		}
		return calendarList(e)
	case "remove":
		if len(args) != 1 {
			return usagef("calendar remove: which calendar? give its name (see pingwise calendar list)")
		}
		return calendarRemove(e, args[0])
	case "sync":
		if err := maxArgs(args, 0); err != nil {
			return err
		}
		return calendarSync(e)
	}
	return usagef("calendar: unknown action %q: use add, list, remove or sync", clip(sub))
}

var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}._-]+`)

// defaultName names a calendar after its file or the last part of its
// address: "work.ics" is "work".
func defaultName(source string) string {
	base := filepath.Base(source)
	if u, err := url.Parse(source); err == nil && u.Host != "" {
		base = path.Base(strings.TrimSuffix(u.Path, "/"))
		if base == "." || base == "/" || base == "" {
			base = u.Hostname()
		}
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.Trim(unsafeName.ReplaceAllString(base, "-"), "-._")
}

func calendarAdd(e *Env, f addFlags, args []string) error {
	if len(args) != 1 {
		return usagef("calendar add: give one SOURCE: a .ics file, an https:// or webcal:// address, or a CalDAV calendar's address")
	}
	s, err := e.Settings()
	if err != nil {
		return err
	}
	src := calendar.Source{URL: strings.TrimSpace(args[0]), User: f.user, Me: []string{}}
	for _, m := range strings.Split(f.me, ",") {
		if m = strings.ToLower(strings.TrimSpace(m)); m != "" {
			src.Me = append(src.Me, m)
		}
	}
	src.Name = f.name
	if src.Name == "" {
		src.Name = defaultName(src.URL)
	}
	if err := calendar.CheckName(src.Name); err != nil {
		return usagef("calendar add: %v; choose one with --name", err)
	}
	if s.Calendar(src.Name) != nil {
		return usagef("calendar add: there is already a calendar named %s (see pingwise calendar list)", src.Name)
	}
	if strings.Contains(src.URL, "://") {
		u, err := calendar.CheckURL(src.URL)
		if err != nil {
			return usagef("calendar add: %v", err)
		}
		src.URL, src.Kind = u.String(), calendar.KindICS
	} else {
		if src.URL, err = filepath.Abs(src.URL); err != nil {
			return usagef("calendar add: %v", err)
		}
		src.Kind = calendar.KindFile
		if src.User != "" || f.passwordStdin {
			return usagef("calendar add: a local file needs no --user or password")
		}
	}
	if err := src.Validate(); err != nil {
		return usagef("calendar add: %v", err)
	}
	wantPassword := f.passwordStdin
	if wantPassword && src.User == "" {
		return usagef("calendar add: --password-stdin needs --user")
	}
	if src.User != "" && !wantPassword {
		return usagef("calendar add: give the password on standard input with --password-stdin")
	}
	sy := e.syncer()
	if wantPassword {
		pw, err := readPassword(e.Stdin)
		if err != nil {
			return err
		}
		// Stored before the first sync needs it; taken back if the
		// calendar is not added after all.
		if err := sy.Secrets.Set(src.Name, src.User, pw); err != nil {
			return err
		}
	}
	undo := func() {
		if wantPassword {
			sy.Secrets.Delete(src.Name, src.User)
		}
		sy.Remove(src.Name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if src.Kind == calendar.KindICS {
		if src.Kind, err = sy.Detect(ctx, src); err != nil {
			undo()
			return fmt.Errorf("calendar %s: %w", src.Name, err)
		}
	}
	res, err := sy.Sync(ctx, src)
	if err != nil {
		undo()
		return err
	}
	s.Calendars = append(s.Calendars, src)
	if err := settings.Save(e.dirs.Settings(), s); err != nil {
		undo()
		return err
	}
	fmt.Fprintf(e.Stdout, "Added calendar %s (%s): %s.\n", src.Name, calendar.KindName(src.Kind), plural(res.Events, "event"))
	if len(src.Me) == 0 {
		fmt.Fprintln(e.Stdout, "Tip: add your addresses with --me so that meetings you declined are left out.")
	}
	return skippedLine(e, src.Name, res.Skipped)
}

// readPassword reads the first line of standard input.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("calendar add: read the password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", usagef("calendar add: the password on standard input is empty")
	}
	return pw, nil
}

// skippedLine says in one line which events could not be read.
func skippedLine(e *Env, name string, skipped []string) error {
	switch len(skipped) {
	case 0:
		return nil
	case 1:
		fmt.Fprintf(e.Stderr, "pingwise: calendar %s: 1 event left out: %s\n", name, skipped[0])
	default:
		fmt.Fprintf(e.Stderr, "pingwise: calendar %s: %d events left out: %s (and %d more)\n", name, len(skipped), skipped[0], len(skipped)-1)
	}
	return nil
}

func calendarList(e *Env) error {
	s, err := e.Settings()
	if err != nil {
		return err
	}
	if len(s.Calendars) == 0 {
		_, err := fmt.Fprintln(e.Stdout, "No calendars. Add one with: pingwise calendar add SOURCE")
		return err
	}
	sy := e.syncer()
	loc, _ := s.Location() // validated with the settings
	for _, c := range s.Calendars {
		state := "not synced yet"
		if _, at, err := sy.Load(c); err == nil {
			state = "synced " + at.In(loc).Format("2006-01-02 15:04")
		} else if !strings.Contains(err.Error(), "not been synced") {
			state = err.Error()
		}
		extra := ""
		if c.User != "" {
			extra += ", user " + c.User
		}
		if len(c.Me) > 0 {
			extra += ", me " + strings.Join(c.Me, ",")
		}
		if c.Name == s.CalendarFocusBlocks {
			extra += ", focus blocks"
		}
		fmt.Fprintf(e.Stdout, "%-12s %-13s %s (%s%s)\n", c.Name, calendar.KindName(c.Kind), c.URL, state, extra)
	}
	return nil
}

func calendarRemove(e *Env, name string) error {
	s, err := e.Settings()
	if err != nil {
		return err
	}
	c := s.Calendar(name)
	if c == nil {
		return usagef("calendar remove: no calendar named %q (see pingwise calendar list)", clip(name))
	}
	removed := *c
	var kept []calendar.Source
	for _, x := range s.Calendars {
		if x.Name != name {
			kept = append(kept, x)
		}
	}
	s.Calendars = kept
	note := ""
	if s.CalendarFocusBlocks == name {
		s.CalendarFocusBlocks = ""
		note = " Focus blocks are off."
	}
	if err := settings.Save(e.dirs.Settings(), s); err != nil {
		return err
	}
	sy := e.syncer()
	if err := sy.Remove(name); err != nil {
		return fmt.Errorf("calendar %s: remove the saved copy: %w", name, err)
	}
	if removed.User != "" {
		if err := sy.Secrets.Delete(name, removed.User); err != nil {
			return fmt.Errorf("calendar %s was removed, but its password stays in the secret store: %w", name, err)
		}
	}
	_, err = fmt.Fprintf(e.Stdout, "Removed calendar %s.%s\n", name, note)
	return err
}

// calendarSync syncs every calendar; one that fails gets one line and the
// rest go on.
func calendarSync(e *Env) error {
	s, err := e.Settings()
	if err != nil {
		return err
	}
	if len(s.Calendars) == 0 {
		return usagef("calendar sync: no calendars yet: add one with pingwise calendar add SOURCE")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	failed := 0
	for _, st := range e.syncer().SyncAll(ctx, s.Calendars) {
		switch {
		case st.Err != nil:
			failed++
			fmt.Fprintf(e.Stderr, "pingwise: %v\n", st.Err)
		case !st.Result.Changed:
			fmt.Fprintf(e.Stdout, "%s: unchanged\n", st.Name)
		default:
			fmt.Fprintf(e.Stdout, "%s: %s\n", st.Name, plural(st.Result.Events, "event"))
			skippedLine(e, st.Name, st.Result.Skipped)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d calendars failed to sync; the others are up to date", failed, len(s.Calendars))
	}
	return nil
}
