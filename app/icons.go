package app

import (
	"sync"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/assets"
	"github.com/pingwise/pingwise/focus"
)

// The icons are drawn on first use, not when the package loads: every
// command-line run links this package, and only the tray needs them.
var (
	appIcon = sync.OnceValue(func() fyne.Resource {
		return fyne.NewStaticResource("pingwise.png", assets.AppIcon(256))
	})
	trayIcons = sync.OnceValue(func() map[focus.State]fyne.Resource {
		m := map[focus.State]fyne.Resource{}
		for _, st := range []focus.State{focus.Idle, focus.Focusing, focus.Paused, focus.OnBreak} {
			m[st] = fyne.NewStaticResource("tray-"+string(st)+".png", assets.TrayIcon(string(st)))
		}
		return m
	})
)
