// Package link vets the call and message links Pingwise takes over (tel:,
// callto:, sip:, zoommtg:, zoomus:, msteams:, slack:, mailto:) and says whom
// each reaches and how.
//
// Links come from web pages and chat messages, so they are hostile input:
// Parse accepts only those schemes, a bounded length and printable
// characters. The package is the same on every desktop; registering as the
// links' handler and handing a link on are the platform packages' work.
package link
