package freedesktop

import (
	"fmt"
	"strconv"
	"strings"
)

// GNOME Shell has no D-Bus switch for Do Not Disturb: its quick setting
// writes this GSettings key, and the shell obeys the key. Going through the
// gsettings tool rather than dconf's D-Bus API keeps whatever backend the
// session uses (dconf, keyfile, memory) and its schema checks.
const (
	gnomeSchema = "org.gnome.desktop.notifications"
	gnomeKey    = "show-banners"
)

// gnome switches GNOME's Do Not Disturb: DND on is show-banners false.
// GNOME Shell still shows a critical notification's banner with banners
// off (messageTray.js: "!showBanners && urgency !== CRITICAL").
type gnome struct{ run Runner }

func (gnome) Kind() string        { return "gnome" }
func (gnome) CriticalShows() bool { return true }

func (g gnome) On() (bool, error) {
	out, err := g.run("gsettings", "get", gnomeSchema, gnomeKey)
	if err != nil {
		return false, fmt.Errorf("gnome: read %s %s: %w", gnomeSchema, gnomeKey, err)
	}
	banners, err := strconv.ParseBool(strings.TrimSpace(string(out)))
	if err != nil {
		return false, fmt.Errorf("gnome: %s %s is %q, not a boolean", gnomeSchema, gnomeKey, strings.TrimSpace(string(out)))
	}
	return !banners, nil
}

func (g gnome) Set(on bool) error {
	if _, err := g.run("gsettings", "set", gnomeSchema, gnomeKey, strconv.FormatBool(!on)); err != nil {
		return fmt.Errorf("gnome: set %s %s: %w", gnomeSchema, gnomeKey, err)
	}
	return nil
}
