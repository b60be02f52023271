package engine

import "time"

// Clock is the time, and timers on it.
type Clock interface {
	Now() time.Time
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending call, as time.AfterFunc makes.
type Timer interface {
	Stop() bool
	Reset(d time.Duration) bool
}

// SystemClock is the computer's clock.
type SystemClock struct{}

// Now returns the current time, with its monotonic reading.
func (SystemClock) Now() time.Time { return time.Now() }

// AfterFunc calls f on its own goroutine after d.
func (SystemClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }
