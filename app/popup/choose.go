package popup

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// choose logs the person's choice m, then confirms it and closes shortly
// after. Send async first copies the message outline. A choice made while
// a number is invalid waits for the fix; one already logged is not logged
// twice.
func (p *Popup) choose(m advisor.Mode) {
	if p.done {
		return
	}
	if p.bad != "" {
		f := p.peopleF
		if _, bad := f.value(); bad == "" {
			f = p.minutesF
		}
		p.win.Canvas().Focus(f.entry)
		return
	}
	d := p.decision(m)
	copied := false
	if m == advisor.Async && p.cfg.Copy != nil {
		p.cfg.Copy(p.outline())
		copied = true
	}
	if p.cfg.Decide != nil {
		if err := p.cfg.Decide(d); err != nil {
			msg := p.tr.S("popup.notLogged", l10n.Args{"Err": err.Error()})
			if copied {
				msg = p.tr.S("popup.copiedNotLogged", l10n.Args{"Err": err.Error()})
			}
			p.setProblem(msg)
			return
		}
	}
	p.done = true
	if p.cfg.Chosen != nil {
		p.cfg.Chosen(m, Prefill{People: d.People, Channel: d.Channel, Target: p.pre.Target, Text: p.draft.Text, Link: p.pre.Link})
	}
	p.actions.Hide()
	p.confirm.SetText(p.confirmation(d, p.v.Cost, copied))
	p.confirm.Show()
	gen := p.gen
	after := p.cfg.After
	if after == nil {
		after = afterFunc
	}
	after(ConfirmFor, func() {
		if p.gen == gen && p.done && p.shown {
			p.Hide()
		}
	})
}

// decision is what choosing m logs.
func (p *Popup) decision(m advisor.Mode) focus.Decision {
	d := focus.Decision{
		Recommended: p.v.Mode,
		Chosen:      m,
		Channel:     p.channelFor(m),
		People:      p.people,
		Minutes:     p.syncMinutes(),
	}
	for _, r := range p.v.Reasons {
		if r.Weight > 0 {
			d.Reasons = append(d.Reasons, r.Text)
		}
	}
	return d
}

func isSync(ch string) bool {
	return advisor.Channel(strings.ToLower(strings.TrimSpace(ch))).Live()
}

// channelFor is the channel choosing m uses. Going sync: the live channel
// the person was about to use (a prefilled call stays a call), else the
// verdict's first, else a call. Sending async: the verdict's first, or when
// the verdict is sync, the async alternative.
func (p *Popup) channelFor(m advisor.Mode) string {
	switch {
	case m == advisor.Sync && isSync(p.pre.Channel):
		return strings.ToLower(strings.TrimSpace(p.pre.Channel))
	case m == p.v.Mode && len(p.v.Channels) > 0:
		return string(p.v.Channels[0])
	case m == advisor.Sync:
		return string(advisor.Call)
	case p.alt != "":
		return string(p.alt)
	}
	return string(advisor.Chat)
}

// asyncAlternative is the best async channel when the verdict is sync: the
// advisor's answer for the same people with only the async-leaning
// criteria that hold (complex, other time zones, a reply...), without the
// draft or anything pushing for sync. So a complex brainstorm goes to a
// shared document, a call across time zones to email, and a plain one to
// the advisor's default for that many people (chat for one or two, email
// for a group).
func (p *Popup) asyncAlternative() advisor.Channel {
	s := advisor.Situation{People: p.people}
	for _, t := range p.toggles {
		if t.info.Leans == advisor.Async && p.holds(t.info) {
			s.Set(t.info.Criterion, true)
		}
	}
	if v := advisor.Advise(s); len(v.Channels) > 0 {
		return v.Channels[0]
	}
	return advisor.Chat
}

// syncMinutes is the length of the sync version: the minutes field, or the
// default the advisor used. The advisor's cost is people × minutes plus
// people × refocus, so the default is read back from it rather than
// guessed again here.
func (p *Popup) syncMinutes() int {
	if p.minutes > 0 {
		return p.minutes
	}
	c := p.v.Cost
	return int(math.Round((c.SyncPersonMinutes - c.RefocusMinutesSavedIfAsync) / float64(max(p.people, 1))))
}

// confirmation says what was logged and what it saves or costs.
func (p *Popup) confirmation(d focus.Decision, c advisor.Cost, copied bool) string {
	tr, channel := p.tr, p.channelName(d.Channel)
	if d.Chosen == focus.Async {
		s := tr.S("popup.loggedAsync", l10n.Args{"Channel": channel, "Saved": span(tr, c.RefocusMinutesSavedIfAsync)})
		if copied {
			s += " " + tr.S("popup.copied")
		}
		return s
	}
	return tr.S("popup.loggedSync", l10n.Args{"Channel": channel, "Cost": span(tr, float64(d.People*d.Minutes)),
		"Refocus": span(tr, c.RefocusMinutesSavedIfAsync)})
}

// span writes person-minutes as advisor.Cost.Sentence does: whole minutes
// under an hour, hours to one decimal above ("1.5 h", "1,5 h").
func span(tr *l10n.T, m float64) string {
	if m < 59.5 {
		return strconv.Itoa(int(math.Round(m))) + " min"
	}
	return tr.Number(math.Round(m/6)/10) + " h"
}

// afterFunc runs f after d on Fyne's goroutine.
func afterFunc(d time.Duration, f func()) {
	time.AfterFunc(d, func() { fyne.Do(f) })
}
