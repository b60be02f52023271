package e2e

import (
	"encoding/json"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

func (d *desk) dunstctl(args ...string) string {
	d.t.Helper()
	cmd := exec.Command("dunstctl", args...)
	cmd.Env = d.env()
	out, err := cmd.Output()
	if err != nil {
		d.t.Fatalf("dunstctl %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

func (d *desk) quiet() (dnd string, held int) {
	d.t.Helper()
	out, err := d.pingwise("status", "--json")
	if err != nil {
		d.t.Fatal(err)
	}
	var st struct {
		DND  string `json:"dnd"`
		Held int    `json:"held"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		d.t.Fatal(err)
	}
	return st.DND, st.Held
}

func (d *desk) notify(args ...string) {
	d.t.Helper()
	d.run("notify-send", args...)
}

// Quiet focus with a real dunst: Do Not Disturb follows the session, what
// arrives meanwhile is held and counted, and the desktop is never left
// silenced, not even by a kill -9.
func TestQuietFocusWithDunst(t *testing.T) {
	need(t, "dunst", "dunstctl", "notify-send")
	d := newDesk(t, deskOpts{noPanel: true})
	d.start("dunst")
	d.waitFor("dunst on the bus", func() bool {
		out, _ := d.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.Notifications")
		return strings.Contains(out, "true")
	})
	a := d.startApp()

	if _, err := d.pingwise("start", "25m"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("Do Not Disturb on", func() bool { return d.dunstctl("is-paused") == "true" })
	for _, body := range []string{"lunch?", "at 12?", "the usual place"} {
		d.notify("-a", "Slack", "Dana", body)
	}
	d.notify("-a", "Slack", "Lee", "the build is red")
	d.notify("-a", "Thunderbird", "Invoice 1042", "attached")
	d.waitFor("5 notifications held", func() bool { _, held := d.quiet(); return held == 5 })
	if dnd, _ := d.quiet(); dnd != "on" {
		t.Errorf("status dnd = %q", dnd)
	}
	if n := d.dunstctl("count", "waiting"); n != "5" {
		t.Errorf("dunst holds %s, want 5", n)
	}
	out, err := d.pingwise("stats", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Deferred  int                       `json:"interruptions_deferred"`
		ByChannel map[string]map[string]int `json:"by_channel"`
	}
	json.Unmarshal([]byte(out), &st)
	// Dana three times is one interruption; Lee one; the invoice one.
	if st.Deferred != 3 || st.ByChannel["chat"]["deferred"] != 2 || st.ByChannel["email"]["deferred"] != 1 {
		t.Errorf("stats = %s", out)
	}
	export, _ := d.pingwise("export")
	if strings.Contains(export, "lunch?") || strings.Contains(export, "the build is red") {
		t.Error("a notification's body was stored")
	}

	if _, err := d.pingwise("stop"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("Do Not Disturb off after the session", func() bool { return d.dunstctl("is-paused") == "false" })
	d.waitFor("the held notifications shown", func() bool { return d.dunstctl("count", "waiting") == "0" })

	// A Do Not Disturb the person set stays on after the session.
	d.dunstctl("set-paused", "true")
	d.pingwise("start", "25m")
	d.pingwise("stop")
	if p := d.dunstctl("is-paused"); p != "true" {
		t.Errorf("the person's own Do Not Disturb is %s after the session", p)
	}
	d.dunstctl("set-paused", "false")

	// kill -9 mid-session, restart, stop: off.
	d.pingwise("start", "25m")
	d.waitFor("DND on", func() bool { return d.dunstctl("is-paused") == "true" })
	a.cmd.Process.Signal(syscall.SIGKILL)
	a.wait(t)
	b := d.startApp()
	if _, err := d.pingwise("stop"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("DND off after kill -9, restart, stop", func() bool { return d.dunstctl("is-paused") == "false" })

	// kill -9 mid-session, and stop with no app at all: off.
	d.pingwise("start", "25m")
	d.waitFor("DND on", func() bool { return d.dunstctl("is-paused") == "true" })
	b.cmd.Process.Signal(syscall.SIGKILL)
	b.wait(t)
	if _, err := d.pingwise("stop"); err != nil {
		t.Fatal(err)
	}
	if p := d.dunstctl("is-paused"); p != "false" {
		t.Errorf("DND after kill -9 and pingwise stop without the app: %s", p)
	}
	if dnd, _ := d.quiet(); dnd != "off" {
		t.Errorf("status dnd = %q after all that", dnd)
	}
}
