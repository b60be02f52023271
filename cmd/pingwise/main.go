// Command pingwise guards your focus. With no arguments it starts the tray
// app; with a command it runs that command (see pingwise --help).
package main

import (
	// First, so that its init runs before Fyne reads the locale.
	_ "github.com/pingwise/pingwise/app/locale"

	"os"

	"github.com/pingwise/pingwise/app"
	"github.com/pingwise/pingwise/cli"
)

func main() {
	os.Exit(cli.Run(func(e *cli.Env) int { return app.Run(e.Dirs(), e.Stderr) }))
}
