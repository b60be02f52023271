//go:build !linux && !windows

package desktop

import (
	"runtime"

	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
)

// Open says that no desktop service is supported on this system yet: the
// command line and the app's windows still work.
func Open(home.Dirs, string) *platform.Desktop {
	d := &platform.Desktop{Name: runtime.GOOS}
	d.Fill("not supported on " + runtime.GOOS + " yet")
	return d
}
