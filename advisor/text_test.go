package advisor

import (
	"slices"
	"strings"
	"testing"
)

func words(text string) []uint64 {
	var out []uint64
	for _, t := range tokenize(text, nil) {
		out = append(out, t.hash)
	}
	return out
}

func TestTokenizeNormalises(t *testing.T) {
	for _, tc := range [][]string{
		{"isnt", "isn't", "Isn't", "ISN’T", "isn‘t"},
		{"kick off", "kick-off", "Kick-Off", "KICK OFF"},
		{"dont need it", "don't need it", "Don’t need it"},
		{"über straße", "ÜBER Straße"},
		{"1:1 with 2.5 people", "1:1 with 2.5 people"},
		// Chat drops accents; the reading does too.
		{"esta caido", "está caído", "ESTÁ CAÍDO"},
		{"tres urgent", "très urgent"},
		{"strasse", "Straße"},
		// A French elided word is a word of its own, an English contraction is not.
		{"l equipe", "l'équipe", "l’équipe"},
		{"c est", "c'est"},
		{"dont", "don't"},
	} {
		want := words(tc[0])
		for _, v := range tc[1:] {
			if got := words(v); !slices.Equal(got, want) {
				t.Errorf("%q reads as %d words unlike %q's %d", v, len(got), tc[0], len(want))
			}
		}
	}
	if n := len(tokenize("l'équipe n'est pas là, we don't know", nil)); n != 9 {
		t.Errorf("elision split into %d words, want 9", n)
	}
	if n := len(tokenize("1:1 at 3:30, 2.5% of @here", nil)); n != 6 {
		t.Errorf("numbers and @here split into %d words, want 6", n)
	}
}

func TestTokenizeMarksClauseBreaks(t *testing.T) {
	toks := tokenize(`No, the "site" is down - really — now. Kick-off (later)`, nil)
	var brk []string
	text := `No, the "site" is down - really — now. Kick-off (later)`
	for _, tk := range toks {
		if tk.brk {
			brk = append(brk, text[tk.start:tk.end])
		}
	}
	// Quotes are not clause breaks: `the "new" site is down` is one clause.
	if want := []string{"the", "really", "now", "Kick", "later"}; !slices.Equal(brk, want) {
		t.Errorf("clause starts %q, want %q", brk, want)
	}
}

func TestExpand(t *testing.T) {
	got := expand("(a|b c|) d (e|f)")
	want := []string{"a d e", "a d f", "b c d e", "b c d f", "d e", "d f"}
	if !slices.Equal(got, want) {
		t.Errorf("expand: %q, want %q", got, want)
	}
}

// TestReadingTheDraft checks what the wording says, and which words say it.
func TestReadingTheDraft(t *testing.T) {
	type want struct {
		c     Criterion
		holds bool
		words []string
	}
	for _, tc := range []struct {
		text string
		want []want
		not  []Criterion // criteria the text must not touch
	}{
		{"The SITE is DOWN again", []want{{Crisis, true, []string{"SITE is DOWN"}}}, nil},
		{"this isn't an emergency", []want{{Crisis, false, []string{"isn't an emergency"}}}, nil},
		{"this isnt an emergency", []want{{Crisis, false, []string{"isnt an emergency"}}}, nil},
		{"this is not an emergency", []want{{Crisis, false, []string{"not an emergency"}}}, nil},
		{"No, the site is down.", []want{{Crisis, true, []string{"site is down"}}}, nil},
		{"Not sure why, but it's urgent", []want{{Urgent, true, []string{"urgent"}}}, nil},
		{"not urgent", []want{{Urgent, false, []string{"not urgent"}}}, nil},
		{"No rush, whenever you can", []want{{Urgent, false, []string{"No rush", "whenever you can"}}}, nil},
		{"no rush whenever", []want{{Urgent, false, []string{"no rush", "whenever"}}}, nil},
		{"I don't need an answer today", []want{{Urgent, false, []string{"don't need an answer today"}}}, nil},
		{"I need an answer today", []want{{Urgent, true, []string{"need an answer today"}}}, nil},
		{"when you get a chance", []want{{Urgent, false, []string{"when you get a chance"}}}, nil},
		{"can we talk about your review?", []want{{Sensitive, true, []string{"about your review"}}}, nil},
		{"FYI the notes are up", []want{{Context, true, []string{"FYI", "notes"}}}, nil},
		{"let's brainstorm", []want{{Brainstorm, true, []string{"brainstorm"}}}, nil},
		{"Project kick-off on Monday", []want{{Kickoff, true, []string{"kick-off"}}}, nil},
		{"Thanks for your message!", []want{{Reply, true, []string{"Thanks for"}}}, nil},
		{"I'll answer in your morning", []want{{TimeZones, true, []string{"your morning"}}}, nil},
		{"Hi all, quick note", []want{{People, true, []string{"Hi all"}}}, nil},
		{"Welcome to the team!", []want{{Rapport, true, []string{"Welcome to"}}}, nil},
		{"a step-by-step guide", []want{{Complex, true, []string{"step-by-step", "guide"}}}, nil},
		{"the training is self-paced", []want{{SelfPaced, true, []string{"training", "self-paced"}}}, nil},
		{"I need you on a call in 10 minutes", []want{{Urgent, true, []string{"in 10 minutes"}}}, nil},
		// The longest phrase wins and idioms consume their words.
		{"The incident review is on Friday", []want{{Context, true, []string{"incident review"}}}, []Criterion{Crisis}},
		{"Revenue is down 4% this quarter", nil, []Criterion{Crisis}},
		{"that's on the critical path", nil, []Criterion{Crisis}},
		{"we hit a merge conflict", nil, []Criterion{Sensitive}},
		{"of course", nil, []Criterion{SelfPaced}},
		{"can you review it after lunch", nil, []Criterion{Rapport}},
		// Resolution cancels the outage; a tie between cues goes async.
		{"the outage has been resolved", []want{{Crisis, false, []string{"resolved"}}}, nil},
		// Phrases do not run across a clause break.
		{"the site is. Down the road we will see", nil, []Criterion{Crisis}},
		// Time: how soon decides between urgent and a deadline.
		{"I need it in 20 minutes", []want{{Urgent, true, []string{"in 20 minutes"}}}, nil},
		{"I need it in twenty minutes", []want{{Urgent, true, []string{"in twenty minutes"}}}, nil},
		{"I need it in 3 hours", []want{{Urgent, false, []string{"in 3 hours"}}}, nil},
		{"can you send it by EOD?", []want{{Urgent, false, []string{"by EOD"}}}, nil},
		{"the CEO goes on stage in 20 minutes", []want{{Urgent, true, []string{"CEO goes on stage", "in 20 minutes"}}}, nil},
		// Tense: an outage in the past is a recap; one dated minutes ago is now.
		{"read the postmortem of last week's outage", []want{{Context, true, []string{"postmortem", "last week's", "outage"}}}, []Criterion{Crisis}},
		{"Yesterday the site was down for an hour.", []want{{Context, true, []string{"Yesterday", "was down"}}}, []Criterion{Crisis}},
		{"the site went down 10 minutes ago", []want{{Crisis, true, []string{"went down 10 minutes"}}}, nil},
		{"last week's outage is back: the site is down again", []want{{Crisis, true, []string{"site is down"}}}, nil},
		// Mood: a hypothetical outage is a plan.
		{"if the database goes down, what's the plan?", []want{{Crisis, false, []string{"goes down"}}}, nil},
		// Negation scope.
		{"nothing's on fire", []want{{Crisis, false, []string{"nothing's on fire"}}}, nil},
		{"no need to call", []want{{Ping, false, []string{"no need to call"}}}, nil},
		{"we don't need a meeting for this", []want{{Ping, false, []string{"don't need a meeting"}}}, nil},
		// Escalation and bare pings.
		{"we keep going back and forth on this", []want{{Stalled, true, []string{"keep going back and forth"}}}, nil},
		{"we're going in circles", []want{{Stalled, true, []string{"in circles"}}}, nil},
		{"got a sec?", []want{{Ping, true, []string{"got a sec"}}}, nil},
		// On-call jargon and idioms.
		{"pager went off, replica lag climbing", []want{{Crisis, true, []string{"pager went off", "lag climbing"}}}, nil},
		{"we need to let two people go", []want{{Sensitive, true, []string{"let two people go"}}}, nil},
		{"let it go, ship it", nil, []Criterion{Sensitive}},
		// A negator three words back still counts, four does not.
		{"it's not really that urgent", []want{{Urgent, false, []string{"not really that urgent"}}}, nil},
		{"not that it is really urgent", []want{{Urgent, true, []string{"urgent"}}}, nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			sc := &scratch{}
			sc.scan(tc.text)
			got := decide(lex().read(tc.text, sc), tc.text)
			for _, w := range tc.want {
				g := got[w.c]
				if !g.known || g.holds != w.holds || !slices.Equal(g.words, w.words) {
					t.Errorf("%s: got known=%v holds=%v words=%q, want holds=%v words=%q",
						w.c, g.known, g.holds, g.words, w.holds, w.words)
				}
			}
			for _, c := range tc.not {
				if got[c].known {
					t.Errorf("%s: unexpected signal %+v", c, got[c])
				}
			}
		})
	}
}

// TestWordsQuoteTheDraft checks that every reported word is the person's
// own text, so the popup can highlight it.
func TestWordsQuoteTheDraft(t *testing.T) {
	for file := range corpusLanguages {
		for _, l := range loadCorpus(t, "testdata/"+file) {
			for _, r := range Advise(Situation{Text: l.Text, People: l.People}).Reasons {
				for _, w := range r.Words {
					if w == "" || !strings.Contains(l.Text, w) {
						t.Errorf("%s: word %q is not in %q", r.Criterion, w, l.Text)
					}
				}
			}
		}
	}
}

// TestLatinLettersReadAsTheGeneralPath: the fast path for the accented
// letters U+00C0..U+00FF hashes each as its lower-case, folded form, as the
// general path does for every other letter.
func TestLatinLettersReadAsTheGeneralPath(t *testing.T) {
	for r := rune(0xC0); r <= 0xFF; r++ {
		if r == '×' || r == '÷' {
			if toks := tokenize("a"+string(r)+"b", nil); len(toks) != 2 {
				t.Errorf("%q does not split a word: %d tokens", r, len(toks))
			}
			continue
		}
		w := "x" + string(r) + "y"
		h := uint64(fnvOffset)
		for _, b := range []byte(normal(w)) {
			h = (h ^ uint64(b)) * fnvPrime
		}
		if toks := tokenize(w, nil); len(toks) != 1 || toks[0].hash != h {
			t.Errorf("%q reads as %v, want one word hashed as %q", w, toks, normal(w))
		}
	}
}

// TestContainsFoldAsEqualFold: the first-letter shortcut says no only where
// strings.EqualFold would, for ASCII, digits, marks and the letters whose
// folding leaves ASCII (the Kelvin sign folds to k, the long s to s).
func TestContainsFoldAsEqualFold(t *testing.T) {
	words := []string{"Doc", "doc", "wiki", "Wiki", "by Friday", "9am", "[link]", "{link}", "\u212Aey", "key", "\u017Fo", "so", "École", "école", "x", "X", "0", "@here"}
	for _, a := range words {
		for _, b := range words {
			if got, want := containsFold([]string{a}, b), strings.EqualFold(a, b); got != want {
				t.Errorf("containsFold([%q], %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestCompoundHeadInPlace: a compound all in ASCII is read in place, any
// other is written out in its normal form first; both find the same head,
// in any case.
func TestCompoundHeadInPlace(t *testing.T) {
	l := lexicons[langDE]()
	for _, tc := range []struct{ word, head string }{
		{"Produktionsdatenbank", "datenbank"},
		{"PRODUKTIONSDATENBANK", "datenbank"},
		{"Pröduktionsdatenbank", "datenbank"},
		{"PRÖDUKTIONSDATENBANK", "datenbank"},
		{"Netzwerkstörung", "störung"},
		{"NETZWERKSTOERUNG", ""},
		{"Kundenseite", "seite"},
	} {
		toks := tokenize(tc.word, nil)
		if len(toks) != 1 {
			t.Fatalf("%s: %d tokens", tc.word, len(toks))
		}
		h, ok := l.head(tc.word, &toks[0])
		if tc.head == "" {
			if ok {
				t.Errorf("%s: a head found, want none", tc.word)
			}
			continue
		}
		if want := hashPhrase(tc.head)[0]; !ok || h != want {
			t.Errorf("%s: head %x (found %v), want %q", tc.word, h, ok, tc.head)
		}
	}
}

// TestWordsFastPathAsRun: words() reads a word ended by a space, or by a
// mark and a space, in a loop of its own; with tabs for spaces, the same
// text takes run's general path, and must read the same.
func TestWordsFastPathAsRun(t *testing.T) {
	for _, s := range []string{
		"a, b. c; d: e! f? g (h) i",
		"Is it down? Yes. Since 9:30, maybe 2.5 hours; call me!",
		"end.", "end. ", "a ,b", "x? ¿y? z", "über. alles, ça va",
		draft2K, draft2KDE, draft2KFR, draft2KES,
	} {
		var fast, slow scratch
		fast.scan(s)
		slow.scan(strings.ReplaceAll(s, " ", "\t"))
		if !slices.Equal(fast.toks, slow.toks) || fast.questions != slow.questions {
			t.Errorf("%.40q: the fast path reads %d words (%d questions), run %d (%d)",
				s, len(fast.toks), fast.questions, len(slow.toks), slow.questions)
		}
	}
}
