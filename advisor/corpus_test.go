package advisor

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Accuracy floors for the message corpora in testdata. The word model is
// trained on all of them (internal/train), so every corpus here is read
// nearly perfectly, and the floors only catch a regression: a reading that
// no longer matches what the model was trained on, a broken rule. How well
// the advisor reads text it has never seen is measured by cross-validation
// (TestCrossValidation) and, once, on a blind corpus kept out of the
// repository.
//
//   - corpus*.jsonl (English, German, French, Spanish) and holdout.jsonl:
//     what the rules were written and tuned on (holdout.jsonl was written
//     blind, and measured before it was tuned on);
//   - dev_*.jsonl: 680 messages written blind by someone who never saw the
//     rules, measured once (87.2%, 88.3%, 77.5%, 76.7% by the rules alone),
//     then used to tune and train in session 5;
//   - train_*.jsonl: 1650 messages written for the model by two other
//     people, from the same labeling guide.
const (
	ownCorpus      = "corpus.jsonl"
	ownCorpusFloor = 0.98
	// A corpus of 45 messages loses 2.2% a message.
	heldOutCorpusFloor = 0.97
)

// blindGoal is the floor of a blind corpus (blind*.jsonl) put here to be
// measured: the goal on text the advisor has never seen. The training
// never reads such a file (internal/train reads its corpora by name).
const blindGoal = 0.95

// devFloors are the floors of the dev and training corpora.
var devFloors = map[string]float64{
	"dev_en.jsonl": 0.98, "dev_de.jsonl": 0.98, "dev_fr.jsonl": 0.98, "dev_es.jsonl": 0.98,
	"train_en.jsonl": 0.98, "train_de.jsonl": 0.98, "train_fr.jsonl": 0.98, "train_es.jsonl": 0.98,
}

// corpusLanguages are the language each tuning corpus is written in: every
// message in it must be detected as that language.
var corpusLanguages = map[string]string{
	"corpus.jsonl": English, "corpus_de.jsonl": German, "corpus_fr.jsonl": French, "corpus_es.jsonl": Spanish,
}

type corpusLine struct {
	Text   string `json:"text"`
	Mode   Mode   `json:"mode"`
	People int    `json:"people"`
	Why    string `json:"why"`
}

func loadCorpus(t *testing.T, path string) []corpusLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []corpusLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l corpusLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if l.Mode != Sync && l.Mode != Async {
			t.Fatalf("%s:%d: mode %q is neither sync nor async", path, n, l.Mode)
		}
		if l.People == 0 {
			l.People = 1
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestCorpusAccuracy(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !containsPath(files, ownCorpus) {
		t.Fatalf("testdata/%s is missing", ownCorpus)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			lines := loadCorpus(t, path)
			if len(lines) == 0 {
				t.Fatal("no messages")
			}
			right, base := 0, filepath.Base(path)
			want, tuning := corpusLanguages[base]
			for i, l := range lines {
				v := Advise(Situation{Text: l.Text, People: l.People})
				if tuning && v.Language != want {
					t.Errorf("line %d: read as %q, want %q: %q", i+1, v.Language, want, l.Text)
				}
				if v.Mode == l.Mode {
					right++
					continue
				}
				t.Logf("line %d: want %s, got %s (%.2f): %q [%s]\n\t%s", i+1, l.Mode, v.Mode, v.Confidence, l.Text, l.Why, summary(v))
			}
			acc := float64(right) / float64(len(lines))
			floor := heldOutCorpusFloor
			if tuning {
				floor = ownCorpusFloor
			} else if f, ok := devFloors[base]; ok {
				floor = f
			} else if strings.HasPrefix(base, "blind") {
				floor = blindGoal
			}
			t.Logf("accuracy %d/%d = %.1f%% (floor %.0f%%)", right, len(lines), 100*acc, 100*floor)
			if acc < floor {
				t.Errorf("accuracy %.1f%% is below %.0f%%", 100*acc, 100*floor)
			}
		})
	}
}

func containsPath(files []string, base string) bool {
	for _, f := range files {
		if filepath.Base(f) == base {
			return true
		}
	}
	return false
}

// summary lists the reasons compactly for a failure message.
func summary(v Verdict) string {
	var b strings.Builder
	for _, r := range v.Reasons {
		b.WriteString(r.Criterion.String())
		b.WriteString("→")
		b.WriteString(string(r.Leans))
		if len(r.Words) > 0 {
			b.WriteString(" " + strings.Join(r.Words, "|"))
		}
		b.WriteString("; ")
	}
	return b.String()
}
