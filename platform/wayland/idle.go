package wayland

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// The interfaces Idle speaks, and their opcodes, from wayland.xml,
// wayland-protocols' staging/ext-idle-notify/ext-idle-notify-v1.xml and
// plasma-wayland-protocols' idle.xml.
const (
	displayID = 1 // wl_display is always object 1

	displaySync        = 0 // request: sync(new_id wl_callback)
	displayGetRegistry = 1 // request: get_registry(new_id wl_registry)
	displayError       = 0 // event: error(object, uint code, string message)

	registryBind   = 0 // request: bind(uint name, string interface, uint version, new_id)
	registryGlobal = 0 // event: global(uint name, string interface, uint version)

	callbackDone = 0 // event

	extNotifierGetIdleNotification = 1 // request: (new_id, uint timeout, object seat)
	extNotificationIdled           = 0 // event
	extNotificationResumed         = 1 // event

	kdeIdleGetIdleTimeout = 0 // request: (new_id, object seat, uint timeout)
	// org_kde_kwin_idle_timeout's events idle and resumed are 0 and 1 too.
)

// The client's object ids, which are its to pick, from 2 up.
const (
	registryID = 2
	syncID     = 3
	seatID     = 4
	notifierID = 5
	watchID    = 6
)

// Protocol names, as the registry announces them and Status reports them.
const (
	ExtIdleNotify = "ext_idle_notifier_v1"
	KDEIdle       = "org_kde_kwin_idle"
	seatInterface = "wl_seat"
)

// Notice is how long without input the compositor waits before it says the
// person is idle; below it Idle answers 0. Short enough for away detection
// counted in minutes, long enough that typing does not wake Pingwise.
const Notice = 5 * time.Second

// Idle measures idle time from the compositor's idle notifications: it asks
// to be told after Notice without input, and counts from there. It
// implements platform.IdleMeter.
type Idle struct {
	Protocol string // ExtIdleNotify or KDEIdle: what the compositor offered

	w   *wire
	now func() time.Time

	mu      sync.Mutex
	idleAt  time.Time // when the compositor said idle; zero while active
	err     error     // why the connection ended
	closing bool
}

// Socket is the compositor's socket for a WAYLAND_DISPLAY value: an
// absolute path as is, else a name in XDG_RUNTIME_DIR ("wayland-0" when
// unset, as libwayland does).
func Socket(display, runtimeDir string) (string, error) {
	if display == "" {
		display = "wayland-0"
	}
	if filepath.IsAbs(display) {
		return display, nil
	}
	if runtimeDir == "" {
		return "", errors.New("wayland: XDG_RUNTIME_DIR is not set, so the compositor's socket cannot be found")
	}
	return filepath.Join(runtimeDir, display), nil
}

// SessionSocket is Socket for this process's environment.
func SessionSocket() (string, error) {
	return Socket(os.Getenv("WAYLAND_DISPLAY"), os.Getenv("XDG_RUNTIME_DIR"))
}

// OpenIdle connects to the compositor at socket and registers for idle
// notifications, preferring ext-idle-notify-v1 over org_kde_kwin_idle.
// now is the clock Idle counts with (time.Now when nil).
func OpenIdle(socket string, now func() time.Time) (*Idle, error) {
	if now == nil {
		now = time.Now
	}
	c, err := net.Dial("unix", socket)
	if err != nil {
		return nil, fmt.Errorf("wayland: connect to the compositor: %w", err)
	}
	i := &Idle{w: newWire(c), now: now}
	if err := i.register(); err != nil {
		c.Close()
		return nil, err
	}
	go i.listen()
	return i, nil
}

type global struct {
	name    uint32
	version uint32
}

// register finds the seat and the idle protocol in the registry, then asks
// for the notification.
func (i *Idle) register() error {
	if err := i.w.send(message{displayID, displayGetRegistry, (&msgWriter{}).uint(registryID).b}); err != nil {
		return fmt.Errorf("wayland: ask for the registry: %w", err)
	}
	if err := i.w.send(message{displayID, displaySync, (&msgWriter{}).uint(syncID).b}); err != nil {
		return fmt.Errorf("wayland: ask for the registry: %w", err)
	}
	globals := map[string]global{}
	for done := false; !done; {
		m, err := i.w.read()
		if err != nil {
			return fmt.Errorf("wayland: read the registry: %w", err)
		}
		r := &msgReader{b: m.args}
		switch {
		case m.object == displayID && m.opcode == displayError:
			return displayErr(r)
		case m.object == registryID && m.opcode == registryGlobal:
			g := global{name: r.uint()}
			iface := r.string()
			g.version = r.uint()
			if r.err != nil {
				return fmt.Errorf("wayland: registry: %w", r.err)
			}
			if _, seen := globals[iface]; !seen { // the first seat is the default one
				globals[iface] = g
			}
		case m.object == syncID && m.opcode == callbackDone:
			done = true
		}
	}
	seat, ok := globals[seatInterface]
	if !ok {
		return errors.New("wayland: the compositor offers no seat")
	}
	timeout := uint32(Notice / time.Millisecond)
	var notifier global
	var watch *msgWriter
	switch {
	case has(globals, ExtIdleNotify):
		i.Protocol, notifier = ExtIdleNotify, globals[ExtIdleNotify]
		watch = (&msgWriter{}).uint(watchID).uint(timeout).uint(seatID)
	case has(globals, KDEIdle):
		i.Protocol, notifier = KDEIdle, globals[KDEIdle]
		watch = (&msgWriter{}).uint(watchID).uint(seatID).uint(timeout)
	default:
		return fmt.Errorf("wayland: the compositor offers neither %s nor %s, so idle time is unknown", ExtIdleNotify, KDEIdle)
	}
	opcode := uint16(extNotifierGetIdleNotification)
	if i.Protocol == KDEIdle {
		opcode = kdeIdleGetIdleTimeout
	}
	for _, m := range []message{
		bind(registryID, seat.name, seatInterface, 1, seatID),
		bind(registryID, notifier.name, i.Protocol, 1, notifierID),
		{notifierID, opcode, watch.b},
	} {
		if err := i.w.send(m); err != nil {
			return fmt.Errorf("wayland: register for idle notifications: %w", err)
		}
	}
	return nil
}

func has(globals map[string]global, iface string) bool {
	_, ok := globals[iface]
	return ok
}

func bind(registry, name uint32, iface string, version, id uint32) message {
	return message{registry, registryBind, (&msgWriter{}).uint(name).string(iface).uint(version).uint(id).b}
}

func displayErr(r *msgReader) error {
	obj, code, msg := r.uint(), r.uint(), r.string()
	if r.err != nil {
		return fmt.Errorf("wayland: the compositor reported an error: %w", r.err)
	}
	return fmt.Errorf("wayland: the compositor reported error %d on object %d: %s", code, obj, msg)
}

// listen follows the notifications until the connection ends. The two
// protocols number their idle and resumed events alike.
func (i *Idle) listen() {
	for {
		m, err := i.w.read()
		if err != nil {
			i.stop(fmt.Errorf("wayland: the connection to the compositor ended: %w", err))
			return
		}
		switch {
		case m.object == displayID && m.opcode == displayError:
			i.stop(displayErr(&msgReader{b: m.args}))
			return
		case m.object == watchID && m.opcode == extNotificationIdled:
			i.mu.Lock()
			i.idleAt = i.now()
			i.mu.Unlock()
		case m.object == watchID && m.opcode == extNotificationResumed:
			i.mu.Lock()
			i.idleAt = time.Time{}
			i.mu.Unlock()
		}
	}
}

func (i *Idle) stop(err error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.closing {
		err = errors.New("wayland: idle meter closed")
	}
	i.err = err
}

// Idle is how long the person has not touched keyboard or mouse: 0 until
// the compositor says Notice has passed, then Notice plus the time since.
func (i *Idle) Idle() (time.Duration, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.err != nil {
		return 0, i.err
	}
	if i.idleAt.IsZero() {
		return 0, nil
	}
	return Notice + i.now().Sub(i.idleAt), nil
}

// Close ends the connection; the compositor drops the notification with it.
func (i *Idle) Close() error {
	i.mu.Lock()
	i.closing = true
	i.mu.Unlock()
	return i.w.conn.Close()
}
