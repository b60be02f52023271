package detach

import "syscall"

// Windows process creation flags (winbase.h); the syscall package names
// only CREATE_NEW_PROCESS_GROUP.
const detachedProcess = 0x00000008 // DETACHED_PROCESS

// Attr starts the program without this one's console, in its own process
// group: closing the console this command runs in, or Ctrl+C there, does
// not end it, and no console window opens for it.
func Attr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{CreationFlags: detachedProcess | syscall.CREATE_NEW_PROCESS_GROUP}
}
