package advisor

import (
	"math"
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
	eos        bool  // a sentence break (. ! ? or a new line) comes before it
	num        bool  // starts with a digit
}

// Byte classes for the ASCII fast path of tokenize.
const (
	space      = iota // ends a word
	letter            // a-z, 0-9
	upper             // A-Z
	breaker           // ends a clause: , ; : brackets
	ender             // ends a sentence: . ! ? new lines
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
		case strings.IndexByte(",;:()[]{}", byte(c)) >= 0:
			t[c] = breaker
		case strings.IndexByte(".!?\n\r", byte(c)) >= 0:
			t[c] = ender
		}
	}
	t['\''], t['-'], t['@'] = apostrophe, hyphen, at
	return t
}()

// tokenizer is the state of one pass over a draft.
type tokenizer struct {
	toks     []token
	h        uint64
	in       bool
	start    int
	brk, eos bool
	// hints counts the letters that only some languages write (ß, ñ, ç...),
	// and foreign the letters of scripts other than Latin, for detect.
	hints   [numGuesses]int32
	foreign int32
	// questions counts the question marks, for the word model.
	questions int
}

func (z *tokenizer) add(i int, b byte) {
	if !z.in {
		z.in, z.start, z.h = true, i, fnvOffset
	}
	z.h = (z.h ^ uint64(b)) * fnvPrime
}

func (z *tokenizer) end(text string, i int) {
	if !z.in {
		return
	}
	// Filled in place: a token built aside and copied in is stored field
	// by field and then loaded whole, and the load waits for the stores.
	z.toks = append(z.toks, token{})
	t := &z.toks[len(z.toks)-1]
	t.hash, t.start, t.end = z.h, int32(z.start), int32(i)
	t.brk, t.eos, t.num = z.brk, z.eos, isDigit(text[z.start])
	z.in, z.brk, z.eos = false, false, false
}

// word consumes a run of ASCII letters and digits, the common case, in one
// tight loop, and returns where it stopped.
func (z *tokenizer) word(text string, i int) int {
	if !z.in {
		z.in, z.start, z.h = true, i, fnvOffset
	}
	h := z.h
	for ; i < len(text); i++ {
		c := wordByte[text[i]]
		if c == 0 {
			break
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	z.h = h
	return i
}

// words reads the plain ASCII words that start at i, each ended by a
// space, most of a draft, with its state in registers: a word ended by
// anything else is left open in z for run to go on with. It returns where
// it stopped.
func (z *tokenizer) words(text string, i int) int {
	toks, brk, eos := z.toks, z.brk, z.eos
	for i < len(text) {
		c := wordByte[text[i]]
		if c == 0 {
			break
		}
		start, h, num := i, (fnvOffset^uint64(c))*fnvPrime, isDigit(c)
		for i++; i < len(text); i++ {
			c := wordByte[text[i]]
			if c == 0 {
				break
			}
			h = (h ^ uint64(c)) * fnvPrime
		}
		// The word ends at a space, or at a mark and a space (", ", ". "),
		// as run would end it there; anything else is run's to read.
		end, mark := i, byte(0)
		if i == len(text) || text[i] != ' ' && !endsAt(text, i) {
			z.toks, z.brk, z.eos = toks, brk, eos
			z.in, z.start, z.h = true, start, h
			return i
		}
		if text[i] != ' ' {
			mark, i = text[i], i+1
		}
		toks = append(toks, token{})
		t := &toks[len(toks)-1]
		t.hash, t.start, t.end = h, int32(start), int32(end)
		t.brk, t.eos, t.num = brk, eos, num
		brk, eos = mark != 0, mark != 0 && asciiClass[mark] == ender
		z.questions += b2i(mark == '?')
		i++
	}
	z.toks, z.brk, z.eos = toks, brk, eos
	return i
}

// endsAt tells whether the mark at i ends a clause or a sentence and is
// followed by a space, so that it ends the word before it.
func endsAt(text string, i int) bool {
	c := text[i]
	return c < utf8.RuneSelf && (asciiClass[c] == breaker || asciiClass[c] == ender) && i+1 < len(text) && text[i+1] == ' '
}

// wordByte is each byte of an ASCII word (a-z, A-Z, 0-9) in lower case,
// and 0 for every other byte: one lookup both tests and lowers.
var wordByte = func() (t [256]byte) {
	for c := range utf8.RuneSelf {
		switch asciiClass[c] {
		case letter:
			t[c] = byte(c)
		case upper:
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// tokenize appends the draft's words to toks. A hyphen or an apostrophe
// inside a word joins ("kick-off" reads as "kick off", "don't" as "dont"),
// except after a French elided article or pronoun ("l'équipe" is "l équipe",
// "n'est" is "n est"); a colon, point or comma between digits stays in the
// number ("1:1", "2.3").
func tokenize(text string, toks []token) []token {
	z := tokenizer{toks: toks}
	z.run(text)
	return z.toks
}

func (z *tokenizer) run(text string) {
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			i += z.rune(text, i)
			continue
		}
		switch asciiClass[c] {
		case letter, upper:
			if !z.in {
				i = z.words(text, i)
				continue
			}
			i = z.word(text, i)
			if i < len(text) && text[i] == ' ' { // the usual end of a word, without another turn of the loop
				z.end(text, i)
				i++
			}
			continue
		case at:
			if !z.in {
				z.add(i, c)
			}
		case apostrophe:
			// dropped: inside a word it joins ("don't" is "dont"), and a
			// quote around words changes nothing
			z.elide(i, text, i+1)
		case hyphen:
			z.end(text, i)
			if i+1 >= len(text) || !isWordByte(text[i+1]) || i == 0 || !isWordByte(text[i-1]) {
				z.brk = true
			}
		case breaker, ender:
			if z.in && (c == ':' || c == '.' || c == ',') && isDigit(text[i-1]) && i+1 < len(text) && isDigit(text[i+1]) {
				z.add(i, c)
				break
			}
			z.end(text, i)
			z.brk = true
			z.eos = z.eos || asciiClass[c] == ender
			z.questions += b2i(c == '?')
		default:
			z.end(text, i)
		}
		i++
	}
	z.end(text, len(text))
}

// elided are the French words that lose their vowel before another word:
// "l'", "d'", "n'", "t'", "qu'"... Read as words of their own, "c'est" is
// "c est" and "d'urgence" is "d urgence", as a French reader sees them.
// English has no contraction that starts with one of them, except "c'mon".
var elided = func() (m [9]uint64) {
	for i, w := range []string{"l", "d", "n", "c", "j", "m", "s", "t", "qu"} {
		h := uint64(fnvOffset)
		for _, b := range []byte(w) {
			h = (h ^ uint64(b)) * fnvPrime
		}
		m[i] = h
	}
	return m
}()

// elide ends the word at the apostrophe at i when the word is an elided
// French article or pronoun and a letter follows at next.
func (z *tokenizer) elide(i int, text string, next int) {
	if !z.in || i-z.start > 2 || next >= len(text) || !isWordByte(text[next]) {
		return
	}
	for _, h := range elided {
		if z.h == h {
			z.end(text, i)
			return
		}
	}
}

// rune handles a non-ASCII character and returns its size.
func (z *tokenizer) rune(text string, i int) int {
	// The accented letters of the four languages, U+00C0 to U+00FF, are most
	// of the non-ASCII in a draft: read at once, without the general tables.
	if text[i] == 0xC3 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		if r := rune(0xC0 | text[i+1]&0x3F); r != '×' && r != '÷' {
			if r <= 'Þ' { // À..Þ lower by 0x20; ß has no capital here
				r += 0x20
			}
			z.hint(r)
			if f := fold(r); f != "" {
				for j := range len(f) {
					z.add(i, f[j])
				}
			} else {
				z.add(i, 0xC3)
				z.add(i, 0x80|byte(r&0x3F))
			}
			return 2
		}
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case (r == '’' || r == 'ʼ' || r == '‘') && z.in:
		z.elide(i, text, i+size)
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		r = unicode.ToLower(r)
		z.hint(r)
		if f := fold(r); f != "" {
			for j := range len(f) {
				z.add(i, f[j])
			}
			break
		}
		var b [utf8.UTFMax]byte
		for _, x := range utf8.AppendRune(b[:0], r) {
			z.add(i, x)
		}
	case r == '—' || r == '–' || r == '•':
		z.end(text, i)
		z.brk = true
	case unicode.Is(unicode.So, r):
		// an emoji closes a thought as a full stop does: "can't log in 😱 call me"
		z.end(text, i)
		z.brk, z.eos = true, true
	case r == '…' || r == '¿' || r == '¡' || r == '。' || r == '！' || r == '？':
		z.end(text, i)
		z.brk, z.eos = true, true
		if r == '¿' || r == '¡' {
			z.hints[guessES] += 2
		}
		z.questions += b2i(r == '¿')
	default:
		z.end(text, i)
	}
	return size
}

// fold writes a Latin letter without its accent: chat drops accents ("esta
// caido" for "está caído", "tres urgent" for "très urgent"), so the cues
// are compared without them. Ñ stays: "año" is not "ano".
func fold(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return "a"
	case 'ç':
		return "c"
	case 'è', 'é', 'ê', 'ë':
		return "e"
	case 'ì', 'í', 'î', 'ï':
		return "i"
	case 'ò', 'ó', 'ô', 'õ', 'ö':
		return "o"
	case 'ù', 'ú', 'û', 'ü':
		return "u"
	case 'œ':
		return "oe"
	case 'æ':
		return "ae"
	case 'ß':
		return "ss"
	}
	return ""
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
	roots rootMap
	edges wordMap // edgeKey(from, word) -> to, below the roots
	// maybe is a one-bit-per-bucket filter of the root words: in a
	// language that reads compounds, a word that starts no phrase is
	// looked into for a head.
	maybe [1 << 10]uint64
	// starts is a one-bit-per-bucket filter of how phrases begin: a root
	// and a word that follows it, a root that needs nothing after it
	// (alone), a root a number may follow. Most roots are common words
	// ("the", "is", "we") that begin a phrase with only a few next words:
	// this passes over them on a bit or two of a small table, where the
	// root table is too big to stay in the nearest cache.
	starts [1 << 10]uint64
	cues   []cue
	class  map[uint64]wordClass
	// classFilter has one bit per hash of a word in class, so that the
	// word model's negation scope passes most words without a map lookup.
	// The hash is spread by a multiply first: the top bits of a short
	// word's FNV hash vary little, and taken as they are, common words
	// ("de", "la", "the") shared bits with the negators.
	classFilter [16]uint64
	// numbers are the number words of time phrases: "twenty", "an", "zwanzig".
	numbers map[uint64]float64
	// heads are the words a compound may end with and be read as
	// ("Produktionsdatenbank" as "datenbank"): the hash of each head's
	// normal form read backwards, mapped to its hash read forwards. Empty
	// for languages that write compounds apart.
	heads map[uint64]uint64
	// headSizes has bit n set when some head is n bytes long, and
	// headFilter one bit per backward hash, so that most suffixes are
	// rejected without a map lookup.
	headSizes  uint64
	headFilter [4]uint64
	// headEnds has one bit per hash of a head's last four bytes: most
	// long words end in no head's four letters and are passed over at once.
	headEnds         [256]uint64
	minHead, maxHead int
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

// rootMap is a frozen table of the words that start a phrase. Each slot
// carries a copy of its node's filter of following words, so that a root
// whose phrases cannot go on from here ("the", "is", "we", mostly) is passed
// over without touching the trie: the node array and the edge table are
// megabytes, and a miss in them costs more than the rest of the word.
type rootMap struct {
	slots []rootSlot
	shift uint
}

type rootSlot struct {
	key    uint64
	node   int32 // node+1; 0 marks an empty slot
	always bool  // the root ends a phrase or has a wildcard edge: always walk
	num    bool  // a number may follow
	next   [2]uint64
}

func freezeRoots(m map[uint64]int32, nodes []node) rootMap {
	size, shift := 16, uint(60)
	for size < 2*len(m) {
		size, shift = size*2, shift-1
	}
	r := rootMap{make([]rootSlot, size), shift}
	for k, v := range m {
		i := (k * 0x9E3779B97F4A7C15) >> shift
		for r.slots[i].node != 0 {
			i = (i + 1) & uint64(size-1)
		}
		n := &nodes[v]
		r.slots[i] = rootSlot{k, v + 1, n.terminal || n.hasAny, n.hasNum, n.next}
	}
	return r
}

func (r *rootMap) get(k uint64) *rootSlot {
	mask := uint64(len(r.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> r.shift; ; i = (i + 1) & mask {
		s := &r.slots[i]
		if s.node == 0 {
			return nil
		}
		if s.key == k {
			return s
		}
	}
}

// mayGo tells whether a phrase from this root can match at toks[k].
func (s *rootSlot) mayGo(toks []token, k int) bool {
	if s.always {
		return true
	}
	if k == len(toks) || toks[k].brk {
		return false
	}
	h := toks[k].hash
	return s.next[h>>63]&(1<<(h>>57&63)) != 0 || s.num && toks[k].num
}

// node is a point in the trie; a terminal node ends a phrase.
type node struct {
	terminal       bool
	hasNum, hasAny bool // wildcard edges leave this node
	// negated marks a phrase that carries its own negation ("can't agree",
	// "no need to call"): a negator before it does not flip it again.
	negated bool
	cue     uint16 // what the phrase ending here means: an index in lexicon.cues
	// next is a 128-bit filter of the words that follow this node: most
	// dead ends are found without a map lookup.
	next [2]uint64
}

func (n *node) mayFollow(h uint64) bool { return n.next[h>>63]&(1<<(h>>57&63)) != 0 }

// cueKind is what kind of thing a phrase says.
type cueKind uint8

const (
	// plain: a criterion holds, or it does not ("the site is down", "no rush").
	plain cueKind = iota
	// idiom: a phrase that contains a cue word but means nothing here ("down
	// 4%", "critical path"); matching it consumes the words.
	idiom
	// within: a time from now ("in 20 minutes", "in 3 hours"). Within the
	// hour it is urgent; later the same day it is a deadline for written
	// work; later still it is not urgent.
	within
	// ago: a time back from now ("10 minutes ago", "3 days ago"). A few hours
	// back it is part of what is happening; further back it is the past.
	ago
	// present marks a sentence about what is happening now ("right now",
	// "still", "again", "since this morning").
	present
	// past marks a sentence about what happened before ("yesterday", "last
	// week's"): an outage in it is a recap, not a crisis.
	past
	// hypothetical marks a clause about what might happen ("if", "in case"):
	// an outage in it is a plan, not a crisis.
	hypothetical
	// retro is a context cue that makes the whole draft look back
	// ("postmortem", "recap"), unless something in it is happening now.
	retro
)

// cue is what a phrase means.
type cue struct {
	crit  Criterion
	holds bool
	kind  cueKind
	key   reasonKey // the reason to give, when it says more than the table's; 0 for the table's
	unit  float64   // within and ago: minutes per unit of the phrase's number
}

type wordClass uint8

const (
	negator  wordClass = iota + 1 // flips a cue a few words later
	scopeEnd                      // "but": a negation before it does not reach past it
)

// negationWindow is how many words before a cue a negator may stand:
// "not urgent", "isn't an emergency", "don't need an answer today".
const negationWindow = 3

// classOf is a word's class, 0 for most words.
func (l *lexicon) classOf(h uint64) wordClass {
	if b := h * 0x9E3779B97F4A7C15 >> 54; l.classFilter[b>>6]&(1<<(b&63)) == 0 {
		return 0
	}
	return l.class[h]
}

// alone stands for no next word in the starts filter: it is not the hash
// of a word (those are nowhere near so small), and if one were, it would
// only let a word through the filter, never change what is read.
const alone = 2

// startBit is the bit of a root and its next word in lexicon.starts. The
// words' hashes are well mixed already: one multiply spreads the next
// word's, and none is left for alone, a constant.
func startBit(root, next uint64) uint64 {
	return (root ^ next*0x9E3779B97F4A7C15) >> 48
}

func (l *lexicon) addStart(root, next uint64) {
	b := startBit(root, next)
	l.starts[b>>6] |= 1 << (b & 63)
}

func (l *lexicon) hasStart(root, next uint64) bool {
	b := startBit(root, next)
	return l.starts[b>>6]&(1<<(b&63)) != 0
}

func (l *lexicon) mightStart(h uint64) bool {
	b := h >> 48
	return l.maybe[b>>6]&(1<<(b&63)) != 0
}

// hit is one cue found in the draft.
type hit struct {
	crit       Criterion
	holds      bool
	kind       cueKind
	key        reasonKey
	start, end int32 // the words that triggered it, negator included
	tok        int32 // its first word, an index in the draft's tokens
}

// scratch holds one reading's buffers; pooled, so a verdict allocates only
// what it returns.
type scratch struct {
	toks      []token
	hits      []hit
	feats     features
	questions int // in the draft, "?" and "¿"
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

// scan tokenizes the draft into sc and detects its language.
func (sc *scratch) scan(text string) guess {
	// The tokenizer lives on the stack: kept in the pooled scratch, every
	// word appended would store the slice through the heap.
	z := tokenizer{toks: sc.toks[:0]}
	z.run(text[:min(len(text), maxDraft)])
	sc.toks, sc.questions = z.toks, z.questions
	return detect(z.toks, &z.hints, z.foreign)
}

// read finds the cues in the scanned draft. At each word the longest phrase
// wins and consumes its words, so "incident review" is a recap, never an
// incident. Time and mood markers ("yesterday", "right now", "if") are
// found the same way; settle then reads each outage in their light.
func (l *lexicon) read(text string, sc *scratch) []hit {
	toks := sc.toks
	hits := sc.hits[:0]
	floor := 0 // words before floor belong to an earlier cue and negate nothing
	for i := 0; i < len(toks); {
		var m match
		if i, m = l.next(text, toks, i); i == len(toks) {
			break
		}
		c := &l.cues[l.nodes[m.node].cue]
		h := hit{c.crit, c.holds, c.kind, c.key, toks[i].start, toks[m.end-1].end, int32(i)}
		switch c.kind {
		case plain, retro:
			if !l.nodes[m.node].negated {
				neg, from := l.negated(toks, i, floor)
				h.holds, h.start = c.holds != neg, toks[from].start
			}
			hits = append(hits, h)
		case within:
			switch minutes := l.number(text, toks[i:m.end]) * c.unit; {
			case minutes <= 60:
				h.holds, h.key = true, keyUrgentWithin
			case minutes <= 12*60:
				h.holds, h.key = false, keyUrgentDeadline
			default:
				h.holds = false
			}
			hits = append(hits, h)
		case ago:
			h.kind = past
			if l.number(text, toks[i:m.end])*c.unit <= 3*60 {
				h.kind = present
			}
			hits = append(hits, h)
		case present, past, hypothetical:
			hits = append(hits, h)
		}
		floor, i = m.end, m.end
	}
	settle(hits, toks)
	sc.hits = hits
	return hits
}

// next finds the first word from i on that starts a phrase, and the
// longest phrase there; len(toks) when none does. Most words start none:
// the search is a loop of its own, so that it keeps what it needs in
// registers, apart from the work of a hit.
func (l *lexicon) next(text string, toks []token, i int) (int, match) {
	for ; i < len(toks); i++ {
		m := match{end: i}
		h := toks[i].hash
		// The word after, as the starts filter knows it: phrases never
		// cross a clause break.
		next, num := uint64(alone), false
		if k := i + 1; k < len(toks) && !toks[k].brk {
			next, num = toks[k].hash, toks[k].num
		}
		if l.heads != nil && !l.mightStart(h) {
			if h, ok := l.head(text, &toks[i]); ok {
				if s := l.roots.get(h); s != nil && s.mayGo(toks, i+1) {
					l.walk(toks, s.node-1, i, i+1, &m)
				}
			}
		} else if l.hasStart(h, alone) || l.hasStart(h, next) || num && l.hasStart(h, numWord) {
			// A phrase may begin here: the root table says whether one does.
			if s := l.roots.get(h); s != nil && s.mayGo(toks, i+1) {
				l.walk(toks, s.node-1, i, i+1, &m)
			}
		}
		if toks[i].num { // "20 minutes ago"
			if s := l.roots.get(numWord); s != nil && s.mayGo(toks, i+1) {
				l.walk(toks, s.node-1, i, i+1, &m)
			}
		}
		if m.end > i {
			return i, m
		}
	}
	return i, match{}
}

// maxCompound is the longest compound, in bytes, that head looks into.
const maxCompound = 48

// head finds the head of a compound word: German compounds end with the
// word they are a kind of ("Produktionsdatenbank" is a "Datenbank",
// "Netzwerkstörung" a "Störung"), so a compound is read as its head when no
// cue starts with the whole word. The word's suffixes are hashed in one
// pass from its end, so a long word costs one step per byte of its longest
// possible head, not one hash per head.
func (l *lexicon) head(text string, t *token) (uint64, bool) {
	w := text[t.start:t.end]
	if len(w) < l.minHead+3 || len(w) > maxCompound {
		return 0, false
	}
	if e := ending(w); e >= 0 && l.headEnds[e>>6]&(1<<(e&63)) == 0 {
		return 0, false
	}
	// Letters and digits only, mostly: or-ing 0x20 lowers a letter. A
	// word all in ASCII is read in place; another is written out in its
	// normal form first.
	var or byte
	for i := range len(w) {
		or |= w[i]
	}
	if or < utf8.RuneSelf {
		return suffixHead(l, w, 0x20)
	}
	var buf [2 * maxCompound]byte
	word := buf[:0]
	for _, r := range w {
		if r < utf8.RuneSelf {
			word = append(word, byte(r)|0x20)
			continue
		}
		r = unicode.ToLower(r)
		if f := fold(r); f != "" {
			word = append(word, f...)
		} else {
			word = utf8.AppendRune(word, r)
		}
	}
	return suffixHead(l, word, 0)
}

// suffixHead hashes word's suffixes from its last byte, each byte or-ed
// with lower, and returns the forward hash of the shortest that is a head.
func suffixHead[W string | []byte](l *lexicon, word W, lower byte) (uint64, bool) {
	h := uint64(fnvOffset)
	for n := 1; n+3 <= len(word) && n <= l.maxHead; n++ {
		h = (h ^ uint64(word[len(word)-n]|lower)) * fnvPrime
		if l.headSizes&(1<<n) == 0 || l.headFilter[h>>62]&(1<<(h>>56&63)) == 0 {
			continue
		}
		if fwd, ok := l.heads[h]; ok {
			return fwd, true
		}
	}
	return 0, false
}

// ending is a 14-bit hash of a word's last four bytes, lower case; -1 when
// one of them is not ASCII, and the word must be looked at in full.
func ending(w string) int {
	var v uint32
	for _, c := range []byte(w[len(w)-4:]) {
		if c >= utf8.RuneSelf {
			return -1
		}
		v = v<<8 | uint32(c|0x20)
	}
	return int(v * 2654435761 >> 18)
}

// backHash hashes a normal-form word from its last byte to its first, as
// head reads suffixes.
func backHash(w string) uint64 {
	h := uint64(fnvOffset)
	for i := len(w) - 1; i >= 0; i-- {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return h
}

// number reads the amount in a time phrase: its digits ("20"), or a number
// word ("twenty", "an", "zwanzig"); 1 when it has neither ("within the hour").
func (l *lexicon) number(text string, toks []token) float64 {
	for _, t := range toks {
		if t.num {
			n := 0.0
			for _, c := range []byte(text[t.start:t.end]) {
				if !isDigit(c) {
					break
				}
				n = 10*n + float64(c-'0')
			}
			return n
		}
		if n, ok := l.numbers[t.hash]; ok {
			return n
		}
	}
	return 1
}

// settle reads each outage in the light of its sentence. In a sentence about
// now ("still", "10 minutes ago") or with urgency in it ("asap") it stays a
// crisis. In a clause about what might happen ("if the database goes down")
// it is not a crisis. In a sentence about the past ("last week's outage"),
// or in a recap or postmortem with nothing happening now, it is context:
// read it, no one needs to drop everything.
func settle(hits []hit, toks []token) {
	anyNow, anyRetro := false, false
	for i := range hits {
		anyNow = anyNow || hits[i].kind == present
		anyRetro = anyRetro || hits[i].kind == retro && hits[i].holds
	}
	n := len(hits)
	for i := range n {
		h := &hits[i]
		if h.crit != Crisis || !h.holds || h.kind != plain {
			continue
		}
		// The sentence is the words from the last sentence break before
		// the outage to the next one after it.
		first, last := h.tok, h.tok+1
		for first > 0 && !toks[first].eos {
			first--
		}
		for int(last) < len(toks) && !toks[last].eos {
			last++
		}
		// The time marker nearest the outage speaks for it: in "the outage
		// last week is now in the wiki", "last week" dates the outage and
		// "now" the wiki page; on a tie, the one before it.
		now, then, hypo := -1, -1, -1
		nearest := int32(math.MaxInt32)
		for j := range n {
			m := &hits[j]
			if m.tok < first || m.tok >= last {
				continue
			}
			d := max(m.start-h.end, h.start-m.end, 0) // bytes between them
			switch {
			case m.kind == present, m.crit == Urgent && m.holds && m.kind != hypothetical:
				if d < nearest {
					now, then, nearest = j, -1, d
				}
			case m.kind == past:
				if d < nearest {
					now, then, nearest = -1, j, d
				}
			case m.kind == hypothetical && m.tok < h.tok && oneClause(toks, m.tok, h.tok):
				hypo = j
			}
		}
		switch {
		case now >= 0:
		case hypo >= 0:
			h.holds, h.key = false, keyCrisisHypothetical
		case then >= 0 || anyRetro && !anyNow:
			h.crit, h.key = Context, keyContextPast
			if then >= 0 {
				hits[then].crit, hits[then].holds, hits[then].kind = Context, true, plain
			}
		}
	}
}

// oneClause tells whether the words at a and b, a first, are in one clause:
// no break comes before any word after a, up to b.
func oneClause(toks []token, a, b int32) bool {
	for k := a + 1; k <= b; k++ {
		if toks[k].brk {
			return false
		}
	}
	return true
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
	for {
		if n.terminal && k > m.end {
			m.node, m.end = at, k
		}
		if k == len(toks) || (k > start && toks[k].brk) {
			return
		}
		if n.hasNum || n.hasAny {
			break
		}
		// One way on, the usual case: followed in this loop, not by a call.
		h := toks[k].hash
		if !n.mayFollow(h) {
			return
		}
		next, ok := l.edges.get(edgeKey(at, h))
		if !ok {
			return
		}
		at, n, k = next, &l.nodes[next], k+1
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
		switch l.classOf(toks[k].hash) {
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
	key          reasonKey
	words        []string
}

// decide weighs the cues per criterion. Several cues may speak; the
// majority wins, and a tie goes to the side that leans async, because sync
// has to be earned. Each criterion keeps the words of its winning side, and
// the reason of its first cue that has one of its own.
func decide(hits []hit, text string) (out [numCriteria]textSignal) {
	if len(hits) == 0 {
		return out
	}
	var yes, no [numCriteria]int
	for _, h := range hits {
		switch {
		case h.kind != plain && h.kind != within && h.kind != retro:
		case h.holds:
			yes[h.crit]++
		default:
			no[h.crit]++
		}
	}
	// Each criterion's words get a section of one backing array, sized by
	// its winning side's count, and are filled in one pass over the hits.
	var from, at [numCriteria]int
	size := 0
	for c := range numCriteria {
		if yes[c]+no[c] == 0 {
			continue
		}
		out[c].known = true
		out[c].holds = yes[c] > no[c] || (yes[c] == no[c] && table[c].yes.leans == Async)
		from[c], at[c] = size, size
		if out[c].holds {
			size += yes[c]
		} else {
			size += no[c]
		}
	}
	words := make([]string, size)
	for _, h := range hits {
		c := h.crit
		if h.holds != out[c].holds || (h.kind != plain && h.kind != within && h.kind != retro) {
			continue
		}
		if out[c].key == 0 {
			out[c].key = h.key
		}
		if w := text[h.start:h.end]; !containsFold(words[from[c]:at[c]], w) {
			words[at[c]] = w
			at[c]++
		}
	}
	for c := range numCriteria {
		if out[c].known {
			out[c].words = words[from[c]:at[c]:at[c]]
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		// Two words whose first letters are plain ASCII and differ in
		// any case are not equal under folding: most pairs are told
		// apart here, without a call.
		if x != "" && s != "" {
			if a, b := x[0]|0x20, s[0]|0x20; a != b && a < utf8.RuneSelf && b < utf8.RuneSelf && isWordByte(a) && isWordByte(b) {
				continue
			}
		}
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// read scans the draft, detects its language and finds its cues in that
// language's lexicon; sc.hits holds them afterwards. A draft with no
// evidence of its language at all (a few content words: "prod down asap")
// is read in each language and taken to be the one that finds the most cues,
// English on a tie. A draft in a language or script the advisor cannot read
// is not read: the guess says which.
func read(text string, sc *scratch) (lang, guess) {
	g := sc.scan(text)
	switch {
	case g <= guessES:
		lexicons[g]().read(text, sc)
		return lang(g), g
	case g != guessNone:
		sc.hits = sc.hits[:0]
		return langEN, g
	}
	best, most := langEN, -1
	for l := range numLangs {
		n := 0
		for _, h := range lexicons[l]().read(text, sc) {
			if h.kind == plain || h.kind == within || h.kind == retro {
				n++
			}
		}
		if n > most {
			best, most = l, n
		}
	}
	if best != numLangs-1 {
		lexicons[best]().read(text, sc)
	}
	return best, guess(best)
}
