package gnome

import (
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"

	"github.com/pingwise/pingwise/platform/wayland"
)

// GNOME before 48 has no GlobalShortcuts portal; a custom keybinding of
// gnome-settings-daemon's media-keys plugin (Settings > Keyboard > Custom
// Shortcuts) runs a command instead. It is stored in dconf, read through
// gsettings.
const (
	mediaKeys     = "org.gnome.settings-daemon.plugins.media-keys"
	customSchema  = mediaKeys + ".custom-keybinding"
	customList    = "custom-keybindings"
	KeybindingDir = "/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/pingwise/"
	keybindingNm  = "Pingwise: sync or async?"
)

// Settings runs gsettings. Env, when not nil, is its environment (tests
// point it at a keyfile backend in a temporary folder).
type Settings struct{ Env []string }

func (s Settings) run(args ...string) (string, error) {
	cmd := exec.Command("gsettings", args...)
	cmd.Env = s.Env
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("gsettings %s: %s", strings.Join(args, " "), strings.TrimSpace(string(ee.Stderr)))
		}
		return "", fmt.Errorf("gsettings: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

func (s Settings) list() ([]string, error) {
	out, err := s.run("get", mediaKeys, customList)
	if err != nil {
		return nil, err
	}
	return parseStrings(out)
}

func (s Settings) setList(l []string) error {
	_, err := s.run("set", mediaKeys, customList, formatStrings(l))
	return err
}

func (s Settings) setKey(key, value string) error {
	_, err := s.run("set", customSchema+":"+KeybindingDir, key, quote(value))
	return err
}

// Accelerator is a spec as GTK writes accelerators: "<Control><Shift>space".
func Accelerator(spec string) (string, error) {
	k, err := wayland.ParseKeys(spec)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, m := range []struct {
		on   bool
		name string
	}{{k.Ctrl, "<Control>"}, {k.Shift, "<Shift>"}, {k.Alt, "<Alt>"}, {k.Super, "<Super>"}} {
		if m.on {
			b.WriteString(m.name)
		}
	}
	return b.String() + k.Key, nil
}

// InstallKeybinding adds (or updates) Pingwise's custom keybinding: spec
// runs `pingwise ask`. exe is the absolute path of pingwise; home, when
// set, is passed on as --home. `pingwise install` calls it on GNOME.
func (s Settings) InstallKeybinding(exe, home, spec string) error {
	accel, err := Accelerator(spec)
	if err != nil {
		return err
	}
	args, err := wayland.AskArgs(exe, home)
	if err != nil {
		return fmt.Errorf("GNOME keybinding: %w", err)
	}
	// gnome-settings-daemon splits the command as the shell would
	// (g_shell_parse_argv), without running one.
	line, err := wayland.ShellLine(args)
	if err != nil {
		return fmt.Errorf("GNOME keybinding: %w", err)
	}
	for _, kv := range [][2]string{{"name", keybindingNm}, {"command", line}, {"binding", accel}} {
		if err := s.setKey(kv[0], kv[1]); err != nil {
			return fmt.Errorf("GNOME keybinding: %w", err)
		}
	}
	l, err := s.list()
	if err != nil {
		return fmt.Errorf("GNOME keybinding: %w", err)
	}
	if !slices.Contains(l, KeybindingDir) {
		if err := s.setList(append(l, KeybindingDir)); err != nil {
			return fmt.Errorf("GNOME keybinding: %w", err)
		}
	}
	return nil
}

// RemoveKeybinding removes Pingwise's custom keybinding, leaving the
// person's own. `pingwise uninstall` calls it.
func (s Settings) RemoveKeybinding() error {
	l, err := s.list()
	if err != nil {
		return fmt.Errorf("GNOME keybinding: %w", err)
	}
	if i := slices.Index(l, KeybindingDir); i >= 0 {
		if err := s.setList(slices.Delete(l, i, i+1)); err != nil {
			return fmt.Errorf("GNOME keybinding: %w", err)
		}
	}
	for _, key := range []string{"name", "command", "binding"} {
		if _, err := s.run("reset", customSchema+":"+KeybindingDir, key); err != nil {
			return fmt.Errorf("GNOME keybinding: %w", err)
		}
	}
	return nil
}

// Keybinding returns the accelerator of Pingwise's custom keybinding, or ""
// when it is not installed.
func (s Settings) Keybinding() (string, error) {
	l, err := s.list()
	if err != nil || !slices.Contains(l, KeybindingDir) {
		return "", err
	}
	out, err := s.run("get", customSchema+":"+KeybindingDir, "binding")
	if err != nil {
		return "", err
	}
	v, err := parseStrings("[" + out + "]")
	if err != nil || len(v) != 1 {
		return "", fmt.Errorf("GNOME keybinding: unreadable binding %s", out)
	}
	return v[0], nil
}

// parseStrings reads a GVariant array of strings in text form, as
// gsettings prints it: "['a', 'b']", or "@as []" when empty.
func parseStrings(s string) ([]string, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "@as"))
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return nil, fmt.Errorf("not a list of strings: %q", s)
	}
	body := s[1 : len(s)-1]
	var out []string
	for i := 0; ; {
		for i < len(body) && (body[i] == ' ' || body[i] == ',') {
			i++
		}
		if i == len(body) {
			return out, nil
		}
		q := body[i]
		if q != '\'' && q != '"' {
			return nil, fmt.Errorf("not a list of strings: %q", s)
		}
		var b strings.Builder
		for i++; ; i++ {
			if i >= len(body) {
				return nil, fmt.Errorf("unterminated string in %q", s)
			}
			c := body[i]
			if c == '\\' && i+1 < len(body) {
				i++
				b.WriteByte(body[i])
				continue
			}
			if c == q {
				i++
				break
			}
			b.WriteByte(c)
		}
		out = append(out, b.String())
	}
}

// quote writes a GVariant string in text form.
func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// formatStrings writes a GVariant array of strings in text form.
func formatStrings(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
