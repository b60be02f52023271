package windows

import (
	"path/filepath"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/pingwise/pingwise/platform"
)

// Active watches the window in front by polling GetForegroundWindow every
// Every. A poll rather than SetWinEventHook(EVENT_SYSTEM_FOREGROUND): the
// hook needs a message loop and a callback trampoline for one event a
// person causes a few times a minute, while a poll costs one cheap call
// (see BenchmarkForeground) and also sees a change of title or process
// within the same window handle.
type Active struct {
	Every time.Duration // 0: 500 ms
}

// WatchActive calls changed with the window in front now, and again each
// time the app or title in front changes.
func (a Active) WatchActive(changed func(platform.Window)) (stop func(), err error) {
	every := a.Every
	if every == 0 {
		every = 500 * time.Millisecond
	}
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		var last platform.Window
		first := true
		for {
			if w := Foreground(); first || w != last {
				first, last = false, w
				changed(w)
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(quit); <-done }, nil
}

// Foreground is the window in front: its process image name (slack.exe,
// ms-teams.exe, Zoom.exe) as AppID, and its title. No window in front (the
// desktop, a locked screen) is the zero Window.
func Foreground() platform.Window {
	hwnd := windows.GetForegroundWindow()
	if hwnd == 0 {
		return platform.Window{}
	}
	return platform.Window{AppID: imageName(hwnd), Title: windowText(hwnd)}
}

func imageName(hwnd windows.HWND) string {
	var pid uint32
	if _, err := windows.GetWindowThreadProcessId(hwnd, &pid); err != nil || pid == 0 {
		return ""
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return "" // an elevated process: its name is not ours to read
	}
	defer windows.CloseHandle(h)
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n := uint32(len(buf))
	if err := windows.QueryFullProcessImageName(h, 0, &buf[0], &n); err != nil {
		return ""
	}
	return filepath.Base(windows.UTF16ToString(buf[:n]))
}

func windowText(hwnd windows.HWND) string {
	buf := make([]uint16, 512)
	n, _, _ := procGetWindowText.Call(uintptr(hwnd), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	return windows.UTF16ToString(buf[:n])
}
