package app

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform/freedesktop"
	"github.com/pingwise/pingwise/settings"
)

// quietFocus keeps sessions quiet: the desktop's Do Not Disturb while
// focusing, and the notifications it held counted as interruptions.
type quietFocus struct {
	conn    *dbus.Conn
	dnd     freedesktop.DND // nil until probed, or when the server has no switch
	probed  bool
	engaged bool // Do Not Disturb is Pingwise's, per the store's record
	watch   *freedesktop.Watch

	// Read by the monitor's goroutine.
	since         atomic.Pointer[time.Time]         // the focusing session's start; nil otherwise
	cfg           atomic.Pointer[settings.Settings] // the settings it applies
	criticalShows atomic.Bool
	pending       atomic.Bool // a refresh is scheduled

	mu     sync.Mutex
	co     *freedesktop.Coalescer
	groups map[string]string // coalesced group -> the interruption logged for it
}

// startQuiet starts watching notifications, and puts back a Do Not Disturb
// a crashed Pingwise left on.
func (s *shell) startQuiet() {
	q := &s.quiet
	cfg := s.settings // a copy: the UI replaces s.settings while the monitor reads this
	q.cfg.Store(&cfg)
	if _, ok, err := s.db.State(focus.StateDND); err == nil && ok {
		q.engaged = true // the next refresh decides whether it stays
	}
	if !s.desk.bus {
		return
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return
	}
	q.conn = conn
	q.resetGroups(s.settings)
	w, err := freedesktop.Monitor("", []string{"Pingwise"}, s.heldNotification)
	if err != nil {
		s.sayOnce("Cannot count incoming notifications (" + err.Error() + "); Do Not Disturb still works.")
		return
	}
	q.watch = w
}

func (q *quietFocus) resetGroups(cfg settings.Settings) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.co = freedesktop.NewCoalescer(time.Duration(cfg.CoalesceMinutes)*time.Minute, 1024, cfg.KeepSummaries)
	q.groups = map[string]string{}
}

// reconcileQuiet makes Do Not Disturb follow the state: on while focusing,
// as the person had it otherwise. It runs with every refresh, and acts only
// on a change.
func (s *shell) reconcileQuiet(st focus.Status) {
	q := &s.quiet
	want := s.settings.QuietFocus && st.State == focus.Focusing
	if want {
		q.since.Store(&st.Started)
	} else {
		q.since.Store(nil)
	}
	switch {
	case want && !q.engaged:
		q.engaged = true
		if d := s.dndSwitch(); d != nil {
			if err := freedesktop.Engage(d, s.db, focus.StateDND); err != nil {
				s.sayOnce(err.Error())
			}
		}
	case !want && q.engaged:
		q.engaged = false
		s.putBack()
		q.resetGroups(s.settings)
	}
}

// putBack restores the person's own Do Not Disturb.
func (s *shell) putBack() {
	if d := s.dndSwitch(); d != nil {
		if err := freedesktop.Restore(d, s.db, focus.StateDND); err != nil {
			s.sayOnce(err.Error())
		}
		return
	}
	if err := freedesktop.PutBack(s.db, focus.StateDND); err != nil {
		s.sayOnce(err.Error())
	}
}

// dndSwitch finds the notification server's switch, once; nil when there
// is none, said once.
func (s *shell) dndSwitch() freedesktop.DND {
	q := &s.quiet
	if q.probed || q.conn == nil {
		return q.dnd
	}
	q.probed = true
	srv, err := freedesktop.Probe(q.conn)
	if err == nil {
		q.dnd, err = freedesktop.ForServer(q.conn, srv, nil)
	}
	if err != nil {
		// The D-Bus detail goes to standard error only: it means nothing to
		// a person, and a missing server is the common case.
		name, msg := srv.Name, "Do Not Disturb is not available with "+srv.Name+": notifications are still counted."
		if !errors.Is(err, freedesktop.ErrUnsupported) {
			name, msg = "none", "No notification server answers, so there is no Do Not Disturb to turn on."
		}
		s.db.SetState(focus.StateDNDUnavailable, name)
		fmt.Fprintln(s.stderr, "pingwise: do not disturb:", err)
		s.sayOnce(msg)
		return nil
	}
	s.db.DeleteState(focus.StateDNDUnavailable)
	q.criticalShows.Store(q.dnd.CriticalShows())
	return q.dnd
}

// stopQuiet puts the desktop back as it was before Pingwise quits: never a
// silenced desktop with Pingwise gone.
func (s *shell) stopQuiet() {
	if s.quiet.watch != nil {
		s.quiet.watch.Stop()
	}
	if s.quiet.engaged {
		s.putBack()
	}
}

// heldNotification runs on the monitor's goroutine for every notification.
// During a session it becomes an interruption, one per person and app within
// the coalescing window; the UI hears about it at most twice a second, so a
// flood cannot stall the tray.
func (s *shell) heldNotification(n freedesktop.Notification) {
	q := &s.quiet
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
	g, isNew := q.co.Add(n, time.Now())
	id := q.groups[g.Key]
	q.mu.Unlock()
	if !isNew && id != "" {
		if err := s.db.Coalesce(id); err == nil {
			s.refreshSoon()
		}
		return
	}
	outcome := focus.Deferred
	if g.Critical && q.criticalShows.Load() {
		outcome = focus.Taken // it showed: the daemons let critical ones through
	}
	app := clean(g.App)
	i, err := s.track().LogInterruption(focus.Interruption{Direction: focus.Incoming,
		Channel: freedesktop.ChannelFor(app, cfg.NotifyApps), Outcome: outcome, Who: g.Who, App: app, Count: 1})
	if err != nil {
		return
	}
	q.mu.Lock()
	q.groups[g.Key] = i.ID
	q.mu.Unlock()
	s.refreshSoon()
}

// refreshSoon refreshes the UI shortly, once however many ask meanwhile.
func (s *shell) refreshSoon() {
	if s.quiet.pending.Swap(true) {
		return
	}
	time.AfterFunc(500*time.Millisecond, func() {
		s.quiet.pending.Store(false)
		fyne.Do(s.refresh)
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
