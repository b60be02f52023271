package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/home"
)

// With language = "de" in the settings, on an English desktop, the tray,
// its tooltip, the popup and the stats window speak German; the command
// line stays English. PINGWISE_SCREENSHOTS=1 takes docs/popup-de.png and
// docs/stats-de.png from here.
func TestGermanUI(t *testing.T) {
	need(t, "xfce4-panel", "import")
	d := newDesk(t, deskOpts{})
	dirs, err := home.Resolve(d.home)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dirs.Settings()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dirs.Settings(), []byte("language = \"de\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A year of realistic history, for a stats window with something in it.
	gen := exec.Command("go", "run", "../bench/history", "-years", "1", "-end", time.Now().Format(time.DateOnly),
		"-tz", "UTC", "-sessions", "4", "-interruptions", "7", "-decisions", "3")
	out, err := gen.Output()
	if err != nil {
		t.Fatalf("history: %v", err)
	}
	history := filepath.Join(t.TempDir(), "history.jsonl")
	if err := os.WriteFile(history, out, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := d.pingwise("import", history); err != nil {
		t.Fatal(err)
	}

	a := d.startApp()
	tray := d.tray(a)
	want := []string{"Keine Sitzung", "Fokus starten", "Anhalten", "Stoppen", "Sync oder async?...", "Unterbrechung erfassen",
		"Zurückgestellt (N)", "Wochenstatistik...", "Einstellungen...", "Beenden"}
	got := labels(tray.menu())
	if len(got) == len(want) && strings.HasPrefix(got[6], "Zurückgestellt (") {
		got[6] = want[6] // the history leaves a number of deferred interruptions
	}
	if !slices.Equal(got, want) {
		t.Fatalf("menu = %q, want %q", got, want)
	}
	if _, err := d.pingwise("start", "25m", "--intent", "Quartalsbericht"); err != nil {
		t.Fatal(err)
	}
	d.waitFor("the German tooltip", func() bool { return strings.Contains(tray.tooltip(), "Fokus: noch 25 min – Quartalsbericht") })
	if out, err := d.pingwise("status"); err != nil || !strings.HasPrefix(out, "Focusing: 25 min left") {
		t.Errorf("the command line is not English: %q, %v", out, err)
	}

	if _, err := d.pingwise("ask", "--people", "3", "--channel", "call", "--target", "Dana, Lee, Sam",
		"--text", "Der Server ist komplett ausgefallen, der Checkout geht bei niemandem. Bitte sofort anrufen!"); err != nil {
		t.Fatal(err)
	}
	win := d.window("Sync oder async?")
	time.Sleep(300 * time.Millisecond) // let it draw the verdict
	d.screenshot("popup-de.png", win)
	d.xdotool("key", "Escape")
	d.waitFor("Esc to close the popup", func() bool { return !d.visible("Sync oder async?") })

	if _, err := d.pingwise("stats", "--show"); err != nil {
		t.Fatal(err)
	}
	win = d.window("Fokus der Woche")
	time.Sleep(500 * time.Millisecond) // let the window draw before the picture
	d.screenshot("stats-de.png", win)

	if _, err := d.pingwise("quit"); err != nil {
		t.Fatal(err)
	}
}
