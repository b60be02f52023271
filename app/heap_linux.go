//go:build linux && cgo

package app

/*
#include <malloc.h>
*/
import "C"

import "errors"

// keepHeap has glibc keep its heap between frames. Mesa's software
// renderer (llvmpipe: what paints under Xvfb, and on machines without GPU
// drivers, XWayland included) allocates its buffers afresh for each frame.
// Once glibc had handed those pages back to the system, every frame
// faulted them in again: on headless sway the popup's first frame, which
// the hotkey waits for, then took 5.3 ms to paint instead of 1.8, in about
// a third of the app's runs (glibc moves its thresholds with what was
// freed earlier). Allocations up to 4 MB served from the heap, and up to
// 8 MB of free heap kept, make every run the fast one.
func keepHeap() error {
	if C.mallopt(C.M_MMAP_THRESHOLD, 4<<20) == 0 || C.mallopt(C.M_TRIM_THRESHOLD, 8<<20) == 0 {
		return errors.New("the C library refused to keep its heap between frames")
	}
	return nil
}
