package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/internal/detach"
)

func init() {
	register(&command{name: "show", summary: "Bring the running app's window to the front.", setup: plain(appOnly(control.OpShow))})
	register(&command{name: "quit", summary: "Quit the running app.", setup: plain(appOnly(control.OpQuit))})
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

// launchApp returns a client of the running app, starting the app first
// when it is not running, for commands that open one of its windows.
func (e *Env) launchApp() (*control.Client, error) {
	if c, err := e.app(); err == nil {
		return c, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("start the app: %w", err)
	}
	args := []string{}
	if e.dirs.Home != "" {
		args = append(args, "--home", e.dirs.Home)
	}
	cmd := exec.Command(exe, args...)
	// The app outlives this command: detached from its terminal or console.
	cmd.SysProcAttr = detach.Attr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start the app: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		select {
		case err := <-exited:
			return nil, fmt.Errorf("the app exited at start (%v): run pingwise to see why", err)
		case <-time.After(50 * time.Millisecond):
		}
		if c, err := e.app(); err == nil {
			return c, nil
		}
	}
	return nil, errors.New("the app did not start within 10 s: run pingwise to see why")
}

// appOnly runs an op that only a running app can do.
func appOnly(op string) runner {
	return func(e *Env, args []string) error {
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

func init() {
	register(&command{
		name: "ask", args: "[--people N] [--channel CHANNEL] [--target TEXT] [--text DRAFT]",
		summary: "Open the \"Sync or async?\" popup in the app (starting it if needed), optionally\n" +
			"prefilled. Bind this command to a key where no app may grab one (Wayland).",
		setup: func(fs *flag.FlagSet) runner {
			var a control.Ask
			fs.IntVar(&a.People, "people", 0, "how many people it would reach")
			fs.StringVar(&a.Channel, "channel", "", "how you were about to reach them: call, chat, email, meeting, in-person")
			fs.StringVar(&a.Target, "target", "", "who or what: a name, a number, a chat")
			fs.StringVar(&a.Text, "text", "", "the draft")
			return func(e *Env, args []string) error { return runAsk(e, a, args) }
		},
		values: map[string][]string{"channel": channelWords()},
	})
}

func runAsk(e *Env, a control.Ask, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	if a.People != 0 {
		if err := focus.CheckPeople(a.People); err != nil {
			return invalid(err)
		}
	}
	if a.Channel != "" {
		c, err := focus.ParseChannel(a.Channel)
		if err != nil {
			return invalid(err)
		}
		a.Channel = string(c)
	}
	if err := focus.CheckText("target", a.Target, focus.MaxWho); err != nil {
		return invalid(err)
	}
	if err := focus.CheckText("text", strings.ReplaceAll(a.Text, "\n", " "), 8000); err != nil {
		return invalid(err)
	}
	c, err := e.launchApp()
	if err != nil {
		return err
	}
	_, err = c.Do(control.Request{Op: control.OpAsk, Ask: &a})
	return err
}
