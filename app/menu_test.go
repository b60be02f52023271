package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// recorder stands in for the shell and notes what the menu asked for.
type recorder struct{ did []string }

func (r *recorder) note(s string)              { r.did = append(r.did, s) }
func (r *recorder) startFocus(d time.Duration) { r.note("start " + d.String()) }
func (r *recorder) startCustom()               { r.note("custom") }
func (r *recorder) pauseResume()               { r.note("pause/resume") }
func (r *recorder) stop()                      { r.note("stop") }
func (r *recorder) ask()                       { r.note("ask") }
func (r *recorder) markHandled(id string)      { r.note("handled " + id) }
func (r *recorder) showStatsNow()              { r.note("stats") }
func (r *recorder) showSettings()              { r.note("settings") }
func (r *recorder) quit()                      { r.note("quit") }
func (r *recorder) logInterruption(c focus.Channel, o focus.Outcome) {
	r.note("log " + string(c) + " " + string(o))
}

func labelsOf(m *fyne.Menu) []string {
	var l []string
	for _, it := range m.Items {
		if !it.IsSeparator {
			l = append(l, it.Label)
		}
	}
	return l
}

func itemOf(t *testing.T, items []*fyne.MenuItem, path ...string) *fyne.MenuItem {
	t.Helper()
	for _, it := range items {
		if it.Label == path[0] {
			if len(path) == 1 {
				return it
			}
			return itemOf(t, it.ChildMenu.Items, path[1:]...)
		}
	}
	t.Fatalf("no item %q", path)
	return nil
}

func TestMenuByState(t *testing.T) {
	for _, tc := range []struct {
		name     string
		status   focus.Status
		pending  int
		want     []string
		disabled []string
	}{
		{"idle", focus.Status{State: focus.Idle}, 0,
			[]string{"Not focusing", "Start focus", "Pause", "Stop", "Sync or async?...", "Log interruption", "Deferred (0)", "Weekly stats...", "Settings...", "Quit"},
			[]string{"Not focusing", "Pause", "Stop", "Deferred (0)"}},
		{"focusing", focus.Status{State: focus.Focusing, Remaining: 17*time.Minute + 10*time.Second, Intent: "write report"}, 2,
			[]string{"Focusing - write report", "Start focus", "Pause", "Stop", "Sync or async?...", "Log interruption", "Deferred (2)", "Weekly stats...", "Settings...", "Quit"},
			[]string{"Focusing - write report", "Start focus"}},
		{"paused", focus.Status{State: focus.Paused, Remaining: 5 * time.Minute}, 0,
			[]string{"Paused", "Start focus", "Resume", "Stop", "Sync or async?...", "Log interruption", "Deferred (0)", "Weekly stats...", "Settings...", "Quit"},
			[]string{"Paused", "Start focus", "Deferred (0)"}},
		{"break", focus.Status{State: focus.OnBreak, Remaining: 4 * time.Minute}, 0,
			[]string{"On a break", "Start focus", "Pause", "Stop", "Sync or async?...", "Log interruption", "Deferred (0)", "Weekly stats...", "Settings...", "Quit"},
			[]string{"On a break", "Pause", "Deferred (0)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := view{status: tc.status, pending: tc.pending, presets: []int{25, 50, 90}}
			for i := range tc.pending {
				v.deferred = append(v.deferred, focus.Interruption{ID: string(rune('a' + i)), Channel: focus.Chat, Who: "Dana"})
			}
			m := buildMenu(v, &recorder{}, nil)
			if got := labelsOf(m); !slices.Equal(got, tc.want) {
				t.Fatalf("labels = %q\nwant     %q", got, tc.want)
			}
			for _, it := range m.Items {
				if it.IsSeparator {
					continue
				}
				if want := slices.Contains(tc.disabled, it.Label); it.Disabled != want {
					t.Errorf("%q disabled = %v, want %v", it.Label, it.Disabled, want)
				}
			}
			if last := m.Items[len(m.Items)-1]; !last.IsQuit {
				t.Error("the last item is not marked IsQuit: Fyne would add a second Quit")
			}
		})
	}
}

func TestMenuActions(t *testing.T) {
	r := &recorder{}
	v := view{status: focus.Status{State: focus.Focusing, Remaining: time.Minute}, presets: []int{25, 50, 90},
		pending: 12, deferred: []focus.Interruption{{ID: "x1", Channel: focus.Call, Who: "Lee"}}}
	m := buildMenu(v, r, nil)
	itemOf(t, m.Items, "Start focus", "50 min").Action()
	itemOf(t, m.Items, "Start focus", "Custom...").Action()
	itemOf(t, m.Items, "Pause").Action()
	log := itemOf(t, m.Items, "Log interruption").ChildMenu.Items
	// Two clicks in the open menu: the first Chat is under "Taken now",
	// the second under "Deferred".
	var chats []*fyne.MenuItem
	for _, it := range log {
		if it.Label == "Chat" {
			chats = append(chats, it)
		}
	}
	if len(chats) != 2 || log[0].Label != "Taken now" || !log[0].Disabled {
		t.Fatalf("Log interruption submenu = %q", labelsOf(itemOf(t, m.Items, "Log interruption").ChildMenu))
	}
	chats[0].Action()
	chats[1].Action()
	deferred := itemOf(t, m.Items, "Deferred (12)").ChildMenu
	if got := labelsOf(deferred); !strings.HasPrefix(got[0], "Lee: Call, ") || got[1] != "and 11 more" || got[2] != "Mark all handled" {
		t.Errorf("Deferred submenu = %q", got)
	}
	deferred.Items[0].Action()
	itemOf(t, deferred.Items, "Mark all handled").Action()
	itemOf(t, m.Items, "Quit").Action()
	want := []string{"start 50m0s", "custom", "pause/resume", "log chat taken", "log chat deferred", "handled x1", "handled ", "quit"}
	if !slices.Equal(r.did, want) {
		t.Errorf("actions = %q\nwant      %q", r.did, want)
	}
}

// The menu is sent again only when what the person can click changes:
// the countdown goes to the title and tooltip (fyne issue 4843: each new
// layout can close a menu open under the pointer).
func TestMenuKeyChangesOnlyWithWhatCanBeClicked(t *testing.T) {
	base := view{status: focus.Status{State: focus.Focusing, Remaining: 17*time.Minute + 50*time.Second}, presets: []int{25}}
	for _, tc := range []struct {
		name    string
		edit    func(*view)
		changes bool
	}{
		{"the next minute", func(v *view) { v.status.Remaining = 16*time.Minute + 59*time.Second }, false},
		{"paused", func(v *view) { v.status.State = focus.Paused }, true},
		{"a new intent", func(v *view) { v.status.Intent = "review" }, true},
		{"one more deferred", func(v *view) { v.pending = 1 }, true},
		{"other presets", func(v *view) { v.presets = []int{25, 50} }, true},
	} {
		next := base
		tc.edit(&next)
		if got := next.key() != base.key(); got != tc.changes {
			t.Errorf("%s: menu sent again = %v, want %v", tc.name, got, tc.changes)
		}
	}
}

func TestDeferredLabel(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 42, 0, 0, time.Local)
	for _, tc := range []struct {
		in   focus.Interruption
		want string
	}{
		{focus.Interruption{Channel: focus.Chat, Who: "Dana", At: at}, "Dana: Chat, 10:42 (mark handled)"},
		{focus.Interruption{Channel: focus.InPerson, At: at}, "In person, 10:42 (mark handled)"},
		{focus.Interruption{Channel: focus.Chat, Who: "Dana", App: "Slack", Count: 5, At: at}, "Dana (Slack ×5), 10:42 (mark handled)"},
		{focus.Interruption{Channel: focus.Email, App: "Thunderbird", Count: 1, At: at}, "Thunderbird, 10:42 (mark handled)"},
	} {
		if got := deferredLabel(nil, tc.in); got != tc.want {
			t.Errorf("deferredLabel = %q, want %q", got, tc.want)
		}
	}
}

// TestMenuInGerman: the tray menu speaks the UI's language, the channel
// names and the deferred list too.
func TestMenuInGerman(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 42, 0, 0, time.Local)
	v := view{status: focus.Status{State: focus.Paused, Remaining: time.Minute, Intent: "Bericht schreiben"}, presets: []int{25, 50},
		pending: 3, deferred: []focus.Interruption{{ID: "x1", Channel: focus.InPerson, Who: "Lee", At: at}}}
	m := buildMenu(v, &recorder{}, l10n.For("de"))
	want := []string{"Angehalten – Bericht schreiben", "Fokus starten", "Fortsetzen", "Stoppen", "Sync oder async?...",
		"Unterbrechung erfassen", "Zurückgestellt (3)", "Wochenstatistik...", "Einstellungen...", "Beenden"}
	if got := labelsOf(m); !slices.Equal(got, want) {
		t.Fatalf("labels = %q\nwant     %q", got, want)
	}
	if got, want := labelsOf(itemOf(t, m.Items, "Fokus starten").ChildMenu), []string{"25 min", "50 min", "Eigene Dauer..."}; !slices.Equal(got, want) {
		t.Errorf("Fokus starten = %q, want %q", got, want)
	}
	log := labelsOf(itemOf(t, m.Items, "Unterbrechung erfassen").ChildMenu)
	if want := []string{"Sofort angenommen", "Anruf", "Chat", "Persönlich", "E-Mail", "Besprechung"}; !slices.Equal(log[:6], want) {
		t.Errorf("Unterbrechung erfassen = %q", log)
	}
	deferred := labelsOf(itemOf(t, m.Items, "Zurückgestellt (3)").ChildMenu)
	if want := []string{"Lee: Persönlich, 10:42 (als erledigt markieren)", "und 2 weitere", "Alle als erledigt markieren"}; !slices.Equal(deferred, want) {
		t.Errorf("Zurückgestellt = %q, want %q", deferred, want)
	}
}
