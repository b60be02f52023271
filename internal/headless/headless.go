// Package headless starts what tests of a desktop program need without a
// screen: a private X server (Xvfb) and a private D-Bus session bus. The
// end-to-end tests, the X11 tests and the quiet-focus tests share it.
package headless

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Process is a started server.
type Process struct{ cmd *exec.Cmd }

// Pid is the server's process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Stop ends it with SIGTERM, so that Xvfb removes its lock file and socket,
// and kills it if it has not gone in 5 s.
func (p *Process) Stop() {
	if p == nil || p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	exited := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
	}
}

// Xvfb starts an X server on a free display and returns the display (":N").
// Xvfb picks the display and writes its number to fd 3, so parallel runs and
// a developer's own display never collide.
func Xvfb(width, height int) (*Process, string, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	defer r.Close()
	// -noreset: by default Xvfb resets when its last client leaves, and
	// drops the connections of whoever comes next meanwhile.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height),
		"-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	// Xvfb complains about each display it finds taken; only a failure matters.
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Start()
	w.Close()
	if err != nil {
		return nil, "", fmt.Errorf("start Xvfb: %w", err)
	}
	p := &Process{cmd}
	n, err := firstLine(r, 10*time.Second)
	if err != nil || n == "" {
		p.Stop()
		return nil, "", fmt.Errorf("Xvfb did not report its display (%v):\n%s", err, stderr.Bytes())
	}
	return p, ":" + n, nil
}

// Bus starts a D-Bus daemon with the standard session configuration, or
// configFile when it is not empty, and returns its address. env is the
// environment of the services it activates.
func Bus(env []string, configFile string) (*Process, string, error) {
	args := []string{"--session", "--nofork", "--print-address=1"}
	if configFile != "" {
		args = []string{"--config-file=" + configFile, "--nofork", "--print-address=1"}
	}
	cmd := exec.Command("dbus-daemon", args...)
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("start dbus-daemon: %w", err)
	}
	p := &Process{cmd}
	addr, err := firstLine(out, 10*time.Second)
	if err != nil || addr == "" {
		p.Stop()
		return nil, "", fmt.Errorf("dbus-daemon gave no address: %v", err)
	}
	return p, addr, nil
}

// emptySystemBus lets anyone connect, own any name and call anything: no
// service is there to guard, and it starts none.
const emptySystemBus = `<busconfig>
  <type>system</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
`

// QuietSessionBus is a session bus configuration that starts no service on
// demand: nothing of the machine's (portals, notification daemons,
// evolution's calendar) joins a test unasked.
const QuietSessionBus = `<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// Output is a program's output, written by the goroutines of its pipes
// and read by a test while the program runs.
type Output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// EmptySystemBus starts a private system bus with nothing on it, its
// configuration written in dir, and returns its address for
// DBUS_SYSTEM_BUS_ADDRESS. GNOME Shell will not start without a system bus
// to connect to, but is content with nothing answering there.
func EmptySystemBus(dir string) (*Process, string, error) {
	cfg := filepath.Join(dir, "system-bus.conf")
	if err := os.WriteFile(cfg, []byte(emptySystemBus), 0o644); err != nil {
		return nil, "", err
	}
	return Bus(nil, cfg)
}

func firstLine(r io.Reader, limit time.Duration) (string, error) {
	type result struct {
		s   string
		err error
	}
	c := make(chan result, 1)
	go func() {
		s, err := bufio.NewReader(r).ReadString('\n')
		c <- result{strings.TrimSpace(s), err}
	}()
	select {
	case res := <-c:
		return res.s, res.err
	case <-time.After(limit):
		return "", fmt.Errorf("nothing in %s", limit)
	}
}
