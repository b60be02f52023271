package windows

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestHotkeyFiresAndForeground is driven from outside by e2e/wine: it
// focuses a Wine window (Notepad), waits for this test to print BOUND and
// presses the key with xdotool. Under Wine a hotkey fires only while a Wine
// window has the keyboard focus; on Windows it is global.
func TestHotkeyFiresAndForeground(t *testing.T) {
	want := os.Getenv("PINGWISE_E2E_FOREGROUND")
	if want == "" {
		t.Skip("run by e2e/wine, which presses the key")
	}
	if got := Foreground().AppID; !strings.EqualFold(got, want) {
		t.Errorf("Foreground().AppID = %q, want %q", got, want)
	}
	pressed := make(chan struct{}, 1)
	release, err := Hotkey{}.Bind("Ctrl+Shift+F9", func() {
		select {
		case pressed <- struct{}{}:
		default:
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	fmt.Println("BOUND")
	select {
	case <-pressed:
	case <-time.After(60 * time.Second):
		t.Fatal("no WM_HOTKEY within 60 s of binding")
	}
}
