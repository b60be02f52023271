package freedesktop

import (
	"fmt"
	"testing"
	"time"
)

func TestCoalescer(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	slack := func(summary string) Notification { return Notification{App: "Slack", Summary: summary, Urgency: 1} }
	type step struct {
		n       Notification
		after   time.Duration // since t0
		isNew   bool
		count   int
		who     string
		groupOf int // the step whose group this one joins (or starts: its own index)
	}
	for _, c := range []struct {
		name  string
		steps []step
	}{
		{"one person, one interruption", []step{
			{slack("Dana Lee: lunch?"), 0, true, 1, "Dana Lee", 0},
			{slack("Dana Lee: are you there?"), time.Minute, false, 2, "Dana Lee", 0},
			{slack("Dana Lee"), 5 * time.Minute, false, 3, "Dana Lee", 0}, // the window slides from the last one
			{slack("dana lee: hello"), 9 * time.Minute, false, 4, "Dana Lee", 0},
		}},
		{"another sender is another interruption", []step{
			{slack("Dana: hi"), 0, true, 1, "Dana", 0},
			{slack("Sam: hi"), time.Second, true, 1, "Sam", 1},
			{slack("Dana: again"), 2 * time.Second, false, 2, "Dana", 0},
		}},
		{"another app is another interruption", []step{
			{slack("Dana"), 0, true, 1, "Dana", 0},
			{Notification{App: "Teams", Summary: "Dana"}, time.Second, true, 1, "Dana", 1},
		}},
		{"after the window a new one", []step{
			{slack("Dana"), 0, true, 1, "Dana", 0},
			{slack("Dana"), 5*time.Minute + time.Second, true, 1, "Dana", 1},
		}},
		{"critical ones apart: they were shown", []step{
			{slack("Dana"), 0, true, 1, "Dana", 0},
			{Notification{App: "Slack", Summary: "Dana", Urgency: 2}, time.Second, true, 1, "Dana", 1},
			{slack("Dana"), 2 * time.Second, false, 2, "Dana", 0},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			co := NewCoalescer(0, 0, true)
			keys := map[int]string{}
			for i, s := range c.steps {
				g, isNew := co.Add(s.n, t0.Add(s.after))
				if isNew != s.isNew || g.Count != s.count || g.Who != s.who || g.App != s.n.App || g.Critical != s.n.Critical() {
					t.Fatalf("step %d: got %+v new=%t; want new=%t count=%d who=%q", i, g, isNew, s.isNew, s.count, s.who)
				}
				if isNew {
					keys[i] = g.Key
					if !g.First.Equal(t0.Add(s.after)) {
						t.Fatalf("step %d: First %v", i, g.First)
					}
				} else if g.Key != keys[s.groupOf] {
					t.Fatalf("step %d joined %s, want step %d's %s", i, g.Key, s.groupOf, keys[s.groupOf])
				}
				if !g.Last.Equal(t0.Add(s.after)) {
					t.Fatalf("step %d: Last %v", i, g.Last)
				}
			}
		})
	}
}

func TestCoalescerKeepsNoNames(t *testing.T) {
	co := NewCoalescer(time.Minute, 10, false)
	now := time.Now()
	g1, _ := co.Add(Notification{App: "Slack", Summary: "Dana Lee: hi"}, now)
	g2, isNew := co.Add(Notification{App: "Slack", Summary: "Sam: hi"}, now)
	if g1.Who != "" || g2.Who != "" || !isNew || g1.Key == g2.Key {
		t.Fatalf("without names: %+v %+v new=%t; want no names, still two groups", g1, g2, isNew)
	}
	for _, k := range []string{g1.Key, g2.Key} {
		if len(k) != 16 {
			t.Fatalf("key %q is not an opaque hash", k)
		}
	}
}

func TestCoalescerBounded(t *testing.T) {
	co := NewCoalescer(time.Hour, 100, true)
	now := time.Now()
	for i := range 10000 {
		co.Add(Notification{App: "Slack", Summary: fmt.Sprintf("Person %d", i)}, now)
	}
	if co.Len() != 100 {
		t.Fatalf("%d groups open; want at most 100", co.Len())
	}
	// The oldest were forgotten, the newest kept.
	if _, isNew := co.Add(Notification{App: "Slack", Summary: "Person 9999"}, now); isNew {
		t.Fatal("the newest group was evicted")
	}
	if _, isNew := co.Add(Notification{App: "Slack", Summary: "Person 0"}, now); !isNew {
		t.Fatal("the oldest group was kept")
	}
	// Idle groups go when the window passes.
	co.Add(Notification{App: "Teams", Summary: "Late"}, now.Add(2*time.Hour))
	if co.Len() != 1 {
		t.Fatalf("%d groups open after the window; want 1", co.Len())
	}
	co.Reset()
	if co.Len() != 0 {
		t.Fatal("Reset left groups")
	}
}

func BenchmarkCoalescerAdd(b *testing.B) {
	co := NewCoalescer(0, 0, false)
	now := time.Now()
	ns := make([]Notification, 500)
	for i := range ns {
		ns[i] = Notification{App: "Slack", Summary: fmt.Sprintf("Person %d: message", i%50), Urgency: 1}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		co.Add(ns[i%len(ns)], now)
	}
}
