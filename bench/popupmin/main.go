// Command popupmin is the floor Pingwise's popup latency is measured
// against: the smallest Fyne app, from the same Fyne, that keeps one window
// built and hidden and shows it on a line from a Unix socket, the way
// Pingwise keeps its "Sync or async?" popup ready for the hotkey.
//
//	popupmin -socket PATH [-sway-key SPEC]
//
// A line "show" shows and focuses the window, "hide" (or Esc) hides it. With
// -sway-key, the key also shows it, bound over sway's IPC by the same code
// Pingwise binds its hotkey with (platform/sway).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/sway"
)

func main() {
	socket := flag.String("socket", "", "Unix socket to listen on (required)")
	key := flag.String("sway-key", "", "a key to bind over sway's IPC, e.g. Ctrl+Alt+Space")
	flag.Parse()
	if *socket == "" {
		fmt.Fprintln(os.Stderr, "popupmin: -socket is required")
		os.Exit(2)
	}
	// A socket left by a killed run would make Listen fail.
	if err := os.Remove(*socket); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(os.Stderr, "popupmin:", err)
		os.Exit(1)
	}

	a := app.NewWithID("io.github.pingwise.popupmin")
	w := a.NewWindow("Floor popup")
	w.SetContent(container.NewVBox(
		widget.NewLabel("Floor popup: the same window every time, only shown."),
		widget.NewEntry(),
	))
	w.Resize(fyne.NewSize(560, 560))
	w.SetFixedSize(true)
	// Closing only hides, and no window is shown at start, so the app must
	// not quit when its last window goes: as Pingwise without a tray icon.
	w.SetCloseIntercept(w.Hide)
	// Esc hides it, as it does Pingwise's popup.
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			w.Hide()
		}
	})

	l, err := net.Listen("unix", *socket)
	if err != nil {
		fmt.Fprintln(os.Stderr, "popupmin:", err)
		os.Exit(1)
	}
	defer l.Close()
	go serve(l, w)
	if *key != "" {
		d := &platform.Desktop{}
		sway.OpenWith(d, sway.EnvOptions())
		defer d.Close()
		if d.Hotkey == nil {
			fmt.Fprintln(os.Stderr, "popupmin:", d.Status[platform.HotkeyService].How)
			os.Exit(1)
		}
		release, err := d.Hotkey.Bind(*key, func() { fyne.Do(func() { w.Show(); w.RequestFocus() }) })
		if err != nil {
			fmt.Fprintln(os.Stderr, "popupmin:", err)
			os.Exit(1)
		}
		defer release()
	}
	a.Run()
}

func serve(l net.Listener, w fyne.Window) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			sc := bufio.NewScanner(c)
			for sc.Scan() {
				// The socket's goroutine reaches the UI only through
				// fyne.Do, as Pingwise's control socket does.
				switch sc.Text() {
				case "show":
					fyne.Do(func() {
						w.Show()
						w.RequestFocus()
					})
				case "hide":
					fyne.Do(w.Hide)
				}
			}
		}()
	}
}
