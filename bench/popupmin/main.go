// Command popupmin is the floor Pingwise's popup latency is measured
// against: the smallest Fyne app, from the same Fyne, that keeps one window
// built and hidden and shows it on a line from a Unix socket, the way
// Pingwise keeps its "Sync or async?" popup ready for the hotkey.
//
//	popupmin -socket PATH [-title T] [-sway-key SPEC [-stash]]
//
// A line "show" shows and focuses the window, "hide" (or Esc) hides it. With
// -sway-key, the key also shows it, bound over sway's IPC by the same code
// Pingwise binds its hotkey with (platform/sway). With -stash too, showing
// brings the window back from sway's scratchpad and hiding puts it there,
// as Pingwise does with its popup under sway (platform/sway.Scratchpad).
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
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/sway"
)

func main() {
	socket := flag.String("socket", "", "Unix socket to listen on (required)")
	key := flag.String("sway-key", "", "a key to bind over sway's IPC, e.g. Ctrl+Alt+Space")
	title := flag.String("title", "Floor popup", "the window's title")
	stash := flag.Bool("stash", false, "with -sway-key: keep the window in sway's scratchpad when closed")
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
	w := a.NewWindow(*title)
	w.SetContent(container.NewVBox(
		widget.NewLabel(*title+": the same window every time, only shown."),
		widget.NewEntry(),
	))
	w.Resize(fyne.NewSize(560, 560))
	w.SetFixedSize(true)
	// Closing only hides, and no window is shown at start, so the app must
	// not quit when its last window goes: as Pingwise without a tray icon.
	hide, show := w.Hide, func() { w.Show(); w.RequestFocus() }
	w.SetCloseIntercept(func() { hide() })
	// Esc hides it, as it does Pingwise's popup.
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			hide()
		}
	})

	l, err := net.Listen("unix", *socket)
	if err != nil {
		fmt.Fprintln(os.Stderr, "popupmin:", err)
		os.Exit(1)
	}
	defer l.Close()
	if *key != "" {
		d := &platform.Desktop{}
		// Its socket names the binding (as a home names Pingwise's), so that
		// two floors under one sway each hear only their own key.
		o := sway.EnvOptions()
		o.Home = *socket
		sway.OpenWith(d, o)
		defer d.Close()
		if d.Hotkey == nil {
			fmt.Fprintln(os.Stderr, "popupmin:", d.Status[platform.HotkeyService].How)
			os.Exit(1)
		}
		if *stash {
			hide, show = stashed(w, d.Stash)
		}
		release, err := d.Hotkey.Bind(*key, func() { fyne.Do(show) })
		if err != nil {
			fmt.Fprintln(os.Stderr, "popupmin:", err)
			os.Exit(1)
		}
		defer release()
	}
	go serve(l, show, hide)
	a.Run()
}

// stashed returns the window's hide and show through sway's scratchpad, as
// Pingwise's popup (app/popup) does it: the first show maps the window;
// after that it is only moved out of sight and back.
func stashed(w fyne.Window, st platform.Stash) (hide, show func()) {
	mapped, out := false, false
	id := func() uint32 {
		var id uintptr
		w.(driver.NativeWindow).RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok {
				id = x.WindowHandle
			}
		})
		return uint32(id)
	}
	hide = func() {
		if err := st.Stash(id()); err != nil {
			fmt.Fprintln(os.Stderr, "popupmin:", err)
			w.Hide()
			mapped = false
			return
		}
		out = true
	}
	show = func() {
		if mapped && out {
			out = false
			err := st.Unstash(id())
			if err == nil {
				return
			}
			fmt.Fprintln(os.Stderr, "popupmin:", err)
			w.Hide() // Fyne takes it for shown: hidden, it maps afresh
		}
		mapped = true
		w.Show()
		w.RequestFocus()
	}
	return hide, show
}

func serve(l net.Listener, show, hide func()) {
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
					fyne.Do(show)
				case "hide":
					fyne.Do(hide)
				}
			}
		}()
	}
}
