package x11

import (
	"errors"
	"fmt"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/screensaver"
	"github.com/jezek/xgb/xproto"
)

const screenSaverExt = "MIT-SCREEN-SAVER"

// initScreenSaver does what screensaver.Init does minus registering the
// extension's event decoder: that writes a map in xgb shared by all
// connections, which their reader goroutines read without a lock, so it can
// crash the process while another connection is receiving events. Idle
// needs no screen saver events, only the extension's opcode.
func initScreenSaver(x *xgb.Conn) error {
	r, err := xproto.QueryExtension(x, uint16(len(screenSaverExt)), screenSaverExt).Reply()
	if err != nil {
		return fmt.Errorf("x11: query %s extension: %w", screenSaverExt, err)
	}
	if !r.Present {
		return errors.New("x11: the X server lacks the MIT-SCREEN-SAVER extension, so idle time is unknown")
	}
	x.ExtLock.Lock()
	x.Extensions[screenSaverExt] = r.MajorOpcode
	x.ExtLock.Unlock()
	return nil
}

// Idle returns the time since the last keyboard or mouse input the X server
// saw. Under Wayland that is only input to XWayland windows.
func (c *Conn) Idle() (time.Duration, error) {
	if c.closed.Load() {
		return 0, errClosed
	}
	if c.idleErr != nil {
		return 0, c.idleErr
	}
	r, err := screensaver.QueryInfo(c.x, xproto.Drawable(c.root)).Reply()
	if err != nil {
		return 0, fmt.Errorf("x11: query idle time: %w", err)
	}
	return time.Duration(r.MsSinceUserInput) * time.Millisecond, nil
}
