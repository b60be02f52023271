//go:build !linux || !cgo

package app

// keepHeap is for glibc (see heap_linux.go); elsewhere there is nothing to keep.
func keepHeap() error { return nil }
