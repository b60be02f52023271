// Command popupframe measures the cost of the first frame the hotkey waits
// for. Fyne's desktop driver maps a hidden window and paints it at once
// when it is shown, so the time Show takes is that frame: Pingwise's
// "Sync or async?" popup (package popup, built as the app builds it),
// against the floor of bench/popupmin (a label and an entry, the same
// size), shown and hidden in turn.
//
//	dbus-run-session -- popupframe [-n 200] [-warmup 5]
//
// Run it inside a session bus of its own: without one, Fyne's D-Bus client
// autolaunches a bus (and its portals) that outlives the run.
//
// It paints with whatever GL the display gives. Under Xvfb, as under
// XWayland on a machine without a GPU, that is Mesa's software renderer
// (llvmpipe), where a frame costs in proportion to what it draws: what
// bench/popup-latency-sway measures end to end, without the compositor.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/app/popup"
)

func main() {
	n := flag.Int("n", 200, "frames measured for each window")
	warmup := flag.Int("warmup", 5, "frames painted first and not measured")
	flag.Parse()

	a := app.NewWithID("io.github.pingwise.popupframe")
	d, ok := a.Driver().(desktop.Driver)
	if !ok {
		fmt.Fprintln(os.Stderr, "popupframe: needs Fyne's desktop driver (a display)")
		os.Exit(1)
	}
	pw := d.CreateSplashWindow()
	pw.SetPadded(true)
	p := popup.New(pw, popup.Config{})

	fw := d.CreateSplashWindow()
	fw.SetPadded(true)
	fw.SetTitle("Floor popup")
	fw.SetContent(container.NewVBox(
		widget.NewLabel("Floor popup: the same window every time, only shown."),
		widget.NewEntry(),
	))
	fw.Resize(fyne.NewSize(560, 560))
	fw.SetFixedSize(true)

	sides := []struct {
		name       string
		show, hide func()
		took       []time.Duration
	}{
		{name: "popup", show: func() { p.Show(popup.Prefill{}) }, hide: p.Hide},
		{name: "floor", show: fw.Show, hide: fw.Hide},
	}
	// A frame that never comes back (a display gone, a driver stuck) ends
	// the run with a line, rather than a benchmark that never ends.
	progress := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-progress:
			case <-time.After(30 * time.Second):
				fmt.Fprintln(os.Stderr, "popupframe: no frame for 30 s; giving up")
				os.Exit(1)
			}
		}
	}()
	go func() {
		for i := range *warmup + *n {
			select {
			case progress <- struct{}{}:
			default:
			}
			for s := range sides {
				side := &sides[s]
				var took time.Duration
				fyne.DoAndWait(func() {
					start := time.Now()
					side.show()
					took = time.Since(start)
				})
				// Let the desktop's replies (focus, expose) and any
				// second frame pass before the window goes again.
				time.Sleep(30 * time.Millisecond)
				fyne.DoAndWait(side.hide)
				time.Sleep(10 * time.Millisecond)
				if i >= *warmup {
					side.took = append(side.took, took)
				}
			}
		}
		fmt.Printf("%-6s %9s %9s %9s\n", "window", "median", "p10", "p90")
		for _, s := range sides {
			slices.Sort(s.took)
			fmt.Printf("%-6s %7.2fms %7.2fms %7.2fms\n", s.name, ms(pick(s.took, 50)), ms(pick(s.took, 10)), ms(pick(s.took, 90)))
		}
		fmt.Printf("ratio of medians (popup / floor): %.2fx over %d frames each\n",
			float64(pick(sides[0].took, 50))/float64(pick(sides[1].took, 50)), *n)
		fyne.Do(a.Quit)
	}()
	a.Run()
}

// pick is the q-th percentile of sorted s.
func pick(s []time.Duration, q int) time.Duration { return s[(len(s)-1)*q/100] }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
