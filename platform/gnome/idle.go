package gnome

import (
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	idleName = "org.gnome.Mutter.IdleMonitor"
	idlePath = dbus.ObjectPath("/org/gnome/Mutter/IdleMonitor/Core")
	idleIf   = "org.gnome.Mutter.IdleMonitor"
)

// Notice is how long without input Mutter waits before its watch fires;
// below it Idle answers 0 without asking Mutter.
const Notice = 5 * time.Second

// Idle follows Mutter's IdleMonitor with watches instead of polling: an
// idle watch fires after Notice without input, then a user-active watch on
// the next input. While idle, Idle asks Mutter for the exact idle time.
// Mutter offers neither Wayland idle protocol, so GNOME is measured this way.
type Idle struct {
	conn    *dbus.Conn
	obj     dbus.BusObject
	signals chan *dbus.Signal
	match   []dbus.MatchOption
	done    chan struct{}
	once    sync.Once

	mu         sync.Mutex
	idle       bool
	idleWatch  uint32
	activeWait uint32 // the user-active watch while idle; Mutter drops it once fired
}

// OpenIdle sets the watches on conn's IdleMonitor.
func OpenIdle(conn *dbus.Conn) (*Idle, error) {
	i := &Idle{conn: conn, obj: conn.Object(idleName, idlePath), signals: make(chan *dbus.Signal, 16), done: make(chan struct{}),
		match: []dbus.MatchOption{dbus.WithMatchSender(idleName), dbus.WithMatchObjectPath(idlePath),
			dbus.WithMatchInterface(idleIf), dbus.WithMatchMember("WatchFired")}}
	if err := conn.AddMatchSignal(i.match...); err != nil {
		return nil, fmt.Errorf("gnome: listen to the idle monitor: %w", err)
	}
	conn.Signal(i.signals)
	// listen has not started: nothing else touches i yet.
	err := i.obj.Call(idleIf+".AddIdleWatch", 0, uint64(Notice/time.Millisecond)).Store(&i.idleWatch)
	if err == nil {
		var ms uint64
		if err = i.obj.Call(idleIf+".GetIdletime", 0).Store(&ms); err == nil && time.Duration(ms)*time.Millisecond >= Notice {
			err = i.becomeIdle()
		}
	}
	if err != nil {
		i.Close()
		return nil, fmt.Errorf("gnome: Mutter's IdleMonitor: %w", err)
	}
	go i.listen()
	return i, nil
}

// becomeIdle sets the watch for the person's return; i.mu is held, or
// OpenIdle has not started listen yet.
func (i *Idle) becomeIdle() error {
	i.idle = true
	return i.obj.Call(idleIf+".AddUserActiveWatch", 0).Store(&i.activeWait)
}

func (i *Idle) listen() {
	for {
		var s *dbus.Signal
		select {
		case s = <-i.signals:
		case <-i.done:
			return
		}
		var id uint32
		if s.Name != idleIf+".WatchFired" || s.Path != idlePath || dbus.Store(s.Body, &id) != nil {
			continue
		}
		i.mu.Lock()
		switch {
		case id == i.idleWatch && !i.idle:
			if err := i.becomeIdle(); err != nil {
				log.Printf("pingwise: Mutter's idle monitor: %v", err)
			}
		case id == i.activeWait && i.idle:
			i.idle = false
		}
		i.mu.Unlock()
	}
}

// Idle is how long the person has not touched keyboard or mouse: 0 while
// they are active, Mutter's own count once its idle watch has fired.
func (i *Idle) Idle() (time.Duration, error) {
	i.mu.Lock()
	idle := i.idle
	i.mu.Unlock()
	if !idle {
		return 0, nil
	}
	var ms uint64
	if err := i.obj.Call(idleIf+".GetIdletime", 0).Store(&ms); err != nil {
		return 0, fmt.Errorf("gnome: Mutter's idle time: %w", err)
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// Close removes the watches and stops listening.
func (i *Idle) Close() {
	i.once.Do(func() { close(i.done) })
	i.mu.Lock()
	defer i.mu.Unlock()
	for _, id := range []uint32{i.idleWatch, i.activeWait} {
		if id != 0 {
			_ = i.obj.Call(idleIf+".RemoveWatch", 0, id).Err // gone with Mutter, or fired
		}
	}
	_ = i.conn.RemoveMatchSignal(i.match...)
	i.conn.RemoveSignal(i.signals)
}
