package popup

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/l10n"
)

// maxReasons is how many reasons the popup lists; the rest are counted.
const maxReasons = 4

// modeColour colours everything that names a mode, in the theme's colours.
var modeColour = map[advisor.Mode]fyne.ThemeColorName{
	advisor.Sync:  theme.ColorNameWarning,
	advisor.Async: theme.ColorNameSuccess,
}

// changed reads the fields, asks the advisor again and shows its verdict:
// what every toggle, field and keystroke calls.
func (p *Popup) changed() {
	if p.quiet {
		return
	}
	p.readNumbers()
	p.v = advisor.Advise(p.situation())
	p.alt = ""
	if p.v.Mode == advisor.Sync {
		p.alt = p.asyncAlternative()
	}
	p.show()
}

// situation is the app's context with what the person set on top.
func (p *Popup) situation() advisor.Situation {
	s := p.base
	s.People, s.Minutes, s.Text = p.people, p.minutes, p.draft.Text
	switch {
	case len(s.Flags) == 0:
		s.Flags = p.flags
	case len(p.flags) > 0:
		m := make(map[advisor.Criterion]bool, len(s.Flags)+len(p.flags))
		for c, v := range s.Flags {
			m[c] = v
		}
		for c, v := range p.flags {
			m[c] = v
		}
		s.Flags = m
	}
	return s
}

// show puts p.v on screen, touching only what changed: on each keystroke,
// usually nothing but the toggles' state is compared.
func (p *Popup) show() {
	v := &p.v
	for _, t := range p.toggles {
		t.show(p.holds(t.info))
	}
	cost := p.channelsLine(v) + p.costLine()
	key := string(v.Mode) + strconv.FormatFloat(v.Confidence, 'f', 2, 64) + reasonsKey(v) +
		cost + string(p.alt) + p.channelFor(advisor.Sync)
	if key == p.shownKey {
		return
	}
	p.shownKey = key

	p.headline.Segments = []widget.RichTextSegment{&widget.TextSegment{
		Text: headline(p.tr, v),
		Style: widget.RichTextStyle{ColorName: modeColour[v.Mode], SizeName: theme.SizeNameSubHeadingText,
			TextStyle: fyne.TextStyle{Bold: true}},
	}}
	p.headline.Refresh()
	p.confidence.SetText(confidence(p.tr, v.Confidence))
	p.reasons.Segments = reasonSegments(p.tr, v)
	p.reasons.Refresh()
	p.cost.SetText(cost)

	p.goSync.SetText(p.tr.S("popup.goSyncBy", l10n.Args{"Channel": p.channelName(p.channelFor(advisor.Sync))}))
	p.sendAsync.SetText(p.tr.S("popup.sendAsyncBy", l10n.Args{"Channel": p.channelName(p.channelFor(advisor.Async))}))
	p.goSync.Importance, p.sendAsync.Importance = widget.MediumImportance, widget.HighImportance
	if v.Mode == advisor.Sync {
		p.goSync.Importance, p.sendAsync.Importance = widget.HighImportance, widget.MediumImportance
	}
	p.goSync.Refresh()
	p.sendAsync.Refresh()
	p.showHint()
	p.relayout()
}

// relayout lays the verdict's lines out again now that they changed.
// Fyne lays a container out again when a child's minimum size changes, but
// its canvas keeps one container per pass to lay out: when the reasons
// and a line after them change in one frame, the reasons' container was
// passed over and they ran over the cost line below (seen on X11 and
// Wine with a crisis draft). The window is fixed, so this is two layouts.
func (p *Popup) relayout() {
	p.body.Layout.Layout(p.body.Objects, p.body.Size())
	p.top.Layout.Layout(p.top.Objects, p.top.Size())
}

// headline is the verdict in a few words.
func headline(tr *l10n.T, v *advisor.Verdict) string {
	if v.Mode == advisor.Async {
		return tr.S("popup.async")
	}
	for _, r := range v.Reasons {
		if r.Criterion == advisor.TimeZones && r.Weight == 0 { // it yielded: schedule it
			return tr.S("popup.syncSchedule")
		}
	}
	return tr.S("popup.sync")
}

// confidence says how sure the advisor is, in words and as its figure
// (0.5 is a coin flip, 0.73 the default alone, 0.95 a margin of 3).
func confidence(tr *l10n.T, c float64) string {
	words := tr.S("popup.closeCall")
	switch {
	case c >= 0.95:
		words = tr.S("popup.clear")
	case c >= 0.75:
		words = tr.S("popup.fairlySure")
	}
	return tr.S("popup.confidence", l10n.Args{"Words": words, "Percent": int(c*100 + 0.5)})
}

// channelsLine lists the verdict's channels, best first, as a sentence
// that the cost follows.
func (p *Popup) channelsLine(v *advisor.Verdict) string {
	if len(v.Channels) == 0 {
		return ""
	}
	best := p.channelName(string(v.Channels[0]))
	if len(v.Channels) == 1 {
		return p.tr.S("popup.bestBy", l10n.Args{"Channel": best})
	}
	others := make([]string, len(v.Channels)-1)
	for i, c := range v.Channels[1:] {
		others[i] = p.channelName(string(c))
	}
	return p.tr.S("popup.bestByElse", l10n.Args{"Channel": best, "Others": strings.Join(others, ", ")})
}

// costLine says what the choice costs in plain words, as
// advisor.Cost.Sentence does in English: "A 30-minute call with 4 people
// costs 2 h plus 1.5 h of refocus; writing it instead costs about 15 min."
func (p *Popup) costLine() string {
	c, people := p.v.Cost, max(p.people, 1)
	minutes := p.syncMinutes()
	return p.tr.S("popup.cost", l10n.Args{"Minutes": minutes, "People": p.tr.N("popup.people", people),
		"Sync": span(p.tr, float64(people*minutes)), "Refocus": span(p.tr, c.RefocusMinutesSavedIfAsync),
		"Async": span(p.tr, c.AsyncPersonMinutes)})
}

// channelName names one of the advisor's channels, or a live channel
// the popup was opened with, in the popup's language.
func (p *Popup) channelName(c string) string {
	if p.tr.Has("adv." + c) {
		return p.tr.S("adv." + c)
	}
	return c
}

// reasonsKey identifies the reasons shown, to skip redrawing them.
func reasonsKey(v *advisor.Verdict) string {
	var b strings.Builder
	for _, r := range v.Reasons {
		b.WriteString(r.Text)
		for _, w := range r.Words {
			b.WriteString(w)
		}
		b.WriteByte(0)
	}
	return b.String()
}

// reasonSegments draws the reasons as short lines: a "sync" or "async" tag
// in the mode's colour, the draft's words that triggered it in quotes, and
// the gist of the reason. A reason that yielded (other time zones giving way
// to a sensitive talk: "schedule it") is a note.
func reasonSegments(tr *l10n.T, v *advisor.Verdict) []widget.RichTextSegment {
	rs := v.Reasons
	segs := make([]widget.RichTextSegment, 0, 3*maxReasons+2)
	for i, r := range rs {
		if i == maxReasons {
			segs = append(segs, &widget.TextSegment{Text: tr.S("popup.more", l10n.Args{"N": len(rs) - maxReasons}),
				Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}})
			break
		}
		tag, colour := tr.S("popup.tagAsync"), modeColour[r.Leans]
		if r.Leans == advisor.Sync {
			tag = tr.S("popup.tagSync")
		}
		if r.Weight == 0 {
			tag, colour = tr.S("popup.tagNote"), theme.ColorNamePlaceHolder
		}
		segs = append(segs, &widget.TextSegment{Text: tag + "  ", Style: widget.RichTextStyle{Inline: true,
			ColorName: colour, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}})
		if len(r.Words) > 0 {
			segs = append(segs, &widget.TextSegment{Text: quoted(r.Words) + " ", Style: widget.RichTextStyle{Inline: true,
				ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Italic: true}}})
		}
		segs = append(segs, &widget.TextSegment{Text: gist(r.In(tr.Lang())), Style: widget.RichTextStyleParagraph})
	}
	return segs
}

// quoted writes the draft's words in quotes: "site is down", "asap".
func quoted(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(w))
	}
	return b.String()
}

// gist shortens a reason to its claim. The advisor writes its reasons as
// "claim: the seed's rationale" ("An answer is needed within the hour: if
// you need an immediate response, now is the time"); the claim fits a line,
// the full text is what gets logged.
func gist(text string) string {
	// French sets a space before a colon or semicolon: "claim : why".
	if i := strings.Index(text, ": "); i > 0 {
		return strings.TrimSpace(text[:i]) + "."
	}
	if i := strings.Index(text, "; "); i > 0 {
		return strings.TrimSpace(text[:i]) + "."
	}
	return text
}

// holds reports whether a toggle criterion holds in the verdict shown: what
// the person set, or else a reason on the criterion's own side (the draft's
// words, or the recipients' clock for time zones).
func (p *Popup) holds(c advisor.CriterionInfo) bool {
	if v, set := p.flags[c.Criterion]; set {
		return v
	}
	return reasonFor(&p.v, c)
}

// reasonFor reports whether v has a reason for c holding: a push on c's
// own side, or c yielding to another criterion (which needs it to hold).
func reasonFor(v *advisor.Verdict, c advisor.CriterionInfo) bool {
	for _, r := range v.Reasons {
		if r.Criterion == c.Criterion && r.Leans == c.Leans {
			return true
		}
	}
	return false
}
