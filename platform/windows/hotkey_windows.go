package windows

import (
	"errors"
	"fmt"
	"runtime"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Hotkey binds keys with RegisterHotKey. Windows posts WM_HOTKEY to the
// message queue of the thread that registered the key, so each binding
// has a goroutine of its own, locked to its OS thread, that registers the
// key, waits in GetMessage and unregisters it on release.
type Hotkey struct{}

// Bind registers spec for the whole session; pressed runs on the binding's
// goroutine. A key another application registered first fails with a
// message saying so.
func (Hotkey) Bind(spec string, pressed func()) (release func(), err error) {
	mods, vk, err := hotkeyCodes(spec)
	if err != nil {
		return nil, err
	}
	started := make(chan error, 1)
	tidc := make(chan uint32, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		const id = 1 // per thread, and this thread has one key
		// The thread needs its message queue before it registers the key:
		// PostThreadMessage (release) fails on a thread without one, and
		// Wine's server stores the queue the thread has at RegisterHotKey,
		// none on a fresh thread, and crashes on the first press (issue
		// #15). PeekMessage is the documented way to make the queue; what
		// it answers (whether a message waits) does not matter here.
		var m msg
		procPeekMessage.Call(uintptr(unsafe.Pointer(&m)), 0, wmUser, wmUser, pmNoRemove)
		if r, _, e := procRegisterHotKey.Call(0, id, uintptr(mods), uintptr(vk)); r == 0 {
			if errors.Is(e, errHotkeyAlreadyRegistered) {
				started <- fmt.Errorf("hotkey %s is already taken by another application: choose another in Settings", spec)
			} else {
				started <- fmt.Errorf("hotkey %s: RegisterHotKey: %w", spec, e)
			}
			return
		}
		defer procUnregisterHotKey.Call(0, id)
		tidc <- windows.GetCurrentThreadId()
		started <- nil
		for {
			// GetMessage returns 0 on WM_QUIT, -1 on error.
			r, _, _ := procGetMessage.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0)
			if int32(r) <= 0 {
				return
			}
			if m.message == wmHotkey && m.wParam == id {
				pressed()
			}
		}
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	tid := <-tidc
	return func() {
		procPostThreadMsg.Call(uintptr(tid), wmQuit, 0, 0)
		<-done
	}, nil
}
