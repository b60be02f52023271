package calendar

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestKeeper(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "work.ics")
	os.WriteFile(good, []byte(outlookCalendar), 0o600)
	s := &Syncer{Dir: filepath.Join(dir, "calendars"), Clock: fixedClock{syncedAt}}
	k := NewKeeper(s)
	k.SetSources([]Source{
		{Name: "work", URL: good, Kind: KindFile, Me: []string{"dana@corp.example"}},
		{Name: "gone", URL: filepath.Join(dir, "gone.ics"), Kind: KindFile},
	})
	w50 := week(t, "2026-W50", berlin)
	opt := Options{WorkStart: 9 * time.Hour, WorkEnd: 17 * time.Hour}
	if w, _ := k.Week(w50, opt); w.Meetings != 0 || len(k.Problems()) != 2 {
		t.Fatalf("before any sync: %d meetings, problems %q", w.Meetings, k.Problems())
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	k.Run(ctx, nil) // one sync, then the context has ended
	p := k.Problems()
	if len(p) != 1 || !strings.HasPrefix(p[0], "calendar gone: read ") {
		t.Errorf("problems after a sync: %q", p)
	}
	w, _ := k.Week(w50, opt)
	if w.Meetings != 2 || w.CouldBeAsync[0].People != 3 { // --me from the source: dana is not counted twice
		t.Errorf("week: %+v", w)
	}

	// The file changes; the next sync shows it. The missing one appears.
	os.WriteFile(good, []byte(appleCalendar), 0o600)
	os.Chtimes(good, syncedAt, syncedAt.Add(time.Hour))
	os.WriteFile(filepath.Join(dir, "gone.ics"), []byte(thunderbirdCalendar), 0o600)
	k.SyncNow(context.Background())
	if w, _ := k.Week(w50, opt); w.Meetings != 4 || len(k.Problems()) != 0 { // standup, lunch, brainstorm and its RDATE
		t.Errorf("after the change: %d meetings %+v, problems %q", w.Meetings, w.List, k.Problems())
	}

	// Nothing changed but a failure comes: one line, the copies stay.
	os.Remove(good)
	k.SyncNow(context.Background())
	if w, _ := k.Week(w50, opt); w.Meetings != 4 || len(k.Problems()) != 1 {
		t.Errorf("after a failure: %d meetings, problems %q", w.Meetings, k.Problems())
	}
}
