package freedesktop

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/godbus/dbus/v5"
	"github.com/pingwise/pingwise/platform"
)

// Notification is one Notify call seen on the bus.
type Notification = platform.Notification

// Stats counts what a Watch has handled.
type Stats struct {
	Seen    uint64 // handed to the callback
	Skipped uint64 // from an app in the skip list (Pingwise's own)
	Dropped uint64 // lost because the callback fell QueueSize behind
}

// QueueSize bounds the notifications waiting for the callback. The D-Bus
// reader never waits for the callback: when this many are waiting, newer
// ones are counted in Stats.Dropped and forgotten. With the callback doing
// a Coalescer.Add (about a microsecond) the queue stays near empty even
// in a flood; it exists so that a slow callback costs counts, never memory
// or the bus connection.
const QueueSize = 1024

// Bounds on the strings a Notification keeps, so that the queue's memory is
// bounded whatever senders put on the bus: QueueSize × (maxSummary +
// maxApp×2) is about 1.5 MB at worst.
const (
	maxSummary = 1024
	maxApp     = 256
)

// becomeTimeout bounds the wait for the bus to accept the monitor.
const becomeTimeout = 5 * time.Second

// notifyRule matches exactly the calls counted, so the bus sends the monitor
// nothing else.
const notifyRule = "type='method_call',interface='" + notifyIface + "',member='Notify'"

// Watch is a running monitor.
type Watch struct {
	conn     *wireConn
	done     chan struct{}
	stopOnce sync.Once
	seen     atomic.Uint64
	skipped  atomic.Uint64
	dropped  atomic.Uint64
	stopped  atomic.Bool
	err      error // why the reader ended; written before done closes
}

// Monitor watches Notify calls on the bus at address ("" is the session bus
// of DBUS_SESSION_BUS_ADDRESS) and calls seen for each one, in order, from
// its own goroutine. Calls whose app_name is in skip (case-insensitive) are
// not reported: Pingwise passes its own name.
//
// The monitor has its own connection, since a connection that has become
// a monitor can do nothing else (see wire.go for why it is not a godbus
// Conn). dbus-daemon lets a client of the bus's own user become a monitor;
// a bus that refuses gives an error here.
//
// seen must not call Stop. A seen slower than the notifications costs
// dropped counts (Stats), never a stalled bus reader or growing memory.
func Monitor(address string, skip []string, seen func(Notification)) (*Watch, error) {
	conn, err := dialBus(address)
	if err != nil {
		return nil, fmt.Errorf("monitor: %w", err)
	}
	w := &Watch{conn: conn, done: make(chan struct{})}
	skipSet := make(map[string]bool, len(skip))
	for _, s := range skip {
		skipSet[strings.ToLower(s)] = true
	}
	queue := make(chan Notification, QueueSize)
	handle := func(m *dbus.Message) {
		n, ok := parseNotify(m)
		switch {
		case !ok:
		case skipSet[strings.ToLower(n.App)]:
			w.skipped.Add(1)
		default:
			select {
			case queue <- n:
			default:
				w.dropped.Add(1)
			}
		}
	}
	if err := conn.becomeMonitor([]string{notifyRule}, handle); err != nil {
		conn.Close()
		return nil, fmt.Errorf("monitor: become a monitor: %w", err)
	}
	go func() {
		defer close(queue)
		for {
			m, err := conn.read()
			if err != nil {
				// Closed by Stop, or the bus went away or sent something
				// unreadable, after which the stream cannot be trusted.
				if !w.stopped.Load() {
					w.err = fmt.Errorf("monitor: reading the bus: %w", err)
				}
				return
			}
			handle(m)
		}
	}()
	go w.deliver(queue, seen)
	return w, nil
}

// deliver calls seen for each queued notification; it alone runs seen, so
// calls never overlap.
func (w *Watch) deliver(queue <-chan Notification, seen func(Notification)) {
	defer close(w.done)
	for n := range queue {
		seen(n)
		w.seen.Add(1)
	}
}

// parseNotify reads the fields Pingwise keeps from a Notify call:
// app_name (0), replaces_id (1), summary (3) and the hints (6). The body
// (4) is not touched.
func parseNotify(m *dbus.Message) (Notification, bool) {
	if m.Type != dbus.TypeMethodCall || len(m.Body) < 8 {
		return Notification{}, false
	}
	iface, _ := m.Headers[dbus.FieldInterface].Value().(string)
	member, _ := m.Headers[dbus.FieldMember].Value().(string)
	if iface != notifyIface || member != "Notify" {
		return Notification{}, false
	}
	app, ok1 := m.Body[0].(string)
	replaces, ok2 := m.Body[1].(uint32)
	summary, ok3 := m.Body[3].(string)
	if !ok1 || !ok2 || !ok3 {
		return Notification{}, false
	}
	hints, _ := m.Body[6].(map[string]dbus.Variant)
	n := Notification{
		App:      bounded(app, maxApp),
		Summary:  bounded(summary, maxSummary),
		Urgency:  urgency(hints["urgency"]),
		Replaces: replaces,
	}
	n.Sender, _ = m.Headers[dbus.FieldSender].Value().(string)
	if de, ok := hints["desktop-entry"].Value().(string); ok {
		n.DesktopEntry = bounded(de, maxApp)
	}
	if n.App == "" {
		n.App = n.DesktopEntry
	}
	return n, true
}

// urgency reads the urgency hint. The specification says a byte; some
// senders send another integer type, which is read the same way.
func urgency(v dbus.Variant) byte {
	var u int64
	switch x := v.Value().(type) {
	case byte:
		u = int64(x)
	case int16:
		u = int64(x)
	case uint16:
		u = int64(x)
	case int32:
		u = int64(x)
	case uint32:
		u = int64(x)
	case int64:
		u = x
	case uint64:
		u = int64(min(x, 2))
	default:
		return 1
	}
	return byte(max(0, min(u, 2)))
}

// bounded cuts s at max bytes on a rune boundary and copies it, so that a
// kept summary never pins a larger string the decoder allocated.
func bounded(s string, max int) string {
	if len(s) > max {
		for max > 0 && !utf8.RuneStart(s[max]) {
			max--
		}
		s = s[:max]
	}
	return strings.Clone(s)
}

// Stop closes the monitor's connection and waits for the notifications
// already queued to reach the callback (at most QueueSize, a few
// milliseconds). It is safe to call more than once.
func (w *Watch) Stop() error {
	var err error
	w.stopOnce.Do(func() {
		w.stopped.Store(true)
		err = w.conn.Close()
	})
	select {
	case <-w.done:
	case <-time.After(2 * time.Second):
		return errors.New("monitor: the seen callback did not return within 2s")
	}
	return err
}

// Done is closed when the monitor has ended: after Stop, or when the bus
// went away (a restarted session bus needs a new Monitor).
func (w *Watch) Done() <-chan struct{} { return w.done }

// Err says why a monitor ended by itself; it is nil while it runs and
// after Stop.
func (w *Watch) Err() error {
	select {
	case <-w.done:
		return w.err
	default:
		return nil
	}
}

// Stats returns the counts so far.
func (w *Watch) Stats() Stats {
	return Stats{Seen: w.seen.Load(), Skipped: w.skipped.Load(), Dropped: w.dropped.Load()}
}
