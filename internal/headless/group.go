//go:build unix

package headless

import (
	"os/exec"
	"syscall"
	"time"
)

// Group is a program started in a process group of its own, so that
// stopping it stops what it started too (a compositor's XWayland, a
// shell's helpers).
type Group struct {
	pid int
	// Exited is closed once the program has exited.
	Exited <-chan struct{}
}

// StartGroup starts cmd in a process group of its own.
func StartGroup(cmd *exec.Cmd) (*Group, error) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	return &Group{pid: cmd.Process.Pid, Exited: exited}, nil
}

// Stop ends the group with SIGTERM, and with SIGKILL when the program has
// not exited within grace; it returns once the program has.
func (g *Group) Stop(grace time.Duration) {
	_ = syscall.Kill(-g.pid, syscall.SIGTERM)
	select {
	case <-g.Exited:
	case <-time.After(grace):
		_ = syscall.Kill(-g.pid, syscall.SIGKILL)
		<-g.Exited
	}
}
