package advisor

import (
	"fmt"
	"strings"
	"testing"
)

// TestLexiconsCompile builds every language's lexicon: a phrase listed with
// two meanings, or a pattern that cannot be read, is a programming error
// that compile reports by panicking.
func TestLexiconsCompile(t *testing.T) {
	for l := range numLangs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", langCodes[l], r)
				}
			}()
			if lx := compile(langDefs[l]); len(lx.nodes) < 500 {
				t.Errorf("%s: only %d trie nodes", langCodes[l], len(lx.nodes))
			}
		}()
	}
}

// TestCuesAreShortPhrasesInEveryLanguage keeps every language's cues
// general: a word or a short phrase, never a sentence of a corpus.
func TestCuesAreShortPhrasesInEveryLanguage(t *testing.T) {
	const longest = 8
	for l, def := range langDefs {
		for _, g := range def.groups {
			for _, p := range g.patterns {
				for _, phrase := range expand(p) {
					if n := len(hashPhrase(phrase)); n > longest {
						t.Errorf("%s: cue %q has %d words; keep cues to %d", langCodes[l], phrase, n, longest)
					}
				}
			}
		}
	}
}

var _ = fmt.Sprint
var _ = strings.Fields
