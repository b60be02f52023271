package control

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// ErrNotRunning means no app answers on the socket.
var ErrNotRunning = errors.New("pingwise is not running")

// Client talks to the running app.
type Client struct {
	path string
}

// Dial connects to the app listening on socketPath, or returns
// ErrNotRunning. A socket file with nobody behind it (a crashed app) counts
// as not running.
func Dial(socketPath string) (*Client, error) {
	c := &Client{path: socketPath}
	conn, err := dial(socketPath, time.Second)
	if err != nil {
		return nil, ErrNotRunning
	}
	conn.Close()
	return c, nil
}

// Do sends a request and returns the app's response.
func (c *Client) Do(req Request) (Response, error) {
	var resp Response
	conn, err := dial(c.path, time.Second)
	if err != nil {
		return resp, ErrNotRunning
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	b, err := json.Marshal(req)
	if err != nil {
		return resp, err
	}
	if len(b) > MaxMessage {
		return resp, errors.New("request too large")
	}
	if _, err := conn.Write(append(b, '\n')); err != nil {
		return resp, fmt.Errorf("talk to the app: %w", err)
	}
	line, err := bufio.NewReader(io.LimitReader(conn, MaxMessage+1)).ReadBytes('\n')
	if err != nil && len(line) == 0 {
		return resp, fmt.Errorf("no answer from the app: %w", err)
	}
	if err := json.Unmarshal(line, &resp); err != nil {
		return resp, fmt.Errorf("bad answer from the app: %w", err)
	}
	if resp.Error != "" {
		return resp, errors.New(resp.Error)
	}
	return resp, nil
}

func (c *Client) status(req Request) (focus.Status, error) {
	resp, err := c.Do(req)
	if err != nil {
		return focus.Status{}, err
	}
	if resp.Status == nil {
		return focus.Status{}, errors.New("the app sent no status")
	}
	return resp.Status.unwrap(), nil
}

// Status asks for the state.
func (c *Client) Status() (focus.Status, error) { return c.status(Request{Op: OpStatus}) }

// Start starts a session.
func (c *Client) Start(planned time.Duration, intent string) (focus.Status, error) {
	return c.status(Request{Op: OpStart, Duration: planned, Intent: intent})
}

// Pause pauses the session.
func (c *Client) Pause() (focus.Status, error) { return c.status(Request{Op: OpPause}) }

// Resume resumes the session.
func (c *Client) Resume() (focus.Status, error) { return c.status(Request{Op: OpResume}) }

// Stop stops the session or break.
func (c *Client) Stop(breakAfter time.Duration) (focus.Status, error) {
	return c.status(Request{Op: OpStop, Duration: breakAfter})
}

// Break starts a break.
func (c *Client) Break(length time.Duration) (focus.Status, error) {
	return c.status(Request{Op: OpBreak, Duration: length})
}

// LogInterruption logs an interruption through the app.
func (c *Client) LogInterruption(i focus.Interruption) (focus.Interruption, error) {
	resp, err := c.Do(Request{Op: OpLog, Interruption: &i})
	if err != nil {
		return i, err
	}
	if resp.Interruption == nil {
		return i, errors.New("the app sent no interruption")
	}
	return *resp.Interruption, nil
}

// LogDecision logs a decision through the app.
func (c *Client) LogDecision(d focus.Decision) (focus.Decision, error) {
	resp, err := c.Do(Request{Op: OpDecide, Decision: &d})
	if err != nil {
		return d, err
	}
	if resp.Decision == nil {
		return d, errors.New("the app sent no decision")
	}
	return *resp.Decision, nil
}

// Doctor asks the app what works on its desktop.
func (c *Client) Doctor() (platform.Report, error) {
	resp, err := c.Do(Request{Op: OpDoctor})
	if err != nil {
		return platform.Report{}, err
	}
	if resp.Doctor == nil {
		return platform.Report{}, errors.New("the app sent no doctor's report")
	}
	return *resp.Doctor, nil
}

// ErrAppGone means the app stopped answering a watch without saying it
// was quitting: it crashed or was killed.
var ErrAppGone = errors.New("the app stopped answering")

// Watch follows the app's status: each is called with the status now, then
// on every change the app sends. It returns nil when the app quits or ctx
// is done, each's error as soon as each fails, ErrAppGone when the
// connection drops without the app's last word, and the app's error when
// it refuses the watch.
func (c *Client) Watch(ctx context.Context, each func(focus.Status) error) error {
	conn, err := dial(c.path, time.Second)
	if err != nil {
		return ErrNotRunning
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	b, err := json.Marshal(Request{Op: OpWatch})
	if err != nil {
		return err
	}
	if _, err := conn.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("talk to the app: %w", err)
	}
	sc := bufio.NewScanner(conn)
	sc.Buffer(make([]byte, 4096), MaxMessage)
	for sc.Scan() {
		var resp Response
		if err := json.Unmarshal(sc.Bytes(), &resp); err != nil {
			return fmt.Errorf("bad answer from the app: %w", err)
		}
		switch {
		case resp.Error != "":
			return errors.New(resp.Error)
		case resp.Closing:
			return nil
		case resp.Status == nil:
			return errors.New("the app sent no status")
		}
		if err := each(resp.Status.unwrap()); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return nil
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrAppGone, err)
	}
	return ErrAppGone
}
