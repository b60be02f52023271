package control

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/Microsoft/go-winio"
	"golang.org/x/sys/windows"
)

// On Windows the control channel is a named pipe, not an AF_UNIX socket:
// AF_UNIX needs Windows 10 1803 and is missing from Wine, where Pingwise is
// tested; a pipe works everywhere and carries its own ACL. The socket path
// still names the channel (see pipeName), so the lock file, the stale
// socket rule and the single instance are the same code as on Linux.

// listenPrivate listens on the pipe for path, which only this user may open:
// its security descriptor grants the current user alone full access, and
// go-winio creates the first instance with FILE_FLAG_FIRST_PIPE_INSTANCE,
// so listening fails if another process (another user's) already holds the
// name.
func listenPrivate(path string) (net.Listener, error) {
	name, sid, err := pipeName(path)
	if err != nil {
		return nil, err
	}
	return winio.ListenPipe(name, &winio.PipeConfig{
		SecurityDescriptor: "D:P(A;;GA;;;" + sid + ")",
		InputBufferSize:    MaxMessage,
		OutputBufferSize:   MaxMessage,
	})
}

// dial connects to the pipe for path.
func dial(path string, timeout time.Duration) (net.Conn, error) {
	name, _, err := pipeName(path)
	if err != nil {
		return nil, err
	}
	return winio.DialPipe(name, &timeout)
}

// pipeName is the pipe for a socket path: the user's SID, so two people on
// one machine never meet, and a hash of the path, so two --home folders
// run two apps, as two socket files do on Linux.
func pipeName(path string) (name, sid string, err error) {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return "", "", fmt.Errorf("control pipe: who am I: %w", err)
	}
	sid = user.User.Sid.String()
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", fmt.Errorf("control pipe for %s: %w", path, err)
	}
	sum := sha256.Sum256([]byte(strings.ToLower(abs))) // Windows paths ignore case
	return `\\.\pipe\pingwise-` + sid + "-" + hex.EncodeToString(sum[:8]), sid, nil
}
