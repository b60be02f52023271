package app

import (
	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/assets"
	"github.com/pingwise/pingwise/focus"
)

var (
	appIcon   = fyne.NewStaticResource("pingwise.png", assets.AppIcon(256))
	trayIcons = map[focus.State]fyne.Resource{}
)

func init() {
	for _, st := range []focus.State{focus.Idle, focus.Focusing, focus.Paused, focus.OnBreak} {
		trayIcons[st] = fyne.NewStaticResource("tray-"+string(st)+".png", assets.TrayIcon(string(st)))
	}
}
