package sway

import (
	"testing"
	"time"
)

// BenchmarkHotkeyToCommand is a key press on headless sway until the bound
// command has run: wtype's start, sway's binding, sh, the command. Compare
// BenchmarkUnboundKey, the same press with nothing bound, for wtype's share.
func BenchmarkHotkeyToCommand(b *testing.B) {
	s := startSway(b, config)
	need(b, "wtype")
	exe, ran := s.marker(b.TempDir())
	d := openSway(b, s, exe, "")
	release, err := d.Hotkey.Bind("Ctrl+Shift+Space", nil)
	if err != nil {
		b.Fatal(err)
	}
	defer release()
	b.ResetTimer()
	for i := 1; i <= b.N; i++ {
		s.run("wtype", "-M", "ctrl", "-M", "shift", "-k", "space")
		deadline := time.Now().Add(10 * time.Second)
		for len(lines(ran)) < i || lines(ran)[0] == "" {
			if time.Now().After(deadline) {
				b.Fatal("the command did not run")
			}
			time.Sleep(200 * time.Microsecond)
		}
	}
}

func BenchmarkUnboundKey(b *testing.B) {
	s := startSway(b, config)
	need(b, "wtype")
	b.ResetTimer()
	for range b.N {
		s.run("wtype", "-M", "ctrl", "-M", "shift", "-k", "space")
	}
}
