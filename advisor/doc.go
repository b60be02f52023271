// Package advisor answers the question Pingwise asks before every ping or
// call: sync or async?
//
// It is the decision engine only: pure Go, no I/O, no clock, safe for
// concurrent use. Advise takes a Situation (the criteria a person set, the
// recipient count, the length of the sync version, the draft text and the
// recipients' time zone) and returns a Verdict: the mode, a confidence, the
// channels best first, the reasons, the cost of each choice in
// person-minutes, and the best-practice tips for the chosen mode.
//
// Every rule comes from the article the product grew from ("When to Choose
// Synchronous Vs. Asynchronous Communication", Loom, 2020). Its core is the
// Doist line it quotes, "synchronous communication should be the exception,
// not the rule": async is the default and sync has to be earned. The weights
// all live in one table (table in criteria.go), each row naming its seed
// line; Advise adds them up on each side, and sync needs strictly more. A
// crisis outweighs everything by construction, a sensitive topic turns other
// time zones into "schedule it", and the confidence follows the margin.
//
// The draft is read for the same criteria in the words people actually
// write ("the site is down", "no rush", "can we talk about your review"),
// negation included ("this isn't an emergency"), and every text-derived
// reason quotes the words that triggered it. A flag a person sets, true or
// false, always wins over what the text suggests.
package advisor
