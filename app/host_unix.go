//go:build !windows

package app

import (
	"errors"
	"os"

	"github.com/pingwise/pingwise/platform/freedesktop"
	"github.com/pingwise/pingwise/platform/x11"
)

// checkDisplay makes sure Fyne will be able to draw: it connects to the X
// server (Fyne draws through XWayland on Wayland too) and says which
// display failed and why. Fyne itself panics with a stack trace instead.
func checkDisplay() error {
	if os.Getenv("DISPLAY") == "" {
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			return errors.New("no X display: Pingwise draws through XWayland, and $DISPLAY is unset (is XWayland enabled?)")
		}
		return errors.New("no display: $DISPLAY and $WAYLAND_DISPLAY are unset")
	}
	c, err := x11.Dial("")
	if err != nil {
		return err
	}
	return c.Close()
}

// canTray reports whether Fyne's tray may be set up: on the freedesktop
// it talks D-Bus, and without a session bus its Quit panics.
func canTray() bool { return freedesktop.HasSessionBus() }
