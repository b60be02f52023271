package control

import (
	"bufio"
	"bytes"
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
}

// Listen takes the single-instance lock and listens on the socket. It
// returns ErrRunning when another app holds the lock. A socket left by a
// crashed app is removed: only the lock holder may do that, so a running
// app's socket is never taken away.
func Listen(lockPath, socketPath string, h Handler) (*Server, error) {
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
	s := &Server{ln: ln, lock: lock, path: socketPath, handler: h, slots: make(chan struct{}, 8)}
	s.wg.Add(1)
	go s.serve()
	return s, nil
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
			defer func() { <-s.slots; s.wg.Done() }()
			s.handle(conn)
		}()
	}
}

// handle answers one request. Nothing a client sends can crash the app: a
// slow, oversized or malformed message gets an error and the connection
// is closed.
func (s *Server) handle(conn net.Conn) {
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

// Close stops listening, waits for requests in progress, removes the socket
// and releases the lock.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	os.Remove(s.path)
	s.lock.Unlock()
	return err
}
