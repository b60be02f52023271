// Package settings reads and writes Pingwise's settings file: plain TOML
// under $XDG_CONFIG_HOME/pingwise/settings.toml that a person can read and
// edit, and that the tray's Settings window writes too.
package settings

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/pingwise/pingwise/calendar"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform/keys"
)

// Settings are everything a person can set.
type Settings struct {
	RefocusMinutes float64 `toml:"refocus_minutes"`
	SessionMinutes int     `toml:"session_minutes"`
	Presets        []int   `toml:"presets"`
	BreakMinutes   int     `toml:"break_minutes"`
	Notifications  bool    `toml:"notifications"`
	Hotkey         string  `toml:"hotkey"`
	WorkingHours   string  `toml:"working_hours"`
	TimeZone       string  `toml:"time_zone"`
	StartAtLogin   bool    `toml:"start_at_login"`

	// Interception: what happens when a chat, mail or call app takes focus
	// during a focus session.
	Intercept      string            `toml:"intercept"`       // "popup", "notification" or "off"
	InterceptEvery int               `toml:"intercept_every"` // minutes between two for the same app
	WatchApps      map[string]string `toml:"watch_apps"`      // window class -> channel
	WatchTitles    map[string]string `toml:"watch_titles"`    // browser window title word -> channel
	AwayMinutes    float64           `toml:"away_minutes"`    // idle this long pauses a session; 0 = never

	// Quiet focus: Do Not Disturb during sessions, and counting what it
	// held back.
	QuietFocus      bool              `toml:"quiet_focus"`
	QuietAllow      []string          `toml:"quiet_allow"`       // apps whose notifications are not counted
	CoalesceMinutes int               `toml:"coalesce_minutes"`  // one person in one app within this is one interruption
	KeepSummaries   bool              `toml:"keep_summaries"`    // keep the sender's name from the summary line
	NotifyApps      map[string]string `toml:"notification_apps"` // sending app -> channel

	// Calendars: where the week's meetings come from (pingwise calendar
	// add), and focus sessions written to one of them as busy time.
	Calendars           []calendar.Source `toml:"calendars"`
	MinFocusBlock       int               `toml:"min_focus_block"`       // minutes: a shorter free stretch is not focus time
	CalendarFocusBlocks string            `toml:"calendar_focus_blocks"` // a CalDAV calendar's name; "" = off
	CalendarFocusIntent bool              `toml:"calendar_focus_intent"` // show the session's intent, not just "Focus"
	CalendarFocusPublic bool              `toml:"calendar_focus_public"` // CLASS:PUBLIC instead of PRIVATE
	// Several devices: a folder a sync engine (Syncthing, Nextcloud,
	// Dropbox, a network share) carries between them, where each device
	// keeps its journal, and this device's name in the others' stats.
	SyncFolder string `toml:"sync_folder"` // "" = this device only
	DeviceName string `toml:"device_name"`

	// Language is the UI's: "" follows the system's locale; "en", "de",
	// "fr" or "es" overrides it. The command line stays English.
	Language string `toml:"language"`
}

// Languages are the UI's languages, as the language setting names them.
var Languages = []string{"en", "de", "fr", "es"}

// Intercept modes.
const (
	InterceptPopup        = "popup"
	InterceptNotification = "notification"
	InterceptOff          = "off"
)

// Defaults returns the settings of a new installation.
func Defaults() Settings {
	return Settings{
		RefocusMinutes:  focus.DefaultRefocus,
		SessionMinutes:  25,
		Presets:         []int{25, 50, 90},
		BreakMinutes:    5,
		Notifications:   true,
		Hotkey:          "Ctrl+Shift+Space",
		WorkingHours:    "09:00-17:00",
		Intercept:       InterceptPopup,
		InterceptEvery:  5,
		WatchApps:       defaultWatchApps(), // per system: X11 classes, Windows image names
		WatchTitles:     map[string]string{"Gmail": "email", "Outlook": "email", "Slack": "chat", "Teams": "chat"},
		AwayMinutes:     5,
		QuietFocus:      true,
		QuietAllow:      []string{},
		CoalesceMinutes: 5,
		KeepSummaries:   true,
		NotifyApps: map[string]string{
			"Slack": "chat", "Teams": "chat", "Discord": "chat", "Signal": "chat", "Telegram": "chat",
			"Element": "chat", "Mattermost": "chat", "Thunderbird": "email", "Evolution": "email",
			"Geary": "email", "Zoom": "call", "Calendar": "meeting",
		},
		MinFocusBlock: 60,
		DeviceName:    hostName(),
	}
}

// hostName is the default device name: the computer's name, or a plain
// word where it has none.
func hostName() string {
	if h, err := os.Hostname(); err == nil && h != "" && focus.CheckText("device_name", h, 100) == nil {
		return h
	}
	return "this computer"
}

// SyncDir returns the sync folder as an absolute path, with a leading ~/
// read as the home folder; empty when sync is off.
func (s *Settings) SyncDir() (string, error) {
	dir := s.SyncFolder
	if rest, ok := strings.CutPrefix(dir+"/", "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("sync_folder %q: no home folder to read ~ as: %w", s.SyncFolder, err)
		}
		dir = filepath.Join(home, rest)
	}
	if dir != "" && !filepath.IsAbs(dir) {
		return "", fmt.Errorf("sync_folder %q: give the full path of the folder, such as ~/Sync/pingwise", s.SyncFolder)
	}
	return dir, nil
}

// Load reads the settings file; a missing file gives the defaults, and a
// key the file leaves out keeps its default.
func Load(path string) (Settings, error) {
	s := Defaults()
	// A table in the file replaces the default one rather than merging
	// into it, so that removing an app from watch_apps removes it.
	s.WatchApps, s.WatchTitles, s.NotifyApps, s.QuietAllow = nil, nil, nil, nil
	md, err := toml.DecodeFile(path, &s)
	if errors.Is(err, fs.ErrNotExist) {
		return Defaults(), nil
	}
	def := Defaults()
	if !md.IsDefined("watch_apps") {
		s.WatchApps = def.WatchApps
	}
	if !md.IsDefined("watch_titles") {
		s.WatchTitles = def.WatchTitles
	}
	if !md.IsDefined("notification_apps") {
		s.NotifyApps = def.NotifyApps
	}
	if !md.IsDefined("quiet_allow") {
		s.QuietAllow = def.QuietAllow
	}
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return s, fmt.Errorf("settings %s: line %d: %s", path, perr.Position.Line, perr.Message)
		}
		return s, fmt.Errorf("settings %s: %w", path, err)
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		return s, fmt.Errorf("settings %s: unknown setting %q", path, extra[0].String())
	}
	if err := s.Validate(); err != nil {
		return s, fmt.Errorf("settings %s: %w", path, err)
	}
	return s, nil
}

// Validate reports the first setting out of range.
func (s *Settings) Validate() error {
	switch {
	case s.RefocusMinutes < 0 || s.RefocusMinutes > 240:
		return fmt.Errorf("refocus_minutes %g is out of range: use 0 to 240", s.RefocusMinutes)
	case s.BreakMinutes != 0 && focus.CheckBreak(time.Duration(s.BreakMinutes)*time.Minute) != nil:
		return fmt.Errorf("break_minutes %d is out of range: use 0 (none) or 1 to %d", s.BreakMinutes, int(focus.MaxBreak/time.Minute))
	}
	if err := focus.CheckPlanned(time.Duration(s.SessionMinutes) * time.Minute); err != nil {
		return fmt.Errorf("session_minutes: %w", err)
	}
	if len(s.Presets) == 0 || len(s.Presets) > 6 {
		return errors.New("presets must list 1 to 6 session lengths in minutes")
	}
	for _, p := range s.Presets {
		if err := focus.CheckPlanned(time.Duration(p) * time.Minute); err != nil {
			return fmt.Errorf("presets: %w", err)
		}
	}
	if _, _, err := s.Hours(); err != nil {
		return err
	}
	if _, err := s.Location(); err != nil {
		return err
	}
	switch s.Intercept {
	case InterceptPopup, InterceptNotification, InterceptOff:
	default:
		return fmt.Errorf("intercept %q: use popup, notification or off", s.Intercept)
	}
	if s.Language != "" && !slices.Contains(Languages, s.Language) {
		return fmt.Errorf("language %q: use \"\" (the system's), en, de, fr or es", s.Language)
	}
	if s.InterceptEvery < 0 || s.InterceptEvery > 240 {
		return fmt.Errorf("intercept_every %d is out of range: use 0 to 240 minutes", s.InterceptEvery)
	}
	if s.AwayMinutes != 0 && (s.AwayMinutes < 0.5 || s.AwayMinutes > 240) {
		return fmt.Errorf("away_minutes %g is out of range: use 0 (never) or 0.5 to 240", s.AwayMinutes)
	}
	if s.CoalesceMinutes < 0 || s.CoalesceMinutes > 120 {
		return fmt.Errorf("coalesce_minutes %d is out of range: use 0 to 120", s.CoalesceMinutes)
	}
	for what, m := range map[string]map[string]string{"watch_apps": s.WatchApps, "watch_titles": s.WatchTitles, "notification_apps": s.NotifyApps} {
		for name, ch := range m {
			if _, err := focus.ParseChannel(ch); err != nil {
				return fmt.Errorf("%s %q: %w", what, name, err)
			}
			if err := focus.CheckText(what, name, 100); err != nil || strings.TrimSpace(name) == "" {
				return fmt.Errorf("%s: %q is not a usable name", what, name)
			}
		}
	}
	if _, err := s.SyncDir(); err != nil {
		return err
	}
	if err := focus.CheckText("sync_folder", s.SyncFolder, 1000); err != nil {
		return err
	}
	if strings.TrimSpace(s.DeviceName) == "" {
		return errors.New("device_name is empty: name this computer, such as \"laptop\"")
	}
	if err := focus.CheckText("device_name", s.DeviceName, 100); err != nil {
		return err
	}
	if err := s.validateCalendars(); err != nil {
		return err
	}
	if err := focus.CheckText("hotkey", s.Hotkey, 40); err != nil {
		return err
	}
	if _, err := keys.Parse(s.Hotkey); err != nil {
		return fmt.Errorf("hotkey: %w", err)
	}
	return nil
}

func (s *Settings) validateCalendars() error {
	if s.MinFocusBlock < 15 || s.MinFocusBlock > 480 {
		return fmt.Errorf("min_focus_block %d is out of range: use 15 to 480 minutes", s.MinFocusBlock)
	}
	seen := map[string]bool{}
	for i := range s.Calendars {
		c := &s.Calendars[i]
		if err := c.Validate(); err != nil {
			return fmt.Errorf("calendars: %w", err)
		}
		if seen[c.Name] {
			return fmt.Errorf("calendars: the name %q is used twice", c.Name)
		}
		seen[c.Name] = true
	}
	if s.CalendarFocusBlocks != "" {
		c := s.Calendar(s.CalendarFocusBlocks)
		if c == nil || c.Kind != calendar.KindCalDAV {
			return fmt.Errorf("calendar_focus_blocks %q: name a CalDAV calendar from the calendars list", s.CalendarFocusBlocks)
		}
	}
	return nil
}

// Calendar returns the calendar source named name, nil when there is none.
func (s *Settings) Calendar(name string) *calendar.Source {
	for i := range s.Calendars {
		if s.Calendars[i].Name == name {
			return &s.Calendars[i]
		}
	}
	return nil
}

// Hours returns the working hours as offsets from midnight.
func (s *Settings) Hours() (start, end time.Duration, err error) {
	from, to, ok := strings.Cut(s.WorkingHours, "-")
	a, err1 := time.Parse("15:04", strings.TrimSpace(from))
	b, err2 := time.Parse("15:04", strings.TrimSpace(to))
	if !ok || err1 != nil || err2 != nil || !b.After(a) {
		return 0, 0, fmt.Errorf("working_hours %q: write them as 09:00-17:00", s.WorkingHours)
	}
	midnight := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)
	return a.Sub(midnight), b.Sub(midnight), nil
}

// Location returns the time zone setting, the computer's own when empty.
func (s *Settings) Location() (*time.Location, error) {
	if s.TimeZone == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return nil, fmt.Errorf("time_zone %q is not a known IANA zone such as Europe/Berlin", s.TimeZone)
	}
	return loc, nil
}

// Policy returns what the focus tracker needs of the settings.
func (s *Settings) Policy() focus.Policy {
	return focus.Policy{
		Break:   time.Duration(s.BreakMinutes) * time.Minute,
		Refocus: s.RefocusMinutes,
	}
}

var file = template.Must(template.New("settings").Funcs(template.FuncMap{"q": func(s string) string {
	return fmt.Sprintf("%q", s)
}}).Parse(`# Pingwise settings. Edit freely: the app reads this file when it starts and
# when you save it from the Settings window; the command line reads it each time.

# Minutes it takes to regain focus after an interruption (Gloria Mark: 23 min 15 s).
refocus_minutes = {{.RefocusMinutes}}

# Length of a focus session started without a length, and the tray's choices.
session_minutes = {{.SessionMinutes}}
presets = [{{range $i, $p := .Presets}}{{if $i}}, {{end}}{{$p}}{{end}}]

# Break after a completed session, in minutes (0 for none).
break_minutes = {{.BreakMinutes}}

# Notify when a session or break ends.
notifications = {{.Notifications}}

# Global shortcut for the "Sync or async?" popup (X11).
hotkey = {{q .Hotkey}}

# Your working hours, and the time zone they are in ("" = this computer's).
# The advisor uses them for recipients who have not set their own.
working_hours = {{q .WorkingHours}}
time_zone = {{q .TimeZone}}

# Start Pingwise when you log in.
start_at_login = {{.StartAtLogin}}

# The language of the tray, the windows and the notifications: "" follows
# the system's locale; "en", "de", "fr" or "es" chooses one. Read at start.
language = {{q .Language}}

# When a chat, mail or call app takes focus during a focus session: "popup"
# asks "sync or async?", "notification" only reminds you, "off" does nothing.
# At most once per app every intercept_every minutes.
intercept = {{q .Intercept}}
intercept_every = {{.InterceptEvery}}

# Away from the keyboard this many minutes during a session pauses it; on
# your return one click says what it was. 0 turns this off.
away_minutes = {{.AwayMinutes}}

# Quiet focus: the desktop's Do Not Disturb during sessions, put back as it
# was after; the notifications held become deferred interruptions, one per
# person and app within coalesce_minutes. quiet_allow lists apps that are
# not counted. keep_summaries keeps the sender's name (never the message).
quiet_focus = {{.QuietFocus}}
quiet_allow = [{{range $i, $a := .QuietAllow}}{{if $i}}, {{end}}{{q $a}}{{end}}]
coalesce_minutes = {{.CoalesceMinutes}}
keep_summaries = {{.KeepSummaries}}

# Calendars (pingwise calendar add/list/remove/sync; the [[calendars]] at the
# end). A free stretch inside working hours counts as time to focus when it
# is at least min_focus_block minutes. calendar_focus_blocks names a CalDAV
# calendar to write each focus session to as busy time ("" = off): titled
# "Focus", private, unless calendar_focus_intent shows the session's intent
# and calendar_focus_public makes it public.
min_focus_block = {{.MinFocusBlock}}
calendar_focus_blocks = {{q .CalendarFocusBlocks}}
calendar_focus_intent = {{.CalendarFocusIntent}}
calendar_focus_public = {{.CalendarFocusPublic}}
# Several devices: a folder that Syncthing, Nextcloud, Dropbox or a network
# share keeps the same on all of them ("" = this device only). Each device
# appends its events to its own journal there and reads the others', so the
# stats cover every device; the database never goes in it. device_name is
# how the other devices' stats name this one.
sync_folder = {{q .SyncFolder}}
device_name = {{q .DeviceName}}

# Apps to notice, by window class (any part of it, any case), and the
# channel each one means: call, chat, email, meeting, in-person or other.
[watch_apps]
{{range $k, $v := .WatchApps}}{{q $k}} = {{q $v}}
{{end}}
# Words in a browser window's title, and the channel they mean.
[watch_titles]
{{range $k, $v := .WatchTitles}}{{q $k}} = {{q $v}}
{{end}}
# Apps whose notifications arrive during a session, and their channel.
[notification_apps]
{{range $k, $v := .NotifyApps}}{{q $k}} = {{q $v}}
{{end}}{{range .Calendars}}
# A calendar: kind is file, ics or caldav; me are your addresses in it. The
# password is in the desktop's secret store, never here.
[[calendars]]
name = {{q .Name}}
source = {{q .URL}}
kind = {{q .Kind}}
user = {{q .User}}
me = [{{range $i, $m := .Me}}{{if $i}}, {{end}}{{q $m}}{{end}}]
{{end}}`))

// Save writes the settings file atomically, keeping its comments.
func Save(path string, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := file.Execute(&buf, s); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create settings folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".settings-*.toml")
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("save settings: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save settings: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}
