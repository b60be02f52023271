package store_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
	"github.com/pingwise/pingwise/journal"
)

// journals writes a folder with the journals of devices devices, each one
// year of heavy use, and returns it with the number of events.
func journals(b *testing.B, devices int) (string, int) {
	b.Helper()
	dir := b.TempDir()
	events := 0
	for d := range devices {
		id := fmt.Sprintf("device%d", d)
		var buf bytes.Buffer
		line, _ := journal.DeviceLine(id, fmt.Sprintf("computer %d", d), historyStart(b))
		buf.Write(line)
		for _, e := range History(historyStart(b), 1, HeavyUse) {
			setID(e, id)
			line, err := journal.EventLine(e, id)
			if err != nil {
				b.Fatal(err)
			}
			buf.Write(line)
			events++
		}
		if err := os.WriteFile(filepath.Join(dir, journal.FileName(id)), buf.Bytes(), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	return dir, events
}

// setID makes each device's copy of the generated year its own events.
func setID(e focus.Event, device string) {
	switch e := e.(type) {
	case *focus.Session:
		e.ID = device + e.ID
	case *focus.Interruption:
		e.ID = device + e.ID
	case *focus.Decision:
		e.ID = device + e.ID
	}
}

// BenchmarkMergeFirstStart merges five devices' year of heavy use into a
// new store, as the first start with a sync folder does.
func BenchmarkMergeFirstStart(b *testing.B) {
	folder, events := journals(b, 5)
	b.ReportMetric(float64(events), "events")
	var used, settled time.Duration
	for b.Loop() {
		b.StopTimer()
		db := open(b, dbPath(b))
		b.StartTimer()
		start, before := time.Now(), cpuTime()
		if err := db.Sync(folder, "thisdevice", "this", func(m string) { b.Fatal(m) }); err != nil {
			b.Fatal(err)
		}
		used += cpuTime() - before
		b.StopTimer()
		// The checkpoint Sync left in the background: the app is usable
		// meanwhile, but the work is part of the merge.
		store.Settle(db)
		settled += time.Since(start)
		if evs, err := db.Events(); err != nil || len(evs) != events {
			b.Fatalf("%d events merged, %v; want %d", len(evs), err, events)
		}
		db.Close()
		os.Remove(filepath.Join(folder, journal.FileName("thisdevice")))
		b.StartTimer()
	}
	b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(settled.Seconds()/float64(b.N), "settled-s/op")
}

// BenchmarkMergeIncremental merges three new lines of one device into a
// store that holds the rest already.
func BenchmarkMergeIncremental(b *testing.B) {
	folder, _ := journals(b, 5)
	db := open(b, dbPath(b))
	if err := db.Sync(folder, "thisdevice", "this", func(m string) { b.Fatal(m) }); err != nil {
		b.Fatal(err)
	}
	store.Settle(db) // the first merge's checkpoint, done
	f, err := os.OpenFile(filepath.Join(folder, journal.FileName("device2")), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	at := historyStart(b).AddDate(1, 0, 0)
	k := 0
	for b.Loop() {
		b.StopTimer()
		var buf bytes.Buffer
		for range 3 {
			k++
			line, _ := journal.EventLine(&focus.Interruption{ID: fmt.Sprintf("new-%d", k), At: at.Add(time.Duration(k) * time.Second),
				Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Taken, People: 1, Count: 1}, "device2")
			buf.Write(line)
		}
		if _, err := f.Write(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db.Refresh()
	}
}

// BenchmarkWeekStatsSynced is a week's stats in a store synced with five
// devices: the look at the folder that each read makes is all it adds.
func BenchmarkWeekStatsSynced(b *testing.B) {
	for _, devices := range []int{1, 5} {
		b.Run(fmt.Sprintf("devices=%d", devices), func(b *testing.B) {
			folder, _ := journals(b, devices)
			db := open(b, dbPath(b))
			if err := db.Sync(folder, "thisdevice", "this", func(m string) { b.Fatal(m) }); err != nil {
				b.Fatal(err)
			}
			store.Settle(db) // the merge's checkpoint, done: stats as they cost every day
			start := historyStart(b)
			tr := focus.NewTracker(db, &fakeClock{now: start.AddDate(1, 0, 0)}, focus.Policy{})
			week := focus.WeekOf(start.AddDate(0, 6, 0))
			for b.Loop() {
				if _, err := tr.Week(week); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
