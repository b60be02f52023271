package wayland

import (
	"log"
	"sync"
)

// Binding is a key binding made at run time over a compositor's IPC (sway,
// Hyprland), which a config reload drops. KeepBound binds it again after
// every reload until it is released.
type Binding struct {
	Compositor string       // for the log: "sway", "Hyprland"
	Spec       string       // the hotkey as the person wrote it
	Bind       func() error // binds the key
	Unbind     func() error // unbinds it
	// Next waits for the compositor's next event and says whether it was a
	// config reload; an error (the connection closed, the compositor gone)
	// ends the watch.
	Next func() (reloaded bool, err error)
	// Close closes the event connection, which ends Next.
	Close func() error
}

// KeepBound binds b now and after each reload, and returns what releases
// it: it stops the watch and unbinds, once, however often it is called.
// The events are followed from before the first bind, so no reload in
// between goes unseen; the caller opened them before calling.
func KeepBound(b Binding) (release func(), err error) {
	if err := b.Bind(); err != nil {
		if cerr := b.Close(); cerr != nil {
			log.Printf("pingwise: closing %s's event connection: %v", b.Compositor, cerr)
		}
		return nil, err
	}
	var mu sync.Mutex // held while binding, so a reload cannot undo a release
	released := false
	go func() {
		for {
			reloaded, err := b.Next()
			if err != nil {
				return // released, or the compositor is gone
			}
			if !reloaded {
				continue
			}
			mu.Lock()
			if !released {
				if err := b.Bind(); err != nil {
					log.Printf("pingwise: binding %s again after %s reloaded its config: %v", b.Spec, b.Compositor, err)
				}
			}
			mu.Unlock()
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			released = true
			mu.Unlock()
			if err := b.Close(); err != nil {
				log.Printf("pingwise: closing %s's event connection: %v", b.Compositor, err)
			}
			if err := b.Unbind(); err != nil {
				log.Printf("pingwise: releasing the hotkey %s: %v", b.Spec, err)
			}
		})
	}, nil
}
