// Package wayland is the little of the Wayland protocol Pingwise needs,
// in pure Go: a client that connects to the compositor's socket, finds the
// seat and an idle protocol in the registry (ext-idle-notify-v1, or
// org_kde_kwin_idle on sway 1.7 and older KWin), and measures idle time
// from its notifications. sway, Hyprland and KDE Plasma share it; GNOME's
// Mutter offers neither protocol and is measured over D-Bus instead.
//
// It also turns a hotkey spec into the key names compositors take (xkb
// keysym names), and builds the `pingwise ask` command a compositor runs.
package wayland
