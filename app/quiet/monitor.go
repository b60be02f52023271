package quiet

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/godbus/dbus/v5"
)

// Notification is one Notify call seen on the bus. It has no body field:
// the body is somebody else's message and is never copied out of the D-Bus
// message, which is dropped as soon as these fields are read.
type Notification struct {
	App     string // app_name; the desktop-entry hint when app_name is empty
	Summary string // the summary line, cut at maxSummary bytes
	// Urgency is the "urgency" hint: 0 low, 1 normal (also when absent),
	// 2 critical.
	Urgency      byte
	Sender       string // the sender's unique bus name, e.g. ":1.42"
	DesktopEntry string // the "desktop-entry" hint, often the app's id
	Replaces     uint32 // replaces_id: non-zero when this updates an earlier notification
}

// Critical reports whether the sender marked the notification critical.
func (n Notification) Critical() bool { return n.Urgency >= 2 }

// Stats counts what a Watch has handled.
type Stats struct {
	Seen    uint64 // handed to the callback
	Skipped uint64 // from an app in the skip list (Pingwise's own)
	Dropped uint64 // lost because the callback fell QueueSize behind
}

// QueueSize bounds the notifications waiting for the callback. The D-Bus
// reader never waits for the callback: when this many are waiting, newer
// ones are counted in Stats.Dropped and forgotten. With the callback doing
// a Coalescer.Add (well under a microsecond) the queue stays near empty even
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

// rawQueue is godbus's eavesdrop channel. godbus drops a message when it is
// full; the goroutine draining it only reads a few header and body fields,
// so it keeps up with godbus's decoder, the real bottleneck.
const rawQueue = 256

// becomeTimeout bounds the wait for the bus to accept the monitor.
const becomeTimeout = 5 * time.Second

// notifyRule matches exactly the calls counted, so the bus sends the monitor
// nothing else.
const notifyRule = "type='method_call',interface='" + notifyIface + "',member='Notify'"

// Watch is a running monitor.
type Watch struct {
	conn     *dbus.Conn
	done     chan struct{}
	stopOnce sync.Once
	seen     atomic.Uint64
	skipped  atomic.Uint64
	dropped  atomic.Uint64
}

// Monitor watches Notify calls on the bus at address ("" is the session bus
// of DBUS_SESSION_BUS_ADDRESS) and calls seen for each one, in order, from
// its own goroutine. Calls whose app_name is in skip (case-insensitive) are
// not reported: Pingwise passes its own name.
//
// The monitor uses its own private connection, since a connection that has
// become a monitor can do nothing else. dbus-daemon lets a session bus
// client of the same user become a monitor; a bus that refuses gives an
// error here.
//
// seen must not call Stop. A seen slower than the notifications costs
// dropped counts (Stats), never a stalled bus reader.
func Monitor(address string, skip []string, seen func(Notification)) (*Watch, error) {
	var (
		conn *dbus.Conn
		err  error
	)
	if address == "" {
		conn, err = dbus.ConnectSessionBus()
	} else {
		conn, err = dbus.Connect(address)
	}
	if err != nil {
		return nil, fmt.Errorf("monitor: connect to the session bus: %w", err)
	}
	w := &Watch{conn: conn, done: make(chan struct{})}
	skipSet := make(map[string]bool, len(skip))
	for _, s := range skip {
		skipSet[strings.ToLower(s)] = true
	}

	// Eavesdrop before BecomeMonitor, so that from the first monitored
	// message on godbus hands everything over untouched: left to itself it
	// would answer monitored method calls with errors, and the bus
	// disconnects a monitor that sends anything. The reply to BecomeMonitor
	// then arrives on the same channel and is recognised by its serial.
	raw := make(chan *dbus.Message, rawQueue)
	conn.Eavesdrop(raw)
	msg := &dbus.Message{
		Type: dbus.TypeMethodCall,
		Headers: map[dbus.HeaderField]dbus.Variant{
			dbus.FieldDestination: dbus.MakeVariant("org.freedesktop.DBus"),
			dbus.FieldPath:        dbus.MakeVariant(dbus.ObjectPath("/org/freedesktop/DBus")),
			dbus.FieldInterface:   dbus.MakeVariant("org.freedesktop.DBus.Monitoring"),
			dbus.FieldMember:      dbus.MakeVariant("BecomeMonitor"),
			dbus.FieldSignature:   dbus.MakeVariant(dbus.SignatureOf([]string{}, uint32(0))),
		},
		Body: []any{[]string{notifyRule}, uint32(0)},
	}
	if c := conn.Send(msg, make(chan *dbus.Call, 1)); c != nil && c.Err != nil {
		conn.Close()
		return nil, fmt.Errorf("monitor: become a monitor: %w", c.Err)
	}
	ready := make(chan error, 1)
	queue := make(chan Notification, QueueSize)
	go w.read(raw, msg.Serial(), ready, skipSet, queue)
	go w.deliver(queue, seen)

	select {
	case err = <-ready:
	case <-time.After(becomeTimeout):
		err = errors.New("the bus did not answer")
	}
	if err != nil {
		w.Stop()
		return nil, fmt.Errorf("monitor: become a monitor: %w", err)
	}
	return w, nil
}

// read drains godbus's channel: it answers ready once the bus has taken
// the monitor, then turns Notify calls into Notifications, without ever
// waiting for the callback. It ends when the connection closes.
func (w *Watch) read(raw <-chan *dbus.Message, serial uint32, ready chan<- error, skip map[string]bool, queue chan<- Notification) {
	defer close(queue)
	answered := false
	for m := range raw {
		if !answered && (m.Type == dbus.TypeMethodReply || m.Type == dbus.TypeError) {
			if rs, _ := m.Headers[dbus.FieldReplySerial].Value().(uint32); rs == serial {
				answered = true
				if m.Type == dbus.TypeError {
					name, _ := m.Headers[dbus.FieldErrorName].Value().(string)
					ready <- dbus.Error{Name: name, Body: m.Body}
					return
				}
				ready <- nil
				continue
			}
		}
		n, ok := parseNotify(m)
		if !ok {
			continue
		}
		if skip[strings.ToLower(n.App)] {
			w.skipped.Add(1)
			continue
		}
		select {
		case queue <- n:
		default:
			w.dropped.Add(1)
		}
	}
	if !answered {
		ready <- errors.New("the connection closed")
	}
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
	w.stopOnce.Do(func() { err = w.conn.Close() })
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

// Stats returns the counts so far.
func (w *Watch) Stats() Stats {
	return Stats{Seen: w.seen.Load(), Skipped: w.skipped.Load(), Dropped: w.dropped.Load()}
}
