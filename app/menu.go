package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/focus"
)

// view is everything the tray menu and the main window show.
type view struct {
	status   focus.Status
	deferred []focus.Interruption
	pending  int
	presets  []int
}

// key identifies what the menu shows, so it is sent again only on change:
// the heading has no minutes in it, so a countdown does not change it.
func (v view) key() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%d|%v", v.status.Heading(), v.pending, v.presets)
	for _, d := range v.deferred {
		b.WriteString("|" + d.ID)
	}
	return b.String()
}

// actions are what the menu can do; the shell does them.
type actions interface {
	startFocus(time.Duration)
	startCustom()
	pauseResume()
	stop()
	ask()
	logInterruption(focus.Channel, focus.Outcome)
	markHandled(id string) // "" marks all
	showStatsNow()
	showSettings()
	quit()
}

// logChannels are the channels the tray offers, in its order.
var logChannels = []focus.Channel{focus.Call, focus.Chat, focus.InPerson, focus.Email, focus.Meeting}

func item(label string, action func(), disabled bool) *fyne.MenuItem {
	i := fyne.NewMenuItem(label, action)
	i.Disabled = disabled
	return i
}

func heading(label string) *fyne.MenuItem { return item(label, nil, true) }

func submenu(label string, disabled bool, items ...*fyne.MenuItem) *fyne.MenuItem {
	i := item(label, nil, disabled)
	i.ChildMenu = fyne.NewMenu("", items...)
	return i
}

// buildMenu lays out the tray menu for v. Items that do not apply are
// disabled, not hidden, so the menu never moves under the pointer.
func buildMenu(v view, a actions) *fyne.Menu {
	st := v.status.State
	active := st == focus.Focusing || st == focus.Paused

	var starts []*fyne.MenuItem
	for _, m := range v.presets {
		d := time.Duration(m) * time.Minute
		starts = append(starts, item(fmt.Sprintf("%d min", m), func() { a.startFocus(d) }, false))
	}
	starts = append(starts, fyne.NewMenuItemSeparator(), item("Custom...", a.startCustom, false))

	pause := "Pause"
	if st == focus.Paused {
		pause = "Resume"
	}

	// Logging an incoming interruption takes two clicks in the open menu:
	// the submenu, then the channel under "Taken now" or "Deferred".
	logs := []*fyne.MenuItem{heading("Taken now")}
	for _, c := range logChannels {
		logs = append(logs, item(c.Label(), func() { a.logInterruption(c, focus.Taken) }, false))
	}
	logs = append(logs, fyne.NewMenuItemSeparator(), heading("Deferred"))
	for _, c := range logChannels {
		logs = append(logs, item(c.Label(), func() { a.logInterruption(c, focus.Deferred) }, false))
	}

	var pending []*fyne.MenuItem
	for _, d := range v.deferred {
		pending = append(pending, item(deferredLabel(d), func() { a.markHandled(d.ID) }, false))
	}
	if more := v.pending - len(v.deferred); more > 0 {
		pending = append(pending, heading(fmt.Sprintf("and %d more", more)))
	}
	pending = append(pending, fyne.NewMenuItemSeparator(), item("Mark all handled", func() { a.markHandled("") }, false))

	quit := item("Quit", a.quit, false)
	quit.IsQuit = true
	return fyne.NewMenu("Pingwise",
		heading(v.status.Heading()),
		fyne.NewMenuItemSeparator(),
		submenu("Start focus", active, starts...),
		item(pause, a.pauseResume, !active),
		item("Stop", a.stop, st == focus.Idle),
		fyne.NewMenuItemSeparator(),
		item("Sync or async?...", a.ask, false),
		submenu("Log interruption", false, logs...),
		submenu(fmt.Sprintf("Deferred (%d)", v.pending), v.pending == 0, pending...),
		fyne.NewMenuItemSeparator(),
		item("Weekly stats...", a.showStatsNow, false),
		item("Settings...", a.showSettings, false),
		fyne.NewMenuItemSeparator(),
		quit,
	)
}

// deferredLabel names a deferred interruption: "Dana: chat, 10:42", or for
// held notifications "Dana (Slack ×5), 10:42".
func deferredLabel(i focus.Interruption) string {
	var who string
	switch {
	case i.App != "":
		who = i.App
		if i.Count > 1 {
			who += fmt.Sprintf(" ×%d", i.Count)
		}
		if i.Who != "" {
			who = i.Who + " (" + who + ")"
		}
	case i.Who != "":
		who = i.Who + ": " + string(i.Channel)
	default:
		who = i.Channel.Label()
	}
	return fmt.Sprintf("%s, %s (mark handled)", who, i.At.Local().Format("15:04"))
}
