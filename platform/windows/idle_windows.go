package windows

import (
	"fmt"
	"time"
	"unsafe"
)

// Idle reads GetLastInputInfo: the tick of the last keyboard or mouse
// input in this session. The tick count goes on while the machine sleeps,
// so after a resume the idle time includes the sleep, and a session the
// person slept through is paused as if they had been away.
type Idle struct{}

type lastInputInfo struct {
	size uint32
	time uint32
}

var procGetTickCount = kernel32.NewProc("GetTickCount")

// Idle returns how long there has been no input.
func (Idle) Idle() (time.Duration, error) {
	li := lastInputInfo{size: uint32(unsafe.Sizeof(lastInputInfo{}))}
	if r, _, err := procGetLastInputInfo.Call(uintptr(unsafe.Pointer(&li))); r == 0 {
		return 0, fmt.Errorf("GetLastInputInfo: %w", err)
	}
	now, _, _ := procGetTickCount.Call()
	// Both are 32-bit milliseconds that wrap every 49.7 days; the
	// difference in uint32 is right across a wrap.
	return time.Duration(uint32(now)-li.time) * time.Millisecond, nil
}
