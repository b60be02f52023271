// Package detach starts programs that outlive the one starting them: the
// app started by a command, a link handler started by the app. Attr is
// the per-system part.
package detach
