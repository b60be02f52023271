package e2e

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func (d *desk) xdotool(args ...string) string {
	d.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = d.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		d.t.Fatalf("xdotool %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (d *desk) decisions() (sync, async int) {
	d.t.Helper()
	out, err := d.pingwise("stats", "--json")
	if err != nil {
		d.t.Fatal(err)
	}
	var st struct {
		Sync  int `json:"decisions_sync"`
		Async int `json:"decisions_async"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		d.t.Fatal(err)
	}
	return st.Sync, st.Async
}

// The global hotkey opens the popup; keys answer it; the decision is logged.
func TestHotkeyPopup(t *testing.T) {
	need(t, "import")
	d := newDesk(t, deskOpts{})
	a := d.startApp()
	d.tray(a)

	d.xdotool("key", "ctrl+shift+space")
	win := d.window("Sync or async?")
	if active := strings.TrimSpace(d.xdotool("getwindowfocus")); active != win {
		t.Errorf("the popup is not focused: active %s, popup %s", active, win)
	}
	d.xdotool("type", "--delay", "15", "The site is down, checkout fails for everyone")
	time.Sleep(300 * time.Millisecond) // let it draw the live verdict
	d.screenshot("popup.png", win)

	// Pressed again while open: still one popup, with the draft kept.
	d.xdotool("key", "ctrl+shift+space")
	if n := len(strings.Fields(d.xdotool("search", "--onlyvisible", "--name", `^Sync or async\?$`))); n != 1 {
		t.Fatalf("%d popups open", n)
	}

	// Shift+Enter is a new line in the draft, as in a chat app: nothing is
	// logged, the popup stays; then Enter sends.
	d.xdotool("key", "shift+Return")
	d.xdotool("type", "--delay", "15", "Can you call me?")
	time.Sleep(300 * time.Millisecond) // the app has had the keys; Enter would have logged by now
	if s, as := d.decisions(); s+as != 0 || !d.visible("Sync or async?") {
		t.Fatalf("Shift+Enter in the draft logged %d sync, %d async (popup shown: %v)", s, as, d.visible("Sync or async?"))
	}
	d.xdotool("key", "Return") // the recommended action: sync, for an outage
	d.waitFor("the decision in the stats", func() bool { s, _ := d.decisions(); return s == 1 })
	d.waitFor("the popup to close after its confirmation", func() bool {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", `^Sync or async\?$`)
		cmd.Env = d.env()
		out, _ := cmd.Output()
		return strings.TrimSpace(string(out)) == ""
	})

	// Esc closes without logging anything.
	if _, err := d.pingwise("ask", "--people", "5", "--target", "#design"); err != nil {
		t.Fatal(err)
	}
	d.window("Sync or async?")
	d.xdotool("key", "Escape")
	time.Sleep(300 * time.Millisecond)
	if s, as := d.decisions(); s != 1 || as != 0 {
		t.Errorf("Esc logged a decision: %d sync, %d async", s, as)
	}

	// Once Fyne has made the window, the app maps and focuses it itself
	// before Fyne paints (app/x11 Present): it is focused, and takes Esc.
	d.xdotool("key", "ctrl+shift+space")
	win = d.window("Sync or async?")
	if active := strings.TrimSpace(d.xdotool("getwindowfocus")); active != win {
		t.Errorf("the reopened popup is not focused: active %s, popup %s", active, win)
	}
	d.xdotool("key", "Escape")
	d.waitFor("Esc to close the reopened popup", func() bool { return !d.visible("Sync or async?") })
	if strings.Contains(a.errors(), "panic") {
		t.Fatalf("the app panicked:\n%s", a.errors())
	}
}
