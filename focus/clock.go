package focus

import "time"

// Clock tells the time. Tests use a fixed or stepping clock; the app uses
// SystemClock.
type Clock interface {
	Now() time.Time
}

// SystemClock reads the computer's clock.
type SystemClock struct{}

// Now returns time.Now.
func (SystemClock) Now() time.Time { return time.Now() }

// minSleep is the smallest gap between the wall clock and the monotonic clock
// taken as the computer having slept: smaller gaps are clock adjustments
// (NTP slews, scheduler delays), not a shut laptop lid.
const minSleep = time.Minute

// Asleep returns how long the computer slept between two readings of the
// clock, given how far the wall clock and the monotonic clock each advanced.
// On Linux the monotonic clock stops during suspend while the wall clock
// keeps going, so the difference is the time spent asleep.
func Asleep(wall, mono time.Duration) time.Duration {
	if gap := wall - mono; gap >= minSleep {
		return gap
	}
	return 0
}
