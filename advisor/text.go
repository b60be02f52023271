package advisor

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Reading the draft. Words are compared by a 64-bit FNV-1a hash of their
// normal form (lower case, apostrophes dropped: "Isn't" and "isnt" are one
// word), so the hot path never builds a string. With about two thousand
// distinct cue words, the chance that some other word shares a cue word's
// hash is around 10^-16 per word read, and it would cost one wrong cue, not
// a crash.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// token is one word of the draft.
type token struct {
	hash       uint64
	start, end int32 // byte offsets in the draft, to quote the person's own words
	brk        bool  // a clause break (. , ; ! ? and the like) comes before it
	num        bool  // starts with a digit
}

// Byte classes for the ASCII fast path of tokenize.
const (
	space      = iota // ends a word
	letter            // a-z, 0-9
	upper             // A-Z
	breaker           // ends a clause: . , ; : ! ? brackets, new lines
	apostrophe        // joins inside a word
	hyphen            // joins inside a word, breaks a clause elsewhere
	at                // starts @here, @channel
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = letter
		case 'A' <= c && c <= 'Z':
			t[c] = upper
		case strings.IndexByte(".,;:!?()[]{}\n\r", byte(c)) >= 0:
			t[c] = breaker
		}
	}
	t['\''], t['-'], t['@'] = apostrophe, hyphen, at
	return t
}()

// tokenizer is the state of one pass over a draft.
type tokenizer struct {
	toks  []token
	h     uint64
	in    bool
	start int
	brk   bool
}

func (z *tokenizer) add(i int, b byte) {
	if !z.in {
		z.in, z.start, z.h = true, i, fnvOffset
	}
	z.h = (z.h ^ uint64(b)) * fnvPrime
}

func (z *tokenizer) end(text string, i int) {
	if z.in {
		z.toks = append(z.toks, token{z.h, int32(z.start), int32(i), z.brk, isDigit(text[z.start])})
		z.in, z.brk = false, false
	}
}

// word consumes a run of ASCII letters and digits, the common case, in one
// tight loop, and returns where it stopped.
func (z *tokenizer) word(text string, i int) int {
	if !z.in {
		z.in, z.start, z.h = true, i, fnvOffset
	}
	h := z.h
	for ; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			break
		}
		switch asciiClass[c] {
		case letter:
		case upper:
			c += 'a' - 'A'
		default:
			z.h = h
			return i
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	z.h = h
	return i
}

// tokenize appends the draft's words to toks. A hyphen or an apostrophe
// inside a word joins ("kick-off" reads as "kick off", "don't" as "dont");
// a colon, point or comma between digits stays in the number ("1:1", "2.3").
func tokenize(text string, toks []token) []token {
	z := tokenizer{toks: toks}
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			i += z.rune(text, i)
			continue
		}
		switch asciiClass[c] {
		case letter, upper:
			i = z.word(text, i)
			continue
		case at:
			if !z.in {
				z.add(i, c)
			}
		case apostrophe:
			// dropped: inside a word it joins ("don't" is "dont"), and a
			// quote around words changes nothing
		case hyphen:
			z.end(text, i)
			if i+1 >= len(text) || !isWordByte(text[i+1]) || i == 0 || !isWordByte(text[i-1]) {
				z.brk = true
			}
		case breaker:
			if z.in && (c == ':' || c == '.' || c == ',') && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
				z.add(i, c)
				break
			}
			z.end(text, i)
			z.brk = true
		default:
			z.end(text, i)
		}
		i++
	}
	z.end(text, len(text))
	return z.toks
}

// rune handles a non-ASCII character and returns its size.
func (z *tokenizer) rune(text string, i int) int {
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case (r == '’' || r == 'ʼ' || r == '‘') && z.in:
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		var b [utf8.UTFMax]byte
		for _, x := range utf8.AppendRune(b[:0], unicode.ToLower(r)) {
			z.add(i, x)
		}
	case r == '—' || r == '–' || r == '…' || r == '•':
		z.end(text, i)
		z.brk = true
	default:
		z.end(text, i)
	}
	return size
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' || c >= utf8.RuneSelf
}

// Wildcards in a compiled cue: "#" in a pattern is any number ("in #
// minutes"), "*" any one word ("before the * offsite").
const (
	numWord = iota
	anyWord
)

// lexicon is the compiled cue list: a trie over words, so that finding the
// longest phrase at a word costs one map step per word of the phrase,
// however many phrases share their first words.
type lexicon struct {
	nodes []node
	// roots maps the words that start a phrase to their nodes; kept apart
	// from the deeper edges so that the table read for almost every word
	// stays small and hot in the cache.
	roots wordMap
	edges wordMap // edgeKey(from, word) -> to, below the roots
	// maybe is a one-bit-per-bucket filter of the root words: most words of
	// a draft ("the", "we") are rejected before any map lookup.
	maybe [1 << 10]uint64
	class map[uint64]wordClass
}

// edgeKey folds a trie edge into one 64-bit key.
func edgeKey(from int32, word uint64) uint64 { return word ^ uint64(from)<<40 }

// wordMap is a frozen open-addressing table from 64-bit keys to nodes. The
// keys are hashes already, so one multiply spreads them and a lookup is
// usually a single probe: several times cheaper than a general map on the
// path every word of a draft takes.
type wordMap struct {
	slots []slot
	shift uint
}

type slot struct {
	key  uint64
	node int32 // node+1; 0 marks an empty slot
}

func freeze(m map[uint64]int32) wordMap {
	size, shift := 16, uint(60)
	for size < 2*len(m) {
		size, shift = size*2, shift-1
	}
	w := wordMap{make([]slot, size), shift}
	for k, v := range m {
		i := w.home(k)
		for w.slots[i].node != 0 {
			i = (i + 1) & uint64(size-1)
		}
		w.slots[i] = slot{k, v + 1}
	}
	return w
}

func (w *wordMap) home(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> w.shift }

func (w *wordMap) get(k uint64) (int32, bool) {
	mask := uint64(len(w.slots) - 1)
	for i := w.home(k); ; i = (i + 1) & mask {
		s := &w.slots[i]
		if s.node == 0 {
			return 0, false
		}
		if s.key == k {
			return s.node - 1, true
		}
	}
}

// node is a point in the trie; a terminal node ends a phrase.
type node struct {
	terminal bool
	crit     Criterion
	holds    bool
	// idiom marks a phrase that contains a cue word but means nothing here
	// ("down 4%", "critical path"); matching it consumes the words.
	idiom          bool
	hasNum, hasAny bool // wildcard edges leave this node
	// next is a 128-bit filter of the words that follow this node: most
	// dead ends are found without a map lookup.
	next [2]uint64
}

func (n *node) mayFollow(h uint64) bool { return n.next[h>>63]&(1<<(h>>57&63)) != 0 }

type wordClass uint8

const (
	negator  wordClass = iota + 1 // flips a cue a few words later
	scopeEnd                      // "but": a negation before it does not reach past it
)

// negationWindow is how many words before a cue a negator may stand:
// "not urgent", "isn't an emergency", "don't need an answer today".
const negationWindow = 3

func (l *lexicon) mightStart(h uint64) bool {
	b := h >> 48
	return l.maybe[b>>6]&(1<<(b&63)) != 0
}

// hit is one cue found in the draft.
type hit struct {
	crit       Criterion
	holds      bool
	start, end int32 // the words that triggered it, negator included
}

// reading is what the draft says about each criterion.
type reading struct {
	hits []hit
}

// scratch holds one reading's buffers; pooled, so a verdict allocates only
// what it returns.
type scratch struct {
	toks []token
	hits []hit
}

var scratchPool = sync.Pool{New: func() any { return &scratch{toks: make([]token, 0, 512), hits: make([]hit, 0, 32)} }}

// maxPooledTokens keeps one huge draft from pinning its buffer in the pool.
const maxPooledTokens = 1 << 14

func (sc *scratch) release() {
	if cap(sc.toks) <= maxPooledTokens {
		scratchPool.Put(sc)
	}
}

// maxDraft is how much of a draft is read: far more than any message, and
// it keeps a pasted book from stalling the popup (and offsets within int32).
const maxDraft = 1 << 20

// read finds the cues in text. At each word the longest phrase wins and
// consumes its words, so "incident review" is a recap, never an incident.
func (l *lexicon) read(text string, sc *scratch) reading {
	toks := tokenize(text[:min(len(text), maxDraft)], sc.toks[:0])
	hits := sc.hits[:0]
	floor := 0 // words before floor belong to an earlier cue and negate nothing
	for i := 0; i < len(toks); {
		m := match{end: i}
		if l.mightStart(toks[i].hash) {
			if root, ok := l.roots.get(toks[i].hash); ok {
				l.walk(toks, root, i, i+1, &m)
			}
		}
		if m.end == i {
			i++
			continue
		}
		if c := &l.nodes[m.node]; !c.idiom {
			neg, from := l.negated(toks, i, floor)
			hits = append(hits, hit{c.crit, c.holds != neg, toks[from].start, toks[m.end-1].end})
		}
		floor, i = m.end, m.end
	}
	sc.toks, sc.hits = toks, hits
	return reading{hits}
}

// match is the longest phrase found so far: it ends before toks[end].
type match struct {
	node int32
	end  int
}

// walk follows the trie from node at over toks[k:], remembering the longest
// phrase. Phrases never cross a clause break.
func (l *lexicon) walk(toks []token, at int32, start, k int, m *match) {
	n := &l.nodes[at]
	if n.terminal && k > m.end {
		m.node, m.end = at, k
	}
	if k == len(toks) || (k > start && toks[k].brk) {
		return
	}
	t := &toks[k]
	if n.mayFollow(t.hash) {
		if next, ok := l.edges.get(edgeKey(at, t.hash)); ok {
			l.walk(toks, next, start, k+1, m)
		}
	}
	if n.hasNum && t.num {
		next, _ := l.edges.get(edgeKey(at, numWord))
		l.walk(toks, next, start, k+1, m)
	}
	if n.hasAny {
		next, _ := l.edges.get(edgeKey(at, anyWord))
		l.walk(toks, next, start, k+1, m)
	}
}

// negated looks back from the cue at i for a negator in the same clause.
func (l *lexicon) negated(toks []token, i, floor int) (bool, int) {
	for k, n := i, 0; n < negationWindow && k > floor && !toks[k].brk; n++ {
		k--
		switch l.class[toks[k].hash] {
		case negator:
			return true, k
		case scopeEnd:
			return false, i
		}
	}
	return false, i
}

// textSignal is what the draft says about one criterion.
type textSignal struct {
	known, holds bool
	words        []string
}

// decide weighs the cues per criterion. Several cues may speak; the
// majority wins, and a tie goes to the side that leans async, because sync
// has to be earned. Each criterion keeps the words of its winning side.
func (r *reading) decide(text string) (out [numCriteria]textSignal) {
	if len(r.hits) == 0 {
		return out
	}
	var yes, no [numCriteria]int
	for _, h := range r.hits {
		if h.holds {
			yes[h.crit]++
		} else {
			no[h.crit]++
		}
	}
	words := make([]string, 0, len(r.hits)) // one backing array for every criterion's words
	for c := range numCriteria {
		if yes[c]+no[c] == 0 {
			continue
		}
		holds := yes[c] > no[c] || (yes[c] == no[c] && table[c].yes.leans == Async)
		from := len(words)
		for _, h := range r.hits {
			if w := text[h.start:h.end]; h.crit == c && h.holds == holds && !containsFold(words[from:], w) {
				words = append(words, w)
			}
		}
		out[c] = textSignal{true, holds, words[from:len(words):len(words)]}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
