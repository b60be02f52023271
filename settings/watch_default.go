//go:build !windows

package settings

// defaultWatchApps are X11 window classes (and Wayland app ids).
func defaultWatchApps() map[string]string {
	return map[string]string{
		"Slack": "chat", "Microsoft Teams": "chat", "Zoom": "call", "Discord": "chat",
		"Signal": "chat", "Telegram": "chat", "Element": "chat", "Thunderbird": "email",
		"Evolution": "email", "Mattermost": "chat",
	}
}
