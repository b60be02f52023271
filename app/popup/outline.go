package popup

import (
	"strings"
	"unicode/utf8"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/l10n"
)

// maxLine is how much of the draft one line of the outline quotes.
const maxLine = 200

// outline is the message skeleton Send async copies: the seed's async best
// practice, "offer detail: because of the lag, be as detailed and
// transparent as possible", as the lines a reader needs. The target first,
// when known; the context, from the draft's first statement; the ask, from
// its first question; by when; and the details. What the draft does not
// say stays a bracketed prompt to fill in, never an invented fact.
func (p *Popup) outline() string {
	return outline(p.tr, p.pre.Target, p.draft.Text, p.urgent())
}

// urgent reports whether an answer is needed soon: the urgent toggle holds.
func (p *Popup) urgent() bool {
	for _, t := range p.toggles {
		if t.info.Criterion == advisor.Urgent {
			return p.holds(t.info)
		}
	}
	return false
}

func outline(tr *l10n.T, target, draft string, urgent bool) string {
	context, ask := tr.S("popup.outline.contextBlank"), tr.S("popup.outline.askBlank")
	gotContext, gotAsk := false, false
	for _, s := range sentences(draft) {
		switch {
		case !gotAsk && strings.HasSuffix(s, "?"):
			ask, gotAsk = clip(s), true
		case !gotContext && !strings.HasSuffix(s, "?"):
			context, gotContext = clip(s), true
		}
		if gotAsk && gotContext {
			break
		}
	}
	by := tr.S("popup.outline.by")
	if urgent {
		by = tr.S("popup.outline.byToday")
	}
	var b strings.Builder
	if target = strings.TrimSpace(target); target != "" {
		b.WriteString(tr.S("popup.outline.to", l10n.Args{"Target": clip(target)}) + "\n")
	}
	b.WriteString(tr.S("popup.outline.context", l10n.Args{"Text": context}) + "\n")
	b.WriteString(tr.S("popup.outline.ask", l10n.Args{"Text": ask}) + "\n")
	b.WriteString(by + "\n")
	b.WriteString(tr.S("popup.outline.details") + "\n")
	return b.String()
}

// sentences splits a draft at sentence ends and line breaks, trimmed, the
// empty ones dropped. A greeting line ("Hi Sam,") says nothing: dropped too.
func sentences(text string) []string {
	var out []string
	start := 0
	add := func(end int) {
		s := strings.TrimSpace(text[start:end])
		start = end
		if s == "" || (strings.HasSuffix(s, ",") && len(strings.Fields(s)) <= 3) {
			return
		}
		out = append(out, s)
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n', '\r':
			add(i)
		case '.', '!', '?':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' || text[i+1] == '\r' {
				add(i + 1)
			}
		}
	}
	add(len(text))
	return out
}

// clip keeps a line of the outline short, on a character boundary, with
// tabs and other control characters turned into spaces.
func clip(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) <= maxLine {
		return s
	}
	n := 0
	for i := range s {
		if n == maxLine-1 {
			return strings.TrimSpace(s[:i]) + "…"
		}
		n++
	}
	return s
}
