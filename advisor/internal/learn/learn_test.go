package learn

import (
	"bytes"
	"strings"
	"testing"
)

// toy is a separable problem: feature 1 means sync, feature 2 async, and
// feature 3 is on everywhere (a bias that must not decide alone).
func toy() []Example {
	var ex []Example
	for i := range 40 {
		sync := i%3 == 0
		f := uint32(2)
		if sync {
			f = 1
		}
		ex = append(ex, Example{Lang: i % 4, Features: []Feature{{f, 1}, {3, 1}}, Sync: sync, Class: uint8(1 + b(sync)), Weight: 1})
	}
	return ex
}

func b(v bool) int {
	if v {
		return 1
	}
	return 0
}

var toyConfig = Config{Bits: 8, Families: 1, StemLen: 5}

func TestTrainLearnsAndQuantizes(t *testing.T) {
	m := Train(toy(), toyConfig, Params{Epochs: 10, Rate: 0.1, Seed: 1})
	if z := m.Score([]Feature{{1, 1}, {3, 1}}); z <= 0 {
		t.Errorf("a sync example scores %.2f, want > 0", z)
	}
	if z := m.Score([]Feature{{2, 1}, {3, 1}}); z >= 0 {
		t.Errorf("an async example scores %.2f, want < 0", z)
	}
	if len(m.Weights) != 1<<toyConfig.Bits || len(m.Classes) != 1<<toyConfig.Bits {
		t.Fatalf("tables of %d and %d, want %d", len(m.Weights), len(m.Classes), 1<<toyConfig.Bits)
	}
	// Feature 1 is seen only in sync examples of class 2, feature 2 only
	// in async ones of class 1.
	if got := m.Classes[1] >> 4; got != 2 {
		t.Errorf("feature 1's sync class is %d, want 2", got)
	}
	if got := m.Classes[2] & 15; got != 1 {
		t.Errorf("feature 2's async class is %d, want 1", got)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	p := Params{Epochs: 5, Rate: 0.1, L2: 1e-4, Seed: 7, Average: true}
	a, c := Train(toy(), toyConfig, p).Encode(), Train(toy(), toyConfig, p).Encode()
	if !bytes.Equal(a, c) {
		t.Fatal("two trainings on the same data differ")
	}
	p.Seed = 8
	if bytes.Equal(a, Train(toy(), toyConfig, p).Encode()) {
		t.Error("another seed gives the same weights: the seed is not used")
	}
}

func TestEncodeDecode(t *testing.T) {
	m := Train(toy(), toyConfig, Params{Epochs: 3, Rate: 0.1, Seed: 1})
	got, err := Decode(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if got.Config != m.Config || got.Scale != m.Scale || !bytes.Equal(got.Classes, m.Classes) {
		t.Errorf("decoded %+v, want %+v", got.Config, m.Config)
	}
	for i := range m.Weights {
		if got.Weights[i] != m.Weights[i] {
			t.Fatalf("weight %d: %d, want %d", i, got.Weights[i], m.Weights[i])
		}
	}
}

func TestDecodeRejectsBadFiles(t *testing.T) {
	good := Train(toy(), toyConfig, Params{Epochs: 1, Rate: 0.1, Seed: 1}).Encode()
	bits := bytes.Clone(good)
	bits[4] = 30
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a model"},
		{"another file", []byte("PK\x03\x04 a zip, not a model at all"), "not a model"},
		{"cut short", good[:len(good)-1], "bytes for"},
		{"absurd size", bits, "2^30"},
	} {
		if _, err := Decode(tc.data); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}

func TestFoldsAreStratified(t *testing.T) {
	ex := toy()
	fold := Fold(ex, 4, 1)
	var syncs [4]int
	for i, f := range fold {
		if f < 0 || f >= 4 {
			t.Fatalf("example %d in fold %d", i, f)
		}
		syncs[f] += b(ex[i].Sync)
	}
	for f, n := range syncs {
		if n < 2 || n > 5 {
			t.Errorf("fold %d holds %d of the 14 sync examples; stratified, it holds 3 or 4", f, n)
		}
	}
}

func TestCrossValidateScoresHeldOutOnly(t *testing.T) {
	ex := toy()
	acc := CrossValidate(ex, Fold(ex, 4, 1), 4, toyConfig, Params{Epochs: 10, Rate: 0.1, Seed: 1}, func(i int) bool { return i < 20 })
	total := 0
	for _, a := range acc {
		total += a.Total
		if a.Right != a.Total {
			t.Errorf("a separable problem scores %s", a)
		}
	}
	if total != 20 {
		t.Errorf("%d examples scored, want the 20 selected", total)
	}
}
