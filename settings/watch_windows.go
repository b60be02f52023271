package settings

// defaultWatchApps are process image names, what Windows tells of the app
// in front: new Teams is ms-teams.exe, classic Teams Teams.exe; new
// Outlook olk.exe, classic OUTLOOK.EXE.
func defaultWatchApps() map[string]string {
	return map[string]string{
		"slack.exe": "chat", "ms-teams.exe": "chat", "Teams.exe": "chat", "Zoom.exe": "call",
		"Discord.exe": "chat", "Signal.exe": "chat", "Telegram.exe": "chat", "Element.exe": "chat",
		"thunderbird.exe": "email", "OUTLOOK.EXE": "email", "olk.exe": "email", "Mattermost.exe": "chat",
	}
}
