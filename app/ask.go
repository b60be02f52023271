package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/app/popup"
	"github.com/pingwise/pingwise/control"
)

// newPopup builds the "Sync or async?" popup ahead of time, so that a key
// press only has to show it.
func (s *shell) newPopup() *popup.Popup {
	cfg := popup.Config{
		Base: func() advisor.Situation {
			cfg := s.eng.Settings()
			sit := advisor.Situation{Now: time.Now(), RefocusMinutes: cfg.RefocusMinutes}
			sit.WorkingHours.Start, sit.WorkingHours.End, _ = cfg.Hours()
			return sit
		},
		Decide:   s.eng.Decide,
		Copy:     func(text string) { s.app.Clipboard().SetContent(text) },
		Chosen:   s.chosen,
		After:    bridge{s}.after,
		Present:  s.present,
		Language: s.tr.Lang(),
	}
	if s.desk.Stash != nil {
		cfg.Stash, cfg.Unstash, cfg.StashOnMap = s.stash, s.unstash, s.stashOnMap
	}
	return popup.New(s.questionWindow(), cfg)
}

// questionWindow is the popup's window: a question to answer and be gone,
// so without the window manager's frame where the driver can make one
// (under a window manager the frame only repeated the title).
func (s *shell) questionWindow() fyne.Window {
	d, ok := s.app.Driver().(desktop.Driver)
	if !ok {
		return s.app.NewWindow(popup.Title)
	}
	w := d.CreateSplashWindow()
	w.SetPadded(true)
	return w
}

// present maps the popup and focuses it through the desktop before Fyne
// paints it, where the desktop can (X11); elsewhere, or before Fyne has
// made the window, Fyne does it all.
func (s *shell) present(w fyne.Window) {
	if s.desk.Presenter == nil {
		return
	}
	if id := x11Window(w); id != 0 {
		if err := s.desk.Presenter.Present(id); err != nil {
			fmt.Fprintln(os.Stderr, "pingwise:", err) // Fyne shows it all the same
		}
	}
}

// stash moves the popup out of sight, still mapped and painted, where the
// desktop can (sway's scratchpad), and reports whether it did.
func (s *shell) stash(w fyne.Window) bool {
	return s.throughStash(w, s.desk.Stash.Stash)
}

// unstash brings the stashed popup back with the keyboard, and reports
// whether it did.
func (s *shell) unstash(w fyne.Window) bool {
	return s.throughStash(w, s.desk.Stash.Unstash)
}

// stashOnMap has the desktop stash the next window mapped titled title,
// and reports whether it will.
func (s *shell) stashOnMap(title string) bool {
	if err := s.desk.Stash.StashOnMap(title); err != nil {
		fmt.Fprintln(os.Stderr, "pingwise:", err) // the first question is mapped when asked
		return false
	}
	return true
}

func (s *shell) throughStash(w fyne.Window, do func(uint32) error) bool {
	id := x11Window(w)
	if id == 0 {
		return false
	}
	if err := do(id); err != nil {
		fmt.Fprintln(os.Stderr, "pingwise:", err) // the popup hides or shows the plain way
		return false
	}
	return true
}

// x11Window is w's X11 window, 0 when it has none (yet).
func x11Window(w fyne.Window) uint32 {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	return uint32(id)
}

// chosen hands a call or message link on to the handler it had before
// Pingwise when the person goes sync; going async, the link is dropped and
// the popup has offered the async channel instead.
func (s *shell) chosen(mode advisor.Mode, p popup.Prefill) {
	if mode != advisor.Sync || p.Link == "" {
		return
	}
	if err := s.eng.GoSync(p.Link); err != nil {
		s.eng.Say(err.Error())
	}
}

// askWith opens the popup, prefilled; pressed again while it is open, it
// only brings it to the front.
func (s *shell) askWith(a control.Ask) {
	s.popup.Show(popup.Prefill{People: a.People, Channel: a.Channel, Target: a.Target, Text: a.Text, Link: a.Link})
}
