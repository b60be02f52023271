package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
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
	fmt.Fprintf(&b, "%s|%s|%d|%v", v.status.State, v.status.Intent, v.pending, v.presets)
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
func buildMenu(v view, a actions, tr *l10n.T) *fyne.Menu {
	st := v.status.State
	active := st == focus.Focusing || st == focus.Paused

	var starts []*fyne.MenuItem
	for _, m := range v.presets {
		d := time.Duration(m) * time.Minute
		starts = append(starts, item(tr.S("menu.minutes", l10n.Args{"N": m}), func() { a.startFocus(d) }, false))
	}
	starts = append(starts, fyne.NewMenuItemSeparator(), item(tr.S("menu.custom"), a.startCustom, false))

	pause := tr.S("menu.pause")
	if st == focus.Paused {
		pause = tr.S("menu.resume")
	}

	// Logging an incoming interruption takes two clicks in the open menu:
	// the submenu, then the channel under "Taken now" or "Deferred".
	logs := []*fyne.MenuItem{heading(tr.S("menu.takenNow"))}
	for _, c := range logChannels {
		logs = append(logs, item(engine.ChannelLabel(tr, c), func() { a.logInterruption(c, focus.Taken) }, false))
	}
	logs = append(logs, fyne.NewMenuItemSeparator(), heading(tr.S("menu.deferred")))
	for _, c := range logChannels {
		logs = append(logs, item(engine.ChannelLabel(tr, c), func() { a.logInterruption(c, focus.Deferred) }, false))
	}

	var pending []*fyne.MenuItem
	for _, d := range v.deferred {
		pending = append(pending, item(deferredLabel(tr, d), func() { a.markHandled(d.ID) }, false))
	}
	if more := v.pending - len(v.deferred); more > 0 {
		pending = append(pending, heading(tr.S("menu.andMore", l10n.Args{"N": more})))
	}
	pending = append(pending, fyne.NewMenuItemSeparator(), item(tr.S("menu.markAll"), func() { a.markHandled("") }, false))

	quit := item(tr.S("menu.quit"), a.quit, false)
	quit.IsQuit = true
	return fyne.NewMenu("Pingwise",
		heading(engine.Heading(tr, v.status)),
		fyne.NewMenuItemSeparator(),
		submenu(tr.S("menu.startFocus"), active, starts...),
		item(pause, a.pauseResume, !active),
		item(tr.S("menu.stop"), a.stop, st == focus.Idle),
		fyne.NewMenuItemSeparator(),
		item(tr.S("menu.ask"), a.ask, false),
		submenu(tr.S("menu.log"), false, logs...),
		submenu(tr.S("menu.deferredN", l10n.Args{"N": v.pending}), v.pending == 0, pending...),
		fyne.NewMenuItemSeparator(),
		item(tr.S("menu.stats"), a.showStatsNow, false),
		item(tr.S("menu.settings"), a.showSettings, false),
		fyne.NewMenuItemSeparator(),
		quit,
	)
}

// deferredLabel names a deferred interruption: "Dana: chat, 10:42", or for
// held notifications "Dana (Slack ×5), 10:42".
func deferredLabel(tr *l10n.T, i focus.Interruption) string {
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
		who = i.Who + ": " + engine.ChannelLabel(tr, i.Channel)
	default:
		who = engine.ChannelLabel(tr, i.Channel)
	}
	return tr.S("menu.deferredItem", l10n.Args{"Who": who, "Time": i.At.Local().Format("15:04")})
}
