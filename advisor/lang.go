package advisor

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
)

// Languages. The advisor reads drafts in four languages, each with its own
// cue lists. It detects the language of each draft by its function words
// ("the", "der", "les", "los") and the letters only some languages write
// (ß, ñ, ç), and it knows a few languages it cannot read (Italian,
// Portuguese, Dutch: the ones most easily mistaken for the four) so that it
// can say "this looks like Italian" instead of reading Italian as Spanish.
//
// Why function words and not a trained model (such as lingua-go, 100+ MB):
// a chat message has few words, but almost every sentence has a function
// word, and the most frequent sixty words of a language cover about half of
// its running text. A table of a few hundred words costs a few kilobytes and
// one hash lookup per word, on the hashes the tokenizer already computed.

// The languages the advisor reads, by their ISO 639-1 codes.
const (
	English = "en"
	German  = "de"
	French  = "fr"
	Spanish = "es"
	// Undetermined (BCP 47 "und") marks a draft in a language the advisor
	// cannot read.
	Undetermined = "und"
)

// lang indexes the four languages read.
type lang uint8

const (
	langEN lang = iota
	langDE
	langFR
	langES
	numLangs
)

var langCodes = [numLangs]string{English, German, French, Spanish}

// langIndex maps a language code ("de", "de-AT", "de_DE.UTF-8") to the
// language; anything else is English, the language of the reasons' source.
func langIndex(code string) lang {
	if len(code) >= 2 {
		switch strings.ToLower(code[:2]) {
		case German:
			return langDE
		case French:
			return langFR
		case Spanish:
			return langES
		}
	}
	return langEN
}

// guess is what detect may find: one of the four languages, or one it
// knows only well enough to name.
type guess uint8

const (
	guessEN guess = iota
	guessDE
	guessFR
	guessES
	guessIT
	guessPT
	guessNL
	numGuesses
	guessScript // a script other than Latin
	guessNone   // no evidence at all
)

// stopWords are each language's most frequent short words in chat, the
// ones that carry no topic. A word several languages share counts for each
// of them, divided among them. Accents fold as everywhere in the reading,
// so French "à" is "a", shared with four other languages.
var stopWords = [numGuesses]string{
	guessEN: "the a in is are and to of you it this that we i im ive id ill can for with have be just what not dont " +
		"need please thanks thank hi hey my your our was will at from me do there how all any its get let lets about " +
		"would could should an if they been but so has by up out or know here want when today tomorrow no on " +
		"cant wont isnt youre were theyre hello guys anyone someone again still yet dear regards kind cheers",
	guessDE: "der die das und in ist nicht ich du wir ihr sie es ein eine einen einem einer mit auf für den dem des zu " +
		"im bitte danke kannst können könnt hast habe haben wird sind noch schon auch aber oder wie was mal kurz " +
		"gerade heute dass sich bei vom zum zur hallo moin servus kein keine nur jetzt sofort ob euch uns mir dir " +
		"mich dich gibt wäre bis nach über morgen will an so man hat bin war also gleich läuft geht gern gerne " +
		"vielen leute grüße liebe lieber hi bist da dort hier mein dein unser euer sehr geehrte geehrter " +
		"freundlichen mfg",
	guessFR: "le la les des est et un une je tu nous vous il on pas ne que qui pour avec dans sur du au aux ce " +
		"cette ça sont merci bonjour salut c l d n j qu mais ou très peux pouvez faut tout tous être avoir ai as " +
		"sommes êtes été y plus rien moi toi mon ton votre notre nos vos se sa son ses en de à bonne journée " +
		"besoin avons avez fait faire suis était mes tes ses leur leurs quand comme aussi alors donc ici déjà où " +
		"veuillez cordialement madame monsieur mois svp stp",
	guessES: "el la los las es y a un una que de en por para con no se lo le les su del al está están estoy muy " +
		"pero como qué hola gracias puedes puede podemos hay tengo tenemos hoy ya todo todos nada esto este " +
		"esta eso mi tu nos favor ahora bien también cuando porque mañana necesito vamos estamos sí hacer " +
		"equipo saludos buenas sin hace son ser fue era hemos han he mas donde quien algo otro otra nuestro " +
		"nuestra vuestro os sus usted ustedes vosotros nosotros ellos llevamos estimado estimada saludo atentamente",
	guessIT: "il lo gli di che a è sono non per con una un del della questo questa ciao grazie puoi perché ho abbiamo " +
		"anche molto subito oggi siamo nel alla degli ci mi ti la le e ma sei",
	guessPT: "o os as a não é uma um que de do da em para com por você vocês obrigado obrigada olá está estão tem isso " +
		"isto mas também agora ainda já nós seu sua no na e",
	guessNL: "de het een en in is niet ik je jij we wij van op met voor dat dit zijn er maar ook nog wel kun kunnen hoi " +
		"bedankt vandaag nu graag even moet hebben heb jullie",
}

// stopWeight is what one stop word adds to its languages' scores, divided
// among the languages that share it; a letter hint counts half as much.
const (
	stopWeight = 12
	hintWeight = 6
	// detectWords is how many words are enough to tell the language; the
	// rest of a long draft is not looked at again.
	detectWords = 40
)

// stopTable maps a word's hash to the set of languages it is a stop word
// in, as a bit mask stored in the wordMap's node field.
var stopTable = sync.OnceValue(func() wordMap {
	m := make(map[uint64]int32)
	for g, list := range stopWords {
		for _, w := range strings.Fields(list) {
			for _, t := range tokenize(w, nil) {
				m[t.hash] |= 1 << g
			}
		}
	}
	return freeze(m)
})

// hint counts a lower-case letter that only some languages write.
func (z *tokenizer) hint(r rune) {
	switch r {
	case 'ß', 'ä', 'ö', 'ü':
		z.hints[guessDE]++
	case 'ñ':
		z.hints[guessES] += 2
	case 'á', 'í', 'ó', 'ú':
		z.hints[guessES]++
	case 'è', 'ê', 'à', 'ù', 'â', 'î', 'ô', 'û', 'œ', 'ë', 'ï', 'ç':
		z.hints[guessFR]++
	case 'é':
		z.hints[guessFR]++
		z.hints[guessES]++
	case 'ã', 'õ':
		z.hints[guessPT] += 2
	case 'ò', 'ì':
		z.hints[guessIT] += 2
	default:
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			z.foreign++
		}
	}
}

// detect names the draft's language from its words and letters.
func detect(toks []token, hints *[numGuesses]int32, foreign int32) guess {
	if foreign > 0 && int(foreign) >= 2*len(toks) {
		return guessScript
	}
	var score [numGuesses]int32
	stops := stopTable()
	for i := range min(len(toks), detectWords) {
		mask, ok := stops.get(toks[i].hash)
		if !ok {
			continue
		}
		share := stopWeight / int32(bits.OnesCount32(uint32(mask)))
		for g := range numGuesses {
			if mask&(1<<g) != 0 {
				score[g] += share
			}
		}
	}
	best, total := guessNone, int32(0)
	for g := range numGuesses {
		score[g] += hintWeight * hints[g]
		total += score[g]
		if score[g] > 0 && (best == guessNone || score[g] > score[best]) {
			best = g
		}
	}
	if total == 0 {
		return guessNone
	}
	// A language the advisor cannot read must clearly win: a French letter
	// shares "la", "de" and "du" with Italian, Portuguese and German, and
	// reading it is better than giving up on it.
	if best > guessES {
		read := guessEN
		for g := guessDE; g <= guessES; g++ {
			if score[g] > score[read] {
				read = g
			}
		}
		if 2*score[best] < 3*score[read] {
			return read
		}
	}
	return best
}

// guessNames names the languages detect knows, in each language of the
// reasons, for "it looks like Italian".
var guessNames = [numLangs][numGuesses]string{
	langEN: {"English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch"},
	langDE: {"Englisch", "Deutsch", "Französisch", "Spanisch", "Italienisch", "Portugiesisch", "Niederländisch"},
	langFR: {"anglais", "allemand", "français", "espagnol", "italien", "portugais", "néerlandais"},
	langES: {"inglés", "alemán", "francés", "español", "italiano", "portugués", "neerlandés"},
}
