package cli_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin must load even on a machine without zoneinfo

	"github.com/pingwise/pingwise/cli"
)

// TestMain points HOME and the XDG folders at a throwaway folder and clears
// PINGWISE_HOME, so that a test that forgot --home writes there and never
// into the real folders of whoever runs the tests.
func TestMain(m *testing.M) {
	sandbox, err := os.MkdirTemp("", "pingwise-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, k := range []string{"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR"} {
		os.Setenv(k, filepath.Join(sandbox, strings.ToLower(k)))
	}
	os.Unsetenv("PINGWISE_HOME")
	code := m.Run()
	os.RemoveAll(sandbox)
	os.Exit(code)
}

// berlin is the time zone of the scripted tests: one with an offset from
// UTC, so that a day counted in UTC instead of the settings' zone shows.
var berlin = mustLoad("Europe/Berlin")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// fakeClock is a settable clock: tests move time instead of sleeping.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// berlinTime returns a wall-clock time in Berlin in November 2026 (UTC+1).
func berlinTime(day, hour, min int) time.Time {
	return time.Date(2026, time.November, day, hour, min, 0, 0, berlin)
}

// testHome is one person's Pingwise: a --home folder and a clock.
type testHome struct {
	t     *testing.T
	dir   string
	clock *fakeClock
}

// newHome makes an empty home in a temporary folder, with a settings file
// when settings is not empty, and the clock at Monday 23 Nov 2026 09:00 in
// Berlin.
func newHome(t *testing.T, settings string) *testHome {
	t.Helper()
	h := &testHome{t: t, dir: t.TempDir(), clock: &fakeClock{now: berlinTime(23, 9, 0)}}
	if settings != "" {
		h.write("settings.toml", settings)
	}
	return h
}

func (h *testHome) path(name string) string { return filepath.Join(h.dir, name) }

func (h *testHome) dbPath() string { return h.path("pingwise.db") }

func (h *testHome) write(name, content string) string {
	h.t.Helper()
	p := h.path(name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return p
}

// result is what one run of the command line did.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
}

// run runs `pingwise --home DIR args...` in-process with stdin.
func (h *testHome) run(stdin string, args ...string) result {
	h.t.Helper()
	var out, errs bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errs, Clock: h.clock}
	code := cli.Main(append([]string{"--home", h.dir}, args...), env, noApp(h.t))
	return result{out.String(), errs.String(), code}
}

// ok runs a command that must succeed silently on stderr, and returns its
// standard output.
func (h *testHome) ok(args ...string) string {
	h.t.Helper()
	r := h.run("", args...)
	if r.code != 0 || r.stderr != "" {
		h.t.Fatalf("pingwise %s: %v", strings.Join(args, " "), r)
	}
	return r.stdout
}

// noApp stands in for the tray app, which no command may start.
func noApp(t *testing.T) cli.App {
	return func(*cli.Env) int {
		t.Error("the tray app was started")
		return 99
	}
}

// runIn runs the command line without --home, for the PINGWISE_HOME test.
func runIn(t *testing.T, clock *fakeClock, args ...string) result {
	t.Helper()
	var out, errs bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Clock: clock}
	code := cli.Main(args, env, noApp(t))
	return result{out.String(), errs.String(), code}
}

// checkOneLine fails unless stderr is exactly one "pingwise: ..." line
// without a Go stack trace or panic.
func checkOneLine(t *testing.T, stderr string) {
	t.Helper()
	if !strings.HasPrefix(stderr, "pingwise: ") || !strings.HasSuffix(stderr, "\n") ||
		strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr is not one pingwise: line: %q", stderr)
	}
	for _, bad := range []string{"goroutine ", "panic", ".go:"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr looks like a crash (%q): %q", bad, stderr)
		}
	}
}

// exportLines returns `pingwise export` (JSON Lines) as its lines.
func (h *testHome) exportLines() []string {
	h.t.Helper()
	out := h.ok("export")
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// decodeOne decodes out as exactly one JSON object into v, and returns its
// keys, so that a test can check both the values and that nothing else was
// printed.
func decodeOne(t *testing.T, out string, v any) map[string]json.RawMessage {
	t.Helper()
	if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") {
		t.Fatalf("want one line of JSON, got %q", out)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &keys); err != nil {
		t.Fatalf("not one JSON object: %v: %q", err, out)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	return keys
}

// notOnWindows skips a test that runs Linux programs, when the tests are
// cross-built and run under Wine (e2e/wine).
func notOnWindows(t *testing.T, why string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Linux only: " + why)
	}
}
