package engine

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/freedesktop"
	"github.com/pingwise/pingwise/settings"
)

// quiet keeps sessions quiet: the desktop's Do Not Disturb while focusing,
// and the notifications it held counted as interruptions. Its first fields
// are the engine's (under e.mu); the rest are shared with the monitor's
// goroutine, which must never wait for the engine's lock: a flood of
// notifications cannot stall the app.
type quiet struct {
	dnd     platform.DND // nil until probed, or when the server has no switch
	probed  bool
	engaged bool // Do Not Disturb is Pingwise's, per the store's record
	stop    func() error

	since         atomic.Pointer[time.Time]         // the focusing session's start; nil otherwise
	cfg           atomic.Pointer[settings.Settings] // the settings it applies
	criticalShows atomic.Bool
	pending       atomic.Bool // a refresh is scheduled
	lost          atomic.Uint64

	mu     sync.Mutex
	co     *freedesktop.Coalescer
	groups map[string]string // coalesced group -> the interruption logged for it
}

func (q *quiet) setConfig(cfg settings.Settings) {
	q.cfg.Store(&cfg)
	q.mu.Lock()
	defer q.mu.Unlock()
	q.co = freedesktop.NewCoalescer(time.Duration(cfg.CoalesceMinutes)*time.Minute, 1024, cfg.KeepSummaries)
	q.groups = map[string]string{}
}

// startQuiet starts watching notifications, and takes over a Do Not
// Disturb record a crashed Pingwise left: the first refresh decides whether
// it stays on.
func (e *Engine) startQuiet() {
	q := &e.quiet
	q.setConfig(e.cfg)
	if _, ok, err := e.db.State(focus.StateDND); err != nil {
		e.sayLocked(err.Error())
	} else if ok {
		q.engaged = true
	}
	if e.desk.Quiet == nil {
		return
	}
	stop, err := e.desk.Quiet.Monitor(e.held)
	if err != nil {
		e.sayLocked(e.tr.S("kept.noMonitor", l10n.Args{"Err": err.Error()}))
		return
	}
	q.stop = stop
}

// reconcileQuiet makes Do Not Disturb follow the state: on while focusing,
// as the person had it otherwise. It runs with every change, and acts only
// when the wanted state differs from the one in force.
func (e *Engine) reconcileQuiet(st focus.Status) {
	q := &e.quiet
	want := e.cfg.QuietFocus && st.State == focus.Focusing
	if want {
		started := st.Started
		q.since.Store(&started)
	} else {
		q.since.Store(nil)
	}
	switch {
	case want && !q.engaged:
		q.engaged = true
		if d := e.dndSwitch(); d != nil {
			if err := freedesktop.Engage(d, e.db, focus.StateDND); err != nil {
				e.sayLocked(err.Error())
			}
		}
	case !want && q.engaged:
		q.engaged = false
		e.putBack()
		q.setConfig(e.cfg)
	}
}

// putBack restores the person's own Do Not Disturb.
func (e *Engine) putBack() {
	if d := e.dndSwitch(); d != nil {
		if err := freedesktop.Restore(d, e.db, focus.StateDND); err != nil {
			e.sayLocked(err.Error())
		}
		return
	}
	if e.desk.Quiet == nil {
		return // nothing was switched here; the record waits for a desktop that can
	}
	if err := freedesktop.PutBack(e.db, focus.StateDND); err != nil {
		e.sayLocked(err.Error())
	}
}

// dndSwitch finds the notification server's switch, once; nil when there
// is none, said once.
func (e *Engine) dndSwitch() platform.DND {
	q := &e.quiet
	if q.probed || e.desk.Quiet == nil {
		return q.dnd
	}
	q.probed = true
	d, err := e.desk.Quiet.Switch()
	if err != nil {
		// The detail goes to standard error only: it means nothing to a
		// person, and a missing server is the common case.
		name, msg := "none", e.tr.S("kept.noServer")
		var un *freedesktop.UnsupportedError
		if errors.As(err, &un) {
			name, msg = un.Server, e.tr.S("kept.noDND", l10n.Args{"Server": un.Server})
		}
		if err := e.db.SetState(focus.StateDNDUnavailable, name); err != nil {
			fmt.Fprintln(e.stderr, "pingwise:", err)
		}
		fmt.Fprintln(e.stderr, "pingwise: do not disturb:", err)
		e.sayLocked(msg)
		return nil
	}
	if err := e.db.DeleteState(focus.StateDNDUnavailable); err != nil {
		fmt.Fprintln(e.stderr, "pingwise:", err)
	}
	q.dnd = d
	q.criticalShows.Store(d.CriticalShows())
	return d
}

// stopQuiet stops the watch and puts the desktop back as it was.
func (e *Engine) stopQuiet() {
	if e.quiet.stop != nil {
		if err := e.quiet.stop(); err != nil {
			fmt.Fprintln(e.stderr, "pingwise: notification monitor:", err)
		}
	}
	if e.quiet.engaged {
		e.putBack()
	}
}

// held runs on the monitor's goroutine for every notification. During a
// session it becomes an interruption, one per person and app within the
// coalescing window; the UI hears about it at most twice a second. A
// notification that cannot be stored is counted and said, never dropped
// without a trace.
func (e *Engine) held(n platform.Notification) {
	q := &e.quiet
	if q.since.Load() == nil {
		return
	}
	cfg := q.cfg.Load()
	for _, a := range cfg.QuietAllow {
		if strings.EqualFold(a, n.App) {
			return
		}
	}
	q.mu.Lock()
	g, isNew := q.co.Add(n, e.clock.Now())
	id := q.groups[g.Key]
	q.mu.Unlock()
	t := e.Tracker()
	if !isNew && id != "" {
		if err := e.db.Coalesce(id); err != nil {
			e.lostNotification(err)
			return
		}
		e.refreshSoon()
		return
	}
	outcome := focus.Deferred
	if g.Critical && q.criticalShows.Load() {
		outcome = focus.Taken // it showed: the daemons let critical ones through
	}
	app := clean(g.App)
	i, err := t.LogInterruption(focus.Interruption{Direction: focus.Incoming,
		Channel: freedesktop.ChannelFor(app, cfg.NotifyApps), Outcome: outcome, Who: g.Who, App: app, Count: 1})
	if err != nil {
		e.lostNotification(err)
		return
	}
	q.mu.Lock()
	q.groups[g.Key] = i.ID
	q.mu.Unlock()
	e.refreshSoon()
}

// lostNotification says, once on standard error and as a kept line, that a
// held notification could not be stored; the count of such is in Lost.
func (e *Engine) lostNotification(err error) {
	if e.quiet.lost.Add(1) == 1 {
		fmt.Fprintln(e.stderr, "pingwise: a held notification could not be stored:", err)
		go e.Say("A held notification could not be stored (" + err.Error() + "); it was not counted.")
	}
}

// refreshSoon publishes shortly, once however many ask meanwhile.
func (e *Engine) refreshSoon() {
	if e.quiet.pending.Swap(true) {
		return
	}
	e.clock.AfterFunc(500*time.Millisecond, func() {
		e.quiet.pending.Store(false)
		e.Refresh()
	})
}

// clean makes an app name from somebody else's notification fit to store.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > focus.MaxWho {
		s = string(r[:focus.MaxWho])
	}
	return strings.TrimSpace(s)
}
