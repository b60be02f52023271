package l10n

import (
	"strconv"
	"time"
)

// Short weekday and month names, Sunday and January first, as each
// language abbreviates them in dates.
var (
	weekdays = map[string][7]string{
		English: {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		German:  {"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
		French:  {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		Spanish: {"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
	}
	months = map[string][12]string{
		English: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		German:  {"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."},
		French:  {"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		Spanish: {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
	}
)

// Weekday is the short name of d's weekday: "Mon", "Mo.", "lun.", "lun".
func (t *T) Weekday(d time.Time) string { return weekdays[t.Lang()][d.Weekday()] }

// day is the day of the month as the language writes it before a month:
// "23" ("23." in German).
func (t *T) day(d time.Time) string {
	s := strconv.Itoa(d.Day())
	if t.Lang() == German {
		s += "."
	}
	return s
}

// WeekdayDay is a chart's day label: "Mon 23", "Mo. 23.", "lun. 23".
func (t *T) WeekdayDay(d time.Time) string { return t.Weekday(d) + " " + t.day(d) }

// Date is a day in a heading: "Mon 23 Nov", "Mo. 23. Nov.", "lun. 23 nov.",
// "lun 23 nov"; withYear adds the year.
func (t *T) Date(d time.Time, withYear bool) string {
	s := t.WeekdayDay(d) + " " + months[t.Lang()][d.Month()-1]
	if withYear {
		s += " " + strconv.Itoa(d.Year())
	}
	return s
}

// WeekdayTime is a moment in a week: "Mon 14:30", on a 24-hour clock in
// every language.
func (t *T) WeekdayTime(d time.Time) string { return t.Weekday(d) + " " + d.Format("15:04") }
