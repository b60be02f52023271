package engine

import (
	"maps"

	"github.com/pingwise/pingwise/platform"
)

// Doctor says what works on this desktop and how, and what does not and
// what to do: the desktop's own statuses, with what the engine learned
// since (a hotkey another app holds, say).
func (e *Engine) Doctor() platform.Report {
	e.mu.Lock()
	defer e.mu.Unlock()
	st := maps.Clone(e.desk.Status)
	if st == nil {
		st = map[string]platform.Status{}
	}
	if e.hotkey.How != "" {
		st[platform.HotkeyService] = e.hotkey
	}
	if cal, ok := e.calendarStatus(); ok {
		st["calendars"] = cal
	}
	if dev, ok := SyncStatus(e.cfg); ok {
		st["devices"] = dev
	}
	return platform.Report{Session: e.desk.Name, Services: platform.Rows(st)}
}
