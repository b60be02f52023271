package cli_test

import (
	"strings"
	"testing"
)

type verdict struct {
	Mode       string   `json:"mode"`
	Confidence float64  `json:"confidence"`
	Channels   []string `json:"channels"`
	Reasons    []struct {
		Criterion string   `json:"criterion"`
		Leans     string   `json:"leans"`
		Text      string   `json:"text"`
		Words     []string `json:"words"`
	} `json:"reasons"`
	Cost struct {
		Sync    float64 `json:"sync_person_minutes"`
		Async   float64 `json:"async_person_minutes"`
		Refocus float64 `json:"refocus_minutes_saved_if_async"`
	} `json:"cost"`
	Tips []string `json:"tips"`
}

func (v verdict) reason(criterion string) (leans string, words []string, ok bool) {
	for _, r := range v.Reasons {
		if r.Criterion == criterion {
			return r.Leans, r.Words, true
		}
	}
	return "", nil, false
}

func TestAdvise(t *testing.T) {
	for _, tc := range []struct {
		name      string
		stdin     string
		args      []string
		mode      string
		criterion string // a reason that must be there
		leans     string
		word      string // a word of the draft it must quote, if any
	}{
		{"nothing set is async", "", nil, "async", "default", "async", ""},
		{"a crisis flag", "", []string{"--crisis"}, "sync", "crisis", "sync", ""},
		{"an outage in the draft", "", []string{"--text", "The site is down and customers can't check out"}, "sync", "crisis", "sync", "site is down"},
		{"a flag set false beats the draft", "", []string{"--crisis=false", "--text", "the site is down"}, "async", "crisis", "async", ""},
		{"negation", "", []string{"--text", "Not urgent at all, whenever you have a minute"}, "async", "urgent", "async", "Not urgent"},
		{"the draft on stdin", "Can we talk about your review tomorrow?", []string{"--text", "-"}, "sync", "sensitive", "sync", "about your review"},
		{"sensitive across time zones is still sync", "", []string{"--sensitive", "--their-tz", "Asia/Tokyo"}, "sync", "sensitive", "sync", ""},
		{"a reply", "", []string{"--reply"}, "async", "reply", "async", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHome(t, "")
			r := h.run(tc.stdin, append([]string{"advise", "--json"}, tc.args...)...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("%v", r)
			}
			var v verdict
			keys := decodeOne(t, r.stdout, &v)
			for _, k := range []string{"mode", "confidence", "channels", "reasons", "cost", "tips"} {
				if _, ok := keys[k]; !ok {
					t.Errorf("no %q in %s", k, r.stdout)
				}
			}
			if v.Mode != tc.mode {
				t.Errorf("mode = %s, want %s", v.Mode, tc.mode)
			}
			leans, words, ok := v.reason(tc.criterion)
			if !ok || leans != tc.leans {
				t.Errorf("reason %s leans %q (present %v), want %s", tc.criterion, leans, ok, tc.leans)
			}
			if tc.word != "" && !strings.Contains(strings.ToLower(strings.Join(words, "|")), strings.ToLower(tc.word)) {
				t.Errorf("reason %s quotes %q, want %q", tc.criterion, words, tc.word)
			}
			if v.Confidence < 0 || v.Confidence > 1 || len(v.Channels) == 0 || len(v.Tips) == 0 {
				t.Errorf("verdict %+v", v)
			}
		})
	}
}

func TestAdviseCostUsesTheSettings(t *testing.T) {
	h := newHome(t, "refocus_minutes = 10\n")
	var v verdict
	decodeOne(t, h.ok("advise", "--json", "--people", "4", "--minutes", "30"), &v)
	// 4 people x 30 min, plus 4 x 10 min of refocus.
	if v.Cost.Sync != 160 || v.Cost.Refocus != 40 {
		t.Errorf("cost = %+v, want sync 160 and refocus 40", v.Cost)
	}
	text := h.ok("advise", "--people", "4", "--minutes", "30")
	for _, want := range []string{"Async: put it in writing", "Why:", "Channels, best first:", "Cost: A 30-minute call with 4 people costs 2 h", "Tips:"} {
		if !strings.Contains(text, want) {
			t.Errorf("human output lacks %q:\n%s", want, text)
		}
	}
}

func TestAdviseBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"--people", "0"},
		{"--minutes", "-3"},
		{"--their-tz", "Mars/Olympus"},
		{"--text", ""},
		{"--text", "   "},
		{"--urgent=maybe"},
		{"extra"},
	} {
		h := newHome(t, "")
		r := h.run("", append([]string{"advise"}, args...)...)
		if r.code != 2 || r.stdout != "" {
			t.Errorf("advise %q: %v, want exit 2", args, r)
		}
		checkOneLine(t, r.stderr)
	}
	h := newHome(t, "")
	if r := h.run(strings.Repeat("a", 65<<10), "advise", "--text", "-"); r.code != 2 {
		t.Errorf("an oversized draft: %v", r)
	}
	if r := h.run("", "advise", "--json", "--text", "-"); r.code != 2 || r.stdout != "" {
		t.Errorf("an empty draft on stdin: %v", r)
	}
}

// An argument can be anything, 100 KB included: errors quote it clipped.
func TestLongArgumentsAreClipped(t *testing.T) {
	long := strings.Repeat("x", 100<<10)
	for _, args := range [][]string{{long}, {"status", "-" + long}, {"--" + long}} {
		h := newHome(t, "")
		r := h.run("", args...)
		if r.code != 2 || len(r.stderr) > 300 {
			t.Errorf("exit %d, %d bytes on stderr", r.code, len(r.stderr))
		}
		checkOneLine(t, r.stderr)
	}
}
