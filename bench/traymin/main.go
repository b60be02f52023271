// Command traymin is the floor Pingwise's tray is measured against: the
// smallest Fyne app with one tray menu, built from the same Fyne version.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

func main() {
	a := app.NewWithID("io.github.pingwise.traymin")
	if d, ok := a.(desktop.App); ok {
		d.SetSystemTrayMenu(fyne.NewMenu("traymin", fyne.NewMenuItem("Hello", func() {})))
		//lint:ignore SA1019 the floor needs any small icon, and Fyne's own is the smallest at hand
		d.SetSystemTrayIcon(theme.FyneLogo())
	}
	a.Run()
}
