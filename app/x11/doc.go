// Package x11 is the X11 desktop from pure Go: a global hotkey, the active
// window and the user's idle time, over one connection to the X server.
//
// It speaks the X protocol through github.com/jezek/xgb, so it needs no cgo and
// no Xlib; Pingwise uses it for the "Sync or async?" hotkey, for noticing a chat
// or call app taking focus during a focus session, and for idle detection.
// On Wayland it sees only XWayland clients.
package x11
