package cli_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// TestOpenRefusesHostileLinks: a crafted link gets exit 2 and one line
// saying what is wrong, and nothing runs: no app is started (it would
// answer, or fail with exit 1), no command hidden in the link leaves a file.
func TestOpenRefusesHostileLinks(t *testing.T) {
	t.Chdir(t.TempDir()) // where `touch X` would leave X
	for _, tc := range []struct{ link, want string }{
		{"tel:$(touch X)", "has a space"},
		{"tel:$(touch%20X)", "does not hold a phone number"},
		{"tel:123;rm -rf ~", "has a space"},
		{"tel:123;touch$IFS'X'", "malformed parameter"},
		{"tel:`touch X`", "'`'"},
		{"tel:123\ntouch X", "control character (U+000A)"},
		{"tel:123\rX", "control character (U+000D)"},
		{"tel:123\x00X", "control character (U+0000)"},
		{"tel:+1555\u202e4321", "invisible formatting character (U+202E)"},
		{"file:///etc/passwd", `"file:" links are not call or message links`},
		{"javascript:alert(1)", `"javascript:" links are not call or message links`},
		{"http://x", `"http:" links are not call or message links`},
		{"-tel:1", "starts with '-'"},
		{"--help", "starts with '-'"},
		{"", "no link given"},
		{"tel:" + strings.Repeat("9", 100<<10), "link is too long: 102404 bytes, at most 2048"},
	} {
		name := tc.link[:min(len(tc.link), 30)]
		t.Run(name, func(t *testing.T) {
			h := newHome(t, "")
			// As the desktop entry runs it, and as a person types it.
			forms := [][]string{{"open", "--", tc.link}}
			if !strings.HasPrefix(tc.link, "-") {
				forms = append(forms, []string{"open", tc.link})
			}
			for _, args := range forms {
				start := time.Now()
				r := h.run("", args...)
				if r.code != 2 || r.stdout != "" {
					t.Fatalf("pingwise open %q: %v", name, r)
				}
				checkOneLine(t, r.stderr)
				if !strings.Contains(r.stderr, tc.want) {
					t.Errorf("stderr %q does not say %q", r.stderr, tc.want)
				}
				if len(r.stderr) > 300 {
					t.Errorf("stderr is %d bytes long", len(r.stderr))
				}
				if d := time.Since(start); d > 2*time.Second {
					t.Errorf("took %v: was the app started?", d)
				}
			}
			for _, f := range []string{"pingwise.sock", "pingwise.db"} {
				if _, err := os.Stat(h.path(f)); err == nil {
					t.Errorf("%s was created", f)
				}
			}
			for _, f := range []string{"X", "pwned"} {
				if _, err := os.Stat(f); err == nil {
					t.Errorf("a command in the link ran: %s exists", f)
				}
			}
		})
	}
	h := newHome(t, "")
	r := h.run("", "open", "tel:1", strings.Repeat("x", 100<<10))
	if r.code != 2 || !strings.Contains(r.stderr, "open takes one link, not 2 arguments") {
		t.Errorf("two links: %v", r)
	}
	checkOneLine(t, r.stderr)
}

// askRecorder is a running app that only records what it is asked.
type askRecorder struct {
	mu    sync.Mutex
	asks  []control.Ask
	shows int
}

func (a *askRecorder) Status() (focus.Status, error)                     { return focus.Status{}, nil }
func (a *askRecorder) Start(time.Duration, string) (focus.Status, error) { return focus.Status{}, nil }
func (a *askRecorder) Pause() (focus.Status, error)                      { return focus.Status{}, nil }
func (a *askRecorder) Resume() (focus.Status, error)                     { return focus.Status{}, nil }
func (a *askRecorder) Stop(time.Duration) (focus.Status, error)          { return focus.Status{}, nil }
func (a *askRecorder) Break(time.Duration) (focus.Status, error)         { return focus.Status{}, nil }
func (a *askRecorder) LogInterruption(i focus.Interruption) (focus.Interruption, error) {
	return i, nil
}
func (a *askRecorder) LogDecision(d focus.Decision) (focus.Decision, error) { return d, nil }
func (a *askRecorder) ShowStats(string) error                               { return nil }
func (a *askRecorder) Quit()                                                {}
func (a *askRecorder) Doctor() platform.Report                              { return platform.Report{} }
func (a *askRecorder) Show() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.shows++
}
func (a *askRecorder) Ask(q control.Ask) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.asks = append(a.asks, q)
}

// TestOpenAsksTheApp: a good link opens the popup in the running app,
// prefilled with the target, the channel and the link to hand on.
func TestOpenAsksTheApp(t *testing.T) {
	t.Parallel()
	h := newHome(t, "")
	app := &askRecorder{}
	srv, err := control.Listen(h.path("pingwise.lock"), h.path("pingwise.sock"))
	if err != nil {
		t.Fatal(err)
	}
	srv.Serve(app)
	defer srv.Close()
	for _, tc := range []struct {
		link string
		want control.Ask
	}{
		{"TEL:+1-555-123-4567", control.Ask{People: 1, Channel: "call", Target: "+1-555-123-4567", Link: "tel:+1-555-123-4567"}},
		{"mailto:dana@example.com?subject=Hi", control.Ask{People: 1, Channel: "email", Target: "dana@example.com", Link: "mailto:dana@example.com?subject=Hi"}},
		{"slack://channel?team=T123&id=C456", control.Ask{People: 1, Channel: "chat", Target: "Slack channel C456", Link: "slack://channel?team=T123&id=C456"}},
		{"zoommtg://zoom.us/join?confno=123456789&pwd=x", control.Ask{People: 1, Channel: "meeting", Target: "Zoom meeting 123456789", Link: "zoommtg://zoom.us/join?confno=123456789&pwd=x"}},
	} {
		if r := h.run("", "open", "--", tc.link); r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Fatalf("pingwise open %s: %v", tc.link, r)
		}
		app.mu.Lock()
		got := app.asks[len(app.asks)-1]
		app.mu.Unlock()
		if got != tc.want {
			t.Errorf("pingwise open %s asked %+v, want %+v", tc.link, got, tc.want)
		}
	}
	if r := h.run("", "open"); r.code != 0 || app.shows != 1 {
		t.Errorf("pingwise open without a link: %v, %d shows", r, app.shows)
	}
}

// TestInstallDryRun: the plan is printed, and nothing is written in the
// XDG folders nor in Pingwise's home.
func TestInstallDryRun(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the XDG installer; integrate_windows_test.go tests the registry one")
	}
	root := t.TempDir()
	data, config := filepath.Join(root, "data"), filepath.Join(root, "config")
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("XDG_CONFIG_HOME", config)
	h := newHome(t, "start_at_login = true\n")
	r := h.run("", "install", "--dry-run")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("install --dry-run: %v", r)
	}
	for _, want := range []string{
		"write " + filepath.Join(h.dir, "handlers.json") + "\n",
		"write " + filepath.Join(data, "applications", "io.github.pingwise.desktop") + "\n",
		"write " + filepath.Join(data, "icons", "hicolor", "256x256", "apps", "io.github.pingwise.png") + "\n",
		"write " + filepath.Join(config, "autostart", "io.github.pingwise.desktop") + "\n",
		"dry run: nothing was changed\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the plan has no line %q:\n%s", want, r.stdout)
		}
	}
	// With xdg-mime here, the plan registers each scheme; without it,
	// it says a real run would stop.
	if !strings.Contains(r.stdout, "xdg-mime default io.github.pingwise.desktop x-scheme-handler/tel (was ") &&
		!strings.Contains(r.stdout, "xdg-mime is not installed") {
		t.Errorf("the plan does not say what becomes of tel: links:\n%s", r.stdout)
	}
	if _, err := os.Stat(root + "/data"); err == nil {
		t.Errorf("a dry run created %s", data)
	}
	if _, err := os.Stat(config); err == nil {
		t.Errorf("a dry run created %s", config)
	}
	if _, err := os.Stat(h.path("handlers.json")); err == nil {
		t.Error("a dry run wrote handlers.json")
	}

	r = h.run("", "uninstall", "--dry-run")
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "Pingwise is not installed: nothing to do\n") {
		t.Errorf("uninstall --dry-run: %v", r)
	}
	if r := h.run("", "install", "now"); r.code != 2 {
		t.Errorf("install now: %v", r)
	}
}
