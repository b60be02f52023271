package app

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/platform/x11"
)

// askCommand is what to bind where Pingwise cannot grab a key itself.
const askCommand = "pingwise ask"

// openX connects to the X server for the hotkey, the active window and idle
// time. On Wayland there is none to ask: environment.missing says so.
func (s *shell) openX() {
	if s.desk.wayland || os.Getenv("DISPLAY") == "" {
		return
	}
	c, err := x11.Open("")
	if err != nil {
		s.sayOnce(fmt.Sprintf("No global hotkey (%v): bind %q in your desktop's keyboard settings.", err, askCommand))
		return
	}
	s.x = c
}

// grabHotkey grabs the popup's global key on X11, releasing the one held
// before. When it cannot, it says why once, with the command to bind
// instead; the tray and `pingwise ask` still open the popup.
func (s *shell) grabHotkey() {
	if s.releaseKey != nil {
		s.releaseKey()
		s.releaseKey = nil
	}
	if s.x == nil {
		return // no X11: said when it was opened
	}
	h, err := x11.ParseHotkey(s.settings.Hotkey)
	if err != nil {
		s.sayOnce(fmt.Sprintf("Hotkey %q: %v. Fix it in Settings, or bind %q in your desktop's keyboard settings.", s.settings.Hotkey, err, askCommand))
		return
	}
	release, err := s.x.Grab(h, func() { fyne.Do(s.ask) })
	if errors.Is(err, x11.ErrTaken) {
		s.sayOnce(fmt.Sprintf("%s is already taken by another application: choose another key in Settings, or bind %q in your desktop's keyboard settings.", h, askCommand))
		return
	}
	if err != nil {
		s.sayOnce(fmt.Sprintf("Hotkey %s: %v. Bind %q in your desktop's keyboard settings.", h, err, askCommand))
		return
	}
	s.releaseKey = release
}

// sayOnce tells the person something once: in the main window, and on
// standard error for whoever started the app from a terminal.
func (s *shell) sayOnce(msg string) {
	if s.said[msg] {
		return
	}
	if s.said == nil {
		s.said = map[string]bool{}
	}
	s.said[msg] = true
	fmt.Fprintln(s.stderr, "pingwise:", msg)
	s.main.keep(msg)
}
