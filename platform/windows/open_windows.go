package windows

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/link"
)

// Open fills in what Windows offers, and says why for what it does not.
// exe and dirs.Home make the start-at-login command, like xdg.Open's.
func Open(d *platform.Desktop, dirs home.Dirs, exe string) {
	if d.Name == "" {
		d.Name = "Windows"
	}
	d.Say(platform.Tray, platform.Works("the notification area, through fyne.io/systray"))
	d.Hotkey = Hotkey{}
	d.Say(platform.HotkeyService, platform.Works("RegisterHotKey, on a message loop of its own"))
	d.Active = Active{}
	d.Say(platform.ActiveApp, platform.Works("GetForegroundWindow and the process image name (slack.exe), polled every 500 ms"))
	d.Idle = Idle{}
	d.Say(platform.IdleService, platform.Works("GetLastInputInfo; time asleep counts as away"))
	d.Say(platform.QuietFocus, platform.Missing("Windows has no public API to switch Do Not Disturb (Focus Assist) or to count other apps' notifications: "+
		"turn on Do Not Disturb yourself during a session; the popup and the log work as everywhere"))
	if _, err := exec.LookPath("powershell.exe"); err != nil {
		d.Say(platform.Notifications, platform.Missing("no powershell.exe, which raises Windows toasts for Pingwise: the popup and the log still work"))
	} else {
		d.Notifier = Notifier{}
		d.Say(platform.Notifications, platform.Works("Windows toasts, through beeep and PowerShell"))
	}
	d.Links = Links{Reg: User}
	if User.Installed() {
		d.Say(platform.Links, platform.Works(fmt.Sprintf(`HKCU\Software\Classes for %s, handed on to the previous handlers`, link.SchemeList())))
	} else {
		d.Say(platform.Links, platform.Missing(`call and message links are not Pingwise's yet: run "pingwise install"`))
	}
	d.Autostart = Autostart{Reg: User, Exe: GUIExe(exe), Home: dirs.Home}
	d.Say(platform.AutostartSvc, platform.Works(`the HKCU\Software\Microsoft\Windows\CurrentVersion\Run key`))
}

// GUIExe is the program start at login and link clicks should run: the
// pingwisew.exe beside exe (the same program linked for the GUI
// subsystem, so no console window opens), or exe when there is none.
func GUIExe(exe string) string {
	w := filepath.Join(filepath.Dir(exe), "pingwisew.exe")
	if _, err := os.Stat(w); err == nil {
		return w
	}
	return exe
}
