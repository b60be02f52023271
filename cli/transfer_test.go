package cli_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// scriptedEvents is how many events playWeek leaves: 6 sessions, 10
// interruptions, 2 decisions (breaks are not events).
const scriptedEvents = 6 + 10 + 2

// TestExportJSONL: one object per line, each with its type and RFC 3339
// times; a session still running is not history yet and is left out.
func TestExportJSONL(t *testing.T) {
	t.Parallel()
	h := newHome(t, weekSettings)
	playWeek(t, h)
	h.ok("start", "--intent", "still running")

	lines := h.exportLines()
	if len(lines) != scriptedEvents {
		t.Fatalf("export has %d lines, want %d", len(lines), scriptedEvents)
	}
	count := map[string]int{}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d is not a JSON object: %v: %s", i+1, err, l)
		}
		typ, _ := rec["type"].(string)
		count[typ]++
		times := map[string][]string{"session": {"start", "end"}, "interruption": {"at"}, "decision": {"at"}}[typ]
		if times == nil {
			t.Errorf("line %d: type %q", i+1, typ)
		}
		for _, k := range times {
			s, _ := rec[k].(string)
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				t.Errorf("line %d: %s %q is not RFC 3339", i+1, k, s)
			}
		}
		if rec["intent"] == "still running" {
			t.Errorf("line %d: the running session was exported", i+1)
		}
	}
	if want := map[string]int{"session": 6, "interruption": 10, "decision": 2}; fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("types %v, want %v", count, want)
	}
}

// TestExportImportRoundTrip: export, import into an empty home, export
// again: the same events, and the same stats. A second import adds nothing.
func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	a := newHome(t, weekSettings)
	playWeek(t, a)
	// Text that CSV and JSON must quote or escape, and non-ASCII.
	a.clock.Set(time.Date(2026, time.December, 2, 9, 0, 0, 0, berlin))
	a.ok("log", "chat", "--who", `Zoë "Z" O'Neil`, "--note", "re: budget, Q4 — urgent?")
	first := a.exportLines()
	if len(first) != scriptedEvents+1 {
		t.Fatalf("export has %d lines", len(first))
	}
	file := a.write("history.jsonl", strings.Join(first, "\n")+"\n")

	b := newHome(t, weekSettings)
	b.clock.Set(a.clock.Now())
	n := len(first)
	if got, want := b.ok("import", file), fmt.Sprintf("Imported %d of %d events (0 already there).\n", n, n); got != want {
		t.Errorf("import printed %q, want %q", got, want)
	}
	second := b.exportLines()
	slices.Sort(first)
	slices.Sort(second)
	if !slices.Equal(first, second) {
		t.Errorf("export after import differs:\n%s\n---\n%s", strings.Join(first, "\n"), strings.Join(second, "\n"))
	}
	if sa, sb := a.ok("stats", "--week", "2026-W48", "--json"), b.ok("stats", "--week", "2026-W48", "--json"); sa != sb {
		t.Errorf("stats differ after import:\n%s\n%s", sa, sb)
	}

	// Again, from a file and from standard input: nothing doubles.
	if got, want := b.ok("import", file), fmt.Sprintf("Imported 0 of %d events (%d already there).\n", n, n); got != want {
		t.Errorf("second import printed %q, want %q", got, want)
	}
	if r := b.run(strings.Join(first, "\n"), "import", "-"); r.code != 0 || !strings.HasPrefix(r.stdout, "Imported 0 of") {
		t.Errorf("import - : %v", r)
	}
	if got := len(b.exportLines()); got != n {
		t.Errorf("after importing twice: %d events, want %d", got, n)
	}
}

// TestImportWithoutIDs: hand-written lines carry no id; they get one from
// their content, so importing the file twice still does not double them.
func TestImportWithoutIDs(t *testing.T) {
	t.Parallel()
	h := newHome(t, "")
	file := h.write("hand.jsonl", `{"type":"session","start":"2026-11-23T09:00:00+01:00","end":"2026-11-23T09:25:00+01:00","planned_minutes":25,"outcome":"completed"}

{"type":"interruption","at":"2026-11-23T10:00:00Z","direction":"incoming","channel":"chat","outcome":"taken"}
{"type":"decision","at":"2026-11-23T11:00:00Z","recommended":"sync","chosen":"async","people":2,"minutes":30}
`)
	for i, want := range []string{"Imported 3 of 3 events (0 already there).\n", "Imported 0 of 3 events (3 already there).\n"} {
		if got := h.ok("import", file); got != want {
			t.Errorf("import %d printed %q, want %q", i+1, got, want)
		}
	}
	if got := len(h.exportLines()); got != 3 {
		t.Errorf("%d events, want 3", got)
	}
}

// TestExportCSV: a header and one row per event, fields quoted so that a
// CSV reader gets them back.
func TestExportCSV(t *testing.T) {
	t.Parallel()
	h := newHome(t, weekSettings)
	playWeek(t, h)
	note := `said "later", then called`
	h.ok("log", "call", "--note", note)
	rows, err := csv.NewReader(strings.NewReader(h.ok("export", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatalf("export --format csv is not CSV: %v", err)
	}
	if len(rows) != 1+scriptedEvents+1 {
		t.Fatalf("CSV has %d rows, want a header and %d", len(rows), scriptedEvents+1)
	}
	header := rows[0]
	for _, col := range []string{"type", "id", "start", "end", "at", "outcome", "channel", "note"} {
		if !slices.Contains(header, col) {
			t.Errorf("header %v lacks %q", header, col)
		}
	}
	col := func(name string) int { return slices.Index(header, name) }
	types := map[string]int{}
	found := false
	for _, r := range rows[1:] {
		if len(r) != len(header) {
			t.Fatalf("row %v has %d fields, header %d", r, len(r), len(header))
		}
		types[r[col("type")]]++
		found = found || r[col("note")] == note
	}
	if types["session"] != 6 || types["interruption"] != 11 || types["decision"] != 2 {
		t.Errorf("rows by type: %v", types)
	}
	if !found {
		t.Errorf("no row has the note %q", note)
	}
}

// TestImportRejectsBadLines: a bad line is reported with its number and
// nothing of the file is stored, not even the good lines before it.
func TestImportRejectsBadLines(t *testing.T) {
	t.Parallel()
	good := `{"type":"interruption","id":"good-1","at":"2026-11-23T10:00:00Z","direction":"incoming","channel":"chat","outcome":"taken"}
{"type":"session","id":"good-2","start":"2026-11-23T09:00:00Z","end":"2026-11-23T09:25:00Z","planned_minutes":25,"outcome":"completed"}

`
	const at = `"at":"2026-11-23T11:00:00Z"`
	for _, tc := range []struct{ name, line, want string }{
		{"not JSON", `{"type":"interruption",`, "line 4"},
		{"unknown field", `{"type":"interruption",` + at + `,"direction":"incoming","channel":"chat","outcome":"taken","colour":"red"}`, `unknown field "colour"`},
		{"unknown type", `{"type":"meeting",` + at + `}`, `unknown type "meeting"`},
		{"two objects", `{"type":"decision",` + at + `,"recommended":"sync","chosen":"sync"} {}`, "more than one JSON object"},
		{"time not RFC 3339", `{"type":"interruption","at":"yesterday","direction":"incoming","channel":"chat","outcome":"taken"}`, "not an RFC 3339 time"},
		{"end before start", `{"type":"session","start":"2026-11-23T09:00:00Z","end":"2026-11-23T08:00:00Z","planned_minutes":25,"outcome":"completed"}`, "end is before start"},
		{"unknown channel", `{"type":"interruption",` + at + `,"direction":"incoming","channel":"fax","outcome":"taken"}`, `unknown channel "fax"`},
		{"control character", `{"type":"interruption",` + at + `,"direction":"incoming","channel":"chat","outcome":"taken","note":"a\u001b[2Jb"}`, "control character"},
		{"session too long", `{"type":"session","start":"2026-11-23T09:00:00Z","end":"2026-11-23T19:00:00Z","planned_minutes":600,"outcome":"completed"}`, "out of range"},
		{"wrong JSON type", `{"type":"interruption",` + at + `,"direction":"incoming","channel":"chat","outcome":"taken","people":"two"}`, "people"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, "")
			h.ok("log", "email") // already there: must stay, alone
			before := h.exportLines()
			file := h.write("bad.jsonl", good+tc.line+"\n"+good)
			r := h.run("", "import", file)
			if r.code != 2 || r.stdout != "" {
				t.Errorf("%v, want exit 2", r)
			}
			checkOneLine(t, r.stderr)
			for _, s := range []string{file, "line 4", tc.want, "nothing imported"} {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr %q does not say %q", r.stderr, s)
				}
			}
			if after := h.exportLines(); !slices.Equal(after, before) {
				t.Errorf("the store changed:\n%s", strings.Join(after, "\n"))
			}
		})
	}
}
