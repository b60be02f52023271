package focus_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

func TestParseWeek(t *testing.T) {
	tests := []struct {
		in      string
		year    int
		number  int
		wantErr string // empty when the week must parse
	}{
		{"2026-W48", 2026, 48, ""},
		{"2026w48", 2026, 48, ""},
		{"2026W48", 2026, 48, ""},
		{" 2026-w48 ", 2026, 48, ""},
		{"2026-W01", 2026, 1, ""},
		{"2026-W1", 2026, 1, ""},
		{"2026-W53", 2026, 53, ""}, // 2026 ends on a Thursday: 53 weeks
		{"2020-W53", 2020, 53, ""},
		{"2025-W53", 0, 0, "does not exist"}, // 52 weeks
		{"2027-W53", 0, 0, "does not exist"},
		{"2026-W54", 0, 0, "does not exist"},
		{"2026-W00", 0, 0, "does not exist"},
		{"2026-W-1", 0, 0, "malformed"},
		{"2026-W+8", 0, 0, "malformed"},
		{"2026-W 8", 0, 0, "malformed"},
		{"2026-W123", 0, 0, "malformed"},
		{"2026-48", 0, 0, "malformed"},
		{"26-W48", 0, 0, "malformed"},
		{"2026-W", 0, 0, "malformed"},
		{"2026--W48", 0, 0, "malformed"},
		{"abcd-W01", 0, 0, "malformed"},
		{"1969-W01", 0, 0, "malformed"},
		{"2026-W48x", 0, 0, "malformed"},
		{"", 0, 0, "malformed"},
	}
	for _, tt := range tests {
		w, err := focus.ParseWeek(tt.in, time.UTC)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), tt.in) {
				t.Errorf("ParseWeek(%q) = %v, %v; want an error naming it, containing %q", tt.in, w, err, tt.wantErr)
			}
			continue
		}
		if err != nil || w.Year != tt.year || w.Number != tt.number || w.Loc != time.UTC {
			t.Errorf("ParseWeek(%q) = %+v, %v; want %d-W%02d", tt.in, w, err, tt.year, tt.number)
		}
	}
}

func TestWeekDays(t *testing.T) {
	tests := []struct {
		week       string
		monday     string
		prev, next string
	}{
		{"2026-W48", "2026-11-23", "2026-W47", "2026-W49"},
		{"2026-W01", "2025-12-29", "2025-W52", "2026-W02"},
		{"2026-W53", "2026-12-28", "2026-W52", "2027-W01"},
		{"2027-W01", "2027-01-04", "2026-W53", "2027-W02"},
		{"2021-W01", "2021-01-04", "2020-W53", "2021-W02"},
	}
	loc := mustLoad(t, "Europe/Berlin")
	for _, tt := range tests {
		w := mustWeek(t, tt.week, loc)
		if got := w.Start().Format(time.DateOnly); got != tt.monday || w.Start().Weekday() != time.Monday {
			t.Errorf("%s starts %s (%s), want Monday %s", tt.week, got, w.Start().Weekday(), tt.monday)
		}
		if w.String() != tt.week || w.Prev().String() != tt.prev || w.Next().String() != tt.next {
			t.Errorf("%s: String %s, Prev %s, Next %s", tt.week, w, w.Prev(), w.Next())
		}
		if w.Day(6).Weekday() != time.Sunday || !w.End().Equal(w.Next().Start()) {
			t.Errorf("%s: last day %s, end %s, next week's start %s", tt.week, w.Day(6), w.End(), w.Next().Start())
		}
		// Every moment of the week belongs to it, in the week's zone.
		for _, tm := range []time.Time{w.Start(), w.Day(3).Add(12 * time.Hour), w.End().Add(-time.Nanosecond)} {
			if got := focus.WeekOf(tm); got.String() != tt.week || got.Loc != loc {
				t.Errorf("WeekOf(%s) = %s", tm, got)
			}
		}
		if got := focus.WeekOf(w.End()); got.String() != tt.next {
			t.Errorf("WeekOf(%s) = %s, want %s", w.End(), got, tt.next)
		}
	}
}
