// Package focus is Pingwise's domain: focus sessions and breaks, the
// interruptions and sync-or-async decisions a person logs, the refocus model
// that prices them, and the weekly stats built from all of it.
//
// It knows nothing of windows, trays or X11: the tray, the popup and the stats
// window only draw what this package computes. Persistence sits behind the
// Store interface (focus/store implements it with SQLite), and time comes from
// a Clock so that tests never sleep.
package focus
