package focus

import (
	"fmt"
	"strings"
	"time"
)

// Line says the state in one line, as the tray's first menu item and
// `pingwise status` do: "Focusing: 18 min left - write report".
func (st Status) Line() string {
	var line string
	left := Human(Countdown(st.Remaining)) + " left"
	switch st.State {
	case Focusing:
		line = "Focusing: " + left
	case Paused:
		line = "Paused: " + left
	case OnBreak:
		return "On a break: " + left
	default:
		return "Not focusing"
	}
	if st.Intent != "" {
		line += " - " + st.Intent
	}
	return line
}

// Heading says the state without the time left, as the tray menu's first
// item does: "Focusing - write report". The minutes are the tray title's
// and tooltip's, so that the menu changes only when the state does.
func (st Status) Heading() string {
	var line string
	switch st.State {
	case Focusing:
		line = "Focusing"
	case Paused:
		line = "Paused"
	case OnBreak:
		return "On a break"
	default:
		return "Not focusing"
	}
	if st.Intent != "" {
		line += " - " + st.Intent
	}
	return line
}

// Label names a channel for a menu or a button: "Chat", "In person".
func (c Channel) Label() string {
	if c == InPerson {
		return "In person"
	}
	if c == "" {
		return ""
	}
	return strings.ToUpper(string(c[:1])) + string(c[1:])
}

// Human writes a duration for people: "18 min", "45 s", "2 h 5 min".
func Human(d time.Duration) string {
	switch {
	case d == 0:
		return "0 min"
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
	}
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}

// Countdown rounds time left up to a whole minute, as timers show it: a
// session with 24 min 10 s left shows "25 min", and reads "0" only when done.
func Countdown(d time.Duration) time.Duration {
	return (d + time.Minute - 1).Truncate(time.Minute)
}
