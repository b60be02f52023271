package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// `pingwise stats --show` opens the Weekly focus window, starting the app
// when it is not running, on a realistic history.
func TestStatsWindow(t *testing.T) {
	need(t, "import")
	d := newDesk(t, deskOpts{})
	history := filepath.Join(t.TempDir(), "history.jsonl")
	gen := exec.Command("go", "run", "../bench/history", "-years", "1", "-end", time.Now().Format(time.DateOnly),
		"-tz", "UTC", "-sessions", "4", "-interruptions", "7", "-decisions", "3")
	out, err := gen.Output()
	if err != nil {
		t.Fatalf("history: %v", err)
	}
	if err := os.WriteFile(history, out, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := d.pingwise("import", history); err != nil {
		t.Fatal(err)
	}

	// No app yet: --show starts one.
	if _, err := d.pingwise("stats", "--show"); err != nil {
		t.Fatal(err)
	}
	win := d.window("Weekly focus")
	time.Sleep(500 * time.Millisecond) // let the window draw before the picture
	d.screenshot("stats-window.png", win)

	lastWeek := time.Now().AddDate(0, 0, -7)
	y, w := lastWeek.ISOWeek()
	if _, err := d.pingwise("stats", "--show", "--week", fmt.Sprintf("%04d-W%02d", y, w)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.pingwise("stats", "--show", "--week", "2026-W99"); err == nil || !strings.Contains(err.Error(), "exit status 2") {
		t.Errorf("a bad week: %v", err)
	}
	if _, err := d.pingwise("quit"); err != nil {
		t.Fatal(err)
	}
}
