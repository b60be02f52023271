//go:build linux

package wine

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// cleanupGap is the one failure Wine 8 causes in every test that uses
// t.TempDir: its os.RemoveAll cleanup (see the package doc).
var cleanupGap = regexp.MustCompile(`^\s+testing\.go:\d+: TempDir RemoveAll cleanup: .*: Invalid function\.$`)

// info is a message that is not a failure: the random seed a test logs so
// a failure can be replayed. go test -v prints t.Log and t.Error alike.
var info = regexp.MustCompile(`^\s+\S+_test\.go:\d+: seed \d+$`)

// TestPackagesUnderWine cross-compiles the tests of the packages that
// build without cgo and runs them under Wine.
func TestPackagesUnderWine(t *testing.T) {
	setup(t)
	for _, pkg := range []string{"focus", "focus/store", "advisor", "settings", "control", "cli", "home", "platform/link", "platform/keys", "platform/windows"} {
		t.Run(strings.ReplaceAll(pkg, "/", "_"), func(t *testing.T) {
			exe := filepath.Join(t.TempDir(), filepath.Base(pkg)+".test.exe")
			build := exec.Command("go", "test", "-c", "-o", exe, "./"+pkg)
			build.Dir = root
			build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go test -c %s for Windows: %v\n%s", pkg, err, out)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			run := exec.CommandContext(ctx, "wine", exe, "-test.v", "-test.count=1", "-test.timeout=9m")
			run.Dir = filepath.Join(root, pkg) // tests read testdata/ from their folder
			run.Env = wineEnv()
			out, err := run.CombinedOutput()
			failed, gaps := verdicts(string(out))
			if len(gaps) > 0 {
				t.Logf("%d tests failed only in t.TempDir's cleanup (Wine's RemoveAll gap): %s", len(gaps), strings.Join(gaps, " "))
			}
			crashed := strings.Contains(string(out), "panic: ") || !strings.Contains(string(out), "PASS") && !strings.Contains(string(out), "FAIL")
			if crashed || len(failed) > 0 || (err != nil && len(gaps) == 0) {
				t.Fatalf("%s under Wine: %v; failed: %v\n%s", pkg, err, failed, tail(string(out), 60))
			}
		})
	}
}

// verdicts reads go test -v output: the tests that failed for a real
// reason, and those whose only messages are Wine's cleanup gap. A message
// belongs to the test named by the last === RUN, CONT or NAME line.
func verdicts(out string) (failed, gaps []string) {
	msgs := map[string][]string{}
	current := ""
	var fails []string
	for _, line := range strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		f := strings.Fields(trimmed)
		switch {
		case len(f) >= 2 && (f[0] == "===") && len(f) >= 3:
			current = f[2]
		case strings.HasPrefix(trimmed, "--- FAIL: ") && len(f) >= 3:
			fails = append(fails, f[2])
		case strings.HasPrefix(line, "    ") && !strings.HasPrefix(trimmed, "---") && current != "":
			msgs[current] = append(msgs[current], line)
		}
	}
	var parents []string
	for _, name := range fails {
		real, gap := false, false
		for _, m := range msgs[name] {
			switch {
			case cleanupGap.MatchString(m):
				gap = true
			case !info.MatchString(m):
				real = true
			}
		}
		switch {
		case real:
			failed = append(failed, name)
		case gap:
			gaps = append(gaps, name)
		default:
			parents = append(parents, name)
		}
	}
	// A test failing with no message of its own must have a failing
	// subtest to explain it.
	for _, p := range parents {
		explained := false
		for _, f := range fails {
			if strings.HasPrefix(f, p+"/") {
				explained = true
			}
		}
		if !explained {
			failed = append(failed, p)
		}
	}
	return failed, gaps
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func TestVerdicts(t *testing.T) {
	out := strings.Join([]string{
		"=== RUN   TestGapOnly",
		"    testing.go:1464: TempDir RemoveAll cleanup: unlinkat C:\\x\\001: Invalid function.",
		"--- FAIL: TestGapOnly (0.01s)",
		"=== RUN   TestReal",
		"    x_test.go:12: got 1, want 2",
		"    testing.go:1464: TempDir RemoveAll cleanup: unlinkat C:\\y: Invalid function.",
		"--- FAIL: TestReal (0.01s)",
		"=== RUN   TestSeeded",
		"    x_test.go:3: seed 42",
		"    testing.go:1464: TempDir RemoveAll cleanup: unlinkat C:\\z: Invalid function.",
		"--- FAIL: TestSeeded (0.01s)",
		"=== RUN   TestParent",
		"=== RUN   TestParent/sub",
		"    testing.go:1464: TempDir RemoveAll cleanup: unlinkat C:\\s: Invalid function.",
		"--- FAIL: TestParent (0.02s)",
		"    --- FAIL: TestParent/sub (0.01s)",
		"=== RUN   TestSilent",
		"--- FAIL: TestSilent (0.00s)",
		"FAIL",
	}, "\r\n")
	failed, gaps := verdicts(out)
	if want := []string{"TestReal", "TestSilent"}; strings.Join(failed, " ") != strings.Join(want, " ") {
		t.Errorf("failed %v, want %v", failed, want)
	}
	if want := []string{"TestGapOnly", "TestSeeded", "TestParent/sub"}; strings.Join(gaps, " ") != strings.Join(want, " ") {
		t.Errorf("gaps %v, want %v", gaps, want)
	}
}
