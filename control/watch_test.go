package control

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// fakeWatcher is a handler that streams: the status now, then what the
// test puts on updates, as the engine does on each change.
type fakeWatcher struct {
	fakeHandler
	updates chan focus.Status
	ended   chan error // what each Watch returned
	failNow error      // Watch returns this at once, after the first status
}

func newFakeWatcher() *fakeWatcher {
	return &fakeWatcher{updates: make(chan focus.Status), ended: make(chan error, 64)}
}

func (f *fakeWatcher) Watch(ctx context.Context, send func(focus.Status) error) error {
	err := f.watch(ctx, send)
	f.ended <- err
	return err
}

func (f *fakeWatcher) watch(ctx context.Context, send func(focus.Status) error) error {
	if err := send(focus.Status{State: focus.Idle}); err != nil {
		return err
	}
	if f.failNow != nil {
		return f.failNow
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case st := <-f.updates:
			if err := send(st); err != nil {
				return err
			}
		}
	}
}

// watchInBackground runs a client's Watch and hands each status to got.
func watchInBackground(ctx context.Context, c *Client) (got chan focus.Status, done chan error) {
	got, done = make(chan focus.Status, 16), make(chan error, 1)
	go func() {
		done <- c.Watch(ctx, func(st focus.Status) error { got <- st; return nil })
	}()
	return got, done
}

func next(t *testing.T, got chan focus.Status) focus.Status {
	t.Helper()
	select {
	case st := <-got:
		return st
	case <-time.After(10 * time.Second):
		t.Fatal("no status within 10 s")
		return focus.Status{}
	}
}

func result(t *testing.T, done chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not end within 10 s")
		return nil
	}
}

func TestWatchStreamsUntilTheAppQuits(t *testing.T) {
	h := newFakeWatcher()
	s, sock := listen(t, h)
	c, err := Dial(sock)
	if err != nil {
		t.Fatal(err)
	}
	got, done := watchInBackground(context.Background(), c)
	if st := next(t, got); st.State != focus.Idle {
		t.Fatalf("first status %+v, want the state now (idle)", st)
	}
	for _, want := range []focus.Status{
		{State: focus.Focusing, Intent: "write", Planned: 25 * time.Minute, Remaining: 25 * time.Minute},
		{State: focus.Focusing, Intent: "write", Planned: 25 * time.Minute, Remaining: 24 * time.Minute},
		{State: focus.Paused, Intent: "write", Planned: 25 * time.Minute, Remaining: 24 * time.Minute, DND: "off"},
	} {
		h.updates <- want
		if st := next(t, got); st.State != want.State || st.Remaining != want.Remaining || st.Planned != want.Planned ||
			st.Intent != want.Intent || st.DND != want.DND {
			t.Fatalf("got %+v, want %+v", st, want)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := result(t, done); err != nil {
		t.Errorf("a watch the quitting app ends: %v, want nil", err)
	}
	if err := <-h.ended; err != nil {
		t.Errorf("the handler's Watch returned %v once the server closed, want nil", err)
	}
}

func TestWatchEndsWhenTheClientHangsUp(t *testing.T) {
	h := newFakeWatcher()
	_, sock := listen(t, h)
	c, _ := Dial(sock)
	ctx, cancel := context.WithCancel(context.Background())
	got, done := watchInBackground(ctx, c)
	next(t, got)
	cancel()
	if err := result(t, done); err != nil {
		t.Errorf("a watch the client cancels: %v, want nil", err)
	}
	select {
	case err := <-h.ended:
		if err != nil {
			t.Errorf("the handler's Watch returned %v when the client hung up, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the handler's Watch still runs after the client hung up")
	}
}

func TestWatchesHoldNoRequestSlot(t *testing.T) {
	h := newFakeWatcher()
	_, sock := listen(t, h)
	c, _ := Dial(sock)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 12 { // more than the 8 request slots
		got, _ := watchInBackground(ctx, c)
		next(t, got)
	}
	if _, err := c.Status(); err != nil {
		t.Fatalf("a request while 12 watches run: %v", err)
	}
}

func TestWatchErrors(t *testing.T) {
	t.Run("a handler that cannot watch", func(t *testing.T) {
		_, sock := listen(t, &fakeHandler{})
		c, _ := Dial(sock)
		err := c.Watch(context.Background(), func(focus.Status) error { t.Error("a status from a handler that cannot watch"); return nil })
		if err == nil || err.Error() != "this app cannot watch" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("the handler fails", func(t *testing.T) {
		h := newFakeWatcher()
		h.failNow = errors.New("the store is locked")
		_, sock := listen(t, h)
		c, _ := Dial(sock)
		n := 0
		err := c.Watch(context.Background(), func(focus.Status) error { n++; return nil })
		if n != 1 || err == nil || err.Error() != "the store is locked" {
			t.Errorf("%d statuses, err %v", n, err)
		}
	})
	t.Run("the client's own error", func(t *testing.T) {
		h := newFakeWatcher()
		_, sock := listen(t, h)
		c, _ := Dial(sock)
		stop := errors.New("stdout closed")
		if err := c.Watch(context.Background(), func(focus.Status) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("err = %v, want %v", err, stop)
		}
	})
	t.Run("the app killed", func(t *testing.T) {
		// An app that dies sends no closing line: the connection just drops.
		if runtime.GOOS == "windows" {
			t.Skip("the stand-in app is a Unix socket; on Windows the channel is a named pipe")
		}
		sock := filepath.Join(t.TempDir(), "s")
		ln, err := net.Listen("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 512)
			conn.Read(buf)
			conn.Write([]byte(`{"status":{"state":"focusing"}}` + "\n"))
			conn.Close()
		}()
		c := &Client{path: sock}
		n := 0
		if err := c.Watch(context.Background(), func(focus.Status) error { n++; return nil }); !errors.Is(err, ErrAppGone) || n != 1 {
			t.Errorf("%d statuses, err %v, want ErrAppGone after one", n, err)
		}
	})
	t.Run("not running", func(t *testing.T) {
		c := &Client{path: filepath.Join(t.TempDir(), "none")}
		if err := c.Watch(context.Background(), func(focus.Status) error { return nil }); !errors.Is(err, ErrNotRunning) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestTooManyWatches(t *testing.T) {
	h := newFakeWatcher()
	_, sock := listen(t, h)
	c, _ := Dial(sock)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range maxWatchers {
		got, _ := watchInBackground(ctx, c)
		next(t, got)
	}
	err := c.Watch(ctx, func(focus.Status) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "too many watches") {
		t.Errorf("watch number %d: %v", maxWatchers+1, err)
	}
}
