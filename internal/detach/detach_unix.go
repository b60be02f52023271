//go:build !windows

package detach

import "syscall"

// Attr puts the program in its own session: it gets no signal meant for
// this one and keeps no controlling terminal. Standard streams left unset
// read from and write to /dev/null.
func Attr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }
