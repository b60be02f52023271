package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/app/popup"
	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform/link"
	"github.com/pingwise/pingwise/platform/xdg"
)

// newPopup builds the "Sync or async?" popup ahead of time, so that a key
// press only has to show it.
func (s *shell) newPopup() *popup.Popup {
	return popup.New(s.questionWindow(), popup.Config{
		Base: func() advisor.Situation {
			sit := advisor.Situation{Now: time.Now(), RefocusMinutes: s.settings.RefocusMinutes}
			sit.WorkingHours.Start, sit.WorkingHours.End, _ = s.settings.Hours()
			return sit
		},
		Decide: func(d focus.Decision) error {
			if _, err := s.track().LogDecision(d); err != nil {
				return err
			}
			s.refresh()
			return nil
		},
		Copy:    func(text string) { s.app.Clipboard().SetContent(text) },
		Chosen:  s.chosen,
		Present: s.present,
	})
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

// present maps the popup and focuses it over the app's own X connection
// before Fyne paints it; without X11, or before Fyne has made the window,
// Fyne does it all.
func (s *shell) present(w fyne.Window) {
	if s.x == nil {
		return
	}
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	if id == 0 {
		return
	}
	if err := s.x.Present(uint32(id)); err != nil {
		fmt.Fprintln(s.stderr, "pingwise:", err) // Fyne shows it all the same
	}
}

// chosen hands a call or message link on to the handler it had before
// Pingwise when the person goes sync; going async, the link is dropped and
// the popup has offered the async channel instead.
func (s *shell) chosen(mode advisor.Mode, p popup.Prefill) {
	if mode != advisor.Sync || p.Link == "" {
		return
	}
	l, err := link.Parse(p.Link)
	if err == nil {
		err = xdg.HandOff(s.dirs.Config, l, xdg.DataDirs())
	}
	if err != nil {
		s.sayOnce(err.Error())
	}
}

func (s *shell) ask() { s.askWith(control.Ask{}) }

// askWith opens the popup, prefilled; pressed again while it is open, it
// only brings it to the front.
func (s *shell) askWith(a control.Ask) {
	s.popup.Show(popup.Prefill{People: a.People, Channel: a.Channel, Target: a.Target, Text: a.Text, Link: a.Link})
}
