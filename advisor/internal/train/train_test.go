package train

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadReadsOnlyTrainingCorpora: a blind corpus dropped beside the
// training corpora is never learnt, and a broken line is one clear error.
func TestLoadReadsOnlyTrainingCorpora(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("train_en.jsonl", `{"text": "the site is down", "mode": "sync", "why": "crisis"}`+"\n\n")
	write("dev_fr.jsonl", `{"text": "pas urgent", "mode": "async", "why": "pas urgent", "people": 3}`+"\n")
	write("blind2_en.jsonl", `{"text": "never learnt", "mode": "sync"}`+"\n")
	write("notes.txt", "not a corpus")
	msgs, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 {
		t.Fatalf("%d messages, want the 2 of the training corpora", len(msgs))
	}
	for _, m := range msgs {
		if strings.Contains(m.Text, "never learnt") {
			t.Error("the blind corpus was read")
		}
	}
	if msgs[0].src != srcDev || msgs[0].People != 3 || msgs[1].src != srcTrain || msgs[1].People != 1 {
		t.Errorf("sources and people %+v", msgs)
	}

	write("train_de.jsonl", `{"text": "kaputt", "mode": "maybe"}`+"\n")
	if _, err := load(dir); err == nil || !strings.Contains(err.Error(), `train_de.jsonl:1: mode "maybe"`) {
		t.Errorf("error %v, want one naming the file, the line and the mode", err)
	}
	if _, err := load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no corpus") {
		t.Errorf("an empty folder: error %v", err)
	}
}

func TestClassesFromWhy(t *testing.T) {
	for _, tc := range []struct {
		mode, why string
		want      uint8
	}{
		{"sync", "crise : panne en production en cours", 1},
		{"sync", "Zeitdruck: Kunde wartet in der Leitung", 2},
		{"sync", "tema delicado: despido", 3},
		{"sync", "stalled thread: async debate stuck", 7},
		{"sync", "brainstorm: many unknowns", 4}, // "unknowns" holds "now"
		{"sync", "welcoming a new hire", 5},
		{"sync", "heikles Thema: Stellenabbau", 3},
		{"sync", "money loss happening now", 1},
		{"async", "naked ping: just ask the question", 8},
		{"async", "past incident: postmortem", 7},
		{"async", "otra zona horaria", 4},
		{"async", "no immediate answer needed", 1},
		{"async", "something else entirely", 11},
		{"sync", "something else entirely", 0},
	} {
		if got := class(message{Mode: tc.mode, Why: tc.why}); got != tc.want {
			t.Errorf("%s %q: class %d, want %d", tc.mode, tc.why, got, tc.want)
		}
	}
}
