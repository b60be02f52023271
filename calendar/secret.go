package calendar

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zalando/go-keyring"
)

// Secrets keeps calendar passwords out of the settings file.
type Secrets interface {
	Get(source, user string) (string, error)
	Set(source, user, password string) error
	Delete(source, user string) error
}

// ErrNoSecretStore means the desktop has no secret store running; the
// password is then not kept at all, never in clear text instead.
var ErrNoSecretStore = errors.New("no secret store is running (gnome-keyring or KWallet on Linux, Credential Manager on Windows): " +
	"Pingwise keeps calendar passwords only there, never in clear text")

// Keyring is the desktop's secret store: the Secret Service on Linux,
// Credential Manager on Windows, the Keychain on macOS.
type Keyring struct{}

const keyringService = "pingwise-calendar"

func keyringUser(source, user string) string { return source + ":" + user }

// Get reads a password.
func (Keyring) Get(source, user string) (string, error) {
	pw, err := keyring.Get(keyringService, keyringUser(source, user))
	if errors.Is(err, keyring.ErrNotFound) {
		return "", fmt.Errorf("no password for %s in the secret store: add the calendar again with --password-stdin", source)
	}
	if err != nil {
		return "", storeError(err)
	}
	return pw, nil
}

// Set stores a password.
func (Keyring) Set(source, user, password string) error {
	if err := keyring.Set(keyringService, keyringUser(source, user), password); err != nil {
		return storeError(err)
	}
	return nil
}

// Delete forgets a password; one never stored is no error.
func (Keyring) Delete(source, user string) error {
	err := keyring.Delete(keyringService, keyringUser(source, user))
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return storeError(err)
	}
	return nil
}

// storeError tells "there is no store" apart from other failures: the
// library reports the first as a D-Bus error (no session bus, or nothing
// owns org.freedesktop.secrets) or as ErrUnsupportedPlatform.
func storeError(err error) error {
	if errors.Is(err, keyring.ErrUnsupportedPlatform) || isNoService(err) {
		return fmt.Errorf("%w (%v)", ErrNoSecretStore, err)
	}
	if strings.Contains(err.Error(), "failed to unlock") {
		return errors.New("the secret store is locked: unlock it (log in to the desktop, or open Passwords and Keys) and try again")
	}
	return fmt.Errorf("the secret store: %w", err)
}
