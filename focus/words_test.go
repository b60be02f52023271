package focus

import (
	"testing"
	"time"
)

func TestLineAndHeading(t *testing.T) {
	for _, tc := range []struct {
		st            Status
		line, heading string
	}{
		{Status{State: Idle}, "Not focusing", "Not focusing"},
		{Status{State: Focusing, Remaining: 17*time.Minute + 10*time.Second, Intent: "write report"},
			"Focusing: 18 min left - write report", "Focusing - write report"},
		{Status{State: Paused, Remaining: 5 * time.Minute}, "Paused: 5 min left", "Paused"},
		{Status{State: OnBreak, Remaining: 4 * time.Minute, Intent: "ignored"}, "On a break: 4 min left", "On a break"},
	} {
		if got := tc.st.Line(); got != tc.line {
			t.Errorf("Line() = %q, want %q", got, tc.line)
		}
		if got := tc.st.Heading(); got != tc.heading {
			t.Errorf("Heading() = %q, want %q", got, tc.heading)
		}
	}
}

func TestChannelLabel(t *testing.T) {
	for c, want := range map[Channel]string{Chat: "Chat", InPerson: "In person", Email: "Email", "": ""} {
		if got := c.Label(); got != want {
			t.Errorf("%q.Label() = %q, want %q", c, got, want)
		}
	}
}
