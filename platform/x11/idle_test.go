package x11

import (
	"testing"
	"time"
)

func TestIdle(t *testing.T) {
	c := openTest(t)
	cl := newClient(t)
	cl.tap(t, 0xffe1) // Shift_L
	first, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	if first > 500*time.Millisecond {
		t.Fatalf("idle %v right after a key press", first)
	}
	// The server's idle counter runs on the real clock.
	time.Sleep(300 * time.Millisecond)
	second, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	if grew := second - first; grew < 250*time.Millisecond || grew > 2*time.Second {
		t.Fatalf("idle went from %v to %v over 300ms", first, second)
	}
}
