package cli_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

// streamer is a running app that streams scripted statuses to a watch,
// then waits, as the engine does, for the next change that never comes.
type streamer struct {
	askRecorder
	script []focus.Status
	sent   chan struct{} // closed once the script is sent
}

func (s *streamer) Watch(ctx context.Context, send func(focus.Status) error) error {
	for _, st := range s.script {
		// The fields `status --json` prints, as the tracker fills them.
		st.PlannedMinutes = int(st.Planned / time.Minute)
		st.RemainingSeconds = int((st.Remaining + time.Second - 1) / time.Second)
		if err := send(st); err != nil {
			return err
		}
	}
	close(s.sent)
	<-ctx.Done()
	return nil
}

var watchScript = []focus.Status{
	{State: focus.Idle, DND: "off"},
	{State: focus.Focusing, Intent: "write", Planned: 25 * time.Minute, Remaining: 25 * time.Minute, DND: "on"},
	{State: focus.Focusing, Intent: "write", Planned: 25 * time.Minute, Remaining: 25 * time.Minute, DND: "on"}, // no change a bar sees
	{State: focus.Focusing, Intent: "write", Planned: 25 * time.Minute, Remaining: 20*time.Minute + 30*time.Second, DND: "on", Held: 3},
	{State: focus.Paused, Intent: "write", Planned: 25 * time.Minute, Remaining: 20 * time.Minute, DND: "off"},
	{State: focus.OnBreak, Planned: 5 * time.Minute, Remaining: 5 * time.Minute, DND: "unavailable"},
}

// watch runs `status --watch ARGS` against a streaming app until the app
// quits, and returns what it printed.
func watch(t *testing.T, args ...string) result {
	t.Helper()
	h := newHome(t, "")
	app := &streamer{script: watchScript, sent: make(chan struct{})}
	srv, err := control.Listen(h.path("pingwise.lock"), h.path("pingwise.sock"))
	if err != nil {
		t.Fatal(err)
	}
	srv.Serve(app)
	done := make(chan result, 1)
	go func() { done <- h.run("", append([]string{"status", "--watch"}, args...)...) }()
	select {
	case <-app.sent:
	case r := <-done:
		srv.Close()
		t.Fatalf("the watch ended before the app quit: %v", r)
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not take the statuses within 10 s")
	}
	srv.Close() // the app quits: the watch ends, cleanly
	select {
	case r := <-done:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not end within 10 s of the app quitting")
		return result{}
	}
}

func TestStatusWatchText(t *testing.T) {
	r := watch(t)
	want := "Not focusing\nFocusing: 25 min left - write\nFocusing: 21 min left - write\nPaused: 20 min left - write\nOn a break: 5 min left\n"
	if r.code != 0 || r.stderr != "" || r.stdout != want {
		t.Errorf("%v\nwant stdout %q", r, want)
	}
}

func TestStatusWatchWaybar(t *testing.T) {
	r := watch(t, "--format", "waybar")
	if r.code != 0 || r.stderr != "" {
		t.Fatal(r)
	}
	type waybar struct {
		Text       string `json:"text"`
		Tooltip    string `json:"tooltip"`
		Class      string `json:"class"`
		Percentage int    `json:"percentage"`
	}
	want := []waybar{
		{"idle", "Not focusing", "idle", 0},
		{"25 min", "Focusing: 25 min left - write\nDo Not Disturb on", "focusing", 0},
		{"21 min", "Focusing: 21 min left - write\nDo Not Disturb on, 3 held", "focusing", 18},
		{"paused 20 min", "Paused: 20 min left - write", "paused", 20},
		{"break 5 min", "On a break: 5 min left\nDo Not Disturb unavailable", "break", 0},
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d: %q", len(lines), len(want), r.stdout)
	}
	for i, l := range lines {
		var keys map[string]json.RawMessage
		var got waybar
		if json.Unmarshal([]byte(l), &keys) != nil || json.Unmarshal([]byte(l), &got) != nil {
			t.Fatalf("line %d is not one JSON object: %q", i, l)
		}
		names := make([]string, 0, len(keys))
		for k := range keys {
			names = append(names, k)
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{"class", "percentage", "text", "tooltip"}) {
			t.Errorf("line %d keys %v", i, names)
		}
		if got != want[i] {
			t.Errorf("line %d: %+v\nwant %+v", i, got, want[i])
		}
	}
}

func TestStatusWatchJSON(t *testing.T) {
	r := watch(t, "--format", "json")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 0 || len(lines) != 5 {
		t.Fatalf("%v: want 5 lines", r)
	}
	var st statusJSON
	decodeOne(t, lines[3]+"\n", &st)
	checkStatus(t, "paused", st, "paused", "write", 25, 1200, time.Time{})
}

// Without the app nothing changes by itself: one line from the store, exit 0.
func TestStatusWatchWithoutTheApp(t *testing.T) {
	h := newHome(t, "")
	h.ok("start", "50m", "--intent", "write")
	h.clock.Add(10 * time.Minute)
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "Focusing: 40 min left - write\n"},
		{[]string{"--format", "waybar"}, `{"text":"40 min","tooltip":"Focusing: 40 min left - write","class":"focusing","percentage":20}` + "\n"},
	} {
		r := h.run("", append([]string{"status", "--watch"}, c.args...)...)
		if r.code != 0 || r.stderr != "" || r.stdout != c.want {
			t.Errorf("status --watch %v: %v\nwant stdout %q", c.args, r, c.want)
		}
	}
	if r := h.run("", "status", "--format", "json"); r.code != 0 || !strings.Contains(r.stdout, `"remaining_seconds":2400`) {
		t.Errorf("status --format json: %v", r)
	}
}

func TestStatusFormatBadInput(t *testing.T) {
	h := newHome(t, "")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml"}, `status: unknown format "xml": use text, json or waybar`},
		{[]string{"--watch", "--json", "--format", "waybar"}, "status: --json and --format waybar disagree"},
	} {
		r := h.run("", append([]string{"status"}, c.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("status %v: %v, want exit 2 and %q", c.args, r, c.want)
		}
		checkOneLine(t, r.stderr)
	}
}
