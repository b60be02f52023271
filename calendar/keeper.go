package calendar

import (
	"context"
	"sync"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// Keeper keeps the person's calendars synced in the background and their
// last good copies parsed in memory, for the app: the Weekly focus window
// asks it for a week without touching the disk or the network, and a
// calendar that fails to sync is one line in Problems while the others go
// on. Safe for concurrent use.
type Keeper struct {
	syncer *Syncer

	mu       sync.RWMutex
	srcs     []Source
	cal      *Calendar
	me       []string
	problems map[string]string // by source name: why its last sync or read failed
}

// NewKeeper returns a keeper over the copies syncer keeps, with no sources
// yet.
func NewKeeper(syncer *Syncer) *Keeper {
	return &Keeper{syncer: syncer, cal: &Calendar{}, problems: map[string]string{}}
}

// SetSources changes the calendars kept (the settings changed) and reads
// their last good copies.
func (k *Keeper) SetSources(srcs []Source) {
	k.mu.Lock()
	k.srcs = append([]Source(nil), srcs...)
	k.mu.Unlock()
	k.reload(nil)
}

// reload reads every copy again; failed says why the sources whose sync
// failed just now failed.
func (k *Keeper) reload(failed map[string]string) {
	k.mu.RLock()
	srcs := k.srcs
	k.mu.RUnlock()
	cal, me, problems := k.syncer.LoadAll(srcs)
	lines := map[string]string{}
	for _, p := range problems {
		lines[p.Name] = p.Err.Error()
	}
	for name, line := range failed { // the failure now says more than "not synced yet"
		lines[name] = line
	}
	k.mu.Lock()
	k.cal, k.me, k.problems = cal, me, lines
	k.mu.Unlock()
}

// SyncNow syncs every calendar and reads again those that changed.
func (k *Keeper) SyncNow(ctx context.Context) []Status {
	k.mu.RLock()
	srcs := k.srcs
	k.mu.RUnlock()
	st := k.syncer.SyncAll(ctx, srcs)
	failed := map[string]string{}
	changed := false
	for _, s := range st {
		if s.Err != nil {
			failed[s.Name] = s.Err.Error()
		}
		changed = changed || s.Result.Changed
	}
	if changed {
		k.reload(failed)
		return st
	}
	// Nothing new to read: only the failures may have come or gone.
	k.mu.Lock()
	for _, s := range st {
		if s.Err != nil {
			k.problems[s.Name] = s.Err.Error()
		} else {
			delete(k.problems, s.Name)
		}
	}
	k.mu.Unlock()
	return st
}

// Run syncs at once and then at each tick, until ctx ends: the app passes
// a ticker's channel (every 15 minutes, say), tests their own.
func (k *Keeper) Run(ctx context.Context, tick <-chan time.Time) {
	for {
		k.SyncNow(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}

// Week prices week w from the copies in memory.
func (k *Keeper) Week(w focus.Week, opt Options) (Week, []string) {
	k.mu.RLock()
	cal, me := k.cal, k.me
	k.mu.RUnlock()
	opt.Me = append(append([]string(nil), opt.Me...), me...)
	return cal.Summarize(w, opt)
}

// Problems returns one line per calendar whose last sync or copy failed,
// in the order of the sources.
func (k *Keeper) Problems() []string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	var out []string
	for _, s := range k.srcs {
		if p, ok := k.problems[s.Name]; ok {
			out = append(out, p)
		}
	}
	return out
}
