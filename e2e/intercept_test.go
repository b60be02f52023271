package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// activate makes a window the active one, as a window manager does.
func (d *desk) activate(id string) {
	d.t.Helper()
	d.run("xprop", "-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", id)
}

func (d *desk) run(name string, args ...string) string {
	d.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = d.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		d.t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// A chat app taking focus during a session opens the popup, prefilled;
// outside a session, or again within minutes, it does not.
func TestChatAppOpensThePopup(t *testing.T) {
	need(t, "xmessage", "xprop")
	d := newDesk(t, deskOpts{})
	a := d.startApp()
	d.tray(a)
	d.start("xmessage", "-name", "Slack", "a chat app")
	var slack string
	d.waitFor("the Slack window", func() bool {
		cmd := exec.Command("xdotool", "search", "--classname", "^Slack$")
		cmd.Env = d.env()
		out, err := cmd.Output()
		slack = strings.TrimSpace(strings.Split(string(out), "\n")[0])
		return err == nil && slack != ""
	})

	d.activate(slack) // not focusing yet: nothing
	time.Sleep(500 * time.Millisecond)
	if d.visible("Sync or async?") {
		t.Fatal("the popup opened outside a focus session")
	}

	if _, err := d.pingwise("start", "25m"); err != nil {
		t.Fatal(err)
	}
	d.activate("0")
	d.activate(slack)
	win := d.window("Sync or async?")
	d.screenshot("popup-intercept.png", win)
	d.xdotool("key", "Escape")
	d.waitFor("the popup to close", func() bool { return !d.visible("Sync or async?") })

	// Back to Slack within minutes: not asked again.
	d.activate("0")
	d.activate(slack)
	time.Sleep(700 * time.Millisecond)
	if d.visible("Sync or async?") {
		t.Error("asked again within minutes")
	}
}

// Away from the keyboard during a session: the session pauses itself; on
// return, one click says what it was.
func TestAwayPausesAndAsks(t *testing.T) {
	need(t)
	d := newDesk(t, deskOpts{})
	if err := os.WriteFile(filepath.Join(d.home, "settings.toml"), []byte("away_minutes = 0.5\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := d.startApp()
	d.tray(a)
	if _, err := d.pingwise("start", "25m"); err != nil {
		t.Fatal(err)
	}
	d.waitLong("the session to pause itself", func() bool { return d.status().State == "paused" })
	if st := d.status(); st.RemainingSeconds < 24*60 {
		t.Errorf("time away counted as focus: %d s left", st.RemainingSeconds)
	}
	d.xdotool("mousemove", "200", "200") // back
	win := d.window("Welcome back")
	d.screenshot("away.png", win)
	// The keyboard answers too: Tab to the first choice, "In person".
	d.xdotool("key", "Tab")
	d.xdotool("key", "space")
	d.waitFor("the session to resume", func() bool { return d.status().State == "focusing" })
	out, err := d.pingwise("stats", "--json")
	if err != nil || !strings.Contains(out, `"in-person":{"taken":1`) {
		t.Errorf("the away interruption is not in the stats: %v %s", err, out)
	}
}

func (d *desk) visible(title string) bool {
	cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+regexp.QuoteMeta(title)+"$")
	cmd.Env = d.env()
	out, _ := cmd.Output()
	return strings.TrimSpace(string(out)) != ""
}
