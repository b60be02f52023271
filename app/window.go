package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/engine"
	"github.com/pingwise/pingwise/focus"
)

// mainWindow offers everything the tray menu does. It is what a second
// `pingwise` start shows, and where Pingwise lives when there is no tray.
type mainWindow struct {
	s        *shell
	win      fyne.Window
	state    *widget.Label
	intentIn *widget.Entry
	starts   *fyne.Container
	pause    *widget.Button
	stopB    *widget.Button
	askB     *widget.Button
	channel  *widget.Select
	deferred *widget.Label
	handled  *widget.Button
	message  *widget.Label // the latest outcome of an action
	lasting  *widget.Label // what is missing or off, said once and kept
	presets  string        // the presets the start buttons were made for
	kept     int           // the kept lines shown
}

func newMainWindow(s *shell) *mainWindow {
	m := &mainWindow{s: s, win: s.app.NewWindow("Pingwise")}
	m.state = widget.NewLabelWithStyle("Not focusing", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.intentIn = widget.NewEntry()
	m.intentIn.SetPlaceHolder("What is this session for? (optional)")
	m.starts = container.NewHBox()
	m.pause = widget.NewButton("Pause", s.pauseResume)
	m.stopB = widget.NewButton("Stop", s.stop)
	m.askB = widget.NewButton("Sync or async?...", s.ask)
	labels := make([]string, len(logChannels))
	for i, c := range logChannels {
		labels[i] = c.Label()
	}
	m.channel = widget.NewSelect(labels, nil)
	m.channel.SetSelectedIndex(0)
	logAs := func(o focus.Outcome) func() {
		return func() { s.logInterruption(logChannels[m.channel.SelectedIndex()], o) }
	}
	m.deferred = widget.NewLabel("")
	m.handled = widget.NewButton("Mark all handled", func() { s.markHandled("") })
	m.message = widget.NewLabel("")
	m.lasting = widget.NewLabel("")
	m.lasting.Wrapping = fyne.TextWrapWord
	m.lasting.Hide()
	m.message.Wrapping = fyne.TextWrapWord

	m.win.SetContent(container.NewVBox(
		m.state,
		m.intentIn,
		container.NewHBox(widget.NewLabel("Start focus:"), m.starts),
		container.NewHBox(m.pause, m.stopB, m.askB),
		widget.NewSeparator(),
		container.NewHBox(widget.NewLabel("Interruption:"), m.channel,
			widget.NewButton("Taken now", logAs(focus.Taken)), widget.NewButton("Deferred", logAs(focus.Deferred))),
		container.NewHBox(m.deferred, m.handled),
		widget.NewSeparator(),
		container.NewHBox(widget.NewButton("Weekly stats...", s.showStatsNow),
			widget.NewButton("Settings...", s.showSettings), widget.NewButton("Quit", s.quit)),
		m.message,
		m.lasting,
	))
	m.win.Resize(fyne.NewSize(520, 0))
	m.win.SetCloseIntercept(func() {
		if !s.trayOK {
			s.quit() // without a tray, this window is the app
			return
		}
		m.win.Hide()
	})
	return m
}

// show updates the window for a snapshot.
func (m *mainWindow) show(v engine.Snapshot) {
	st := v.Status.State
	active := st == focus.Focusing || st == focus.Paused
	m.state.SetText(v.Status.Line())
	m.message.SetText(v.Notice)
	if len(v.Kept) != m.kept {
		// A later notice must not hide that the tray or the hotkey is
		// missing: those lines stay.
		m.kept = len(v.Kept)
		m.lasting.SetText(strings.Join(v.Kept, "\n"))
		m.lasting.Show()
	}
	if key := fmt.Sprint(v.Presets); key != m.presets {
		m.presets = key
		m.starts.RemoveAll()
		for _, p := range v.Presets {
			d := time.Duration(p) * time.Minute
			m.starts.Add(widget.NewButton(fmt.Sprintf("%d min", p), func() { m.s.startFocus(d) }))
		}
		m.starts.Add(widget.NewButton("Custom...", m.s.startCustom))
	}
	for _, o := range m.starts.Objects {
		if b, ok := o.(*widget.Button); ok {
			setEnabled(b, !active)
		}
	}
	m.pause.SetText("Pause")
	if st == focus.Paused {
		m.pause.SetText("Resume")
	}
	setEnabled(m.pause, active)
	setEnabled(m.stopB, st != focus.Idle)
	m.deferred.SetText(fmt.Sprintf("Deferred to answer: %d", v.Pending))
	setEnabled(m.handled, v.Pending > 0)
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// intent is what the person typed as the next session's intent.
func (m *mainWindow) intent() string { return m.intentIn.Text }

// present shows the window and brings it to the front.
func (m *mainWindow) present() {
	m.win.Show()
	m.win.RequestFocus()
}
