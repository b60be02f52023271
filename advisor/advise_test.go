package advisor

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

func set(kv ...any) map[Criterion]bool {
	m := make(map[Criterion]bool)
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(Criterion)] = kv[i+1].(bool)
	}
	return m
}

func reasonFor(v Verdict, c Criterion) (Reason, bool) {
	for _, r := range v.Reasons {
		if r.Criterion == c {
			return r, true
		}
	}
	return Reason{}, false
}

// TestEachCriterionBothWays checks every criterion of the seed in both
// directions. A sync criterion set true must turn the async default into
// sync; set false it must not. An async criterion set true must turn a
// narrow sync case (rapport alone) into async; set false it must not.
func TestEachCriterionBothWays(t *testing.T) {
	for c := Crisis; c < numCriteria; c++ {
		if !Criteria()[c].Toggle() {
			continue
		}
		t.Run(c.String(), func(t *testing.T) {
			base := Situation{People: 1}
			if table[c].yes.leans == Async {
				base.Flags = set(Rapport, true)
			}
			baseMode := Advise(base).Mode
			if want := other(table[c].yes.leans); baseMode != want {
				t.Fatalf("baseline is %s, want %s", baseMode, want)
			}

			on := base
			on.Flags = clone(base.Flags, c, true)
			v := Advise(on)
			if v.Mode != table[c].yes.leans {
				t.Errorf("%s=true: mode %s, want %s", c, v.Mode, table[c].yes.leans)
			}
			r, ok := reasonFor(v, c)
			if !ok || r.Leans != table[c].yes.leans || r.Weight <= 0 || len(r.Words) != 0 {
				t.Errorf("%s=true: reason %+v, want one leaning %s with weight and no words", c, r, table[c].yes.leans)
			}

			off := base
			off.Flags = clone(base.Flags, c, false)
			v = Advise(off)
			if v.Mode != baseMode {
				t.Errorf("%s=false: mode %s, want the baseline %s", c, v.Mode, baseMode)
			}
			r, ok = reasonFor(v, c)
			switch {
			case table[c].no.weight == 0 && ok:
				t.Errorf("%s=false: unexpected reason %+v", c, r)
			case table[c].no.weight > 0 && (!ok || r.Leans != table[c].no.leans):
				t.Errorf("%s=false: reason %+v, want one leaning %s", c, r, table[c].no.leans)
			}
		})
	}
}

func other(m Mode) Mode {
	if m == Sync {
		return Async
	}
	return Sync
}

func clone(m map[Criterion]bool, c Criterion, v bool) map[Criterion]bool {
	out := make(map[Criterion]bool, len(m)+1)
	for k, x := range m {
		out[k] = x
	}
	out[c] = v
	return out
}

func TestGroupSizePushesAsync(t *testing.T) {
	for _, tc := range []struct {
		people int
		weight float64 // 0: no people reason
	}{{1, 0}, {2, 0}, {4, 0.5}, {8, 1}, {10, 1.16}, {32, 2}, {1000, 2}} {
		v := Advise(Situation{People: tc.people})
		r, ok := reasonFor(v, People)
		if tc.weight == 0 {
			if ok {
				t.Errorf("%d people: unexpected reason %+v", tc.people, r)
			}
			continue
		}
		if !ok || r.Leans != Async || math.Abs(r.Weight-tc.weight) > 0.01 {
			t.Errorf("%d people: reason %+v, want async weight %.2f", tc.people, r, tc.weight)
		}
	}
	// A group that can't meet outweighs a kickoff only when it is large.
	if v := Advise(Situation{People: 8, Flags: set(Kickoff, true)}); v.Mode != Sync {
		t.Errorf("kickoff with 8 people: %s, want sync", v.Mode)
	}
	if v := Advise(Situation{People: 40, Flags: set(Rapport, true)}); v.Mode != Async {
		t.Errorf("rapport with 40 people: %s, want async", v.Mode)
	}
}

func TestConflicts(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	night := time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC) // 03:00 Thursday in Tokyo
	allAsync := set(Complex, true, Reply, true, TimeZones, true, Context, true, SelfPaced, true, Urgent, false)

	for _, tc := range []struct {
		name      string
		s         Situation
		mode      Mode
		channel   Channel // first channel, when set
		tip       tipKey  // a tip that must be given, when set (tipStayOnPoint is given to every sync verdict anyway)
		noChannel Channel // a channel that must not be offered, when set
		check     func(t *testing.T, v Verdict)
	}{
		{name: "crisis beats other time zones", s: Situation{People: 1, Flags: set(Crisis, true, TimeZones, true)},
			mode: Sync, channel: Call},
		{name: "crisis beats their night", s: Situation{People: 1, Flags: set(Crisis, true), TheirZone: tokyo, Now: night},
			mode: Sync, channel: Call, tip: tipCrisisNight},
		{name: "crisis beats every async criterion at once", s: Situation{People: 500, Flags: clone(allAsync, Crisis, true)},
			mode: Sync, channel: Call},
		{name: "sensitive stays sync across time zones: schedule it", s: Situation{People: 1, Flags: set(Sensitive, true, TimeZones, true)},
			mode: Sync, channel: VideoCall, tip: tipSchedule, noChannel: InPerson,
			check: func(t *testing.T, v Verdict) {
				r, ok := reasonFor(v, TimeZones)
				if !ok || r.Weight != 0 || !strings.Contains(r.Text, "schedule it") {
					t.Errorf("time zones reason %+v, want a zero-weight 'schedule it'", r)
				}
			}},
		{name: "sensitive stays sync outside their hours", s: Situation{People: 1, Flags: set(Sensitive, true), TheirZone: tokyo, Now: night},
			mode: Sync, tip: tipSchedule, noChannel: InPerson},
		{name: "urgent outside working hours goes async", s: Situation{People: 1, Flags: set(Urgent, true), TheirZone: tokyo, Now: night},
			mode: Async, tip: tipTheirMorning,
			check: func(t *testing.T, v Verdict) {
				if !slices.Contains(v.tips.list(), tipDeadline) {
					t.Errorf("tips %q lack the deadline tip", v.Tips)
				}
			}},
		{name: "FYI to a group", s: Situation{People: 12, Text: "FYI the release moved to Thursday."},
			mode: Async, channel: Email},
		{name: "reply stays in the channel", s: Situation{People: 1, Flags: set(Reply, true)},
			mode: Async, channel: Chat, tip: tipSameThread},
		{name: "urgent reply is answered in the thread", s: Situation{People: 1, Flags: set(Reply, true, Urgent, true)},
			mode: Async, channel: Chat},
		{name: "sensitive reply becomes a conversation", s: Situation{People: 1, Flags: set(Reply, true, Sensitive, true)},
			mode: Sync, channel: InPerson},
		{name: "kickoff with a group meets", s: Situation{People: 10, Flags: set(Kickoff, true)},
			mode: Sync, channel: Meeting, tip: tipPreRead},
		{name: "pre-read for a kickoff is read, not met", s: Situation{People: 8, Text: "Here is the pre-read for Thursday's kickoff."},
			mode: Async},
		{name: "urgent and complex: talk now, write later", s: Situation{People: 1, Flags: set(Urgent, true, Complex, true)},
			mode: Sync, channel: Call, tip: tipFollowUp},
		{name: "rapport lost to a large group keeps a face", s: Situation{People: 40, Flags: set(Rapport, true)},
			mode: Async, channel: VideoMessage, tip: tipVideo},
		{name: "explicit false beats the text", s: Situation{People: 1, Text: "the site is down", Flags: set(Crisis, false)},
			mode: Async,
			check: func(t *testing.T, v Verdict) {
				if r, ok := reasonFor(v, Crisis); !ok || r.Leans != Async || len(r.Words) != 0 {
					t.Errorf("crisis reason %+v, want the flag's async reason without words", r)
				}
			}},
		{name: "explicit true beats negated text", s: Situation{People: 1, Text: "not urgent at all", Flags: set(Urgent, true)},
			mode: Sync,
			check: func(t *testing.T, v Verdict) {
				if r, ok := reasonFor(v, Urgent); !ok || r.Leans != Sync || len(r.Words) != 0 {
					t.Errorf("urgent reason %+v, want the flag's sync reason without words", r)
				}
			}},
		{name: "explicit false beats their clock", s: Situation{People: 1, Flags: set(TimeZones, false, Urgent, true), TheirZone: tokyo, Now: night},
			mode: Sync,
			check: func(t *testing.T, v Verdict) {
				if r, ok := reasonFor(v, TimeZones); ok {
					t.Errorf("unexpected time zones reason %+v", r)
				}
			}},
		{name: "a tie goes async", s: Situation{People: 1, Flags: set(Brainstorm, true, Urgent, false)},
			mode: Async,
			check: func(t *testing.T, v Verdict) {
				if v.Confidence != 0.5 {
					t.Errorf("confidence %.2f, want 0.5 for a tie", v.Confidence)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := Advise(tc.s)
			if v.Mode != tc.mode {
				t.Fatalf("mode %s, want %s; reasons %s", v.Mode, tc.mode, summary(v))
			}
			if tc.channel != "" && v.Channels[0] != tc.channel {
				t.Errorf("channels %q, want %q first", v.Channels, tc.channel)
			}
			if tc.noChannel != "" && slices.Contains(v.Channels, tc.noChannel) {
				t.Errorf("channels %q offer %q", v.Channels, tc.noChannel)
			}
			if tc.tip != 0 && !slices.Contains(v.tips.list(), tc.tip) {
				t.Errorf("tips %q lack %q", v.Tips, tipTexts[langEN][tc.tip])
			}
			if tc.check != nil {
				tc.check(t, v)
			}
		})
	}
}

// TestCrisisOutweighsEverything proves from the table that a crisis wins
// without a special case: its weight is more than every async push at once.
// TestBarePingsAndStalledThreads: "got a sec?" alone is async with the tip
// to ask the question; a thread that goes back and forth becomes a call,
// even as a reply.
func TestBarePingsAndStalledThreads(t *testing.T) {
	for _, tc := range []struct {
		text string
		mode Mode
		ping bool // the bare-ping reason and tip are given
	}{
		{"got a sec?", Async, true},
		{"quick call? what's the wifi password", Async, true},
		{"got a sec? the site is down for everyone", Sync, false},
		{"can we talk about your review?", Sync, false},
		{"Thanks for your reply. We keep going back and forth on the schema; let's hop on a call.", Sync, false},
	} {
		v := Advise(Situation{People: 1, Text: tc.text})
		_, ping := reasonFor(v, Ping)
		if v.Mode != tc.mode || ping != tc.ping || slices.Contains(v.tips.list(), tipAskInMessage) != tc.ping {
			t.Errorf("%q: %s, ping reason %v, tips %q; want %s, ping %v", tc.text, v.Mode, ping, v.Tips, tc.mode, tc.ping)
		}
	}
}

func TestCrisisOutweighsEverything(t *testing.T) {
	sum := 0.0
	for c := range numCriteria {
		if c == Crisis {
			continue
		}
		w := 0.0
		for _, p := range []push{table[c].yes, table[c].no} {
			if p.leans == Async {
				w = max(w, p.weight)
			}
		}
		if table[c].perDoubling {
			w = maxGroupWeight
		}
		sum += w
	}
	if table[Crisis].yes.weight <= sum {
		t.Fatalf("crisis weighs %g, but all async pushes together weigh %g", table[Crisis].yes.weight, sum)
	}
}

func TestConfidenceFollowsTheMargin(t *testing.T) {
	for _, tc := range []struct {
		flags map[Criterion]bool
		want  float64
	}{
		{nil, 0.73},                                 // margin 1: the default alone
		{set(Urgent, true), 0.88},                   // margin 2
		{set(Sensitive, true), 0.97},                // margin 3.5
		{set(Brainstorm, true, Urgent, false), 0.5}, // margin 0
		{set(Crisis, true), 1},
	} {
		if v := Advise(Situation{People: 1, Flags: tc.flags}); v.Confidence != tc.want {
			t.Errorf("%v: confidence %.2f, want %.2f", tc.flags, v.Confidence, tc.want)
		}
	}
}

func TestCost(t *testing.T) {
	for _, tc := range []struct {
		s                     Situation
		syncM, asyncM, saved  float64
		sentence              string
		sentPeople, sentMinut int
	}{
		{Situation{People: 4, Minutes: 30}, 212, 15, 92,
			"A 30-minute call with 4 people costs 2 h plus 1.5 h of refocus; writing it instead costs about 15 min.", 4, 30},
		{Situation{People: 1}, 38, 7.5, 23,
			"A 15-minute call with 1 person costs 15 min plus 23 min of refocus; writing it instead costs about 8 min.", 1, 0},
		{Situation{People: 10, Minutes: 30, RefocusMinutes: 10}, 400, 15, 100,
			"A 30-minute call with 10 people costs 5 h plus 1.7 h of refocus; writing it instead costs about 15 min.", 10, 30},
		{Situation{People: 5}, 265, 15, 115, // a group's default length is 30 minutes
			"A 30-minute call with 5 people costs 2.5 h plus 1.9 h of refocus; writing it instead costs about 15 min.", 5, 0},
	} {
		c := Advise(tc.s).Cost
		if c.SyncPersonMinutes != tc.syncM || c.AsyncPersonMinutes != tc.asyncM || c.RefocusMinutesSavedIfAsync != tc.saved {
			t.Errorf("%+v: cost %+v, want %g/%g/%g", tc.s, c, tc.syncM, tc.asyncM, tc.saved)
		}
		if got := c.Sentence(tc.sentPeople, tc.sentMinut); got != tc.sentence {
			t.Errorf("sentence %q\n\twant %q", got, tc.sentence)
		}
	}
}

func TestRecipientContext(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, berlin) } // the 25th is a Wednesday
	for _, tc := range []struct {
		name  string
		s     Situation
		text  string // expected time zones reason; "" for none
		leans Mode
	}{
		{"inside hours", Situation{TheirZone: berlin, Now: at(25, 10)}, "", ""},
		{"evening", Situation{TheirZone: berlin, Now: at(25, 20)}, "It is 20:00 on Wednesday for them, outside their 09:00-17:00 working hours.", Async},
		{"the end is exclusive", Situation{TheirZone: berlin, Now: at(25, 17)}, "It is 17:00 on Wednesday", Async},
		{"weekend", Situation{TheirZone: berlin, Now: at(28, 11)}, "11:00 on Saturday", Async},
		{"their own hours", Situation{TheirZone: berlin, Now: at(25, 16), WorkingHours: WorkingHours{7 * time.Hour, 15*time.Hour + 30*time.Minute}},
			"outside their 07:00-15:30 working hours", Async},
		{"sending from another zone", Situation{TheirZone: berlin, Now: time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)}, "", ""},
		{"unknown time", Situation{TheirZone: berlin}, "", ""},
		{"unknown zone", Situation{Now: at(25, 23)}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.People = 1
			v := Advise(tc.s)
			r, ok := reasonFor(v, TimeZones)
			if tc.text == "" {
				if ok {
					t.Errorf("unexpected reason %+v", r)
				}
				return
			}
			if !ok || r.Leans != tc.leans || !strings.Contains(r.Text, tc.text) {
				t.Errorf("reason %+v, want %s containing %q", r, tc.leans, tc.text)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	ok := Situation{People: 3, Minutes: 20, Flags: set(Urgent, true, Context, false),
		WorkingHours: WorkingHours{8 * time.Hour, 16 * time.Hour}, RefocusMinutes: 15}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid situation: %v", err)
	}
	for _, tc := range []struct {
		name string
		edit func(*Situation)
		want string
	}{
		{"no people", func(s *Situation) { s.People = 0 }, "people must be at least 1"},
		{"negative minutes", func(s *Situation) { s.Minutes = -5 }, "minutes must not be negative"},
		{"negative refocus", func(s *Situation) { s.RefocusMinutes = -1 }, "refocus"},
		{"NaN refocus", func(s *Situation) { s.RefocusMinutes = math.NaN() }, "refocus"},
		{"hours backwards", func(s *Situation) { s.WorkingHours = WorkingHours{17 * time.Hour, 9 * time.Hour} }, "working hours"},
		{"hours past midnight", func(s *Situation) { s.WorkingHours = WorkingHours{9 * time.Hour, 25 * time.Hour} }, "working hours"},
		{"people is counted, not set", func(s *Situation) { s.Set(People, true) }, "people cannot be set"},
		{"default is not a toggle", func(s *Situation) { s.Set(Default, false) }, "default cannot be set"},
		{"unknown criterion", func(s *Situation) { s.Set(Criterion(99), true) }, "Criterion(99) cannot be set"},
	} {
		s := ok
		s.Flags = clone(ok.Flags, Urgent, true)
		tc.edit(&s)
		err := s.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
		// Advise still answers, reading bad input with the defaults.
		v := Advise(s)
		if v.Mode != Sync && v.Mode != Async || v.Cost.SyncPersonMinutes <= 0 {
			t.Errorf("%s: Advise gave %+v", tc.name, v)
		}
	}
}

func TestInvalidInputReadsAsDefaults(t *testing.T) {
	want := Advise(Situation{People: 1})
	for _, s := range []Situation{
		{People: 0}, {People: -3}, {People: 1, Minutes: -10}, {People: 1, RefocusMinutes: math.Inf(1)},
		{People: 1, Flags: set(People, true, Default, false)},
	} {
		if got := Advise(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: %+v, want the defaults' %+v", s, got, want)
		}
	}
}

func TestChannelsFollowTheSituation(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    Situation
		want []Channel
	}{
		{"crisis calls first", Situation{People: 1, Flags: set(Crisis, true)}, []Channel{Call, VideoCall, InPerson}},
		{"sensitive with one person", Situation{People: 1, Flags: set(Sensitive, true)}, []Channel{InPerson, VideoCall, Call}},
		{"kickoff with a group", Situation{People: 6, Flags: set(Kickoff, true)}, []Channel{Meeting, VideoCall}},
		{"brainstorm with a group", Situation{People: 4, Flags: set(Brainstorm, true)}, []Channel{Meeting, VideoCall, InPerson}},
		{"complex, async", Situation{People: 1, Flags: set(Complex, true)}, []Channel{SharedDocument, VideoMessage, Email}},
		{"quick question to one person", Situation{People: 1, Text: "Quick question: where is the logo?"}, []Channel{Chat, Email}},
		{"async to a group", Situation{People: 9}, []Channel{Email, ProjectTool, Chat}},
		{"reply", Situation{People: 3, Flags: set(Reply, true)}, []Channel{Chat, Email}},
		{"course", Situation{People: 30, Flags: set(SelfPaced, true)}, []Channel{VideoMessage, SharedDocument, ProjectTool}},
		{"rapport across time zones", Situation{People: 1, Flags: set(Rapport, true, TimeZones, true)}, []Channel{VideoMessage, Email, Chat}},
	} {
		if got := Advise(tc.s).Channels; !slices.Equal(got, tc.want) {
			t.Errorf("%s: channels %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestTipsComeFromTheChosenMode(t *testing.T) {
	sync := Advise(Situation{People: 1, Flags: set(Sensitive, true)})
	for _, tip := range []tipKey{tipStayOnPoint, tipAskFirst, tipConnection, tipRespectTime} {
		if !slices.Contains(sync.tips.list(), tip) {
			t.Errorf("sync tips %q lack %q", sync.Tips, tip)
		}
	}
	crisis := Advise(Situation{People: 1, Flags: set(Crisis, true)})
	if crisis.tips.list()[0] != tipCrisis || slices.Contains(crisis.tips.list(), tipAskFirst) {
		t.Errorf("crisis tips %q: want the crisis tip first and no asking whether it is a good time", crisis.Tips)
	}
	async := Advise(Situation{People: 1, Flags: set(Complex, true)})
	for _, tip := range []tipKey{tipReference, tipOfferDetail, tipRightTool} {
		if !slices.Contains(async.tips.list(), tip) {
			t.Errorf("async tips %q lack %q", async.Tips, tip)
		}
	}
	for _, tip := range async.Tips {
		if slices.Contains(sync.Tips, tip) {
			t.Errorf("tip %q is given for both modes", tip)
		}
	}
}

func TestReasonsHeaviestFirst(t *testing.T) {
	v := Advise(Situation{People: 12, Flags: set(Kickoff, true, Complex, true, Context, true)})
	if !sort.SliceIsSorted(v.Reasons, func(i, j int) bool { return v.Reasons[i].Weight > v.Reasons[j].Weight }) {
		t.Errorf("reasons out of order: %s", summary(v))
	}
	if v.Reasons[0].Criterion != Kickoff && v.Reasons[0].Criterion != Context {
		t.Errorf("heaviest reason is %s", v.Reasons[0].Criterion)
	}
	if _, ok := reasonFor(v, Default); !ok {
		t.Error("the default's reason is missing")
	}
}

func TestTable(t *testing.T) {
	keys := map[byte]Criterion{}
	names := map[string]bool{}
	list := Criteria()
	if len(list) != int(numCriteria) {
		t.Fatalf("Criteria lists %d, want %d", len(list), numCriteria)
	}
	for i, info := range list {
		c := Criterion(i)
		if info.Criterion != c || info.Name != c.String() || info.Description == "" || info.Seed == "" {
			t.Errorf("%d: incomplete %+v", i, info)
		}
		if names[info.Name] {
			t.Errorf("name %q twice", info.Name)
		}
		names[info.Name] = true
		if table[c].yes.text() == "" || table[c].yes.weight <= 0 {
			t.Errorf("%s: no push when it holds", c)
		}
		if got, err := ParseCriterion(info.Name); err != nil || got != c {
			t.Errorf("ParseCriterion(%q) = %v, %v", info.Name, got, err)
		}
		if !info.Toggle() {
			continue
		}
		if info.Key < 'a' || info.Key > 'z' {
			t.Errorf("%s: accelerator %q is not a lower-case letter", c, info.Key)
		}
		if prev, dup := keys[info.Key]; dup {
			t.Errorf("accelerator %q used by %s and %s", info.Key, prev, c)
		}
		keys[info.Key] = c
	}
	if list[Default].Toggle() || list[People].Toggle() {
		t.Error("default and people are derived, not toggled")
	}
	if _, err := ParseCriterion("hurry"); err == nil {
		t.Error("ParseCriterion accepted an unknown name")
	}
	if _, err := Criterion(99).MarshalText(); err == nil {
		t.Error("MarshalText accepted an unknown criterion")
	}
}

// TestVerdictJSON pins the shape the CLI prints.
func TestVerdictJSON(t *testing.T) {
	v := Advise(Situation{People: 4, Minutes: 30, Text: "FYI: not urgent, the notes are in the doc."})
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	if got := sortedKeys(top); !slices.Equal(got, []string{"channels", "confidence", "cost", "language", "mode", "reasons", "tips"}) {
		t.Errorf("top-level keys %q", got)
	}
	var cost map[string]float64
	if err := json.Unmarshal(top["cost"], &cost); err != nil {
		t.Fatal(err)
	}
	if got := sortedKeys(cost); !slices.Equal(got, []string{"async_person_minutes", "refocus_minutes_saved_if_async", "sync_person_minutes"}) {
		t.Errorf("cost keys %q", got)
	}
	var reasons []map[string]any
	if err := json.Unmarshal(top["reasons"], &reasons); err != nil {
		t.Fatal(err)
	}
	withWords := 0
	for _, r := range reasons {
		keys := sortedKeys(r)
		switch {
		case slices.Equal(keys, []string{"criterion", "key", "leans", "text", "words"}):
			withWords++
		case !slices.Equal(keys, []string{"criterion", "key", "leans", "text"}):
			t.Errorf("reason keys %q", keys)
		}
		if r["leans"] != "sync" && r["leans"] != "async" {
			t.Errorf("leans %v", r["leans"])
		}
		if _, err := ParseCriterion(r["criterion"].(string)); err != nil {
			t.Error(err)
		}
	}
	if withWords == 0 {
		t.Errorf("no reason carries words: %s", b)
	}
	var back Verdict
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Mode != v.Mode || back.Reasons[0].Criterion != v.Reasons[0].Criterion {
		t.Errorf("round trip changed the verdict: %+v", back)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestAdviseIsDeterministicAndConcurrent(t *testing.T) {
	lines := loadCorpus(t, "testdata/corpus.jsonl")
	want := make([]Verdict, len(lines))
	for i, l := range lines {
		want[i] = Advise(Situation{Text: l.Text, People: l.People})
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(lines)*4)
	for range 4 {
		wg.Go(func() {
			for i, l := range lines {
				if got := Advise(Situation{Text: l.Text, People: l.People}); !reflect.DeepEqual(got, want[i]) {
					errs <- l.Text
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("verdict changed under concurrency: %q", e)
	}
}

func TestLiveChannels(t *testing.T) {
	for c, want := range map[Channel]bool{InPerson: true, Call: true, VideoCall: true, Meeting: true,
		Chat: false, Email: false, VideoMessage: false, SharedDocument: false, ProjectTool: false} {
		if c.Live() != want {
			t.Errorf("%q.Live() = %v, want %v", c, c.Live(), want)
		}
	}
}
