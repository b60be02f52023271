package freedesktop

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// Saved is Pingwise's record of a Do Not Disturb it engaged: which switch,
// and how the person had it. It is kept before the switch is touched, so the
// person's own setting comes back even if Pingwise dies in between.
type Saved struct {
	Kind     string `json:"kind"`
	Previous bool   `json:"previous"`
}

// Records is where the record is kept: the store's state table.
type Records interface {
	State(key string) (string, bool, error)
	SetState(key, value string) error
	DeleteState(key string) error
}

// Engage turns Do Not Disturb on for a session, recording first how it was.
// A person who had it on already keeps it, and gets it back on after.
func Engage(d DND, r Records, key string) error {
	if _, ok, err := r.State(key); err != nil || ok {
		return err // engaged already: the record holds the person's own value
	}
	prev, err := d.On()
	if err != nil {
		return fmt.Errorf("do not disturb: %w", err)
	}
	b, _ := json.Marshal(Saved{Kind: d.Kind(), Previous: prev})
	if err := r.SetState(key, string(b)); err != nil {
		return err
	}
	if prev {
		return nil
	}
	return d.Set(true)
}

// Restore puts Do Not Disturb back as the record says, then forgets the
// record. Without a record it does nothing.
func Restore(d DND, r Records, key string) error {
	v, ok, err := r.State(key)
	if err != nil || !ok {
		return err
	}
	var s Saved
	if err := json.Unmarshal([]byte(v), &s); err != nil {
		return r.DeleteState(key) // unreadable: nothing sensible to put back
	}
	if !s.Previous {
		if err := d.Set(false); err != nil {
			return fmt.Errorf("do not disturb: %w", err)
		}
	}
	return r.DeleteState(key)
}

// PutBack restores from the record on the session bus, for a process that
// holds no switch of its own (`pingwise stop` with the app gone).
func PutBack(r Records, key string) error {
	if _, ok, err := r.State(key); err != nil || !ok {
		return err
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return errors.New("do not disturb was left on by Pingwise, and there is no session bus to turn it off: it will be put back when Pingwise next runs")
	}
	srv, err := Probe(conn)
	if err != nil {
		return fmt.Errorf("do not disturb: %w", err)
	}
	d, err := ForServer(conn, srv, nil)
	if err != nil {
		return r.DeleteState(key) // that server has no switch: nothing was changed there
	}
	return Restore(d, r, key)
}
