// Package windows is Pingwise on Windows 10 and 11: the global hotkey
// (RegisterHotKey), the app in front (GetForegroundWindow and the process
// image name, such as slack.exe), idle time (GetLastInputInfo), toasts
// (beeep), start at login (the HKCU Run key), and the call and message
// links it takes over per user under HKCU\Software\Classes, handed back to
// the previous handler as one argument, never through cmd /c.
//
// Quiet focus has no counterpart: Windows offers no public API to switch
// Focus Assist (Do Not Disturb) or to see other apps' notifications, so
// Open says so and the popup and log work as everywhere else.
//
// Everything goes through golang.org/x/sys/windows, with no cgo. Only the
// key mapping (vk.go) builds on every system, so its tests run anywhere.
package windows
