package engine

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
)

// notifier sends notifications off the caller's goroutine: a notification
// daemon that hangs (beeep#70) must never hold the engine.
type notifier struct {
	to      platform.Notifier // nil: no notifications on this desktop
	enabled atomic.Bool
	warned  atomic.Bool
	stderr  io.Writer
	timeout time.Duration
}

func newNotifier(to platform.Notifier, enabled bool, stderr io.Writer) *notifier {
	n := &notifier{to: to, stderr: stderr, timeout: 5 * time.Second}
	n.enabled.Store(enabled)
	return n
}

func (n *notifier) setEnabled(on bool) { n.enabled.Store(on) }

// send shows title and body; a failure is said once on standard error, as
// the tray still shows the state.
func (n *notifier) send(title, body string) {
	if n.to == nil || !n.enabled.Load() {
		return
	}
	done := make(chan error, 1)
	go func() { done <- n.to.Notify(title, body) }()
	go func() {
		var err error
		select {
		case err = <-done:
		case <-time.After(n.timeout):
			err = fmt.Errorf("no answer in %s", n.timeout)
		}
		if err != nil && !n.warned.Swap(true) {
			fmt.Fprintf(n.stderr, "pingwise: notifications are not working (%v); the tray still shows the state\n", err)
		}
	}()
}

// react tells the person what just ended on its own.
func (e *Engine) react(st focus.Status) {
	if s := st.Ended; s != nil && s.Result == focus.Completed {
		list, pending, err := e.tracker.Deferred(MaxDeferredShown)
		if err != nil {
			e.notice = err.Error()
		}
		title, body := SessionDone(e.tr, s, list, pending)
		e.notifier.send(title, body)
	}
	if st.BreakOver {
		e.notifier.send(e.tr.S("notify.breakOver.title"), e.tr.S("notify.breakOver.body"))
	}
}

// SessionDone says a session is complete, with what waits to be answered:
// the break is when deferred messages get their reply. Held notifications
// are summed per app: "While you focused: Slack 5 (Dana, Lee), Email 1."
func SessionDone(tr *l10n.T, s *focus.Session, deferred []focus.Interruption, pending int) (title, body string) {
	args := l10n.Args{"Length": focus.Human(s.Planned), "Intent": s.Intent}
	body = tr.S("notify.done.body", args)
	if s.Intent != "" {
		body = tr.S("notify.done.intent", args)
	}
	if pending > 0 {
		list := HeldSummary(tr, deferred)
		if more := pending - len(deferred); more > 0 {
			list = tr.S("notify.done.more", l10n.Args{"List": list, "Count": more})
		}
		body += " " + tr.S("notify.done.held", l10n.Args{"List": list})
	}
	return tr.S("notify.done.title"), body
}

// HeldSummary groups deferred interruptions by where they came from, in the
// order first seen: "Slack 5 (Dana, Lee), Chat 1".
func HeldSummary(tr *l10n.T, list []focus.Interruption) string {
	type source struct {
		count int
		names []string
	}
	var order []string
	by := map[string]*source{}
	for _, d := range list {
		name := d.App
		if name == "" {
			name = ChannelLabel(tr, d.Channel)
		}
		src, ok := by[name]
		if !ok {
			src = &source{}
			by[name] = src
			order = append(order, name)
		}
		src.count += max(d.Count, 1)
		if d.Who != "" && !slices.Contains(src.names, d.Who) && len(src.names) < 3 {
			src.names = append(src.names, d.Who)
		}
	}
	parts := make([]string, len(order))
	for i, name := range order {
		src := by[name]
		parts[i] = fmt.Sprintf("%s %d", name, src.count)
		if len(src.names) > 0 {
			parts[i] += " (" + strings.Join(src.names, ", ") + ")"
		}
	}
	return strings.Join(parts, ", ")
}
