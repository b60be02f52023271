package freedesktop

import (
	"strings"

	"github.com/pingwise/pingwise/focus"
)

// DefaultApps maps app names to channels: chat apps, mail clients, call
// apps and calendars. A key matches when the app name contains it, case
// folded; the settings may replace the map.
var DefaultApps = map[string]string{
	"Slack": "chat", "Teams": "chat", "Discord": "chat", "Signal": "chat", "Telegram": "chat",
	"Element": "chat", "Mattermost": "chat",
	"Thunderbird": "email", "Evolution": "email", "Geary": "email",
	"Zoom": "call", "Calls": "call",
	"Calendar": "meeting", "KOrganizer": "meeting", "Merkuro": "meeting", "Kalendar": "meeting",
	"evolution-alarm-notify": "meeting",
}

// ChannelFor maps an app name to its channel with apps (nil means
// DefaultApps): the longest key the name contains wins, so
// "evolution-alarm-notify" (meeting) beats "Evolution" (email); ties go to
// the key first in alphabetical order, so the answer never depends on map
// order. No match, or a channel the settings misspelled, gives focus.Other.
func ChannelFor(app string, apps map[string]string) focus.Channel {
	if apps == nil {
		apps = DefaultApps
	}
	name := strings.ToLower(app)
	best, bestKey := "", ""
	for k, v := range apps {
		kk := strings.ToLower(strings.TrimSpace(k))
		if kk == "" || !strings.Contains(name, kk) {
			continue
		}
		if len(kk) > len(bestKey) || (len(kk) == len(bestKey) && kk < bestKey) {
			best, bestKey = v, kk
		}
	}
	if bestKey == "" {
		return focus.Other
	}
	c, err := focus.ParseChannel(best)
	if err != nil {
		return focus.Other
	}
	return c
}
