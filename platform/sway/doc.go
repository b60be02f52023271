// Package sway is the sway desktop (and wlroots compositors that speak
// sway's IPC): the popup's hotkey is a bindsym made at run time over the
// IPC socket ($SWAYSOCK), bound again after each config reload; the app in
// front comes from the IPC's window events; the closed popup waits in
// sway's scratchpad, painted (Scratchpad); idle time comes from the Wayland
// idle protocol (platform/wayland). Nothing needs adding to the sway config.
package sway
