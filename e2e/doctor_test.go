package e2e

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

type doctorReport struct {
	Session  string `json:"session"`
	Services []struct {
		Service   string `json:"service"`
		Available bool   `json:"available"`
		How       string `json:"how"`
	} `json:"services"`
}

// doctor runs `pingwise doctor --json` on the desk, with env changed.
func (d *desk) doctor(env ...string) doctorReport {
	d.t.Helper()
	cmd := exec.Command(binary, "doctor", "--json", "--home", d.home)
	cmd.Env = append(d.env(), env...)
	out, err := cmd.Output()
	if err != nil {
		d.t.Fatalf("doctor: %v\n%s", err, out)
	}
	var r doctorReport
	if err := json.Unmarshal(out, &r); err != nil {
		d.t.Fatalf("doctor --json: %v: %s", err, out)
	}
	if len(r.Services) != 8 {
		d.t.Fatalf("doctor lists %d services, want 8: %s", len(r.Services), out)
	}
	return r
}

// check asserts each service's availability, and a word of its how.
func (r doctorReport) check(t *testing.T, want map[string]string) {
	t.Helper()
	for _, s := range r.Services {
		w, ok := want[s.Service]
		if !ok {
			continue
		}
		avail := !strings.HasPrefix(w, "-")
		word := strings.TrimPrefix(w, "-")
		if s.Available != avail || !strings.Contains(s.How, word) {
			t.Errorf("%s: available %v, %q; want %v and %q", s.Service, s.Available, s.How, avail, word)
		}
	}
}

// Doctor tells the truth on a full desktop, with and without the app, and
// on desktops that lack a tray, a bus or a display.
func TestDoctor(t *testing.T) {
	need(t, "xfce4-panel", "dunst")
	t.Run("panel and dunst", func(t *testing.T) {
		d := newDesk(t, deskOpts{})
		d.start("dunst")
		d.waitFor("dunst on the bus", func() bool {
			out, _ := d.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.Notifications")
			return strings.Contains(out, "true")
		})
		want := map[string]string{
			"tray": "StatusNotifierItem", "hotkey": "Ctrl+Shift+Space through X11 XGrabKey",
			"active_app": "_NET_ACTIVE_WINDOW", "idle": "MIT-SCREEN-SAVER", "quiet_focus": "dunst",
			"notifications": "dunst", "links": "-pingwise install", "autostart": "autostart",
		}
		alone := d.doctor()
		alone.check(t, want)
		if !strings.HasPrefix(alone.Session, "X11") {
			t.Errorf("session %q", alone.Session)
		}
		a := d.startApp()
		d.tray(a) // started as a person sees it: its icon is in the panel
		withApp := d.doctor()
		withApp.check(t, want)
		if !strings.Contains(withApp.Session, "as the running app sees it") {
			t.Errorf("the app was not asked: %q", withApp.Session)
		}
		if _, err := d.pingwise("quit"); err != nil {
			t.Fatal(err)
		}
		if err := a.wait(t); err != nil {
			t.Fatalf("quit: %v\n%s", err, a.errors())
		}
	})
	t.Run("no panel", func(t *testing.T) {
		d := newDesk(t, deskOpts{noPanel: true})
		d.doctor().check(t, map[string]string{"tray": "-No system tray found", "hotkey": "X11"})
	})
	t.Run("no bus", func(t *testing.T) {
		d := newDesk(t, deskOpts{noBus: true})
		d.doctor().check(t, map[string]string{"tray": "-No D-Bus session bus", "notifications": "-no D-Bus session bus",
			"quiet_focus": "-no D-Bus session bus", "hotkey": "X11"})
	})
	t.Run("no display", func(t *testing.T) {
		d := newDesk(t, deskOpts{noBus: true, noPanel: true})
		d.doctor("DISPLAY=").check(t, map[string]string{"hotkey": "-no display", "active_app": "-no display",
			"idle": "-no display", "tray": "-No D-Bus"})
	})
}
