//go:build !windows

package control

import (
	"net"
	"os"
	"syscall"
	"time"
)

// listenPrivate listens on a Unix socket at path that only this user can
// connect to: it is created owner-only from the start, not chmod-ed after.
func listenPrivate(path string) (net.Listener, error) {
	old := syscall.Umask(0o077)
	ln, err := net.Listen("unix", path)
	syscall.Umask(old)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil { // sockets need no execute bit
		ln.Close()
		return nil, err
	}
	return ln, nil
}

// dial connects to the socket at path.
func dial(path string, timeout time.Duration) (net.Conn, error) {
	return net.DialTimeout("unix", path, timeout)
}
