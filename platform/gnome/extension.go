package gnome

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/godbus/dbus/v5"

	"github.com/pingwise/pingwise/platform"
)

// The extension's D-Bus contract (extension/focus.js): the shell exports it
// from its own connection, so it is reached through org.gnome.Shell.
const (
	ExtensionUUID = "pingwise@pingwise.github.io"
	shellName     = "org.gnome.Shell"
	focusPath     = dbus.ObjectPath("/io/github/pingwise/Focus")
	focusIf       = "io.github.pingwise.Focus"
)

//go:embed extension/*.js
var extensionFiles embed.FS

// firstESMShell is the first GNOME Shell that loads extensions as ES
// modules; those before it need the imports form.
const firstESMShell = 45

// Extension returns the extension's files for GNOME Shell major version
// shell: metadata.json and extension.js.
func Extension(shell int) (map[string][]byte, error) {
	header, footer, versions := "header45.js", "footer45.js", []string{}
	first, last := firstESMShell, 49
	if shell < firstESMShell {
		header, footer, first, last = "header42.js", "footer42.js", 42, firstESMShell-1
	}
	for v := first; v <= last; v++ {
		versions = append(versions, strconv.Itoa(v))
	}
	if shell > last {
		versions = append(versions, strconv.Itoa(shell))
	}
	var js []byte
	for _, f := range []string{header, "focus.js", footer} {
		b, err := extensionFiles.ReadFile("extension/" + f)
		if err != nil {
			return nil, err
		}
		js = append(js, b...)
	}
	meta, err := json.MarshalIndent(map[string]any{
		"uuid":          ExtensionUUID,
		"name":          "Pingwise",
		"description":   "Tells Pingwise which app is in front, so that it can guard your focus. Nothing else is read or sent.",
		"shell-version": versions,
		"url":           "https://github.com/pingwise/pingwise",
	}, "", "  ")
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"metadata.json": append(meta, '\n'), "extension.js": js}, nil
}

// ShellVersion asks gnome-shell for its major version.
func ShellVersion() (int, error) {
	out, err := exec.Command("gnome-shell", "--version").Output()
	if err != nil {
		return 0, fmt.Errorf("gnome-shell --version: %w", err)
	}
	m := regexp.MustCompile(`GNOME Shell (\d+)`).FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("gnome-shell --version said %q", out)
	}
	return strconv.Atoi(string(m[1]))
}

// ExtensionDir is where the extension lives under dataHome
// ($XDG_DATA_HOME, ~/.local/share).
func ExtensionDir(dataHome string) string {
	return filepath.Join(dataHome, "gnome-shell", "extensions", ExtensionUUID)
}

// InstallExtension writes the extension for GNOME Shell shell under
// dataHome and adds it to the shell's enabled extensions; GNOME on Wayland
// loads it at the next login. `pingwise install` calls it on GNOME.
func (s Settings) InstallExtension(dataHome string, shell int) error {
	files, err := Extension(shell)
	if err != nil {
		return fmt.Errorf("GNOME extension: %w", err)
	}
	dir := ExtensionDir(dataHome)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("GNOME extension: %w", err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fmt.Errorf("GNOME extension: %w", err)
		}
	}
	return s.enable(true)
}

// RemoveExtension disables the extension and removes its files.
// `pingwise uninstall` calls it.
func (s Settings) RemoveExtension(dataHome string) error {
	if err := s.enable(false); err != nil {
		return err
	}
	if err := os.RemoveAll(ExtensionDir(dataHome)); err != nil {
		return fmt.Errorf("GNOME extension: %w", err)
	}
	return nil
}

// enable adds the extension to org.gnome.shell's enabled-extensions, or
// takes it out.
func (s Settings) enable(on bool) error {
	out, err := s.run("get", "org.gnome.shell", "enabled-extensions")
	if err != nil {
		return fmt.Errorf("GNOME extension: %w", err)
	}
	l, err := parseStrings(out)
	if err != nil {
		return fmt.Errorf("GNOME extension: enabled-extensions: %w", err)
	}
	i := slices.Index(l, ExtensionUUID)
	switch {
	case on && i < 0:
		l = append(l, ExtensionUUID)
	case !on && i >= 0:
		l = slices.Delete(l, i, i+1)
	default:
		return nil
	}
	if _, err := s.run("set", "org.gnome.shell", "enabled-extensions", formatStrings(l)); err != nil {
		return fmt.Errorf("GNOME extension: %w", err)
	}
	return nil
}

// Active follows the window in front through Pingwise's GNOME Shell
// extension.
type Active struct{ conn *dbus.Conn }

// errNoExtension is what a session without the extension running answers.
var errNoExtension = errors.New("the Pingwise GNOME Shell extension is not running: run `pingwise install`, then log out and in once (GNOME on Wayland loads new extensions at login)")

// OpenActive checks that the extension answers on conn.
func OpenActive(conn *dbus.Conn) (*Active, error) {
	a := &Active{conn: conn}
	if _, err := a.current(); err != nil {
		return nil, err
	}
	return a, nil
}

func (a *Active) current() (platform.Window, error) {
	var id, class, instance, title string
	err := a.conn.Object(shellName, focusPath).Call(focusIf+".Current", 0).Store(&id, &class, &instance, &title)
	var de dbus.Error
	if errors.As(err, &de) && (de.Name == "org.freedesktop.DBus.Error.UnknownMethod" ||
		de.Name == "org.freedesktop.DBus.Error.UnknownObject" || de.Name == "org.freedesktop.DBus.Error.ServiceUnknown" ||
		de.Name == "org.freedesktop.DBus.Error.UnknownInterface" || de.Name == "org.freedesktop.DBus.Error.NameHasNoOwner") {
		return platform.Window{}, errNoExtension
	}
	if err != nil {
		return platform.Window{}, fmt.Errorf("gnome: ask the Pingwise extension: %w", err)
	}
	return window(id, class, instance, title), nil
}

// window names the app by its Wayland app id or X11 class (Mutter's
// wm_class is either), else by its desktop entry.
func window(id, class, instance, title string) platform.Window {
	w := platform.Window{AppID: class, Class: class, Instance: instance, Title: title}
	if w.AppID == "" {
		w.AppID = id
	}
	return w
}

// WatchActive calls changed, on a goroutine of its own, with the window in
// front now, then with each FocusChanged the extension sends.
func (a *Active) WatchActive(changed func(platform.Window)) (stop func(), err error) {
	match := []dbus.MatchOption{dbus.WithMatchSender(shellName), dbus.WithMatchObjectPath(focusPath),
		dbus.WithMatchInterface(focusIf), dbus.WithMatchMember("FocusChanged")}
	if err := a.conn.AddMatchSignal(match...); err != nil {
		return nil, fmt.Errorf("gnome: listen to the Pingwise extension: %w", err)
	}
	signals := make(chan *dbus.Signal, 16)
	a.conn.Signal(signals)
	now, err := a.current()
	if err != nil {
		a.conn.RemoveSignal(signals)
		_ = a.conn.RemoveMatchSignal(match...)
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		last := now
		changed(now)
		for {
			select {
			case s := <-signals:
				var id, class, instance, title string
				if s.Name != focusIf+".FocusChanged" || s.Path != focusPath || dbus.Store(s.Body, &id, &class, &instance, &title) != nil {
					continue
				}
				if w := window(id, class, instance, title); w != last {
					last = w
					changed(w)
				}
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			a.conn.RemoveSignal(signals)
			_ = a.conn.RemoveMatchSignal(match...)
		})
	}, nil
}
