package app

// checkDisplay has nothing to check on Windows: there is always a desktop
// to draw on.
func checkDisplay() error { return nil }

// canTray is true on Windows: the notification area is always there.
func canTray() bool { return true }
