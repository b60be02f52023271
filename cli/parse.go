package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// maxLengthMinutes is far above any length a command accepts (8 h) and far
// below where minutes overflow a time.Duration.
const maxLengthMinutes = 1 << 20

// parseLength reads a session or break length: "25" (minutes), "25m",
// "1h30m", "90s".
func parseLength(s string) (time.Duration, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	if n, err := strconv.Atoi(t); err == nil {
		// Bound n before multiplying: a huge count of minutes would wrap
		// around int64 and could land inside the allowed range.
		if n > maxLengthMinutes || n < -maxLengthMinutes {
			return 0, fmt.Errorf("length %q is out of range: use 1m to 8h", s)
		}
		return time.Duration(n) * time.Minute, nil
	}
	d, err := time.ParseDuration(t)
	if err != nil {
		return 0, fmt.Errorf("%q is not a length: write 25, 25m or 1h30m", s)
	}
	return d, nil
}

// parseWhen reads when something happened: "14:05" (today), "2026-11-24
// 14:05", an RFC 3339 time, or "10m ago".
func parseWhen(s string, now time.Time) (time.Time, error) {
	t := strings.TrimSpace(s)
	if ago, ok := strings.CutSuffix(t, " ago"); ok {
		d, err := time.ParseDuration(strings.TrimSpace(ago))
		if err != nil || d < 0 {
			return time.Time{}, fmt.Errorf("time %q: write 10m ago", s)
		}
		return now.Add(-d), nil
	}
	if c, err := time.ParseInLocation("15:04", t, now.Location()); err == nil {
		y, m, d := now.Date()
		return time.Date(y, m, d, c.Hour(), c.Minute(), 0, 0, now.Location()), nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04"} {
		if v, err := time.ParseInLocation(layout, t, now.Location()); err == nil {
			return v, nil
		}
	}
	if v, err := time.Parse(time.RFC3339, t); err == nil {
		return v, nil
	}
	return time.Time{}, fmt.Errorf("time %q: write 14:05, 2026-11-24 14:05, an RFC 3339 time or 10m ago", s)
}

// inMinutes writes a number of minutes for people: "1 h 32 min".
func inMinutes(m float64) string {
	return focus.Human(time.Duration(m * float64(time.Minute)))
}
