package app

import (
	"fmt"
	"log"
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
// the break is when deferred messages get their reply.
func sessionDone(s *focus.Session, deferred []focus.Interruption, pending int) note {
	title := "Focus session complete"
	body := focus.Human(s.Planned) + " of focus"
	if s.Intent != "" {
		body = s.Intent + ": " + body
	}
	body += "."
	if pending > 0 {
		names := make([]string, 0, len(deferred))
		for _, d := range deferred {
			if d.Who != "" {
				names = append(names, d.Who+" ("+string(d.Channel)+")")
			} else {
				names = append(names, channelLabel(d.Channel))
			}
		}
		body += fmt.Sprintf(" %d deferred to answer now: %s.", pending, strings.Join(names, ", "))
	}
	return note{title: title, body: body}
}
