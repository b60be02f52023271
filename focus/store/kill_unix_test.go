//go:build !windows

package store_test

import (
	"os"
	"syscall"
)

// killedHard says whether the writer died of SIGKILL.
func killedHard(ps *os.ProcessState, _ int) bool {
	ws, ok := ps.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}
