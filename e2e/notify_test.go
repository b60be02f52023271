package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// A session that runs its length ends with a notification, through a real
// notification daemon, naming what was deferred; then the break starts.
func TestSessionEndNotifies(t *testing.T) {
	need(t, "xfce4-panel", "dunst", "dunstctl")
	d := newDesk(t, deskOpts{})
	d.start("dunst")
	d.waitFor("dunst on the bus", func() bool {
		out, _ := d.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "org.freedesktop.Notifications")
		return strings.Contains(out, "true")
	})
	a := d.startApp()
	tray := d.tray(a)
	if _, err := d.pingwise("start", "1m", "--intent", "outline the talk"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.pingwise("log", "chat", "--deferred", "--who", "Dana"); err != nil {
		t.Fatal(err)
	}
	history := func() string {
		cmd := exec.Command("dunstctl", "history")
		cmd.Env = d.env()
		out, _ := cmd.Output()
		return string(out)
	}
	d.waitLong("the end-of-session notification", func() bool {
		return strings.Contains(history(), "Focus session complete")
	})
	h := history()
	for _, want := range []string{"outline the talk", "While you focused: Chat 1 (Dana)"} {
		if !strings.Contains(h, want) {
			t.Errorf("notification lacks %q:\n%s", want, h)
		}
	}
	d.waitFor("the break in the tray", func() bool { return tray.firstLabel() == "On a break" })
	if st := d.status(); st.State != "break" || st.PlannedMinutes != 5 {
		t.Errorf("status after the session = %+v", st)
	}
	out, err := d.pingwise("stats", "--json")
	if err != nil || !strings.Contains(out, `"sessions_completed":1`) {
		t.Errorf("stats: %v %s", err, out)
	}
}
