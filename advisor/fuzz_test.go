package advisor

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

var syncChannels = []Channel{InPerson, Call, VideoCall, Meeting}

// FuzzAdvise checks the invariants every verdict keeps, whatever the input.
func FuzzAdvise(f *testing.F) {
	f.Add("The site is down!! can you call me?", 1, 0, uint32(0), int64(0))
	f.Add("No rush, this isn't an emergency — FYI only.", 12, 30, uint32(0), int64(1764100000))
	f.Add("Can we talk about your review? I'd rather not put it in writing.", 1, 45, uint32(1<<Sensitive|1<<(16+TimeZones)), int64(1764130000))
	f.Add("", 0, -5, uint32(0xffffffff), int64(-1))
	f.Add("ÜBER-dringend: 1:1 @here — don't wait", 1000000, 1<<30, uint32(1<<(16+Crisis)), int64(1<<40))
	tokyo := time.FixedZone("JST", 9*3600)

	f.Fuzz(func(t *testing.T, text string, people, minutes int, flags uint32, unix int64) {
		// The low 16 bits say which criteria are set, the high 16 bits their value.
		s := Situation{Text: text, People: people, Minutes: minutes}
		for c := range numCriteria {
			if flags&(1<<c) != 0 {
				s.Set(c, flags&(1<<(16+c)) != 0)
			}
		}
		if unix != 0 {
			s.TheirZone, s.Now = tokyo, time.Unix(unix, 0)
		}
		v := Advise(s)

		if v.Mode != Sync && v.Mode != Async {
			t.Fatalf("mode %q", v.Mode)
		}
		if !(v.Confidence >= 0 && v.Confidence <= 1) {
			t.Fatalf("confidence %v", v.Confidence)
		}
		if len(v.Channels) == 0 || len(v.Tips) == 0 || len(v.Reasons) == 0 {
			t.Fatalf("empty channels, tips or reasons: %+v", v)
		}
		for _, c := range v.Channels {
			if slices.Contains(syncChannels, c) != (v.Mode == Sync) {
				t.Fatalf("channel %q offered for a %s verdict", c, v.Mode)
			}
		}
		for _, x := range []float64{v.Cost.SyncPersonMinutes, v.Cost.AsyncPersonMinutes, v.Cost.RefocusMinutesSavedIfAsync} {
			if !(x >= 0) || math.IsInf(x, 0) {
				t.Fatalf("cost %+v", v.Cost)
			}
		}
		for _, r := range v.Reasons {
			if r.Leans != Sync && r.Leans != Async || r.Criterion >= numCriteria || r.Text == "" {
				t.Fatalf("reason %+v", r)
			}
			for _, w := range r.Words {
				if w == "" || !strings.Contains(text, w) {
					t.Fatalf("word %q is not in the draft", w)
				}
			}
		}
		if set, ok := s.Flags[Crisis]; ok && set && v.Mode != Sync {
			t.Fatal("a crisis did not win")
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	})
}
