package windows

import (
	"fmt"
	"os"
	"runtime"
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
	// The key pressed must be bound on a thread that has made no user32
	// call, as in the app, where Fyne's thread loaded the display driver
	// (which gives a thread a message queue): when Bind made no queue
	// before RegisterHotKey, Wine's server crashed on the press (issue
	// #15). Another binding, held, takes the thread that loads the driver;
	// this goroutine, locked, keeps its own, so the second binding gets a
	// fresh one.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	first, err := Hotkey{}.Bind("Ctrl+Shift+F8", func() {})
	if err != nil {
		t.Fatal(err)
	}
	defer first()
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
