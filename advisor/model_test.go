package advisor

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pingwise/pingwise/advisor/internal/learn"
	"github.com/pingwise/pingwise/advisor/internal/train"
)

// TestModelIsGenerated: the embedded model is what go generate makes of
// the committed data and settings, so no one ships weights nobody can
// rebuild, and a change to the reading (model.go, the rules, the cues)
// that the model was not retrained for fails here: run go generate
// ./advisor.
func TestModelIsGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the model: a few seconds")
	}
	got, err := train.Model("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, modelData) {
		t.Fatal("model.bin is not what the data and settings give: run go generate ./advisor")
	}
	m, err := learn.Decode(got)
	if err != nil {
		t.Fatal(err)
	}
	if size := len(got); size > 300<<10 {
		t.Errorf("the model is %d KB; keep it under 300 KB", size>>10)
	}
	if m.Bits != model().Bits || m.Families != model().Families {
		t.Errorf("the embedded model's config %+v differs from the generated %+v", model().Config, m.Config)
	}
}

// TestEveryVerdictQuotesTheDraft: whatever decided, the rules or the
// model, a verdict on a draft it could read names the draft's own words
// on the side it chose.
func TestEveryVerdictQuotesTheDraft(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	missing, total := 0, 0
	for _, path := range files {
		for _, l := range loadCorpus(t, path) {
			v := Advise(Situation{Text: l.Text, People: l.People})
			if v.Language == Undetermined {
				continue
			}
			total++
			if !quotes(v) {
				missing++
				if missing <= 10 {
					t.Errorf("%s: %s without the draft's words: %q\n\t%s", filepath.Base(path), v.Mode, l.Text, summary(v))
				}
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d verdicts quote nothing on their side", missing, total)
	}
}

func quotes(v Verdict) bool {
	for _, r := range v.Reasons {
		if r.Leans == v.Mode && len(r.Words) > 0 {
			for _, w := range r.Words {
				if strings.TrimSpace(w) == "" {
					return false
				}
			}
			return true
		}
	}
	return false
}
