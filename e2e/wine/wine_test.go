//go:build linux

package wine

import (
	"bufio"
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
	for _, tool := range []string{"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool", "import", "compare"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s is missing: install wine, wine64, gcc-mingw-w64-x86-64, xvfb, xdotool and imagemagick", tool)
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
	// wineboot returns while the new prefix is still being set up (its
	// services, winemenubuilder); once, on a fresh machine, Notepad started
	// next showed no window within a minute. The server ends once all that
	// has.
	wait := exec.Command("wineserver", "-w")
	wait.Env = wineEnv()
	if out, err := wait.CombinedOutput(); err != nil {
		return fmt.Errorf("wineserver -w: %v\n%s", err, out)
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

// startXvfb starts Xvfb on a display it picks itself (-displayfd): a free
// socket name is no proof, as servers that died leave theirs behind.
func startXvfb() error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	err = cmd.Start()
	w.Close()
	if err != nil {
		return fmt.Errorf("Xvfb: %w", err)
	}
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if n != "" {
			display, xvfb = ":"+n, cmd
			return nil
		}
	case <-time.After(10 * time.Second):
	}
	cmd.Process.Kill()
	cmd.Wait()
	return fmt.Errorf("Xvfb did not say its display within 10 s")
}

func wineEnv(extra ...string) []string {
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=", "DISPLAY="+display)
	return append(env, extra...)
}
