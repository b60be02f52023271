package settings

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/pingwise/pingwise/calendar"
)

func TestMissingFileGivesDefaults(t *testing.T) {
	s, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil || !reflect.DeepEqual(s, Defaults()) {
		t.Fatalf("Load of a missing file = %+v, %v", s, err)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "settings.toml")
	want := Defaults()
	want.RefocusMinutes, want.Presets, want.TimeZone = 23.25, []int{20, 45}, "Europe/Berlin"
	want.Intercept, want.AwayMinutes = InterceptNotification, 0.5
	want.WatchApps = map[string]string{"Slack": "chat", "My \"Odd\" App": "call"}
	want.SyncFolder, want.DeviceName = "~/Sync/pingwise", "Ana's \"desk\""
	want.Language = "de"
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "# Minutes it takes to regain focus") {
		t.Error("the saved file lost its comments")
	}
}

func TestATableInTheFileReplacesTheDefault(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.toml")
	os.WriteFile(path, []byte("[watch_apps]\nSlack = \"chat\"\n"), 0o600)
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.WatchApps) != 1 || s.WatchApps["Slack"] != "chat" {
		t.Errorf("watch_apps = %v, want only Slack", s.WatchApps)
	}
	if !reflect.DeepEqual(s.WatchTitles, Defaults().WatchTitles) {
		t.Errorf("watch_titles left out of the file = %v, want the defaults", s.WatchTitles)
	}
}

func TestBadFiles(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"syntax", "refocus_minutes = = 3\n", "line 1"},
		{"unknown key", "refocus = 3\n", `unknown setting "refocus"`},
		{"range", "break_minutes = 500\n", "break_minutes 500 is out of range"},
		{"zone", "time_zone = \"Mars/Olympus\"\n", "not a known IANA zone"},
		{"hotkey", "hotkey = \"Ctrl+Shift+Nope\"\n", `hotkey: hotkey "Ctrl+Shift+Nope": unknown key "Nope"`},
		{"bare hotkey", "hotkey = \"Space\"\n", "needs a modifier"},
		{"hours", "working_hours = \"17:00-09:00\"\n", "working_hours"},
		{"intercept", "intercept = \"loud\"\n", "use popup, notification or off"},
		{"language", "language = \"klingon\"\n", `language "klingon": use "" (the system's), en, de, fr or es`},
		{"away", "away_minutes = 0.1\n", "away_minutes 0.1 is out of range"},
		{"channel", "[watch_apps]\nSlack = \"pigeon\"\n", `watch_apps "Slack"`},
		{"presets", "presets = []\n", "presets"},
		{"relative sync folder", "sync_folder = \"Sync\"\n", "give the full path"},
		{"empty device name", "device_name = \" \"\n", "device_name is empty"},
		{"device name with a newline", "device_name = \"a\\nb\"\n", "device_name contains a control character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "settings.toml")
			os.WriteFile(path, []byte(tc.body), 0o600)
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Load: %v, want an error naming the file and saying %q", err, tc.want)
			}
		})
	}
}

func TestSaveRefusesInvalid(t *testing.T) {
	s := Defaults()
	s.SessionMinutes = 0
	path := filepath.Join(t.TempDir(), "settings.toml")
	if err := Save(path, s); err == nil {
		t.Fatal("saved an invalid session length")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was written")
	}
}

func TestCalendarsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.toml")
	want := Defaults()
	want.Calendars = []calendar.Source{
		{Name: "work", URL: "https://dav.example.com/cal/dana/work/", Kind: calendar.KindCalDAV, User: "dana", Me: []string{"dana@example.com", "d@example.com"}},
		{Name: "holidays", URL: filepath.Join(t.TempDir(), "holidays.ics"), Kind: calendar.KindFile, Me: []string{}},
	}
	want.CalendarFocusBlocks, want.CalendarFocusIntent, want.MinFocusBlock = "work", true, 90
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip: %v\n got %+v\nwant %+v", err, got.Calendars, want.Calendars)
	}
	b, _ := os.ReadFile(path)
	if strings.Contains(string(b), "password =") {
		t.Error("the file has a password key")
	}
	x, y := "/x.ics", "/y.ics"
	if runtime.GOOS == "windows" {
		x, y = "C:/x.ics", "C:/y.ics"
	}
	for _, tc := range []struct{ name, body, want string }{
		{"focus blocks on no calendar", `calendar_focus_blocks = "work"` + "\n", `calendar_focus_blocks "work"`},
		{"focus blocks on a file", `calendar_focus_blocks = "f"` + "\n[[calendars]]\nname = \"f\"\nsource = \"" + x + "\"\nkind = \"file\"\n", "name a CalDAV calendar"},
		{"twice", "[[calendars]]\nname = \"f\"\nsource = \"" + x + "\"\nkind = \"file\"\n[[calendars]]\nname = \"f\"\nsource = \"" + y + "\"\nkind = \"file\"\n", "used twice"},
		{"plain http", "[[calendars]]\nname = \"f\"\nsource = \"http://example.com/x.ics\"\nkind = \"ics\"\n", "use https"},
		{"block", "min_focus_block = 5\n", "min_focus_block 5 is out of range"},
	} {
		os.WriteFile(path, []byte(tc.body), 0o600)
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestSyncDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home) // the home folder on Windows
	share := filepath.Join(t.TempDir(), "share", "pingwise")
	for _, tc := range []struct{ folder, want string }{
		{"", ""},
		{"~/Sync/pingwise", filepath.Join(home, "Sync", "pingwise")},
		{"~", home},
		{share, share},
	} {
		s := Defaults()
		s.SyncFolder = tc.folder
		if got, err := s.SyncDir(); err != nil || got != tc.want {
			t.Errorf("SyncDir of %q = %q, %v; want %q", tc.folder, got, err, tc.want)
		}
	}
	if name, _ := os.Hostname(); name != "" && Defaults().DeviceName != name {
		t.Errorf("device_name defaults to %q, want the host name %q", Defaults().DeviceName, name)
	}
}
