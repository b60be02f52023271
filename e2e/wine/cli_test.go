//go:build linux

package wine

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	exeOnce sync.Once
	exePath string
	exeErr  error
)

// pingwiseExe is the Windows build: $PINGWISE_WINDOWS_EXE, or
// dist/windows/pingwise.exe from make windows, built here if missing
// (cgo with mingw-w64, a few minutes the first time; on a shared machine,
// run make windows first under its lock).
func pingwiseExe(t *testing.T) string {
	t.Helper()
	setup(t)
	exeOnce.Do(func() {
		exePath = os.Getenv("PINGWISE_WINDOWS_EXE")
		if exePath == "" {
			exePath = filepath.Join(root, "dist", "windows", "pingwise.exe")
		}
		if _, err := os.Stat(exePath); err == nil {
			return
		}
		cmd := exec.Command("make", "windows")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			exeErr = err
			exePath = string(out)
		}
	})
	if exeErr != nil {
		t.Fatalf("make windows: %v\n%s", exeErr, tail(exePath, 30))
	}
	return exePath
}

type result struct {
	stdout, stderr string
	code           int
}

// pw runs pingwise.exe under Wine with --home h.
func pw(t *testing.T, h string, stdin string, args ...string) result {
	t.Helper()
	setup(t) // wineEnv needs the prefix
	return pwIn(t, wineEnv(), h, stdin, args...)
}

// pwIn is pw with the environment env (a Wine prefix of the test's own).
func pwIn(t *testing.T, env []string, h string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "wine", append([]string{pingwiseExe(t), "--home", winPath(h)}, args...)...)
	cmd.Env = env
	// A Wine program it starts (wineserver, services.exe) may hold the
	// output open after it ends: read no longer than this then.
	cmd.WaitDelay = 10 * time.Second
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("wine pingwise %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// winPath is a Linux path as Wine's Z: drive shows it.
func winPath(p string) string { return `Z:` + strings.ReplaceAll(p, "/", `\`) }

func TestCLIUnderWine(t *testing.T) {
	h := t.TempDir()
	ok := func(r result, what string) result {
		t.Helper()
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", what, r.code, r.stdout, r.stderr)
		}
		return r
	}
	ok(pw(t, h, "", "start", "25m", "--intent", "write the report"), "start")
	var st struct {
		State string `json:"state"`
	}
	r := ok(pw(t, h, "", "status", "--json"), "status --json")
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || st.State == "" || st.State == "idle" {
		t.Fatalf("status --json: %v %q", err, r.stdout)
	}
	ok(pw(t, h, "", "log", "chat", "--who", "Ana", "--taken"), "log")
	r = ok(pw(t, h, "", "stats", "--json"), "stats --json")
	if !json.Valid([]byte(r.stdout)) {
		t.Fatalf("stats --json is not JSON: %q", r.stdout)
	}
	r = ok(pw(t, h, "", "advise", "--urgent", "--people", "3", "--text", "Can we talk about the release plan?"), "advise")
	if r.stdout == "" {
		t.Fatal("advise printed nothing")
	}
	exp := ok(pw(t, h, "", "export"), "export")
	if !strings.Contains(exp.stdout, "Ana") {
		t.Fatalf("export lacks the logged interruption:\n%s", exp.stdout)
	}
	h2 := t.TempDir()
	file := filepath.Join(h2, "events.jsonl")
	if err := os.WriteFile(file, []byte(exp.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	ok(pw(t, h2, "", "import", winPath(file)), "import")
	if again := ok(pw(t, h2, "", "export"), "export after import"); again.stdout != exp.stdout {
		t.Errorf("import then export differs:\n%s\nwant\n%s", again.stdout, exp.stdout)
	}

	// doctor says Windows, and a status for every service; quiet focus is
	// unavailable. (Toasts are said available: Wine has a powershell.exe,
	// a stub, so whether one shows is untested here.)
	r = ok(pw(t, h, "", "doctor", "--json"), "doctor --json")
	var doc struct {
		Session  string `json:"session"`
		Services []struct {
			Service   string `json:"service"`
			Available bool   `json:"available"`
			How       string `json:"how"`
		} `json:"services"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Session != "Windows" {
		t.Fatalf("doctor --json: %v %q", err, r.stdout)
	}
	avail := map[string]bool{}
	for _, s := range doc.Services {
		avail[s.Service] = s.Available
	}
	for svc, want := range map[string]bool{"tray": true, "hotkey": true, "active_app": true, "idle": true,
		"quiet_focus": false, "links": false, "autostart": true} {
		if got, ok := avail[svc]; !ok || got != want {
			t.Errorf("doctor: %s available %v (listed %v), want %v", svc, got, ok, want)
		}
	}

	// Bad input: one line, exit 2, nothing lost.
	for _, args := range [][]string{{"start", "-5m"}, {"log", "pigeon"}, {"frobnicate"}, {"open", "javascript:alert(1)"}} {
		r := pw(t, h, "", args...)
		if r.code != 2 || strings.Count(strings.TrimSpace(r.stderr), "\n") > 3 || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := ok(pw(t, h, "", "export"), "export after bad input"); r.stdout != exp.stdout {
		t.Error("bad input changed the store")
	}

	// A damaged database: a clear line, no stack trace, the file kept.
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "pingwise.db"), bytes.Repeat([]byte("not sqlite "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	r = pw(t, bad, "", "status")
	if r.code == 0 || strings.Contains(r.stderr, "goroutine") || !strings.Contains(r.stderr, "pingwise.db") {
		t.Errorf("damaged database: exit %d, stderr %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(bad, "pingwise.db")); !bytes.HasPrefix(b, []byte("not sqlite")) {
		t.Error("the damaged database was changed")
	}
	// Line endings: what the CLI prints is one line per line, in cmd.exe
	// and PowerShell alike (both accept \n).
	if strings.Contains(exp.stdout, "\r\r") {
		t.Error("doubled carriage returns")
	}
}
