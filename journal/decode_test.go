package journal

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// lines returns journal lines as Pingwise writes them, each kind of record
// and each kind of event with every field set.
func lines(t testing.TB) []string {
	at := time.Date(2026, 11, 24, 9, 0, 0, 123456789, time.FixedZone("CET", 3600))
	evs := []focus.Event{
		&focus.Session{ID: "s1", Start: at, End: at.Add(30 * time.Minute), Planned: 25 * time.Minute,
			Paused: 90 * time.Second, Intent: "Zoë's report", Result: focus.Completed},
		&focus.Session{ID: "s2", Start: at, End: at.Add(time.Minute), Planned: 50 * time.Minute, Result: focus.Abandoned},
		&focus.Interruption{ID: "i1", At: at, Direction: focus.Outgoing, Channel: focus.Chat, Outcome: focus.Deferred,
			People: 3, Who: "Ana Müller", Note: "about the build", InSession: true, Handled: at.Add(time.Hour),
			App: "Slack", Count: 4},
		&focus.Interruption{ID: "i2", At: at, Direction: focus.Incoming, Channel: focus.Call, Outcome: focus.Taken, People: 1, Count: 1},
		&focus.Decision{ID: "d1", At: at, Recommended: focus.Sync, Chosen: focus.Async, Channel: "video call",
			People: 8, Minutes: 45, Reasons: []string{"more than three people", "can wait a day"}, InSession: true},
		&focus.Decision{ID: "d2", At: at, Recommended: focus.Async, Chosen: focus.Async, People: 1, Reasons: []string{}},
	}
	var out []string
	add := func(b []byte, err error) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b[:len(b)-1]))
	}
	add(DeviceLine("dev1", "Zoë's laptop", at))
	add(DeletedLine("i1", "dev1", at))
	for _, e := range evs {
		add(EventLine(e, "dev1"))
	}
	return out
}

// viaJSON is what encoding/json makes of a line.
func viaJSON(line []byte) (Line, error) {
	var l Line
	err := json.Unmarshal(line, &l)
	return l, err
}

func TestDecodeLineReadsWhatPingwiseWrites(t *testing.T) {
	for _, line := range lines(t) {
		var l Line
		if !decodeLine([]byte(line), &l) {
			t.Errorf("not decoded: %s", line)
			continue
		}
		want, err := viaJSON([]byte(line))
		if err != nil || !reflect.DeepEqual(l, want) {
			t.Errorf("%s\ndecoded %+v\nwant    %+v (%v)", line, l, want, err)
		}
	}
}

func TestDecodeLineLeavesTheRestToEncodingJSON(t *testing.T) {
	tests := []struct {
		name, line string
		fast       bool // decoded without encoding/json, and the same
	}{
		{"white space between tokens", " {\t\"type\" : \"decision\" ,\r\n\"reasons\" : [ \"a\" , \"b\" ] , \"people\" : 2 } ", true},
		{"empty object", `{}`, true},
		{"empty list", `{"reasons":[]}`, true},
		{"a key twice: the last wins", `{"id":"a","id":"b","reasons":["x","y"],"reasons":["z"]}`, true},
		{"numbers", `{"planned_minutes":-1.5e2,"paused_seconds":0,"people":-0,"count":12}`, true},
		{"false", `{"in_session":false}`, true},
		{"UTF-8", `{"who":"Zoë, 日本"}`, true},
		{"escapes", `{"who":"A\u00e9\n"}`, false},
		{"escaped quote", `{"who":"say \"hi\""}`, false},
		{"unknown key", `{"type":"interruption","mood":"good"}`, false},
		{"key in other case", `{"Type":"interruption"}`, false},
		{"null", `{"who":null}`, false},
		{"fraction for an int", `{"people":1.5}`, false},
		{"exponent for an int", `{"people":1e2}`, false},
		{"int too big", `{"people":99999999999999999999}`, false},
		{"float too big", `{"planned_minutes":1e999}`, false},
		{"leading zero", `{"people":01}`, false},
		{"bare minus", `{"people":-}`, false},
		{"dot without digits", `{"planned_minutes":1.}`, false},
		{"string for a number", `{"people":"2"}`, false},
		{"number for a string", `{"who":2}`, false},
		{"control character", "{\"who\":\"a\tb\"}", false},
		{"invalid UTF-8", "{\"who\":\"a\xffb\"}", false},
		{"truncated", `{"type":"interruption","id":"a"`, false},
		{"trailing comma", `{"id":"a",}`, false},
		{"trailing garbage", `{"id":"a"}x`, false},
		{"two objects", `{"id":"a"}{"id":"b"}`, false},
		{"not an object", `["id"]`, false},
		{"truthy", `{"in_session":tru}`, false},
		{"true and more", `{"in_session":truex}`, false},
		{"list not closed", `{"reasons":["a"`, false},
		{"list of numbers", `{"reasons":[1]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l Line
			fast := decodeLine([]byte(tt.line), &l)
			if fast != tt.fast {
				t.Fatalf("decoded without encoding/json: %v, want %v", fast, tt.fast)
			}
			if !fast {
				return
			}
			want, err := viaJSON([]byte(tt.line))
			if err != nil || !reflect.DeepEqual(l, want) {
				t.Fatalf("decoded %+v\nwant    %+v (%v)", l, want, err)
			}
		})
	}
}

// FuzzDecodeLine checks that a line decoded without encoding/json is one
// encoding/json reads, and reads the same way.
func FuzzDecodeLine(f *testing.F) {
	for _, line := range lines(f) {
		f.Add([]byte(line))
	}
	f.Add([]byte(`{"people":1e2,"reasons":[],"in_session":true}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		var l Line
		if !decodeLine(line, &l) {
			return
		}
		want, err := viaJSON(line)
		if err != nil {
			t.Fatalf("%q decoded, but encoding/json refuses it: %v", line, err)
		}
		if !reflect.DeepEqual(l, want) {
			t.Fatalf("%q\ndecoded %+v\nwant    %+v", line, l, want)
		}
	})
}
