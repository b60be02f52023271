package app

import (
	"fmt"
	"log"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gen2brain/beeep"

	"github.com/pingwise/pingwise/focus"
)

// note is one desktop notification.
type note struct{ title, body string }

// notifier sends notifications off the UI goroutine: beeep has hung when a
// notification daemon was broken, and the tray must never wait on one.
type notifier struct {
	enabled atomic.Bool
	bus     bool
	send1   func(title, body string, icon any) error
	warned  atomic.Bool
}

func newNotifier(bus, enabled bool) *notifier {
	beeep.AppName = "Pingwise"
	n := &notifier{bus: bus, send1: beeep.Notify}
	n.enabled.Store(enabled)
	return n
}

const notifyTimeout = 5 * time.Second

func (n *notifier) send(m note) {
	if !n.enabled.Load() || !n.bus {
		return
	}
	done := make(chan error, 1)
	go func() { done <- n.send1(m.title, m.body, notifyIcon()) }()
	go func() {
		var err error
		select {
		case err = <-done:
		case <-time.After(notifyTimeout):
			err = fmt.Errorf("no answer in %s", notifyTimeout)
		}
		if err != nil && !n.warned.Swap(true) {
			log.Printf("pingwise: notifications are not working (%v); the tray still shows the state", err)
		}
	}()
}

// sessionDone says a session is complete, with what waits to be answered:
// the break is when deferred messages get their reply. Held notifications
// are summed per app: "While you focused: Slack 5 (Dana, Lee), Email 1."
func sessionDone(s *focus.Session, deferred []focus.Interruption, pending int) note {
	body := focus.Human(s.Planned) + " of focus"
	if s.Intent != "" {
		body = s.Intent + ": " + body
	}
	body += "."
	if pending > 0 {
		body += " While you focused: " + heldSummary(deferred)
		if more := pending - len(deferred); more > 0 {
			body += fmt.Sprintf(", and %d more", more)
		}
		body += ". Now is a good time to answer."
	}
	return note{title: "Focus session complete", body: body}
}

// heldSummary groups deferred interruptions by where they came from, in the
// order first seen: "Slack 5 (Dana, Lee), Chat 1".
func heldSummary(list []focus.Interruption) string {
	type source struct {
		count int
		names []string
	}
	var order []string
	by := map[string]*source{}
	for _, d := range list {
		name := d.App
		if name == "" {
			name = channelLabel(d.Channel)
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
