package popup

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
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
	cost := channelsLine(v) + v.Cost.Sentence(p.people, p.minutes)
	key := string(v.Mode) + strconv.FormatFloat(v.Confidence, 'f', 2, 64) + reasonsKey(v) +
		cost + string(p.alt) + p.channelFor(advisor.Sync)
	if key == p.shownKey {
		return
	}
	p.shownKey = key

	p.headline.Segments = []widget.RichTextSegment{&widget.TextSegment{
		Text: headline(v),
		Style: widget.RichTextStyle{ColorName: modeColour[v.Mode], SizeName: theme.SizeNameSubHeadingText,
			TextStyle: fyne.TextStyle{Bold: true}},
	}}
	p.headline.Refresh()
	p.confidence.SetText(confidence(v.Confidence))
	p.reasons.Segments = reasonSegments(v)
	p.reasons.Refresh()
	p.cost.SetText(cost)

	p.goSync.SetText("Go sync (" + p.channelFor(advisor.Sync) + ")")
	p.sendAsync.SetText("Send async (" + p.channelFor(advisor.Async) + ")")
	p.goSync.Importance, p.sendAsync.Importance = widget.MediumImportance, widget.HighImportance
	if v.Mode == advisor.Sync {
		p.goSync.Importance, p.sendAsync.Importance = widget.HighImportance, widget.MediumImportance
	}
	p.goSync.Refresh()
	p.sendAsync.Refresh()
	p.showHint()
}

// headline is the verdict in a few words.
func headline(v *advisor.Verdict) string {
	if v.Mode == advisor.Async {
		return "Async: send it in writing"
	}
	for _, r := range v.Reasons {
		if r.Criterion == advisor.TimeZones && r.Weight == 0 { // it yielded: schedule it
			return "Sync: schedule a live talk"
		}
	}
	return "Sync: talk it through live"
}

// confidence says how sure the advisor is, in words and as its figure
// (0.5 is a coin flip, 0.73 the default alone, 0.95 a margin of 3).
func confidence(c float64) string {
	words := "a close call"
	switch {
	case c >= 0.95:
		words = "clear"
	case c >= 0.75:
		words = "fairly sure"
	}
	return words + " (" + strconv.Itoa(int(c*100+0.5)) + "%)"
}

// channelsLine lists the verdict's channels, best first, as a sentence
// that the cost follows.
func channelsLine(v *advisor.Verdict) string {
	if len(v.Channels) == 0 {
		return ""
	}
	s := "Best by " + string(v.Channels[0])
	for i, c := range v.Channels[1:] {
		if i == 0 {
			s += "; else "
		} else {
			s += ", "
		}
		s += string(c)
	}
	return s + ". "
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
func reasonSegments(v *advisor.Verdict) []widget.RichTextSegment {
	rs := v.Reasons
	segs := make([]widget.RichTextSegment, 0, 3*maxReasons+1)
	for i, r := range rs {
		if i == maxReasons {
			segs = append(segs, &widget.TextSegment{Text: "and " + strconv.Itoa(len(rs)-maxReasons) + " more",
				Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}})
			break
		}
		tag, colour := string(r.Leans), modeColour[r.Leans]
		if r.Weight == 0 {
			tag, colour = "note", theme.ColorNamePlaceHolder
		}
		segs = append(segs, &widget.TextSegment{Text: tag + "  ", Style: widget.RichTextStyle{Inline: true,
			ColorName: colour, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}})
		if len(r.Words) > 0 {
			segs = append(segs, &widget.TextSegment{Text: quoted(r.Words) + " ", Style: widget.RichTextStyle{Inline: true,
				ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Italic: true}}})
		}
		segs = append(segs, &widget.TextSegment{Text: gist(r.Text), Style: widget.RichTextStyleParagraph})
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
	if i := strings.Index(text, ": "); i > 0 {
		return text[:i] + "."
	}
	if i := strings.Index(text, "; "); i > 0 {
		return text[:i] + "."
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
