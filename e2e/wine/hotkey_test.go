//go:build linux

package wine

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHotkeyAndForegroundUnderWine focuses a Wine window, then checks that
// platform/windows sees it in front (GetForegroundWindow, notepad.exe) and
// that RegisterHotKey's key, pressed with xdotool, arrives.
func TestHotkeyAndForegroundUnderWine(t *testing.T) {
	setup(t)
	exe := filepath.Join(t.TempDir(), "pw.test.exe")
	build := exec.Command("go", "test", "-c", "-o", exe, "./platform/windows")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	notepad := exec.CommandContext(ctx, "wine", "notepad")
	notepad.Env = wineEnv()
	if err := notepad.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { notepad.Process.Kill(); notepad.Wait() }()
	win := ""
	for deadline := time.Now().Add(time.Minute); win == "" && time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		ids, _ := xdotool("search", "--onlyvisible", "--name", "Notepad")
		win = strings.TrimSpace(strings.SplitN(ids, "\n", 2)[0])
	}
	if win == "" {
		ids, _ := xdotool("search", "--onlyvisible", "--name", ".")
		var names []string
		for _, id := range strings.Fields(ids) {
			name, _ := xdotool("getwindowname", id)
			names = append(names, strings.TrimSpace(name))
		}
		t.Fatalf("no Notepad window; on screen: %q", names)
	}
	if _, err := xdotool("windowfocus", "--sync", win); err != nil {
		t.Fatalf("focus Notepad: %v", err)
	}
	run := exec.CommandContext(ctx, "wine", exe, "-test.run=^TestHotkeyFiresAndForeground$", "-test.v")
	run.Env = wineEnv("PINGWISE_E2E_FOREGROUND=notepad.exe")
	stdout, err := run.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	run.Stderr = run.Stdout
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		out.WriteString(sc.Text() + "\n")
		if strings.TrimSpace(sc.Text()) == "BOUND" {
			if _, err := xdotool("key", "ctrl+shift+F9"); err != nil {
				t.Errorf("xdotool key: %v", err)
			}
		}
	}
	if err := run.Wait(); err != nil || !strings.Contains(out.String(), "--- PASS: TestHotkeyFiresAndForeground") {
		t.Fatalf("under Wine: %v\n%s", err, out.String())
	}
}
