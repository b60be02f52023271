package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// statusJSON is `pingwise status --json`; StartedAt is a pointer so that
// null (idle) and a missing time differ.
type statusJSON struct {
	State            string  `json:"state"`
	Intent           string  `json:"intent"`
	PlannedMinutes   int     `json:"planned_minutes"`
	RemainingSeconds int     `json:"remaining_seconds"`
	StartedAt        *string `json:"started_at"`
}

// The keys of issue 2, and dnd and held from quiet focus (issue 9).
var statusKeys = []string{"dnd", "held", "intent", "planned_minutes", "remaining_seconds", "started_at", "state"}

// status runs `status --json` and checks it is one object with exactly the
// promised keys.
func (h *testHome) status() statusJSON {
	h.t.Helper()
	var st statusJSON
	keys := decodeOne(h.t, h.ok("status", "--json"), &st)
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	slices.Sort(got)
	if !slices.Equal(got, statusKeys) {
		h.t.Errorf("status --json keys = %v, want %v", got, statusKeys)
	}
	return st
}

// checkStatus compares a status with the state, intent, planned minutes,
// remaining seconds and start (zero for null) it should have.
func checkStatus(t *testing.T, step string, got statusJSON, state, intent string, planned, remaining int, started time.Time) {
	t.Helper()
	if got.State != state || got.Intent != intent || got.PlannedMinutes != planned || got.RemainingSeconds != remaining {
		t.Errorf("%s: status = %+v, want state %s, intent %q, planned %d, remaining %d",
			step, got, state, intent, planned, remaining)
	}
	switch {
	case started.IsZero() && got.StartedAt != nil:
		t.Errorf("%s: started_at = %q, want null", step, *got.StartedAt)
	case !started.IsZero() && got.StartedAt == nil:
		t.Errorf("%s: started_at is null, want %v", step, started)
	case !started.IsZero():
		// RFC 3339 in whatever zone the machine is in: compare instants.
		at, err := time.Parse(time.RFC3339, *got.StartedAt)
		if err != nil || !at.Equal(started) {
			t.Errorf("%s: started_at = %q (%v), want %v", step, *got.StartedAt, err, started)
		}
	}
}

// TestStatusThroughASession walks one 25-minute session through every
// state, with the break after it taken from the settings (or the default).
func TestStatusThroughASession(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		settings string
		breakMin int
	}{
		{"no settings file", "", 5},
		{"break_minutes set", "break_minutes = 10\n", 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, tc.settings)
			t0 := h.clock.Now()
			checkStatus(t, "before", h.status(), "idle", "", 0, 0, time.Time{})
			if got := h.ok("status"); got != "Not focusing\n" {
				t.Errorf("status = %q", got)
			}

			if got := h.ok("start", "25m", "--intent", "write report"); got != "Focusing: 25 min left - write report\n" {
				t.Errorf("start printed %q", got)
			}
			checkStatus(t, "just started", h.status(), "focusing", "write report", 25, 1500, t0)

			h.clock.Add(10 * time.Minute)
			checkStatus(t, "10 min in", h.status(), "focusing", "write report", 25, 900, t0)

			h.ok("pause")
			h.clock.Add(5 * time.Minute)
			// A pause stops the countdown.
			checkStatus(t, "paused 5 min", h.status(), "paused", "write report", 25, 900, t0)
			if got := h.ok("status"); got != "Paused: 15 min left - write report\n" {
				t.Errorf("status while paused = %q", got)
			}

			h.ok("resume")
			h.clock.Add(14*time.Minute + 30*time.Second)
			// Remaining seconds round up: 30 s left is not 0.
			checkStatus(t, "30 s before the end", h.status(), "focusing", "write report", 25, 30, t0)

			// 25 min of focus after a 5 min pause: due at t0+30m. Asked a
			// minute later, the session has completed by itself and the
			// break started when it was due.
			h.clock.Add(90 * time.Second)
			due := t0.Add(30 * time.Minute)
			left := tc.breakMin*60 - 60
			checkStatus(t, "after the end", h.status(), "break", "", tc.breakMin, left, due)
			if got, want := h.ok("status"), fmt.Sprintf("On a break: %d min left\n", left/60); got != want {
				t.Errorf("status on a break = %q, want %q", got, want)
			}

			// The session was saved completed, ending when it was due,
			// not when someone next looked.
			var rec struct{ Outcome, End string }
			lines := h.exportLines()
			if len(lines) != 1 {
				t.Fatalf("export: %q", lines)
			}
			json.Unmarshal([]byte(lines[0]), &rec)
			if end, _ := time.Parse(time.RFC3339, rec.End); rec.Outcome != "completed" || !end.Equal(due) {
				t.Errorf("exported session %s, want completed ending %v", lines[0], due)
			}

			// The break ends by itself too.
			h.clock.Add(time.Duration(left) * time.Second)
			checkStatus(t, "after the break", h.status(), "idle", "", 0, 0, time.Time{})
		})
	}
}

// TestStop checks what stop says and saves: a session stopped before its
// length is abandoned, one that ran it is completed.
func TestStop(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		steps    func(h *testHome)
		stopArgs []string
		want     string // stop's output
		outcome  string
	}{
		{"early", func(h *testHome) { h.clock.Add(10 * time.Minute) }, nil,
			"Session abandoned: 10 min of focus.\nNot focusing\n", "abandoned"},
		{"early, pause not counted", func(h *testHome) {
			h.clock.Add(10 * time.Minute)
			h.ok("pause")
			h.clock.Add(30 * time.Minute)
		}, nil, "Session abandoned: 10 min of focus.\nNot focusing\n", "abandoned"},
		{"early, with a break after", func(h *testHome) { h.clock.Add(20 * time.Minute) }, []string{"--break", "10m"},
			"Session abandoned: 20 min of focus.\nOn a break: 10 min left\n", "abandoned"},
		{"at its length", func(h *testHome) { h.clock.Add(25 * time.Minute) }, nil,
			"Session completed: 25 min of focus.\nNot focusing\n", "completed"},
		// Completed by itself at 25 min; stop then ends the break after it.
		{"during the break after its length", func(h *testHome) { h.clock.Add(28 * time.Minute) }, nil,
			"Session completed: 25 min of focus.\nNot focusing\n", "completed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, "")
			h.ok("start", "25")
			tc.steps(h)
			if got := h.ok(append([]string{"stop"}, tc.stopArgs...)...); got != tc.want {
				t.Errorf("stop printed %q, want %q", got, tc.want)
			}
			lines := h.exportLines()
			if len(lines) != 1 || !strings.Contains(lines[0], `"outcome":"`+tc.outcome+`"`) {
				t.Errorf("export = %q, want one %s session", lines, tc.outcome)
			}
		})
	}
}

// TestWrongStateIsExit1: the command line was fine, the state was not, so
// the exit code is 1 (not 2) with one line saying why.
func TestWrongStateIsExit1(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup []string
		args  []string
		want  string
	}{
		{"stop idle", nil, []string{"stop"}, "nothing to stop"},
		{"pause idle", nil, []string{"pause"}, "no focus session is running"},
		{"resume running", []string{"start"}, []string{"resume"}, "not paused"},
		{"start twice", []string{"start"}, []string{"start"}, "already running"},
		{"break while focusing", []string{"start"}, []string{"break"}, "stop it before a break"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, "")
			if tc.setup != nil {
				h.ok(tc.setup...)
			}
			r := h.run("", tc.args...)
			if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("%v, want exit 1 and %q", r, tc.want)
			}
			checkOneLine(t, r.stderr)
		})
	}
}

// TestBreakLength: `break` without a length takes the settings' break
// length, not a fixed minimum.
func TestBreakLength(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		settings string
		args     []string
		planned  int
	}{
		{"", nil, 5},
		{"break_minutes = 3\n", nil, 3},
		{"break_minutes = 15\n", nil, 15},
		{"break_minutes = 0\n", nil, 5}, // no break after sessions; an asked-for one still lasts
		{"break_minutes = 3\n", []string{"20m"}, 20},
	} {
		h := newHome(t, tc.settings)
		h.ok(append([]string{"break"}, tc.args...)...)
		checkStatus(t, tc.settings+strings.Join(tc.args, " "), h.status(), "break", "", tc.planned, tc.planned*60, h.clock.Now())
	}
}

// TestPingwiseHome: without --home, PINGWISE_HOME says where the files go.
// Not parallel: it sets an environment variable.
func TestPingwiseHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PINGWISE_HOME", dir)
	clock := &fakeClock{now: berlinTime(23, 9, 0)}
	if r := runIn(t, clock, "log", "chat"); r.code != 0 {
		t.Fatalf("log: %v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "pingwise.db")); err != nil {
		t.Errorf("no database in PINGWISE_HOME: %v", err)
	}
	// --home wins over PINGWISE_HOME.
	other := newHome(t, "")
	if n := len(other.exportLines()); n != 0 {
		t.Errorf("--home folder has %d events, want 0", n)
	}
	if r := runIn(t, clock, "export"); strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("export from PINGWISE_HOME: %v", r)
	}
}
