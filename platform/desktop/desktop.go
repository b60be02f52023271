// Package desktop picks, at start, the platform families for the session
// Pingwise runs in, and assembles what they offer into one
// platform.Desktop. It is the only package that knows every family; the
// engine sees only platform's interfaces.
package desktop
