package windows

import "testing"

// BenchmarkForeground is one poll of the app in front: what Active costs
// every 500 ms.
func BenchmarkForeground(b *testing.B) {
	for b.Loop() {
		Foreground()
	}
}

func BenchmarkIdle(b *testing.B) {
	for b.Loop() {
		if _, err := (Idle{}).Idle(); err != nil {
			b.Fatal(err)
		}
	}
}
