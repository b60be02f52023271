package headless

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// KWin starts a headless KWin (kwin_wayland --virtual) whose Wayland socket
// is named socket in runtimeDir, the XDG_RUNTIME_DIR in env (which also
// names the session bus). kwin_wayland carries a file capability that a
// sandbox may refuse to exec, so a copy in dir (cp drops the capability)
// runs instead. It returns once the socket is there.
func KWin(dir, socket string, env []string) (*Process, error) {
	src, err := exec.LookPath("kwin_wayland")
	if err != nil {
		return nil, fmt.Errorf("kwin_wayland is not installed (apt-get install kwin-wayland): %w", err)
	}
	bin := filepath.Join(dir, "kwin_wayland")
	if err := copyFile(src, bin); err != nil {
		return nil, fmt.Errorf("copy kwin_wayland: %w", err)
	}
	runtimeDir := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "XDG_RUNTIME_DIR="); ok {
			runtimeDir = v
		}
	}
	if runtimeDir == "" {
		return nil, errors.New("KWin needs XDG_RUNTIME_DIR in its environment")
	}
	cmd := exec.Command(bin, "--virtual", "--width", "1280", "--height", "800", "--socket", socket)
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start kwin_wayland: %w", err)
	}
	p := &Process{cmd}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(runtimeDir, socket)); err == nil {
			return p, nil
		}
		if time.Now().After(deadline) {
			p.Stop()
			return nil, fmt.Errorf("KWin did not open its socket in 30 s:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
