// Command gen writes assets/icon.png, the application icon that `fyne
// package` and FyneApp.toml use, from the same drawing as the tray icons.
// Run it with `go generate ./assets`.
package main

import (
	"log"
	"os"

	"github.com/pingwise/pingwise/assets"
)

func main() {
	if err := os.WriteFile("icon.png", assets.AppIcon(assets.IconSize), 0o644); err != nil {
		log.Fatal(err)
	}
}
