//go:build unix

package advisor

import "syscall"

// cpuTime is the CPU time the process has used, user and system, in
// nanoseconds. On a machine shared with other work, wall time per op
// measures the queue for a core as much as the code; CPU time does not.
func cpuTime() (int64, bool) {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0, false
	}
	return u.Utime.Nano() + u.Stime.Nano(), true
}
