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
	"github.com/pingwise/pingwise/l10n"
	"github.com/pingwise/pingwise/platform"
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
	desktop  *widget.Label // doctor's report: what works on this desktop
}

func newMainWindow(s *shell) *mainWindow {
	tr := s.tr
	m := &mainWindow{s: s, win: s.app.NewWindow("Pingwise")}
	m.state = widget.NewLabelWithStyle(tr.S("state.idle"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	m.intentIn = widget.NewEntry()
	m.intentIn.SetPlaceHolder(tr.S("main.intent"))
	m.starts = container.NewHBox()
	m.pause = widget.NewButton(tr.S("menu.pause"), s.pauseResume)
	m.stopB = widget.NewButton(tr.S("menu.stop"), s.stop)
	m.askB = widget.NewButton(tr.S("menu.ask"), s.ask)
	labels := make([]string, len(logChannels))
	for i, c := range logChannels {
		labels[i] = engine.ChannelLabel(tr, c)
	}
	m.channel = widget.NewSelect(labels, nil)
	m.channel.SetSelectedIndex(0)
	logAs := func(o focus.Outcome) func() {
		return func() { s.logInterruption(logChannels[m.channel.SelectedIndex()], o) }
	}
	m.deferred = widget.NewLabel("")
	m.handled = widget.NewButton(tr.S("menu.markAll"), func() { s.markHandled("") })
	m.message = widget.NewLabel("")
	m.lasting = widget.NewLabel("")
	m.lasting.Wrapping = fyne.TextWrapWord
	m.lasting.Hide()
	m.desktop = widget.NewLabel("")
	m.desktop.Wrapping = fyne.TextWrapWord
	m.message.Wrapping = fyne.TextWrapWord

	m.win.SetContent(container.NewVBox(
		m.state,
		m.intentIn,
		container.NewHBox(widget.NewLabel(tr.S("main.startFocus")), m.starts),
		container.NewHBox(m.pause, m.stopB, m.askB),
		widget.NewSeparator(),
		container.NewHBox(widget.NewLabel(tr.S("main.interruption")), m.channel,
			widget.NewButton(tr.S("menu.takenNow"), logAs(focus.Taken)), widget.NewButton(tr.S("menu.deferred"), logAs(focus.Deferred))),
		container.NewHBox(m.deferred, m.handled),
		widget.NewSeparator(),
		container.NewHBox(widget.NewButton(tr.S("menu.stats"), s.showStatsNow),
			widget.NewButton(tr.S("menu.settings"), s.showSettings), widget.NewButton(tr.S("menu.quit"), s.quit)),
		m.message,
		m.lasting,
		widget.NewAccordion(widget.NewAccordionItem(tr.S("main.thisDesktop"), m.desktop)),
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
	tr := m.s.tr
	m.state.SetText(engine.Line(tr, v.Status))
	m.message.SetText(v.Notice)
	changed := len(v.Kept) != m.kept
	if changed {
		// A later notice must not hide that the tray or the hotkey is
		// missing: those lines stay.
		m.kept = len(v.Kept)
		m.lasting.SetText(strings.Join(v.Kept, "\n"))
		m.lasting.Show()
	}
	if changed || m.desktop.Text == "" {
		// What works here changes only with what is said: a hotkey
		// taken, a notification server gone.
		m.desktop.SetText(doctorText(tr, m.s.eng.Doctor()))
	}
	if key := fmt.Sprint(v.Presets); key != m.presets {
		m.presets = key
		m.starts.RemoveAll()
		for _, p := range v.Presets {
			d := time.Duration(p) * time.Minute
			m.starts.Add(widget.NewButton(tr.S("menu.minutes", l10n.Args{"N": p}), func() { m.s.startFocus(d) }))
		}
		m.starts.Add(widget.NewButton(tr.S("menu.custom"), m.s.startCustom))
	}
	for _, o := range m.starts.Objects {
		if b, ok := o.(*widget.Button); ok {
			setEnabled(b, !active)
		}
	}
	m.pause.SetText(tr.S("menu.pause"))
	if st == focus.Paused {
		m.pause.SetText(tr.S("menu.resume"))
	}
	setEnabled(m.pause, active)
	setEnabled(m.stopB, st != focus.Idle)
	m.deferred.SetText(tr.S("main.deferredToAnswer", l10n.Args{"N": v.Pending}))
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

// doctorText is doctor's report for the window, in the UI's language: a
// line per service, its name and whether it works, then how (or why not
// and the fix) where the catalogs have that status's message, in English
// otherwise (an error's own text, a compositor's mechanism).
func doctorText(tr *l10n.T, r platform.Report) string {
	var b strings.Builder
	b.WriteString(tr.S("doctor.session", l10n.Args{"Session": r.Session}))
	for _, row := range r.Services {
		key := "doctor.missing"
		if row.Available {
			key = "doctor.ok"
		}
		name := strings.ReplaceAll(row.Service, "_", " ")
		if tr.Has("doctor.service." + row.Service) {
			name = tr.S("doctor.service." + row.Service)
		}
		b.WriteString("\n" + tr.S(key, l10n.Args{"Service": name, "How": engine.How(tr, row.Status)}))
	}
	return b.String()
}

// present shows the window and brings it to the front.
func (m *mainWindow) present() {
	m.win.Show()
	m.win.RequestFocus()
}
