// Package x11 is the X11 desktop from pure Go: a global hotkey, the active
// window, the user's idle time, and presenting a window ahead of its
// toolkit, over one connection to the X server.
//
// It speaks the X protocol through github.com/jezek/xgb, so it needs no cgo and
// no Xlib; Pingwise uses it for the "Sync or async?" hotkey, for noticing a chat
// or call app taking focus during a focus session, for idle detection, and
// to have the popup mapped and focused before Fyne paints it.
// On Wayland it sees only XWayland clients.
package x11
