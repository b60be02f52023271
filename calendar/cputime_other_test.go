//go:build !unix

package calendar

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
