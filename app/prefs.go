package app

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
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
	tr := s.tr
	w := s.app.NewWindow(tr.S("prefs.title"))
	cfg := s.eng.Settings()
	session := entry(strconv.Itoa(cfg.SessionMinutes))
	presets := entry(joinInts(cfg.Presets))
	brk := entry(strconv.Itoa(cfg.BreakMinutes))
	refocus := entry(strconv.FormatFloat(cfg.RefocusMinutes, 'f', -1, 64))
	notify := widget.NewCheck(tr.S("prefs.notify"), nil)
	notify.SetChecked(cfg.Notifications)
	hotkey := entry(cfg.Hotkey)
	hours := entry(cfg.WorkingHours)
	zone := entry(cfg.TimeZone)
	zone.SetPlaceHolder(tr.S("prefs.zoneHint"))
	login := widget.NewCheck(tr.S("prefs.login"), nil)
	login.SetChecked(cfg.StartAtLogin)
	intercepts := []string{settings.InterceptPopup, settings.InterceptNotification, settings.InterceptOff}
	intercept := choice(intercepts, func(v string) string { return tr.S("prefs.intercept." + v) }, cfg.Intercept)
	languages := append([]string{""}, settings.Languages...)
	language := choice(languages, func(v string) string {
		if v == "" {
			return tr.S("prefs.languageSystem", l10n.Args{"Name": l10n.Name(l10n.Choose("", string(lang.SystemLocale())))})
		}
		return l10n.Name(v)
	}, cfg.Language)
	away := entry(strconv.FormatFloat(cfg.AwayMinutes, 'f', -1, 64))
	quietOn := widget.NewCheck(tr.S("prefs.quiet"), nil)
	quietOn.SetChecked(cfg.QuietFocus)
	coalesce := entry(strconv.Itoa(cfg.CoalesceMinutes))
	keepWho := widget.NewCheck(tr.S("prefs.keepWho"), nil)
	keepWho.SetChecked(cfg.KeepSummaries)
	syncFolder := entry(cfg.SyncFolder)
	syncFolder.SetPlaceHolder(tr.S("prefs.syncHint"))
	device := entry(cfg.DeviceName)
	calendars := widget.NewLabel(calendarList(tr, cfg))
	calendars.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord

	save := func() {
		next := cfg
		var errs []error
		next.SessionMinutes = atoi(tr, session.Text, "prefs.session", &errs)
		next.BreakMinutes = atoi(tr, brk.Text, "prefs.break", &errs)
		next.Presets = nil
		for _, p := range strings.Split(presets.Text, ",") {
			next.Presets = append(next.Presets, atoi(tr, p, "prefs.presets", &errs))
		}
		next.RefocusMinutes = atof(tr, refocus.Text, "prefs.refocus", &errs)
		next.Notifications, next.StartAtLogin = notify.Checked, login.Checked
		next.Intercept, next.QuietFocus, next.KeepSummaries = intercepts[intercept.SelectedIndex()], quietOn.Checked, keepWho.Checked
		next.Language = languages[language.SelectedIndex()]
		next.CoalesceMinutes = atoi(tr, coalesce.Text, "prefs.coalesce", &errs)
		next.AwayMinutes = atof(tr, away.Text, "prefs.away", &errs)
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
		problem.SetText(tr.S("prefs.saved", l10n.Args{"Path": s.dirs.Settings()}))
	}
	form := widget.NewForm(
		widget.NewFormItem(tr.S("prefs.language"), language),
		widget.NewFormItem(tr.S("prefs.session"), session),
		widget.NewFormItem(tr.S("prefs.presets"), presets),
		widget.NewFormItem(tr.S("prefs.break"), brk),
		widget.NewFormItem(tr.S("prefs.refocus"), refocus),
		widget.NewFormItem("", notify),
		widget.NewFormItem(tr.S("prefs.hotkey"), hotkey),
		widget.NewFormItem(tr.S("prefs.hours"), hours),
		widget.NewFormItem(tr.S("prefs.zone"), zone),
		widget.NewFormItem("", login),
		widget.NewFormItem(tr.S("prefs.intercept"), intercept),
		widget.NewFormItem(tr.S("prefs.away"), away),
		widget.NewFormItem("", quietOn),
		widget.NewFormItem(tr.S("prefs.coalesce"), coalesce),
		widget.NewFormItem("", keepWho),
		widget.NewFormItem(tr.S("prefs.syncFolder"), syncFolder),
		widget.NewFormItem(tr.S("prefs.device"), device),
		widget.NewFormItem(tr.S("prefs.calendars"), calendars),
	)
	form.SubmitText, form.OnSubmit = tr.S("prefs.save"), save
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
	tr := s.tr
	w := s.app.NewWindow(tr.S("custom.title"))
	length := entry("45")
	intent := entry(s.main.intent())
	intent.SetPlaceHolder(tr.S("main.intent"))
	problem := widget.NewLabel("")
	form := widget.NewForm(widget.NewFormItem(tr.S("custom.minutes"), length), widget.NewFormItem(tr.S("custom.intent"), intent))
	form.SubmitText, form.CancelText = tr.S("custom.start"), tr.S("custom.cancel")
	form.OnSubmit = func() {
		n, err := strconv.Atoi(strings.TrimSpace(length.Text))
		d := time.Duration(n) * time.Minute
		if err == nil {
			err = focus.CheckPlanned(d)
		}
		if err != nil {
			problem.SetText(tr.S("custom.bad"))
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
func calendarList(tr *l10n.T, cfg settings.Settings) string {
	if len(cfg.Calendars) == 0 {
		return tr.S("prefs.calendarsNone")
	}
	names := make([]string, len(cfg.Calendars))
	for i, c := range cfg.Calendars {
		names[i] = c.Name
	}
	return tr.S("prefs.calendarsList", l10n.Args{"Names": strings.Join(names, ", ")})
}

func entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

// atoi reads a whole number from the field labelled by the message field.
func atoi(tr *l10n.T, s, field string, errs *[]error) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		*errs = append(*errs, errors.New(tr.S("prefs.notWhole", l10n.Args{"Field": tr.S(field), "Value": strings.TrimSpace(s)})))
	}
	return n
}

// atof reads a number from the field labelled by the message field.
func atof(tr *l10n.T, s, field string, errs *[]error) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		*errs = append(*errs, errors.New(tr.S("prefs.notNumber", l10n.Args{"Field": tr.S(field), "Value": strings.TrimSpace(s)})))
	}
	return f
}

// choice is a select of values shown by their names, value selected.
func choice(values []string, name func(string) string, value string) *widget.Select {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = name(v)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(max(slices.Index(values, value), 0))
	return sel
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
