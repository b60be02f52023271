package advisor

//go:generate go run ./internal/modelgen -data testdata -out model.bin

import (
	_ "embed"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pingwise/pingwise/advisor/internal/learn"
)

// The word model (see doc.go, "Rules and a model"): a logistic regression
// over hashed features of the draft, trained by internal/modelgen on the
// corpora in testdata and embedded here. It reads what the rules cannot
// list, and the rules' own findings are among its inputs.

//go:embed model.bin
var modelData []byte

// model is decoded the first time a draft is read, never at start.
var model = sync.OnceValue(func() *learn.Model {
	m, err := learn.Decode(modelData)
	if err != nil {
		panic("advisor: the embedded model.bin is broken (run go generate ./advisor): " + err.Error())
	}
	return m
})

func init() { learn.Read = readFeatures }

// Feature families, a bit set in the model's config: the generator picks
// the set by cross-validation, and the advisor reads drafts with the set
// its model was trained on.
const (
	famUni      = 1 << iota // each word, per language
	famBi                   // each pair of words, per language, the first paired with the start
	famStem                 // each word's first StemLen bytes, per language: "urgente", "urgentes"
	famShared               // each word, in one table for all languages: loanwords ("deploy", "asap")
	famRules                // what the rules found: each criterion, either way, and their margin
	famShape                // the draft's length, the recipients' count
	famNorm                 // word features weigh less in a long draft, so its length does not sway the sum
	famWindow               // past averageFrom words, only the opening and the end are read
	famNeg                  // each word in a negation's scope, marked ("not urgent"): tried, no gain, not used
	famQuestion             // how many questions the draft asks
	famClock                // two clock times within the hour of each other: "due at 5, it's 4:25"
)

// Salts keep the families (and the languages) apart in the one table.
const (
	saltUni = iota + 1
	saltBi
	saltStem
	saltShared
	saltRule
	saltRuleKey
	saltMargin
	saltBias
	saltLength
	saltPeople
	saltNeg
	saltQuestion
	saltClock
)

func salt(family uint64, l lang) uint64 {
	return family*0x9E3779B97F4A7C15 ^ (uint64(l)+1)*0xC2B2AE3D27D4EB4F
}

// allLangs salts a feature shared by the four languages.
const allLangs lang = numLangs

// bucket spreads a feature's hash over the table: one multiply, and the
// top bits, which depend on every bit of the hash.
func bucket(h uint64, b uint8) uint32 { return uint32((h * 0x9E3779B97F4A7C15) >> (64 - b)) }

// features is a draft read for the model: the logit, summed on the way
// when a model is given, and the features themselves when kept (for the
// training, and for explain).
type features struct {
	w    []int16 // the model's weights; nil: no sum
	z    int64   // the sum of the weights, in units of the model's scale, times wordScale
	keep bool
	fs   []learn.Feature
	// tok is, for a word feature, the index of the token it ends at, and
	// span the number of tokens it covers; -1 and 0 for the others.
	tok  []int32
	span []uint8
}

// wordScale is the fixed point of a feature's value in the running sum: a
// value is at most 1, and a draft has at most maxDraft words, so the sum
// stays far inside an int64.
const wordScale = 1 << 16

func (f *features) reset(m *learn.Model, keep bool) {
	f.w, f.z, f.keep = nil, 0, keep
	if m != nil {
		f.w = m.Weights
	}
	f.fs, f.tok, f.span = f.fs[:0], f.tok[:0], f.span[:0]
}

// add counts one feature; v is its value in units of 1/wordScale.
func (f *features) add(i uint32, v int64, tok int32, span uint8) {
	if f.w != nil {
		f.z += int64(f.w[i]) * v
	}
	if f.keep {
		f.fs = append(f.fs, learn.Feature{Index: i, Value: float32(v) / wordScale})
		f.tok = append(f.tok, tok)
		f.span = append(f.span, span)
	}
}

// logit is the sum as a logit.
func (f *features) logit(m *learn.Model) float64 {
	return float64(f.z) / wordScale * float64(m.Scale)
}

// Word features count fully up to normFrom words, then by the square
// root of the share, so that a long message's many words do not outvote
// what it says. Past averageFrom words the model reads the first headWords
// and the last ones, averageFrom in all: where a mail says what it is
// about and what it asks. The rules read all of it; the words of a long
// mail's middle would add little but their small lean to one side, and
// cost a lookup each (cross-validation: no loss from 64 words down to 40).
const (
	normFrom    = 16.0
	averageFrom = 40
	headWords   = 30
)

// bos is the word before the first: "got a sec" at the start of a draft is
// a bare ping, in the middle of one it rarely is.
const bos = 0x5bd1e9955bd1e995

// featurize reads the draft's tokens and the rules' text-only signals into
// features under the model's config. margin is the rules' sync margin on
// the text alone.
//
// With a model, the logit is summed on the way (out.logit); with keep, the
// features are kept in out.fs. The training keeps them and needs no model;
// a verdict sums them and keeps them only when it has to explain them.
func featurize(c *learn.Config, m *learn.Model, keep bool, l lang, toks []token, text string, questions int, sig *[numCriteria]signal, margin float64, people int, out *features) {
	out.reset(m, keep)
	b := c.Bits
	const one = wordScale
	out.add(bucket(salt(saltBias, l), b), one, -1, 0)
	out.add(bucket(salt(saltBias, allLangs), b), one, -1, 0)
	fam := c.Families
	v := int64(one)
	if n := float64(min(len(toks), averageFrom)); fam&famNorm != 0 && n > normFrom {
		v = int64(math.Round(math.Sqrt(normFrom/n) * one))
	}
	// The words read: all of them, or past averageFrom words with
	// famWindow, the opening and the end of a long mail.
	from, to := [2]int{0, len(toks)}, [2]int{len(toks), len(toks)}
	if fam&famWindow != 0 && len(toks) > averageFrom {
		to[0], from[1] = headWords, len(toks)-(averageFrom-headWords)
	}
	var lex *lexicon
	if fam&famNeg != 0 {
		lex = lexicons[l]()
	}
	uni, bi, stem, shared := salt(saltUni, l), salt(saltBi, l), salt(saltStem, l), salt(saltShared, allLangs)
	for part := range 2 {
		scope := 0 // words still in a negation's scope
		prev := uint64(bos)
		if k := from[part]; k > 0 && k < len(toks) && !toks[k].eos {
			prev = toks[k-1].hash
		}
		for i := from[part]; i < to[part]; i++ {
			t := &toks[i]
			if t.eos {
				prev = bos
			}
			if fam&famUni != 0 {
				out.add(bucket(t.hash^uni, b), v, int32(i), 1)
			}
			if fam&famBi != 0 {
				span := uint8(2)
				if prev == bos {
					span = 1
				}
				out.add(bucket((prev*fnvPrime)^t.hash^bi, b), v, int32(i), span)
			}
			if fam&famShared != 0 {
				out.add(bucket(t.hash^shared, b), v, int32(i), 1)
			}
			if lex != nil {
				if t.brk {
					scope = 0
				}
				switch lex.classOf(t.hash) {
				case negator:
					scope = negationWindow + 1
				case scopeEnd:
					scope = 0
				}
				if scope > 0 {
					scope--
					if scope < negationWindow {
						out.add(bucket(t.hash^salt(saltNeg, l), b), v, int32(i), 1)
					}
				}
			}
			if fam&famStem != 0 {
				if h, ok := stemHash(text[t.start:t.end], int(c.StemLen)); ok {
					out.add(bucket(h^stem, b), v, int32(i), 1)
				}
			}
			prev = t.hash
		}
	}
	if fam&famRules != 0 {
		for cr := Crisis; cr < numCriteria; cr++ {
			sg := &sig[cr]
			if !sg.known {
				continue
			}
			h := uint64(cr)<<1 | uint64(b2i(sg.holds))
			out.add(bucket(h^salt(saltRule, l), b), one, -1, 0)
			out.add(bucket(h^salt(saltRule, allLangs), b), one, -1, 0)
			if sg.key != keyNone {
				out.add(bucket(uint64(sg.key)^salt(saltRuleKey, allLangs), b), one, -1, 0)
			}
		}
		x := int64(math.Round(math.Tanh(margin/4) * one))
		out.add(bucket(salt(saltMargin, l), b), x, -1, 0)
		out.add(bucket(salt(saltMargin, allLangs), b), x, -1, 0)
	}
	if fam&famQuestion != 0 {
		q := min(questions, 2)
		out.add(bucket(uint64(q)^salt(saltQuestion, l), b), one, -1, 0)
	}
	if fam&famClock != 0 && closeClocks(text, toks, from, to) {
		out.add(bucket(salt(saltClock, l), b), one, -1, 0)
		out.add(bucket(salt(saltClock, allLangs), b), one, -1, 0)
	}
	if fam&famShape != 0 {
		out.add(bucket(uint64(bits.Len(uint(len(toks))))^salt(saltLength, l), b), one, -1, 0)
		out.add(bucket(uint64(bits.Len(uint(people)))^salt(saltPeople, allLangs), b), one, -1, 0)
	}
}

// stemHash hashes a word's first n bytes in normal form (lower case,
// accents folded); false when the word is no longer than that, and its
// stem is the word itself.
func stemHash(w string, n int) (uint64, bool) {
	if len(w) <= n { // folding does not lengthen a word ("œ", "ß" are two bytes already)
		return 0, false
	}
	h, k := uint64(fnvOffset), 0
	if n < 16 { // most words: their first n+1 bytes are plain letters
		var lower [16]byte
		plain := byte(1)
		for i := range n + 1 {
			lower[i] = wordByte[w[i]]
			plain &= b2u8(lower[i] != 0)
		}
		if plain != 0 {
			for _, c := range lower[:n] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			return h, true
		}
	}
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			i++
			if c = wordByte[c]; c == 0 { // an apostrophe, a joiner: not part of the word's letters
				continue
			}
			if k == n {
				return h, true
			}
			h = (h ^ uint64(c)) * fnvPrime
			k++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		f := fold(r)
		if f == "" {
			f = string(utf8.AppendRune(buf[:0], r))
		}
		for j := range len(f) {
			if k == n {
				return h, true
			}
			h = (h ^ uint64(f[j])) * fnvPrime
			k++
		}
	}
	return h, false
}

// modelClass is a reason the model can name: the class numbers are the
// generator's (internal/modelgen), four bits on each side.
type modelClass struct {
	crit Criterion
	key  reasonKey
	// holds is what the class says of its criterion, for the tips and the
	// channels: "not urgent" is Urgent known not to hold.
	holds bool
}

var syncClasses = [learn.NumClasses]modelClass{
	1: {Crisis, keyCrisis, true}, 2: {Urgent, keyUrgent, true}, 3: {Sensitive, keySensitive, true},
	4: {Brainstorm, keyBrainstorm, true}, 5: {Rapport, keyRapport, true}, 6: {Kickoff, keyKickoff, true},
	7: {Stalled, keyStalled, true},
}

var asyncClasses = [learn.NumClasses]modelClass{
	1: {Urgent, keyNotUrgent, false}, 2: {Complex, keyComplex, true}, 3: {Reply, keyReply, true},
	4: {TimeZones, keyTimeZones, true}, 5: {People, keyPeople, true}, 6: {Context, keyContext, true},
	7: {Context, keyContextPast, true}, 8: {Ping, keyPing, true}, 9: {Crisis, keyCrisisHypothetical, false},
	10: {SelfPaced, keySelfPaced, true}, 11: {Default, keyDefault, true},
}

// maxModelWords is how many of the draft's phrases a model reason quotes.
const maxModelWords = 3

// explain names what the model read on side m: the class its word
// features on that side vote for (each by its contribution), skipping the
// criteria a person set, and the draft's words that pushed hardest for
// it. The weight is the sum of the class's contributions.
//
// When the rules found reasons on that side, and the model's words vote for
// one of them, that one is named: the model then only weighed in beside the
// rules. Words that mean nothing alone ("and", "le", "die": a language's
// stop words) are not quoted.
func explain(mdl *learn.Model, f *features, text string, toks []token, l lang, m Mode, flags map[Criterion]bool, found []Reason) (modelClass, []string, float64) {
	classes, sign, shift := &asyncClasses, float32(-1), 0
	if m == Sync {
		classes, sign, shift = &syncClasses, 1, 4
	}
	var votes [learn.NumClasses]float64
	for i, ft := range f.fs {
		if f.tok[i] < 0 {
			continue
		}
		c := mdl.Classes[ft.Index] >> shift & 15
		if x := sign * mdl.Weight(ft.Index) * ft.Value; x > 0 && classes[c].key != keyNone {
			if _, set := flags[classes[c].crit]; !set {
				votes[c] += float64(x)
			}
		}
	}
	best, bestFound := 0, 0
	for c := range votes {
		if votes[c] > votes[best] {
			best = c
		}
		if votes[c] > votes[bestFound] && classes[c].key != keyNone && rulesFound(found, classes[c].crit, m) {
			bestFound = c
		}
	}
	if bestFound != 0 {
		best = bestFound
	}
	class := classes[best]
	if best == 0 { // nothing on this side but the bias: the plainest reason of the side
		class = modelClass{Default, keyDefault, true}
		if m == Sync {
			class = syncClasses[2]
		}
	}
	lex := lexicons[l]()
	type pick struct {
		x     float32
		first int32
		last  int32
	}
	// Three tries, each less strict, until some word pushed this way: the
	// class's telling words, the class's words, the side's words.
	var top [maxModelWords]pick
	for try := 0; try < 3 && top[0].x <= 0; try++ {
		for i, ft := range f.fs {
			first := f.tok[i] - int32(f.span[i]) + 1
			if f.tok[i] < 0 || (try < 2 && best != 0 && int(mdl.Classes[ft.Index]>>shift&15) != best) ||
				(try == 0 && !telling(lex, toks, first, f.tok[i])) {
				continue
			}
			x := sign * mdl.Weight(ft.Index) * ft.Value
			if x <= top[maxModelWords-1].x {
				continue
			}
			k := maxModelWords - 1
			for k > 0 && top[k-1].x < x {
				top[k] = top[k-1]
				k--
			}
			top[k] = pick{x, first, f.tok[i]}
		}
	}
	// Quote them in the draft's order, overlapping phrases as one.
	spans := make([][2]int32, 0, maxModelWords)
	for _, p := range top {
		if p.x > 0 {
			spans = append(spans, [2]int32{p.first, p.last})
		}
	}
	slices.SortFunc(spans, func(a, b [2]int32) int { return int(a[0] - b[0]) })
	words := make([]string, 0, len(spans))
	for i := 0; i < len(spans); i++ {
		first, last := spans[i][0], spans[i][1]
		for i+1 < len(spans) && spans[i+1][0] <= last+1 {
			last = max(last, spans[i+1][1])
			i++
		}
		w := text[toks[first].start:toks[last].end]
		if !containsFold(words, w) {
			words = append(words, w)
		}
	}
	return class, words, votes[best]
}

// readFeatures is learn.Read: the generator's view of a draft, read by the
// very code a verdict reads it with.
func readFeatures(text string, people int, c learn.Config) (int, []learn.Feature) {
	n := normalize(Situation{Text: text, People: people})
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	l, g := read(n.Text, sc)
	if g == guessScript || g > guessES {
		return -1, nil
	}
	ts := decide(sc.hits, n.Text)
	var sig [numCriteria]signal
	group := fill(&sig, &n, &ts, false, false, reasonArgs{})
	featurize(&c, nil, true, l, sc.toks, n.Text, sc.questions, &sig, margin(&sig, group), n.people, &sc.feats)
	return int(l), slices.Clone(sc.feats.fs)
}

// maxClocks is how many clock times closeClocks compares.
const maxClocks = 8

// closeClocks tells whether the words the model reads (from, to: see
// featurize) name two clock times less than an hour and a quarter apart:
// "the wire has to go out by 2pm, it's 1:15", "l'audience est à 14h, il
// est 13h20". A deadline that close is time pressure in any words; the
// times are compared on a twelve-hour dial, as "3:20" may be the
// afternoon.
func closeClocks(text string, toks []token, from, to [2]int) bool {
	var at [maxClocks]int
	n := 0
	for part := range 2 {
		for i := from[part]; i < to[part] && n < maxClocks; i++ {
			if !toks[i].num {
				continue
			}
			next := ""
			if i+1 < len(toks) {
				next = text[toks[i+1].start:toks[i+1].end]
			}
			if m, ok := clockTime(text[toks[i].start:toks[i].end], next); ok {
				at[n] = m
				n++
			}
		}
	}
	for i := range n {
		for j := range i {
			d := (at[i] - at[j] + 24*60) % (12 * 60)
			if d = min(d, 12*60-d); d > 0 && d <= 75 {
				return true
			}
		}
	}
	return false
}

// clockTime reads a clock time in minutes from a word that starts with a
// digit, and the word after it: "14:30", "2pm", "2:30pm", "14h", "13h20",
// "12 Uhr", "3 pm". A bare number is no time.
func clockTime(w, next string) (int, bool) {
	h, i := 0, 0
	for i < len(w) && isDigit(w[i]) && i < 2 {
		h = 10*h + int(w[i]-'0')
		i++
	}
	if i == 0 || h > 24 || (i < len(w) && isDigit(w[i])) {
		return 0, false
	}
	m, rest := 0, w[i:]
	switch {
	case len(rest) == 3 && rest[0] == ':' && isDigit(rest[1]) && isDigit(rest[2]),
		len(rest) == 3 && (rest[0] == 'h' || rest[0] == 'H') && isDigit(rest[1]) && isDigit(rest[2]):
		m = int(rest[1]-'0')*10 + int(rest[2]-'0')
		rest = ""
	case len(rest) == 5 && rest[0] == ':' && isDigit(rest[1]) && isDigit(rest[2]):
		m = int(rest[1]-'0')*10 + int(rest[2]-'0')
		rest = rest[3:]
	case rest == "h" || rest == "H":
		rest = ""
	case rest == "":
		switch strings.ToLower(next) {
		case "am", "pm", "uhr", "h":
			rest = strings.ToLower(next)
		default:
			return 0, false
		}
	}
	switch strings.ToLower(rest) {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "", "am", "uhr", "h":
	default:
		return 0, false
	}
	if m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// rulesFound tells whether the rules gave a reason for c on side m that
// quotes the draft.
func rulesFound(found []Reason, c Criterion, m Mode) bool {
	for _, r := range found {
		if r.Criterion == c && r.Leans == m && len(r.Words) > 0 {
			return true
		}
	}
	return false
}

// telling tells whether the words from toks[first] to toks[last] say
// something alone: at least one is no stop word, or is a negator ("not",
// "kein": stop words that tell).
func telling(lex *lexicon, toks []token, first, last int32) bool {
	stops := stopTable()
	for k := max(first, 0); k <= last; k++ {
		h := toks[k].hash
		if _, stop := stops.get(h); !stop || lex.classOf(h) == negator {
			return true
		}
	}
	return false
}

func b2u8(b bool) byte {
	if b {
		return 1
	}
	return 0
}
