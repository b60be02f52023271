package control

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// Handler is what the app does for each request.
type Handler interface {
	Status() (focus.Status, error)
	Start(planned time.Duration, intent string) (focus.Status, error)
	Pause() (focus.Status, error)
	Resume() (focus.Status, error)
	Stop(breakAfter time.Duration) (focus.Status, error)
	Break(length time.Duration) (focus.Status, error)
	LogInterruption(focus.Interruption) (focus.Interruption, error)
	LogDecision(focus.Decision) (focus.Decision, error)
	Show()
	Ask(Ask)
	ShowStats(week string) error
	Quit()
	Doctor() platform.Report
}

// Watcher is the streaming side of a Handler, for status bars: a Handler
// that is also a Watcher answers OpWatch; one that is not refuses it.
type Watcher interface {
	// Watch calls send with the status now, then again on every change a
	// status bar shows: a start, pause, resume, stop, break, each minute of
	// a countdown, Do Not Disturb turning on or off. It returns nil once ctx
	// is done (the client hung up, or the server is closing), and send's
	// error as soon as send fails; it never calls send after returning, nor
	// from two goroutines at once. A send can block for up to WatchWrite on
	// a slow client, so Watch calls it from no goroutine the UI waits on.
	Watch(ctx context.Context, send func(focus.Status) error) error
}

// WatchWrite bounds how long one status line of a watch may take to write:
// a client that stops reading is dropped, not waited on.
const WatchWrite = 5 * time.Second

// maxWatchers bounds the watches open at once (status bars, scripts), which
// hold a connection each for as long as they run.
const maxWatchers = 32

// ErrRunning means another instance holds the lock.
var ErrRunning = errors.New("pingwise is already running")

// Server listens on the control socket.
type Server struct {
	ln      net.Listener
	lock    *flock.Flock
	path    string
	handler Handler
	wg      sync.WaitGroup
	slots   chan struct{}
	watches chan struct{}      // one per open watch, which holds no slot
	ctx     context.Context    // done when the server closes: watches end
	cancel  context.CancelFunc // closes ctx
	closed  sync.Once
	err     error // Close's
}

// Listen takes the single-instance lock and listens on the socket; Serve
// then answers. It returns ErrRunning when another app holds the lock. A
// socket left by a crashed app is removed: only the lock holder may do
// that, so a running app's socket is never taken away.
//
// An app calls it before it opens anything else, so a second start hands
// over to the first without touching the desktop; a client that connects
// before Serve waits in the socket's backlog.
func Listen(lockPath, socketPath string) (*Server, error) {
	dir := filepath.Dir(socketPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("control socket folder: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, fmt.Errorf("control socket folder: %w", err)
	}
	lock := flock.New(lockPath)
	ok, err := lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", lockPath, err)
	}
	if !ok {
		return nil, ErrRunning
	}
	if err := os.Remove(socketPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		lock.Unlock()
		return nil, fmt.Errorf("remove stale socket: %w", err)
	}
	ln, err := listenPrivate(socketPath)
	if err != nil {
		lock.Unlock()
		return nil, fmt.Errorf("listen on %s: %w", socketPath, err)
	}
	s := &Server{ln: ln, lock: lock, path: socketPath, slots: make(chan struct{}, 8),
		watches: make(chan struct{}, maxWatchers)}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s, nil
}

// Serve answers requests with h until Close. It is called once.
func (s *Server) Serve(h Handler) {
	s.handler = h
	s.wg.Add(1)
	go s.serve()
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond) // e.g. out of file descriptors: back off
			continue
		}
		s.slots <- struct{}{}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			var once sync.Once
			free := func() { once.Do(func() { <-s.slots }) }
			defer free()
			s.handle(conn, free)
		}()
	}
}

// handle answers one request. Nothing a client sends can crash the app: a
// slow, oversized or malformed message gets an error and the connection
// is closed. A watch gives its slot back (free) and streams until it ends.
func (s *Server) handle(conn net.Conn, free func()) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReaderSize(io.LimitReader(conn, MaxMessage+1), 4096).ReadSlice('\n')
	var resp Response
	switch {
	case errors.Is(err, bufio.ErrBufferFull) || len(line) > MaxMessage:
		resp.Error = "request too large"
	case err != nil && len(line) == 0:
		return
	default:
		var req Request
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			resp.Error = "malformed request: " + err.Error()
		} else if req.Op == OpWatch {
			free()
			s.watch(conn)
			return
		} else {
			resp = s.dispatch(req)
		}
	}
	b, _ := json.Marshal(resp)
	conn.Write(append(b, '\n'))
}

func (s *Server) dispatch(req Request) (resp Response) {
	defer func() {
		// A handler bug must not take the tray down with it.
		if r := recover(); r != nil {
			resp = Response{Error: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	h := s.handler
	var (
		st  focus.Status
		err error
	)
	switch req.Op {
	case OpStatus:
		st, err = h.Status()
	case OpStart:
		st, err = h.Start(req.Duration, req.Intent)
	case OpPause:
		st, err = h.Pause()
	case OpResume:
		st, err = h.Resume()
	case OpStop:
		st, err = h.Stop(req.Duration)
	case OpBreak:
		st, err = h.Break(req.Duration)
	case OpLog:
		if req.Interruption == nil {
			return Response{Error: "log: no interruption"}
		}
		i, err := h.LogInterruption(*req.Interruption)
		if err != nil {
			return Response{Error: err.Error()}
		}
		return Response{Interruption: &i}
	case OpDecide:
		if req.Decision == nil {
			return Response{Error: "decide: no decision"}
		}
		d, err := h.LogDecision(*req.Decision)
		if err != nil {
			return Response{Error: err.Error()}
		}
		return Response{Decision: &d}
	case OpShow:
		h.Show()
		return Response{}
	case OpAsk:
		a := Ask{}
		if req.Ask != nil {
			a = *req.Ask
		}
		h.Ask(a)
		return Response{}
	case OpQuit:
		h.Quit()
		return Response{}
	case OpStats:
		if err := h.ShowStats(req.Week); err != nil {
			return Response{Error: err.Error()}
		}
		return Response{}
	case OpDoctor:
		r := h.Doctor()
		return Response{Doctor: &r}
	default:
		return Response{Error: fmt.Sprintf("unknown op %q", req.Op)}
	}
	if err != nil {
		return Response{Error: err.Error()}
	}
	return Response{Status: wrap(st)}
}

// watch streams the handler's statuses to conn, one line each, until the
// client hangs up, the server closes or the handler stops. A watch the
// server ends gets a last line with Closing set, so the client can tell a
// quitting app from a lost one.
func (s *Server) watch(conn net.Conn) {
	write := func(r Response) error {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		conn.SetWriteDeadline(time.Now().Add(WatchWrite))
		_, err = conn.Write(append(b, '\n'))
		return err
	}
	select {
	case s.watches <- struct{}{}:
		defer func() { <-s.watches }()
	default:
		write(Response{Error: "too many watches open"})
		return
	}
	conn.SetDeadline(time.Time{})
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	go func() {
		// The client sends nothing more: a read returns when it hangs up
		// (or when the deferred Close in handle ends the watch).
		conn.Read(make([]byte, 1))
		cancel()
	}()
	err := s.safeWatch(ctx, func(st focus.Status) error { return write(Response{Status: wrap(st)}) })
	switch {
	case s.ctx.Err() != nil:
		write(Response{Closing: true})
	case err != nil && ctx.Err() == nil:
		write(Response{Error: err.Error()})
	}
}

// safeWatch runs the handler's Watch; a panic in it ends the watch, not
// the app.
func (s *Server) safeWatch(ctx context.Context, send func(focus.Status) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	w, ok := s.handler.(Watcher)
	if !ok {
		return errors.New("this app cannot watch")
	}
	return w.Watch(ctx, send)
}

// Close stops listening, ends the watches, waits for requests in progress,
// removes the socket and releases the lock.
//
// Calling it again does nothing and returns the first call's error: an app
// defers it once for the start and again, to run first, once it serves.
func (s *Server) Close() error {
	s.closed.Do(func() {
		s.err = s.ln.Close()
		s.cancel()
		s.wg.Wait()
		os.Remove(s.path)
		s.lock.Unlock()
	})
	return s.err
}
