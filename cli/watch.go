package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
)

// statusFormats are what `status --format` takes.
var statusFormats = []string{"text", "json", "waybar"}

type statusFlags struct {
	json, watch bool
	format      string
}

// lineFormat reads --format, and --json as its older spelling.
func (f statusFlags) lineFormat() (string, error) {
	format := f.format
	if !slices.Contains(statusFormats, format) {
		return "", usagef("status: unknown format %q: use text, json or waybar", clip(format))
	}
	if f.json {
		if format != "text" && format != "json" {
			return "", usagef("status: --json and --format %s disagree", format)
		}
		format = "json"
	}
	return format, nil
}

// watchStatus prints the status now and on every change the running app
// pushes, one line each, until the app quits (exit 0) or the person stops
// it. Without the app nothing changes by itself: one line from the store.
func watchStatus(e *Env, format string) error {
	c, err := e.app()
	if errors.Is(err, control.ErrNotRunning) {
		t, err := e.Tracker()
		if err != nil {
			return err
		}
		st, err := t.Status()
		if err != nil {
			return err
		}
		return writeStatus(e.Stdout, st, format)
	}
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return watchLines(ctx, c, e.Stdout, format)
}

// watchLines writes each status c sends as one line in format, leaving
// out a line the same as the one before (a status bar redraws for each).
func watchLines(ctx context.Context, c *control.Client, w io.Writer, format string) error {
	var last string
	err := c.Watch(ctx, func(st focus.Status) error {
		line, err := statusLine(st, format)
		if err != nil || line == last {
			return err
		}
		last = line
		_, err = io.WriteString(w, line+"\n")
		return err
	})
	if errors.Is(err, control.ErrAppGone) {
		return fmt.Errorf("watch: %w", err)
	}
	return err
}

// writeStatus writes st as one line in format.
func writeStatus(w io.Writer, st focus.Status, format string) error {
	line, err := statusLine(st, format)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, line+"\n")
	return err
}

// waybar is one line of waybar's custom module with `return-type: json`.
type waybar struct {
	Text       string `json:"text"`
	Tooltip    string `json:"tooltip"`
	Class      string `json:"class"`      // the state: idle, focusing, paused, break
	Percentage int    `json:"percentage"` // of the session or break gone by
}

// statusLine is st as one line: text as the tray says it, json as
// `status --json` prints it, or waybar's JSON.
func statusLine(st focus.Status, format string) (string, error) {
	switch format {
	case "json":
		b, err := json.Marshal(st)
		return string(b), err
	case "waybar":
		b, err := json.Marshal(waybarStatus(st))
		return string(b), err
	}
	return st.Line(), nil
}

func waybarStatus(st focus.Status) waybar {
	left := focus.Human(focus.Countdown(st.Remaining))
	wb := waybar{Class: string(st.State), Tooltip: st.Line()}
	switch st.State {
	case focus.Focusing:
		wb.Text = left
	case focus.Paused:
		wb.Text = "paused " + left
	case focus.OnBreak:
		wb.Text = "break " + left
	default:
		wb.Text, wb.Class = "idle", string(focus.Idle)
	}
	if st.Planned > 0 && st.State != focus.Idle {
		gone := min(max(st.Planned-st.Remaining, 0), st.Planned)
		wb.Percentage = int((gone*100 + st.Planned/2) / st.Planned)
	}
	switch st.DND {
	case "on":
		wb.Tooltip += "\nDo Not Disturb on"
		if st.Held > 0 {
			wb.Tooltip += fmt.Sprintf(", %d held", st.Held)
		}
	case "unavailable":
		wb.Tooltip += "\nDo Not Disturb unavailable"
	}
	return wb
}
