// Package e2e runs Pingwise for real, as a person would, headless: an X
// server (Xvfb), a private D-Bus session bus, and xfce4-panel as a real tray
// host that registers the app's StatusNotifierItem. gdbus reads and clicks
// the tray menu through com.canonical.dbusmenu exactly as a panel does;
// xdotool finds windows and presses keys; import takes screenshots.
//
// The tests run when PINGWISE_E2E=1 (make test sets it), and then fail,
// rather than skip, when a tool is missing.
package e2e
