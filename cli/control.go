package cli

import (
	"errors"
	"flag"
	"fmt"

	"github.com/pingwise/pingwise/control"
)

func init() {
	register(&command{name: "show", summary: "Bring the running app's window to the front.", run: appOnly(control.OpShow)})
	register(&command{name: "quit", summary: "Quit the running app.", run: appOnly(control.OpQuit)})
}

// app returns a client of the running app, or control.ErrNotRunning.
func (e *Env) app() (*control.Client, error) { return control.Dial(e.dirs.Socket()) }

// controller acts through the running app when one answers, so that its
// tray changes at once, and on the store directly otherwise.
func (e *Env) controller() (controller, error) {
	if c, err := e.app(); err == nil {
		return c, nil
	}
	return e.Tracker()
}

// appOnly runs an op that only a running app can do.
func appOnly(op string) func(*Env, *flag.FlagSet, []string) error {
	return func(e *Env, _ *flag.FlagSet, args []string) error {
		if err := maxArgs(args, 0); err != nil {
			return err
		}
		c, err := e.app()
		if errors.Is(err, control.ErrNotRunning) {
			return fmt.Errorf("%w: start it with: pingwise", err)
		}
		if err != nil {
			return err
		}
		_, err = c.Do(control.Request{Op: op})
		return err
	}
}
