//go:build linux

package wine

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// shim is bcryptprimitives.dll's one export Go needs, for Wine 8.
const shim = `#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x40000000u ? 0x40000000u : (ULONG)len;
		if (!SystemFunction036(data, n)) return FALSE;
		data += n; len -= n;
	}
	return TRUE;
}
`

var (
	root     string // the module's folder
	prefix   string // WINEPREFIX
	display  string
	xvfb     *exec.Cmd
	setupErr error
	once     sync.Once
)

func TestMain(m *testing.M) {
	if os.Getenv("PINGWISE_E2E") != "1" {
		fmt.Println("wine: skipped, set PINGWISE_E2E=1")
		os.Exit(0)
	}
	code := m.Run()
	if xvfb != nil {
		xvfb.Process.Kill()
		xvfb.Wait()
	}
	os.Exit(code)
}

// setup checks the tools, starts Xvfb and makes the prefix, once.
func setup(t *testing.T) {
	t.Helper()
	once.Do(func() { setupErr = doSetup() })
	if setupErr != nil {
		t.Fatal(setupErr)
	}
}

func doSetup() error {
	for _, tool := range []string{"wine", "wineboot", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is missing: install wine, wine64, gcc-mingw-w64-x86-64, xvfb and xdotool", tool)
		}
	}
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	root = filepath.Dir(strings.TrimSpace(string(out)))
	if err := startXvfb(); err != nil {
		return err
	}
	version, err := exec.Command("wine", "--version").Output()
	if err != nil {
		return fmt.Errorf("wine --version: %w", err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return err
	}
	prefix = filepath.Join(cache, "pingwise", "wine-"+strings.TrimSpace(string(version)))
	dll := filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll")
	if _, err := os.Stat(dll); err == nil {
		return nil
	}
	if err := os.MkdirAll(prefix, 0o700); err != nil {
		return err
	}
	boot := exec.Command("wineboot", "-i")
	boot.Env = wineEnv()
	if out, err := boot.CombinedOutput(); err != nil {
		return fmt.Errorf("wineboot: %v\n%s", err, out)
	}
	src := filepath.Join(prefix, "shim.c")
	if err := os.WriteFile(src, []byte(shim), 0o600); err != nil {
		return err
	}
	if out, err := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", dll, src, "-ladvapi32").CombinedOutput(); err != nil {
		return fmt.Errorf("build the ProcessPrng shim: %v\n%s", err, out)
	}
	return nil
}

func startXvfb() error {
	for n := 90; n < 110; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		cmd := exec.Command("Xvfb", fmt.Sprintf(":%d", n), "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("Xvfb: %w", err)
		}
		display, xvfb = fmt.Sprintf(":%d", n), cmd
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return nil
			}
		}
		cmd.Process.Kill()
		return fmt.Errorf("Xvfb %s did not start", display)
	}
	return fmt.Errorf("no free X display")
}

func wineEnv(extra ...string) []string {
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=", "DISPLAY="+display)
	return append(env, extra...)
}
