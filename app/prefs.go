package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/settings"
)

// showSettings opens the Settings window. It edits the same file the
// command line reads.
func (s *shell) showSettings() {
	if s.prefs != nil {
		s.prefs.Show()
		s.prefs.RequestFocus()
		return
	}
	w := s.app.NewWindow("Pingwise settings")
	cfg := s.eng.Settings()
	session := entry(strconv.Itoa(cfg.SessionMinutes))
	presets := entry(joinInts(cfg.Presets))
	brk := entry(strconv.Itoa(cfg.BreakMinutes))
	refocus := entry(strconv.FormatFloat(cfg.RefocusMinutes, 'f', -1, 64))
	notify := widget.NewCheck("Notify when a session or break ends", nil)
	notify.SetChecked(cfg.Notifications)
	hotkey := entry(cfg.Hotkey)
	hours := entry(cfg.WorkingHours)
	zone := entry(cfg.TimeZone)
	zone.SetPlaceHolder("this computer's, or e.g. Europe/Berlin")
	login := widget.NewCheck("Start Pingwise when I log in", nil)
	login.SetChecked(cfg.StartAtLogin)
	intercept := widget.NewSelect([]string{settings.InterceptPopup, settings.InterceptNotification, settings.InterceptOff}, nil)
	intercept.SetSelected(cfg.Intercept)
	away := entry(strconv.FormatFloat(cfg.AwayMinutes, 'f', -1, 64))
	quietOn := widget.NewCheck("Do Not Disturb while focusing, and count what it holds", nil)
	quietOn.SetChecked(cfg.QuietFocus)
	coalesce := entry(strconv.Itoa(cfg.CoalesceMinutes))
	keepWho := widget.NewCheck("Keep senders' names (never the messages)", nil)
	keepWho.SetChecked(cfg.KeepSummaries)
	syncFolder := entry(cfg.SyncFolder)
	syncFolder.SetPlaceHolder("empty: this device only")
	device := entry(cfg.DeviceName)
	calendars := widget.NewLabel(calendarList(cfg))
	calendars.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord

	save := func() {
		next := cfg
		var errs []error
		next.SessionMinutes = atoi(session.Text, "session length", &errs)
		next.BreakMinutes = atoi(brk.Text, "break", &errs)
		next.Presets = nil
		for _, p := range strings.Split(presets.Text, ",") {
			next.Presets = append(next.Presets, atoi(p, "presets", &errs))
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(refocus.Text), 64)
		if err != nil {
			errs = append(errs, fmt.Errorf("refocus minutes %q is not a number", refocus.Text))
		}
		next.RefocusMinutes = f
		next.Notifications, next.StartAtLogin = notify.Checked, login.Checked
		next.Intercept, next.QuietFocus, next.KeepSummaries = intercept.Selected, quietOn.Checked, keepWho.Checked
		next.CoalesceMinutes = atoi(coalesce.Text, "group notifications within", &errs)
		if next.AwayMinutes, err = strconv.ParseFloat(strings.TrimSpace(away.Text), 64); err != nil {
			errs = append(errs, fmt.Errorf("away after %q is not a number", away.Text))
		}
		next.Hotkey = strings.TrimSpace(hotkey.Text)
		next.WorkingHours, next.TimeZone = strings.TrimSpace(hours.Text), strings.TrimSpace(zone.Text)
		next.SyncFolder, next.DeviceName = strings.TrimSpace(syncFolder.Text), strings.TrimSpace(device.Text)
		if err := errors.Join(errs...); err != nil {
			problem.SetText(err.Error())
			return
		}
		if err := s.applySettings(next); err != nil {
			problem.SetText(err.Error())
			return
		}
		cfg = next
		problem.SetText("Saved to " + s.dirs.Settings())
	}
	form := widget.NewForm(
		widget.NewFormItem("Session length (min)", session),
		widget.NewFormItem("Start focus choices (min)", presets),
		widget.NewFormItem("Break (min, 0 for none)", brk),
		widget.NewFormItem("Refocus per interruption (min)", refocus),
		widget.NewFormItem("", notify),
		widget.NewFormItem("Popup hotkey", hotkey),
		widget.NewFormItem("Working hours", hours),
		widget.NewFormItem("Time zone", zone),
		widget.NewFormItem("", login),
		widget.NewFormItem("Chat app opened while focusing", intercept),
		widget.NewFormItem("Away pauses after (min, 0 never)", away),
		widget.NewFormItem("", quietOn),
		widget.NewFormItem("Group a sender's notifications within (min)", coalesce),
		widget.NewFormItem("", keepWho),
		widget.NewFormItem("Sync folder (several devices)", syncFolder),
		widget.NewFormItem("This device's name", device),
		widget.NewFormItem("Calendars", calendars),
	)
	form.SubmitText, form.OnSubmit = "Save", save
	w.SetContent(container.NewVBox(form, problem))
	w.Resize(fyne.NewSize(460, 0))
	w.SetCloseIntercept(w.Hide)
	s.prefs = w
	w.Show()
}

// applySettings saves cfg and puts it into effect.
func (s *shell) applySettings(cfg settings.Settings) error { return s.eng.Apply(cfg) }

// startCustom asks for a session length and intent.
func (s *shell) startCustom() {
	if s.custom != nil {
		s.custom.Show()
		s.custom.RequestFocus()
		return
	}
	w := s.app.NewWindow("Start focus")
	length := entry("45")
	intent := entry(s.main.intent())
	intent.SetPlaceHolder("What is this session for? (optional)")
	problem := widget.NewLabel("")
	form := widget.NewForm(widget.NewFormItem("Minutes", length), widget.NewFormItem("Intent", intent))
	form.SubmitText = "Start"
	form.OnSubmit = func() {
		n, err := strconv.Atoi(strings.TrimSpace(length.Text))
		d := time.Duration(n) * time.Minute
		if err == nil {
			err = focus.CheckPlanned(d)
		}
		if err != nil {
			problem.SetText("Minutes: a whole number from 1 to 480.")
			return
		}
		if err := s.eng.StartFocus(d, intent.Text); err != nil {
			problem.SetText(err.Error())
			return
		}
		problem.SetText("")
		w.Hide()
	}
	form.OnCancel = w.Hide
	w.SetContent(container.NewVBox(form, problem))
	w.Resize(fyne.NewSize(360, 0))
	w.SetCloseIntercept(w.Hide)
	s.custom = w
	w.Show()
}

// calendarList names the calendars the settings keep; they are added and
// removed with `pingwise calendar`, as a password must not pass through a
// window's text field into a file.
func calendarList(cfg settings.Settings) string {
	if len(cfg.Calendars) == 0 {
		return "none: add one with pingwise calendar add"
	}
	names := make([]string, len(cfg.Calendars))
	for i, c := range cfg.Calendars {
		names[i] = c.Name
	}
	return strings.Join(names, ", ") + " (pingwise calendar add/remove)"
}

func entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

func atoi(s, what string, errs *[]error) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		*errs = append(*errs, fmt.Errorf("%s: %q is not a whole number", what, strings.TrimSpace(s)))
	}
	return n
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
