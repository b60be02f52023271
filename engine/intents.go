package engine

import (
	"errors"
	"fmt"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform/keys"
	"github.com/pingwise/pingwise/platform/link"
	"github.com/pingwise/pingwise/settings"
)

// What the person does in the tray, the windows and the popup. A failure
// is also the notice of the next snapshot.

// StartFocus starts a session of d with intent.
func (e *Engine) StartFocus(d time.Duration, intent string) error {
	return e.do(func(t *focus.Tracker) (focus.Status, error) { return t.Start(d, intent) })
}

// PauseResume pauses a focusing session, or resumes a paused one.
func (e *Engine) PauseResume() error {
	return e.do(func(t *focus.Tracker) (focus.Status, error) {
		st, err := t.Status()
		if err == nil && st.State == focus.Paused {
			return t.Resume()
		}
		return t.Pause()
	})
}

// StopFocus stops the session, or the break.
func (e *Engine) StopFocus() error {
	return e.do(func(t *focus.Tracker) (focus.Status, error) { return t.Stop(0) })
}

// LogIncoming logs an incoming interruption, taken now or deferred.
func (e *Engine) LogIncoming(c focus.Channel, o focus.Outcome) error {
	e.mu.Lock()
	_, err := e.tracker.LogInterruption(focus.Interruption{Direction: focus.Incoming, Channel: c, Outcome: o})
	if err != nil {
		e.notice = err.Error()
	} else {
		e.notice = e.tr.S("notice.logged", l10n.Args{"Channel": ChannelLabel(e.tr, c), "Outcome": e.tr.S("outcome." + string(o))})
	}
	e.actedLocked(e.statusLocked())
	return err
}

// MarkHandled marks deferred interruptions answered: those with ids, or
// all of them when none are given.
func (e *Engine) MarkHandled(ids ...string) error {
	e.mu.Lock()
	err := e.tracker.MarkHandled(ids...)
	if err != nil {
		e.notice = err.Error()
	}
	e.actedLocked(e.statusLocked())
	return err
}

// Decide logs a decision made in the popup.
func (e *Engine) Decide(d focus.Decision) error {
	e.mu.Lock()
	_, err := e.tracker.LogDecision(d)
	if err != nil {
		e.mu.Unlock()
		return err
	}
	e.actedLocked(e.statusLocked())
	return nil
}

// GoSync hands a call or message link on to the handler it had before
// Pingwise: the person chose to call. Going async, the link is dropped.
func (e *Engine) GoSync(raw string) error {
	l, err := link.Parse(raw)
	if err != nil {
		return err
	}
	if e.desk.Links == nil {
		return errors.New("cannot hand the link on: no link handler on this desktop")
	}
	return e.desk.Links.HandOff(l)
}

// Ask opens the popup, prefilled.
func (e *Engine) Ask(a control.Ask) { e.prompt(Prompt{Kind: AskPrompt, Ask: a}) }

// Week is the stats of week w.
func (e *Engine) Week(w focus.Week) (focus.Stats, error) { return e.Tracker().Week(w) }

// Location is the settings' time zone; the computer's when it is unusable.
func (e *Engine) Location() *time.Location {
	cfg := e.Settings()
	loc, err := cfg.Location()
	if err != nil {
		return time.Local
	}
	return loc
}

// Apply saves cfg and puts it into effect: the policy, the hotkey, start at
// login, notifications, quiet focus.
func (e *Engine) Apply(cfg settings.Settings) error {
	if _, err := keys.Parse(cfg.Hotkey); err != nil {
		return fmt.Errorf("hotkey %q: %w", cfg.Hotkey, err)
	}
	if e.save != nil {
		if err := e.save(cfg); err != nil {
			return err
		}
	}
	if e.desk.Autostart != nil {
		if err := e.desk.Autostart.SetAutostart(cfg.StartAtLogin); err != nil {
			return fmt.Errorf("start at login: %w", err)
		}
	}
	e.mu.Lock()
	rekey := cfg.Hotkey != e.cfg.Hotkey
	e.cfg = cfg
	e.tracker = focus.NewTracker(e.db, e.clock, cfg.Policy())
	e.quiet.setConfig(cfg)
	if rekey {
		e.bindHotkey()
	}
	e.notifier.setEnabled(cfg.Notifications)
	e.actedLocked(e.statusLocked())
	return nil
}

// AnswerAway logs what the time away since was, an interruption taken on
// channel ch (none for a planned break), and resumes the session.
func (e *Engine) AnswerAway(since time.Time, ch focus.Channel) error {
	e.mu.Lock()
	if ch != "" {
		if _, err := e.tracker.LogInterruption(focus.Interruption{At: since, Direction: focus.Incoming,
			Channel: ch, Outcome: focus.Taken, Note: "away from the keyboard"}); err != nil {
			e.notice = err.Error()
		}
	}
	st := e.statusLocked()
	if st.State == focus.Paused {
		if resumed, err := e.tracker.Resume(); err != nil {
			e.notice = err.Error()
		} else {
			st = resumed
		}
	}
	e.actedLocked(st)
	return nil
}
