package store_test

import (
	"math/rand/v2"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
)

var hexID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// checkAll fails unless the database at path holds exactly the acknowledged
// interruptions, plus up to extra unacknowledged ones, and is intact.
func checkAll(t *testing.T, path string, acked []string, extra int) {
	t.Helper()
	if got := pragma(t, path, "integrity_check"); got != "ok" {
		t.Fatalf("integrity_check: %s", got)
	}
	db := open(t, path)
	evs, err := db.Events()
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, e := range evs {
		stored[e.(*focus.Interruption).ID] = true
	}
	lost := 0
	for _, id := range acked {
		if !stored[id] {
			lost++
		}
	}
	if lost > 0 || len(stored) < len(acked) || len(stored) > len(acked)+extra {
		t.Fatalf("%d of %d acknowledged interruptions lost; %d stored", lost, len(acked), len(stored))
	}
}

func TestManyWritersAtOnce(t *testing.T) {
	const procs, goroutines, each = 3, 6, 40
	path := dbPath(t) // not created yet: the writers race to create it too
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		acked []string
	)
	ack := func(id string) {
		mu.Lock()
		acked = append(acked, id)
		mu.Unlock()
	}
	for range procs {
		cmd, out, stderr := startWriter(t, path, each)
		wg.Go(func() {
			for out.Scan() {
				if id := out.Text(); hexID.MatchString(id) {
					ack(id)
				} else {
					t.Errorf("writer printed %q", id)
				}
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("writer process: %v\n%s", err, stderr)
			}
		})
	}
	for g := range goroutines {
		wg.Go(func() {
			db, err := store.Open(path) // a connection of its own, as another process would have
			if err != nil {
				t.Error(err)
				return
			}
			defer db.Close()
			for k := range each {
				i := interruption(t0.Add(time.Duration(g*each+k)*time.Second), "goroutine")
				if err := db.AddInterruption(i); err != nil {
					t.Error(err)
					return
				}
				ack(i.ID)
			}
		})
	}
	wg.Wait()
	if len(acked) != (procs+goroutines)*each {
		t.Fatalf("%d writes acknowledged, want %d", len(acked), (procs+goroutines)*each)
	}
	checkAll(t, path, acked, 0)
}

func TestKillNineLosesNothingAcknowledged(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed))
	path := dbPath(t)
	var acked []string
	killed := 0
	for range 6 {
		cmd, out, stderr := startWriter(t, path, 0)
		// Kill after a random number of acknowledged writes: the writer is
		// then somewhere inside the next one.
		for n := 1 + rng.IntN(60); n > 0 && out.Scan(); n-- {
			acked = append(acked, out.Text())
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL, or TerminateProcess on Windows
			t.Fatal(err)
		}
		// Ids printed between the last read and the kill were acknowledged too.
		for out.Scan() {
			acked = append(acked, out.Text())
		}
		err := cmd.Wait()
		if killedHard(cmd.ProcessState, stderr.Len()) {
			killed++
		} else {
			t.Fatalf("writer ended with %v, not by SIGKILL\n%s", err, stderr)
		}
	}
	for _, id := range acked {
		if !hexID.MatchString(id) {
			t.Fatalf("writer printed %q", id)
		}
	}
	if killed != 6 || len(acked) < 6 {
		t.Fatalf("%d writers killed after %d acknowledged writes", killed, len(acked))
	}
	// Each writer may have committed one write it did not live to report.
	checkAll(t, path, acked, killed)
}
