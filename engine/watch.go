package engine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/settings"
)

// AskCommand is what to bind where Pingwise cannot bind a key itself.
const AskCommand = "pingwise ask"

// bindHotkey binds the popup's global key, releasing the one held before.
// When it cannot, it says why once, with the command to bind instead; the
// tray and `pingwise ask` still open the popup.
func (e *Engine) bindHotkey() {
	if e.release != nil {
		e.release()
		e.release = nil
	}
	spec := e.cfg.Hotkey
	if e.desk.Hotkey == nil {
		st := e.desk.Status[platform.HotkeyService]
		e.hotkey = st
		if st.How != "" {
			e.sayLocked(e.tr.S("kept.noHotkey", l10n.Args{"Why": e.how(st)}))
		}
		return
	}
	release, err := e.desk.Hotkey.Bind(spec, func() { e.Ask(control.Ask{}) })
	switch {
	case errors.Is(err, platform.ErrKeyTaken):
		e.hotkey = platform.Missing(fmt.Sprintf("%s is taken by another application: choose another key in Settings, or bind %q in your desktop's keyboard settings", spec, AskCommand)).
			Said("hotkeyTaken", spec)
	case err != nil:
		e.hotkey = platform.Missing(fmt.Sprintf("hotkey %s: %v; bind %q in your desktop's keyboard settings", spec, err, AskCommand)).
			Said("hotkeyFailed", spec, err.Error())
	default:
		e.release = release
		e.hotkey = platform.Works(spec+" through "+e.desk.Status[platform.HotkeyService].How).
			Said("hotkeyThrough", spec, e.how(e.desk.Status[platform.HotkeyService]))
		return
	}
	e.sayLocked(capitalize(e.how(e.hotkey)) + ".")
}

// how says a status's How in the UI's language, where the catalogs have
// its message; in English otherwise.
func (e *Engine) how(st platform.Status) string { return How(e.tr, st) }

// How says a status's How in tr's language, where the catalogs have its
// message (Status.Key); in English otherwise.
func How(tr *l10n.T, st platform.Status) string {
	if st.Key == "" || !tr.Has("doctor.how."+st.Key) {
		return st.How
	}
	args := l10n.Args{}
	for i, a := range st.Args {
		args["A"+strconv.Itoa(i)] = a
	}
	return tr.S("doctor.how."+st.Key, args)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// browsers are the window classes whose titles are read for web apps
// (Gmail, Outlook on the web...).
var browsers = []string{"firefox", "chromium", "chrome", "brave", "vivaldi", "epiphany", "edge", "opera", "librewolf", "falkon", "msedge"}

// Watched tells whether a window is a chat, mail or call app worth asking
// about, and names it and its channel.
func Watched(w platform.Window, cfg settings.Settings) (name string, ch focus.Channel, ok bool) {
	class := strings.ToLower(w.AppID + " " + w.Class + " " + w.Instance)
	for app, c := range cfg.WatchApps {
		if strings.Contains(class, strings.ToLower(app)) {
			return app, focus.Channel(c), true
		}
	}
	for _, b := range browsers {
		if !strings.Contains(class, b) {
			continue
		}
		title := strings.ToLower(w.Title)
		for word, c := range cfg.WatchTitles {
			if strings.Contains(title, strings.ToLower(word)) {
				return word, focus.Channel(c), true
			}
		}
	}
	return "", "", false
}

// watchActive asks "sync or async?" when a chat, mail or call app takes
// focus during a focus session: the moment before a ping.
func (e *Engine) watchActive() {
	if e.desk.Active == nil {
		return
	}
	stop, err := e.desk.Active.WatchActive(e.activated)
	if err != nil {
		e.sayLocked(e.tr.S("kept.noActive", l10n.Args{"Err": err.Error()}))
		return
	}
	e.stopWin = stop
}

// activated runs on the watcher's goroutine.
func (e *Engine) activated(w platform.Window) {
	e.mu.Lock()
	cfg := e.cfg
	if cfg.Intercept == settings.InterceptOff || e.closed {
		e.mu.Unlock()
		return
	}
	name, ch, ok := Watched(w, cfg)
	if !ok {
		e.mu.Unlock()
		return
	}
	st, err := e.settledLocked()
	if err != nil || st.State != focus.Focusing {
		e.mu.Unlock()
		return
	}
	// At most once per app every few minutes: switching back and forth
	// must not become an interruption of its own.
	now := e.clock.Now()
	if last, seen := e.asked[name]; seen && now.Sub(last) < time.Duration(cfg.InterceptEvery)*time.Minute {
		e.mu.Unlock()
		return
	}
	if e.asked == nil {
		e.asked = map[string]time.Time{}
	}
	e.asked[name] = now
	e.mu.Unlock()
	if cfg.Intercept == settings.InterceptNotification {
		e.notifier.send(e.tr.S("popup.title"), e.tr.S("notify.intercept.body", l10n.Args{"App": name}))
		return
	}
	e.Ask(control.Ask{People: 1, Channel: string(ch), Target: name})
}

// The away watch: no input for away_minutes during a session pauses it
// from the moment input stopped; the first input after that asks, in one
// click, what it was.
const (
	awayCheck   = 20 * time.Second // how often idle time is read during a session
	returnCheck = 2 * time.Second  // how often while away, to ask soon after the return
	backIdle    = 5 * time.Second  // idle less than this after being away: back
)

type away struct {
	timer Timer
	since time.Time // when input stopped; zero when not away
}

func (e *Engine) watchAway() {
	if e.desk.Idle == nil {
		return
	}
	e.away.timer = e.clock.AfterFunc(awayCheck, e.checkAway)
}

// checkAway runs on the timer's goroutine.
func (e *Engine) checkAway() {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return
	}
	next := awayCheck
	// The timer was set before the first check, and a Timer may be reset
	// from any goroutine: this needs no lock.
	defer func() { e.away.timer.Reset(next) }()
	limit := time.Duration(e.cfg.AwayMinutes * float64(time.Minute))
	if limit == 0 {
		e.mu.Unlock()
		return
	}
	idle, err := e.desk.Idle.Idle()
	if err != nil {
		e.mu.Unlock()
		return
	}
	now := e.clock.Now()
	if since := e.away.since; !since.IsZero() {
		next = returnCheck
		if idle >= backIdle {
			e.mu.Unlock()
			return
		}
		e.away.since = time.Time{} // asked: a second return is not asked again
		e.mu.Unlock()
		e.prompt(Prompt{Kind: AwayPrompt, Since: since, Gone: now.Sub(since) - idle})
		return
	}
	st, err := e.settledLocked()
	if idle < limit || err != nil || st.State != focus.Focusing {
		e.mu.Unlock()
		return
	}
	since := now.Add(-idle)
	st, err = e.tracker.PauseSince(since)
	if err != nil {
		e.notice = err.Error()
		e.mu.Unlock()
		return
	}
	e.away.since = since
	next = returnCheck
	e.actedLocked(st)
}
