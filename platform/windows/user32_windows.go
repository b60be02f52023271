package windows

import "golang.org/x/sys/windows"

// The user32 calls golang.org/x/sys/windows does not wrap.
var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	kernel32             = windows.NewLazySystemDLL("kernel32.dll")
	procRegisterHotKey   = user32.NewProc("RegisterHotKey")
	procUnregisterHotKey = user32.NewProc("UnregisterHotKey")
	procGetMessage       = user32.NewProc("GetMessageW")
	procPeekMessage      = user32.NewProc("PeekMessageW")
	procPostThreadMsg    = user32.NewProc("PostThreadMessageW")
	procGetLastInputInfo = user32.NewProc("GetLastInputInfo")
	procGetWindowText    = user32.NewProc("GetWindowTextW")
)

const (
	wmQuit   = 0x0012
	wmHotkey = 0x0312
	wmUser   = 0x0400

	pmNoRemove = 0x0000

	errHotkeyAlreadyRegistered = windows.Errno(1409) // ERROR_HOTKEY_ALREADY_REGISTERED
)

// msg is winuser.h's MSG.
type msg struct {
	hwnd    windows.HWND
	message uint32
	wParam  uintptr
	lParam  uintptr
	time    uint32
	pt      struct{ x, y int32 }
	private uint32
}
