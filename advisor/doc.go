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
// # Rules and a model
//
// Hand-written rules alone reached a ceiling on text they were not written
// against: 100% of their own corpora, but 77% to 88% of 680 messages
// written blind by someone who never saw them. What they miss is not
// structure but vocabulary: a crisis in a shop or a clinic ("the POS
// terminals are offline and there's a line out the door"), a deadline
// told by two clock times ("due at 5, it's 4:25"), a sensitive matter in
// an idiom no list holds. So the reading is a hybrid (model.go):
//
//   - the rules keep the structure: a toggle a person sets wins over the
//     text, a crisis outweighs everything, negation, tense, mood, time
//     phrases and bare pings are read as above, and every reason they
//     give quotes the draft;
//   - a logistic regression reads the words: hashed words, word pairs and
//     five-letter stems per language (accents folded as everywhere), words
//     shared by the four languages (loanwords: "deploy", "asap"), two clock
//     times within the hour, how many questions, the draft's length, and
//     the rules' own findings (which criteria held or were negated, their
//     reason keys, their margin) as features. It learns when to trust the
//     rules and what they do not list.
//
// The model's logit replaces the rules' margin on the text alone; flags,
// the recipients' clock and group size are weighed by the rules on top, and
// once a person set a toggle the model may move the scale by at most 1 (the
// lightest toggle weighs 1.5), so what the person said still wins. The
// confidence follows the final margin. When the model tips a verdict, or no
// reason on the winning side quotes the draft, it names the criterion its
// words speak for most (each hashed feature remembers the reason, among
// the labels' reasons, whose messages held it most often), preferring one
// the rules found, and quotes the draft's words that pushed hardest, stop
// words left out. A draft in a language the advisor cannot read is not
// given to the model: it rests on the toggles, as before.
//
// The model is trained at build time, not at run time: go generate runs
// internal/modelgen, which reads every corpus in testdata through the very
// code a verdict uses (learn.Read) and writes model.bin, 192 KB (65,536
// buckets of a 16-bit weight and a byte of reasons), embedded and decoded
// on the first draft read. Training is seeded and its sums rounded
// explicitly, so the same data gives the same bytes; TestModelIsGenerated
// checks that the committed model is what the committed data gives.
//
// The design and its settings were chosen by cross-validation, never on a
// test set (modelgen -search, -report): five folds over all 3,223 messages,
// scored on the 2,329 the rules were not tuned on, per language; and,
// because folds share their writers, leave-one-source-out: trained without
// the 1,650 training messages written by two other people, tested on
// them. The rules' features are worth 1 to 2 points there, stems and
// shared words half a point each; negation-scope words added nothing and
// were left out; the tuning corpora count half, since the rules read them
// perfectly and at full weight would teach the model to trust the rules
// more than unseen text deserves. A long mail is read by its first 30 and
// last 10 words, where it says what it is about and what it asks
// (cross-validation lost nothing between 64 words and 40), which keeps the
// model's share of a verdict on 2 KB to a tenth.
package advisor
