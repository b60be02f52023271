package desktop

import (
	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/windows"
)

// Open finds what Windows offers: one family, platform/windows.
func Open(dirs home.Dirs, exe string) *platform.Desktop {
	d := &platform.Desktop{Name: "Windows"}
	windows.Open(d, dirs, exe)
	d.Fill("not available on Windows")
	return d
}
