package control

import (
	"fmt"
	"net"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// listenPrivate listens on an AF_UNIX socket at path (Windows 10 1803 and
// later) that only this user can connect to. Windows checks a socket's
// file ACL on connect, and umask does not exist here, so the folder holding
// it gets a protected ACL granting this user alone full control, inherited
// by the socket and the lock file. The folder is Pingwise's own
// (home.Dirs.Runtime), so nothing else loses access.
//
// AF_UNIX rather than a named pipe: the single-instance lock, the stale
// socket rule and the client are the same code as on Linux, and it needs
// no further module.
func listenPrivate(path string) (net.Listener, error) {
	if err := ownerOnly(filepath.Dir(path)); err != nil {
		return nil, err
	}
	return net.Listen("unix", path)
}

// ownerOnly replaces dir's ACL with one entry: full control for the
// current user, inherited by what is in it, nothing inherited from above.
func ownerOnly(dir string) error {
	tok := windows.GetCurrentProcessToken()
	user, err := tok.GetTokenUser()
	if err != nil {
		return fmt.Errorf("control folder %s: who am I: %w", dir, err)
	}
	sd, err := windows.SecurityDescriptorFromString("D:P(A;OICI;FA;;;" + user.User.Sid.String() + ")")
	if err != nil {
		return fmt.Errorf("control folder %s: %w", dir, err)
	}
	acl, _, err := sd.DACL()
	if err != nil {
		return fmt.Errorf("control folder %s: %w", dir, err)
	}
	err = windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil)
	if err != nil {
		return fmt.Errorf("control folder %s: make it private: %w", dir, err)
	}
	return nil
}
