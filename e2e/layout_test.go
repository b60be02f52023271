package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// An open tray menu is never rebuilt under the person's pointer: each
// LayoutUpdated makes GNOME's and KDE's hosts read the menu again, and an
// open menu can close (fyne issue 4843). Over a three-minute session the
// menu is sent again only when what can be clicked changes (the session
// starts; it ends and the break begins), while the time left reaches the
// tooltip every minute. fyne.io/systray emits one LayoutUpdated per item
// when a menu is sent, so the signals come in bursts: the test counts the
// bursts, and checks that the minutes between the state changes have none.
func TestTrayMenuIsNotRebuiltEveryMinute(t *testing.T) {
	need(t, "xfce4-panel", "dbus-monitor")
	d := newDesk(t, deskOpts{})
	a := d.startApp()
	tray := d.tray(a)
	log := filepath.Join(t.TempDir(), "signals.txt")
	d.start("sh", "-c", "exec dbus-monitor \"type='signal',member='LayoutUpdated'\" \"type='signal',member='NewToolTip'\" > "+log)
	d.waitFor("dbus-monitor listening", func() bool { _, err := os.Stat(log); return err == nil })
	time.Sleep(2 * time.Second) // let the first layout's follow-up settle
	started := time.Now()
	if _, err := d.pingwise("start", "3m"); err != nil {
		t.Fatal(err)
	}
	d.waitUntil("the session to end and the break to start", 4*time.Minute, func() bool { return tray.firstLabel() == "On a break" })
	ended := time.Now()

	b, _ := os.ReadFile(log)
	stamp := regexp.MustCompile(`time=([0-9.]+) .*member=(LayoutUpdated|NewToolTip)`)
	var layouts []time.Time
	tips := 0
	for _, line := range strings.Split(string(b), "\n") {
		m := stamp.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if m[2] == "NewToolTip" {
			tips++
			continue
		}
		sec, _ := strconv.ParseFloat(m[1], 64)
		layouts = append(layouts, time.Unix(0, int64(sec*1e9)))
	}
	bursts := 0
	for i, at := range layouts {
		if i == 0 || at.Sub(layouts[i-1]) > 2*time.Second {
			bursts++
		}
		if at.After(started.Add(30*time.Second)) && at.Before(ended.Add(-30*time.Second)) {
			t.Errorf("the menu was sent again %s into the session, with nothing new to click", at.Sub(started).Round(time.Second))
		}
	}
	t.Logf("over a 3-minute session: %d LayoutUpdated in %d bursts, %d NewToolTip", len(layouts), bursts, tips)
	if bursts > 3 {
		t.Errorf("the menu was sent %d times; want at most the start, the end and the break", bursts)
	}
	if tips < 3 {
		t.Errorf("the tooltip changed %d times; want the time left each minute", tips)
	}
}
