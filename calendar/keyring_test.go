package calendar

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/calendar/radicaletest"
)

// The real secret store, in a child process on a private session bus with
// its own gnome-keyring (unlocked, in a temporary home): a password stored
// is read back and deleted; and with no bus at all, storing is refused as
// ErrNoSecretStore. A child, because the D-Bus library keeps one session
// connection per process.
func TestKeyringReal(t *testing.T) {
	switch os.Getenv("PINGWISE_KEYRING_CHILD") {
	case "store":
		k := Keyring{}
		// gnome-keyring creates and unlocks the login keyring a moment
		// after it answers: poll the real daemon, with a deadline.
		deadline := time.Now().Add(10 * time.Second)
		for {
			err := k.Set("work", "dana", "s3cret ü")
			if err == nil {
				break
			}
			if !strings.Contains(err.Error(), "is locked") || time.Now().After(deadline) {
				t.Fatalf("set: %v", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		if pw, err := k.Get("work", "dana"); err != nil || pw != "s3cret ü" {
			t.Fatalf("get: %q %v", pw, err)
		}
		if err := k.Delete("work", "dana"); err != nil {
			t.Fatalf("delete: %v", err)
		}
		if _, err := k.Get("work", "dana"); err == nil || !strings.Contains(err.Error(), "no password for work") {
			t.Fatalf("get after delete: %v", err)
		}
		return
	case "none":
		err := Keyring{}.Set("work", "dana", "pw")
		if !errors.Is(err, ErrNoSecretStore) || strings.Contains(err.Error(), "\n") {
			t.Fatalf("no store: %v", err)
		}
		return
	}
	radicaletest.E2E(t, "dbus-run-session", "gnome-keyring-daemon")
	home := t.TempDir()
	env := append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
	run := func(mode string, cmd *exec.Cmd, extra ...string) {
		t.Helper()
		cmd.Env = append(append(env, "PINGWISE_KEYRING_CHILD="+mode), extra...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", mode, err, out)
		}
	}
	// Unlocked with a password on stdin, then wait for it to own its bus
	// name: asking earlier makes the bus start a second, locked daemon.
	run("store", exec.Command("dbus-run-session", "--", "sh", "-c", `printf x | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
for i in $(seq 200); do
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q true && exec "$0" -test.run='^TestKeyringReal$'
	sleep 0.05
done
echo "gnome-keyring-daemon did not take org.freedesktop.secrets in 10 s"; exit 1`, os.Args[0]))
	run("none", exec.Command(os.Args[0], "-test.run=^TestKeyringReal$"),
		"DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(home, "no-bus"))
}
