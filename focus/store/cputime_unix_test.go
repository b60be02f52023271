//go:build unix

package store_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's CPU time so far. On a machine shared with
// other work, wall time says more about the neighbours than about the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
