package cli_test

import (
	"strings"
	"testing"
)

// TestBadInput: every mistake in what was typed gets one line on stderr
// saying what is wrong, exit code 2, nothing on stdout and nothing stored.
func TestBadInput(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 1001) // runes, not bytes, are counted
	for _, tc := range []struct {
		name string
		args []string
		want string // part of the message
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"help for an unknown command", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{"unknown global flag", []string{"--verbose", "status"}, "-verbose"},
		{"unknown flag", []string{"status", "--verbose"}, "-verbose"},
		{"unknown flag after a channel", []string{"log", "chat", "--urgent"}, "-urgent"},
		{"flag without its value", []string{"log", "chat", "--note"}, "-note"},
		{"extra argument", []string{"status", "now"}, `unexpected argument "now"`},
		{"two lengths", []string{"start", "25m", "50m"}, `unexpected argument "50m"`},

		{"unknown channel", []string{"log", "fax"}, `unknown channel "fax"`},
		{"no channel", []string{"log", "--deferred"}, "which channel"},

		{"start 0", []string{"start", "0"}, "out of range"},
		{"start -5m", []string{"start", "-5m"}, "out of range"},
		{"start abc", []string{"start", "abc"}, `"abc" is not a length`},
		{"start 9999h", []string{"start", "9999h"}, "out of range"},
		{"start 30s", []string{"start", "30s"}, "out of range"},
		{"start 8h1m", []string{"start", "8h1m"}, "out of range"},
		// 2^53 + 25 minutes wraps around int64 to exactly 25 minutes.
		{"start minutes that overflow", []string{"start", "9007199254741017"}, "out of range"},
		{"break 0", []string{"break", "0"}, "out of range"},
		{"break -5m", []string{"break", "-5m"}, "out of range"},
		{"break abc", []string{"break", "abc"}, "not a length"},
		{"break 9999h", []string{"break", "9999h"}, "out of range"},
		{"stop --break 0", []string{"stop", "--break", "0"}, "out of range"},
		{"stop --break -5m", []string{"stop", "--break", "-5m"}, "out of range"},
		{"stop --break abc", []string{"stop", "--break", "abc"}, "not a length"},
		{"stop --break 9999h", []string{"stop", "--break", "9999h"}, "out of range"},

		{"week 2026-W54", []string{"stats", "--week", "2026-W54"}, "does not exist"},
		{"week 2026-W00", []string{"stats", "--week", "2026-W00"}, "does not exist"},
		{"week W48", []string{"stats", "--week", "W48"}, "malformed week"},
		{"week bogus", []string{"stats", "--week", "bogus"}, "malformed week"},
		{"week 26-W48", []string{"stats", "--week", "26-W48"}, "malformed week"},
		{"stats --json --csv", []string{"stats", "--json", "--csv"}, "exclude each other"},

		{"--people 0", []string{"log", "chat", "--people", "0"}, "people"},
		{"--people -2", []string{"log", "chat", "--people", "-2"}, "people"},
		{"--people 10001", []string{"log", "chat", "--people", "10001"}, "people"},
		{"--people abc", []string{"log", "chat", "--people", "abc"}, "people"},
		{"escape in --note", []string{"log", "chat", "--note", "a\x1b[2Jb"}, "control character"},
		{"newline in --who", []string{"log", "chat", "--who", "Ana\nBob"}, "control character"},
		{"DEL in --who", []string{"log", "chat", "--who", "Ana\x7f"}, "control character"},
		{"C1 control in --note", []string{"log", "chat", "--note", "a\u0085b"}, "control character"},
		{"tab in --intent", []string{"start", "--intent", "a\tb"}, "control character"},
		{"invalid UTF-8 in --note", []string{"log", "chat", "--note", "a\xffb"}, "UTF-8"},
		{"note of 1001 characters", []string{"log", "chat", "--note", long}, "too long"},
		{"intent of 201 characters", []string{"start", "--intent", strings.Repeat("x", 201)}, "too long"},
		{"--taken --deferred", []string{"log", "chat", "--taken", "--deferred"}, "exclude each other"},
		{"--at tomorrow", []string{"log", "chat", "--at", "2026-11-24 09:00"}, "in the future"},
		{"--at later today", []string{"log", "chat", "--at", "23:59"}, "in the future"},
		{"--at far future", []string{"log", "chat", "--at", "2099-01-01T00:00:00Z"}, "in the future"},
		{"--at 25:99", []string{"log", "chat", "--at", "25:99"}, `time "25:99"`},
		{"--at yesterday", []string{"log", "chat", "--at", "yesterday"}, `time "yesterday"`},
		{"--at 30 February", []string{"log", "chat", "--at", "2026-02-30 10:00"}, "time"},
		{"--at -5m ago", []string{"log", "chat", "--at", "-5m ago"}, "ago"},

		{"export --format xml", []string{"export", "--format", "xml"}, `unknown format "xml"`},
		{"import of a missing file", []string{"import", "/nonexistent/history.jsonl"}, "/nonexistent/history.jsonl"},
		{"import without a file", []string{"import"}, "give one file"},
		{"import of two files", []string{"import", "a.jsonl", "b.jsonl"}, "give one file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := newHome(t, "") // Monday 23 Nov 2026 09:00
			r := h.run("", tc.args...)
			if r.code != 2 || r.stdout != "" {
				t.Errorf("%v, want exit 2 and no output", r)
			}
			checkOneLine(t, r.stderr)
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr %q does not say %q", r.stderr, tc.want)
			}
			if lines := h.exportLines(); len(lines) != 0 {
				t.Errorf("stored %q", lines)
			}
			if st := h.status(); st.State != "idle" {
				t.Errorf("state %s after a rejected command", st.State)
			}
		})
	}
}

// TestGoodInputAtTheLimits: the values just inside each limit are taken,
// so the limits above are where the issue puts them.
func TestGoodInputAtTheLimits(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"start", "1m"},
		{"start", "8h"},
		{"start", "90"},
		{"start", "1h30m", "--intent", strings.Repeat("x", 200)},
		{"log", "chat", "--note", strings.Repeat("é", 1000), "--who", strings.Repeat("w", 100)},
		{"log", "chat", "--people", "10000", "--outgoing", "--deferred"},
		{"log", "chat", "--at", "09:00"}, // now
		{"log", "chat", "--at", "09:01"}, // the minute of slack for clock skew
		{"log", "chat", "--at", "10m ago"},
		{"log", "in_person", "--taken"},
		{"stats", "--week", "2026-W53"},
		{"stats", "--week", "2026w48"},
	} {
		h := newHome(t, "")
		if r := h.run("", args...); r.code != 0 || r.stderr != "" {
			t.Errorf("pingwise %q: %v", args, r)
		}
	}
}
