// Package xdg is Pingwise on the freedesktop desktop: the call and message
// links it takes over (tel:, callto:, sip:, zoommtg:, zoomus:, msteams:,
// slack:, mailto:), its .desktop entries, and the handlers it hands links
// back to.
//
// The round trip: Install remembers, for each scheme, the handler that was
// the default before Pingwise (handlers.json), writes Pingwise's desktop
// entry and registers it with xdg-mime. A browser then runs
// `pingwise open -- LINK`; link.Parse vets the link, the popup asks "sync or
// async?", and on "Go sync" HandOff launches the remembered handler's Exec
// with the link as one argument.
//
// Links come from web pages and chat messages, so they are hostile input:
// link.Parse accepts only the schemes above, a bounded length and printable
// characters, and nothing here ever passes a link through a shell or
// through xdg-open (which would resolve back to Pingwise and loop).
//
// The package uses the standard library only and builds without cgo: the
// command line uses it as well as the app.
package xdg
