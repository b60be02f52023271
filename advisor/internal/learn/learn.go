// Package learn trains and stores the advisor's word model: a logistic
// regression over hashed features (words, word pairs, word stems and what
// the rules found), one weight table shared by the four languages, whose
// word features are salted per language.
//
// Training is deterministic: the examples are shuffled by a seeded
// generator, and every product that feeds a sum is rounded explicitly, so
// that no platform fuses it into a multiply-add with other rounding. The
// same data and parameters give the same bytes, which a test checks.
package learn

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Feature is one input of the model: a bucket of the weight table and its
// value.
type Feature struct {
	Index uint32
	Value float32
}

// Example is one labelled draft.
type Example struct {
	Lang     int // 0..3: en, de, fr, es, as the advisor detected it
	Features []Feature
	Sync     bool
	// Class is the reason the label names, among the reasons of the
	// label's side; 0 when unknown.
	Class uint8
	// Weight scales the example's gradient: 1 for most, less for a corpus
	// the rules were tuned on.
	Weight float64
}

// Config says how drafts are read into features; the advisor reads a draft
// the way the model it loads was trained.
type Config struct {
	Bits uint8 // the weight table has 1<<Bits buckets
	// Families is a bit set of feature families (the advisor defines them).
	Families uint16
	// StemLen is the length in bytes of a word stem feature.
	StemLen uint8
}

// Params are the training's hyperparameters.
type Params struct {
	Epochs int
	Rate   float64 // AdaGrad's base rate
	L2     float64 // per example
	Seed   uint64
	// Average returns the mean of the weights after each epoch instead of
	// the last: smoother, and less swayed by the last examples seen.
	Average bool
}

// Model is a trained, quantized model.
type Model struct {
	Config
	// Scale turns a stored weight into a logit contribution.
	Scale float32
	// Weights has one entry per bucket.
	Weights []int16
	// Classes has one byte per bucket: the sync reason it most speaks for
	// in the high four bits, the async reason in the low four.
	Classes []uint8
}

// Weight is bucket i's weight as a float.
func (m *Model) Weight(i uint32) float32 { return float32(m.Weights[i]) * m.Scale }

// Score is the model's logit for a feature list.
func (m *Model) Score(fs []Feature) float32 {
	var z float32
	for _, f := range fs {
		z += float32(m.Weights[f.Index]) * f.Value
	}
	return z * m.Scale
}

// weights trains float weights by AdaGrad on the logistic loss.
func weights(ex []Example, size int, p Params) []float64 {
	w := make([]float64, size)
	g2 := make([]float64, size)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(p.Seed, 0x9e3779b97f4a7c15))
	var avg []float64
	if p.Average {
		avg = make([]float64, size)
	}
	for range p.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := &ex[k]
			z := 0.0
			for _, f := range e.Features {
				z += float64(w[f.Index] * float64(f.Value))
			}
			y := 0.0
			if e.Sync {
				y = 1
			}
			grad := float64((sigmoid(z) - y) * e.Weight)
			for _, f := range e.Features {
				g := float64(grad*float64(f.Value)) + float64(p.L2*w[f.Index])
				g2[f.Index] += float64(g * g)
				w[f.Index] -= float64(p.Rate * g / (math.Sqrt(g2[f.Index]) + 1e-8))
			}
		}
		if avg != nil {
			for i, x := range w {
				avg[i] += x
			}
		}
	}
	if avg == nil {
		return w
	}
	for i := range avg {
		avg[i] /= float64(p.Epochs)
	}
	return avg
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// NumClasses bounds the classes on either side: four bits each.
const NumClasses = 16

// Train fits a model and quantizes it, and gives each bucket the reason
// it most speaks for on each side: the class whose examples hold it most
// often, relative to the class's size.
func Train(ex []Example, c Config, p Params) *Model {
	size := 1 << c.Bits
	w := weights(ex, size, p)
	m := &Model{Config: c, Weights: make([]int16, size)}
	maxW := 0.0
	for _, x := range w {
		maxW = max(maxW, math.Abs(x))
	}
	if maxW == 0 {
		maxW = 1
	}
	m.Scale = float32(maxW / math.MaxInt16)
	for i, x := range w {
		m.Weights[i] = int16(math.Round(x / float64(m.Scale)))
	}
	m.Classes = classes(ex, size)
	return m
}

// classes picks each bucket's most telling class on each side: the sync
// one in the high four bits, the async one in the low four.
func classes(ex []Example, size int) []uint8 {
	var total [2][NumClasses]float64
	counts := make([][2][NumClasses]uint16, size)
	for _, e := range ex {
		if e.Class == 0 || e.Class >= NumClasses {
			continue
		}
		side := 0
		if e.Sync {
			side = 1
		}
		total[side][e.Class]++
		for _, f := range e.Features {
			counts[f.Index][side][e.Class]++
		}
	}
	out := make([]uint8, size)
	for i := range counts {
		var best [2]uint8
		for side := range 2 {
			score := 0.0
			for k := 1; k < NumClasses; k++ {
				n := float64(counts[i][side][k])
				if n == 0 {
					continue
				}
				if s := n / math.Sqrt(total[side][k]); s > score {
					best[side], score = uint8(k), s
				}
			}
		}
		out[i] = best[1]<<4 | best[0]
	}
	return out
}

// Accuracy is right out of total.
type Accuracy struct{ Right, Total int }

// Add counts one prediction.
func (a *Accuracy) Add(ok bool) {
	a.Total++
	if ok {
		a.Right++
	}
}

// Rate is the share right, 0 when nothing was counted.
func (a Accuracy) Rate() float64 {
	if a.Total == 0 {
		return 0
	}
	return float64(a.Right) / float64(a.Total)
}

// String is "right/total (rate%)".
func (a Accuracy) String() string {
	return fmt.Sprintf("%d/%d (%.1f%%)", a.Right, a.Total, 100*a.Rate())
}

// Fold assigns example i to one of k folds, stratified by language and
// label so that every fold sees each language's sync share.
func Fold(ex []Example, k int, seed uint64) []int {
	fold := make([]int, len(ex))
	rng := rand.New(rand.NewPCG(seed, 1))
	var next [8]int
	order := rng.Perm(len(ex))
	for _, i := range order {
		g := ex[i].Lang * 2
		if ex[i].Sync {
			g++
		}
		fold[i] = next[g%8] % k
		next[g%8]++
	}
	return fold
}

// CrossValidate trains on all folds but one and scores the one left out,
// for each fold; score says which held-out examples count, and the result
// is per language.
func CrossValidate(ex []Example, fold []int, k int, c Config, p Params, count func(i int) bool) [4]Accuracy {
	var acc [4]Accuracy
	size := 1 << c.Bits
	train := make([]Example, 0, len(ex))
	for f := range k {
		train = train[:0]
		for i := range ex {
			if fold[i] != f {
				train = append(train, ex[i])
			}
		}
		w := weights(train, size, p)
		for i := range ex {
			if fold[i] != f || !count(i) {
				continue
			}
			acc[ex[i].Lang].Add(predict(w, ex[i].Features) == ex[i].Sync)
		}
	}
	return acc
}

// Evaluate trains on the examples train selects and scores those test
// selects, per language.
func Evaluate(ex []Example, c Config, p Params, train, test func(i int) bool) [4]Accuracy {
	var sub []Example
	for i := range ex {
		if train(i) {
			sub = append(sub, ex[i])
		}
	}
	w := weights(sub, 1<<c.Bits, p)
	var acc [4]Accuracy
	for i := range ex {
		if test(i) {
			acc[ex[i].Lang].Add(predict(w, ex[i].Features) == ex[i].Sync)
		}
	}
	return acc
}

func predict(w []float64, fs []Feature) bool {
	z := 0.0
	for _, f := range fs {
		z += float64(w[f.Index] * float64(f.Value))
	}
	return z > 0
}

// The stored model: a magic, the config, the scale, then the weights and
// the classes, little-endian.
var magic = [4]byte{'p', 'w', 'm', '1'}

// Encode writes the model.
func (m *Model) Encode() []byte {
	var b bytes.Buffer
	b.Write(magic[:])
	b.WriteByte(m.Bits)
	b.WriteByte(m.StemLen)
	_ = binary.Write(&b, binary.LittleEndian, m.Families)
	_ = binary.Write(&b, binary.LittleEndian, m.Scale)
	_ = binary.Write(&b, binary.LittleEndian, m.Weights)
	b.Write(m.Classes)
	return b.Bytes()
}

// Decode reads a model Encode wrote.
func Decode(data []byte) (*Model, error) {
	const head = 4 + 1 + 1 + 2 + 4
	if len(data) < head || !bytes.Equal(data[:4], magic[:]) {
		return nil, errors.New("learn: not a model file")
	}
	m := &Model{Config: Config{Bits: data[4], StemLen: data[5], Families: binary.LittleEndian.Uint16(data[6:])}}
	m.Scale = math.Float32frombits(binary.LittleEndian.Uint32(data[8:]))
	if m.Bits < 8 || m.Bits > 24 {
		return nil, fmt.Errorf("learn: a table of 2^%d buckets", m.Bits)
	}
	size := 1 << m.Bits
	if len(data) != head+3*size {
		return nil, fmt.Errorf("learn: %d bytes for 2^%d buckets, want %d", len(data), m.Bits, head+3*size)
	}
	m.Weights = make([]int16, size)
	for i := range m.Weights {
		m.Weights[i] = int16(binary.LittleEndian.Uint16(data[head+2*i:]))
	}
	m.Classes = data[head+2*size:]
	return m, nil
}

// Read reads a draft into features exactly as the advisor reads it for a
// verdict: the language it read the draft in (0..3; -1 when it cannot read
// it) and the features under c. Package advisor sets it when it is loaded,
// so that the generator trains on what Advise sees, with no second reader
// to drift apart from the first.
var Read func(text string, people int, c Config) (lang int, fs []Feature)
