package engine

import (
	"context"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

var _ control.Watcher = (*Engine)(nil)

// Watch sends the status now, then each time the engine publishes one
// (start, pause, each minute of a countdown, stop, a break, Do Not
// Disturb), for `pingwise status --watch` and status bars. It returns nil
// when ctx is done, and send's error as soon as send fails. A watcher that
// falls behind gets the newest status, never a queue of old ones.
func (e *Engine) Watch(ctx context.Context, send func(focus.Status) error) error {
	ch := make(chan focus.Status, 1)
	e.watchMu.Lock()
	if e.watchers == nil {
		e.watchers = map[chan focus.Status]bool{}
	}
	e.watchers[ch] = true
	e.watchMu.Unlock()
	defer func() {
		e.watchMu.Lock()
		delete(e.watchers, ch)
		e.watchMu.Unlock()
	}()
	st, err := e.Status()
	if err != nil {
		return err
	}
	if err := send(st); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case st := <-ch:
			if err := send(st); err != nil {
				return err
			}
		}
	}
}

// tellWatchers hands st to every watcher, replacing one it has not taken.
func (e *Engine) tellWatchers(st focus.Status) {
	e.watchMu.Lock()
	defer e.watchMu.Unlock()
	for ch := range e.watchers {
		select {
		case <-ch:
		default:
		}
		ch <- st
	}
}
