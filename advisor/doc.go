// Package advisor answers the question Pingwise asks before every ping or
// call: sync or async?
//
// It is the decision engine only: pure Go, no I/O, no clock, safe for
// concurrent use. Advise takes a Situation (the criteria a person set, the
// recipient count, the length of the sync version, the draft text and the
// recipients' time zone) and returns a Verdict: the mode, a confidence, the
// channels best first, the reasons, the cost of each choice in
// person-minutes, the best-practice tips for the chosen mode, and the
// language the draft was read in.
//
// Every rule comes from the article the product grew from ("When to Choose
// Synchronous Vs. Asynchronous Communication", Loom, 2020). Its core is the
// Doist line it quotes, "synchronous communication should be the exception,
// not the rule": async is the default and sync has to be earned. The weights
// all live in one table (table in criteria.go), each row naming its seed
// line; Advise adds them up on each side, and sync needs strictly more. A
// crisis outweighs everything by construction, a sensitive topic turns other
// time zones into "schedule it", and the confidence follows the margin. Two
// rows come from the async guides rather than the article: a thread that
// keeps going back and forth becomes a call, and a bare "got a sec?" is
// answered with "put the question in the message".
//
// # Reading the draft
//
// The draft is read for the same criteria in the words people write, in
// English, German, French and Spanish. Its language is detected per draft
// from its function words ("the", "der", "les", "los") and the letters only
// some languages use (ß, ñ, ç): a table of a few hundred words, looked up by
// the hashes the tokenizer computes anyway, because a chat message is short
// but almost every sentence has a function word, and a trained detector
// would weigh a hundred megabytes for four languages. Italian, Portuguese
// and Dutch are known by their function words too, only to be named: a
// draft in them, or in a script other than Latin, is not read, the verdict
// says so and rests on the toggles at a confidence of at most 0.6.
//
// Each language has its own cue lists for every criterion (cues*.go), and
// English on-call and meeting jargon is read in all four ("der Server ist
// down"). The lists are compiled into a trie the first time a draft in
// that language is read, never at start. Accents fold ("esta caido" is
// "está caído"), French elisions split ("l'équipe"), and a German compound
// is read by the word it ends with ("Produktionsdatenbank" as "Datenbank").
//
// Beyond the phrases, the reading follows the structure of a message:
//   - negation: a negator up to three words before a cue flips it ("not an
//     emergency", "nothing's on fire"), unless a "but" closes its scope, and
//     a phrase that carries its own negation ("no need to call") is not
//     flipped again;
//   - time: "in 20 minutes" is urgent and "in 3 hours" or "by EOD" a
//     deadline for written work, by the number in the phrase, not by a list
//     of phrases;
//   - tense: an outage in a sentence dated in the past ("last week's
//     outage", "3 days ago"), or in a postmortem with nothing happening now,
//     is context to read, while "still", "again" or "10 minutes ago" keep it
//     a crisis; the time marker nearest the outage decides;
//   - mood: an outage in a clause opened by "if", "in case" or "to avoid" is
//     a plan, not a crisis.
//
// Every reason that comes from the text quotes the draft's own words, and
// a flag a person sets, true or false, always wins over what the text
// suggests. Reasons and tips render in each of the four languages
// (Reason.In, Verdict.TipsIn), whatever language the draft was in.
//
// # Rules, not a model
//
// The reading is hand-written rules, not a classifier trained on the
// corpora, because what has to generalise is the structure above, and the
// tuning corpora (some 700 messages in four languages) are far too small
// for a model to learn it from words: a bag-of-words model trained on them
// learns that "outage" means sync and cannot tell last week's outage from
// this one, nor "not urgent" from "urgent", and it cannot quote the words
// that decided, which every reason must. Rules also fail visibly and are
// mended by adding a word to a list in the right language, where a model
// would have to be retrained and re-checked in all four. The cost is
// recall: a sync message in words no list knows reads as async, the safe
// side, since async is the default anyway.
package advisor
