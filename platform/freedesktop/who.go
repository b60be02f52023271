package freedesktop

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxWho is how many characters of a sender's name are kept.
const MaxWho = 80

// Who returns the sender's name from a notification's summary line, or ""
// when keep is false (the person's setting forbids keeping it).
//
// Chat apps mostly put the sender alone in the summary ("Dana Lee"), so
// the summary is the name unless it has one of these shapes:
//
//	"Dana Lee: lunch?"              -> "Dana Lee"  (up to 4 words before ": ")
//	"New message from Dana"         -> "Dana"      (what follows a short lead-in ending in "from")
//	"Dana (3)", "Dana (#general)"   -> "Dana"      (a trailing count or channel)
//	"Dana in #general"              -> "Dana"
//	"Re: budget", "Fwd: ..."        -> ""          (an email subject: no name in it)
//
// Anything else is kept whole. Control characters are removed (line breaks
// and tabs become spaces), bidirectional overrides too, so a name cannot
// reorder or break a log line; runs of spaces become one; the result is
// cut at MaxWho characters.
func Who(summary string, keep bool) string {
	if !keep {
		return ""
	}
	return cut(senderName(clean(summary)), MaxWho)
}

// replyPrefixes start email subjects in several languages.
var replyPrefixes = []string{"re", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "tr", "rv", "r"}

func senderName(s string) string {
	if p, _, ok := strings.Cut(s, ":"); ok && slices.Contains(replyPrefixes, strings.ToLower(strings.TrimSpace(p))) {
		return ""
	}
	lower := strings.ToLower(s)
	switch i := strings.Index(lower, " from "); {
	case strings.HasPrefix(lower, "from "):
		s = s[len("from "):]
	case i > 0 && len(strings.Fields(s[:i])) <= 4:
		s = s[i+len(" from "):]
	}
	if name, _, ok := strings.Cut(s, ": "); ok && utf8.RuneCountInString(name) <= 40 && len(strings.Fields(name)) <= 4 {
		s = name
	} else if name, ok := strings.CutSuffix(s, ":"); ok {
		s = name
	}
	if i := strings.Index(s, " in #"); i > 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsDigit(r) || r == '#' {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// clean makes untrusted text safe to keep on one line.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), isBidi(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isBidi reports the invisible characters that reorder text.
func isBidi(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// cut keeps the first n characters (runes) of s.
func cut(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return strings.TrimSpace(s[:j])
		}
		i++
	}
	return s
}
