// Command pingwise guards your focus. With no arguments it starts the tray
// app; with a command it runs that command (see pingwise --help).
package main

import (
	"fmt"
	"os"

	"github.com/pingwise/pingwise/cli"
)

func main() {
	os.Exit(cli.Run(func(e *cli.Env) int {
		fmt.Fprintln(e.Stderr, "pingwise: the tray app is not part of this build yet; see pingwise --help")
		return 1
	}))
}
