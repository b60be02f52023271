package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseLength reads a session or break length: "25" (minutes), "25m",
// "1h30m", "90s".
func parseLength(s string) (time.Duration, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	if n, err := strconv.Atoi(t); err == nil {
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

// minutes writes a duration for people: "18 min", "45 s", "2 h 5 min".
func minutes(d time.Duration) string {
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

func durationOf(minutes float64) time.Duration {
	return time.Duration(minutes * float64(time.Minute))
}
