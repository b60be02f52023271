package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// Bad input gets one line on stderr in every locale, the C.UTF-8 of
// containers and CI included, where Fyne would log its own complaints.
func TestOneLineInEveryLocale(t *testing.T) {
	need(t)
	for _, env := range []string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8", "LANG=C", "LANG=POSIX", "LANG=en_US.UTF-8", ""} {
		cmd := exec.Command(binary, "start", "abc", "--home", t.TempDir())
		cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + t.TempDir()}
		if env != "" {
			cmd.Env = append(cmd.Env, env)
		}
		out, err := cmd.CombinedOutput()
		if err == nil || strings.Count(string(out), "\n") != 1 {
			t.Errorf("%s: %v, %q", env, err, out)
		}
	}
}
