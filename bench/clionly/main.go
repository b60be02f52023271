// Command clionly is pingwise without the tray app linked in: the same
// command line, so that bench/run can show what the app's packages cost
// every command at process start (their init work, the GUI libraries).
package main

import (
	"fmt"
	"os"

	"github.com/pingwise/pingwise/cli"
)

func main() {
	os.Exit(cli.Run(func(e *cli.Env) int {
		fmt.Fprintln(e.Stderr, "pingwise: this benchmark build has no tray app")
		return 1
	}))
}
