package focus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week: Monday to Sunday, in a time zone.
type Week struct {
	Year, Number int
	Loc          *time.Location
}

// WeekOf returns the ISO week that contains t, in t's location.
func WeekOf(t time.Time) Week {
	y, n := t.ISOWeek()
	return Week{Year: y, Number: n, Loc: t.Location()}
}

// ParseWeek reads a week written as 2026-W48 (the "W" and dash may be
// omitted in either case: 2026w48), in loc.
func ParseWeek(s string, loc *time.Location) (Week, error) {
	bad := fmt.Errorf("malformed week %q: write it as 2026-W48", s)
	t := strings.ToUpper(strings.TrimSpace(s))
	y, n, ok := strings.Cut(strings.Replace(t, "-W", "W", 1), "W")
	if !ok || len(y) != 4 || len(n) < 1 || len(n) > 2 || !digits(y+n) {
		return Week{}, bad
	}
	year, err1 := strconv.Atoi(y)
	num, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || year < 1970 || year > 9999 {
		return Week{}, bad
	}
	w := Week{Year: year, Number: num, Loc: loc}
	if last := weeksIn(year); num < 1 || num > last {
		return Week{}, fmt.Errorf("week %q does not exist: %d has weeks 1 to %d", s, year, last)
	}
	return w, nil
}

// digits reports whether s is all ASCII digits: strconv.Atoi alone would
// also take a sign, as in 2026-W+8.
func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// weeksIn returns 52 or 53: the ISO week of 28 December is always the last.
func weeksIn(year int) int {
	_, n := time.Date(year, time.December, 28, 12, 0, 0, 0, time.UTC).ISOWeek()
	return n
}

// String writes the week as 2026-W48.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// Start returns midnight at the start of the week's Monday.
func (w Week) Start() time.Time { return w.Day(0) }

// End returns midnight at the start of the next week's Monday.
func (w Week) End() time.Time { return w.Day(7) }

// Day returns midnight starting day i of the week (0 is Monday). Days are
// counted on the calendar, so a day with a DST change is 23 or 25 hours.
func (w Week) Day(i int) time.Time {
	// 4 January is always in week 1.
	jan4 := time.Date(w.Year, time.January, 4, 0, 0, 0, 0, w.Loc)
	monday := 4 - (int(jan4.Weekday())+6)%7
	return time.Date(w.Year, time.January, monday+(w.Number-1)*7+i, 0, 0, 0, 0, w.Loc)
}

// Prev returns the week before.
func (w Week) Prev() Week { return WeekOf(w.Day(-7)) }

// Next returns the week after.
func (w Week) Next() Week { return WeekOf(w.Day(7)) }
