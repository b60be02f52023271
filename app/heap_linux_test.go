//go:build linux && cgo

package app

import "testing"

// glibc takes both settings; a C library that refused them would make
// keepHeap say so, and the app would print it.
func TestKeepHeap(t *testing.T) {
	if err := keepHeap(); err != nil {
		t.Fatal(err)
	}
}
