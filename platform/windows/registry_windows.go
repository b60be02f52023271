package windows

import (
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"strings"
	"syscall"

	"golang.org/x/sys/windows/registry"
)

// Reg is the part of the current user's registry Pingwise reads and
// writes: Root is `Software` for real, under HKEY_CURRENT_USER; tests give
// a key of their own, so the layout below it is the same.
type Reg struct {
	Root string
}

// User is the real place.
var User = Reg{Root: `Software`}

// ProgID is Pingwise's link class, which Settings > Default apps offers.
const ProgID = "Pingwise.Link"

func (r Reg) classes() string      { return r.Root + `\Classes` }
func (r Reg) own() string          { return r.Root + `\Pingwise` }
func (r Reg) previous() string     { return r.own() + `\Previous` }
func (r Reg) backup() string       { return r.own() + `\Backup` }
func (r Reg) capabilities() string { return r.own() + `\Capabilities` }
func (r Reg) registered() string   { return r.Root + `\RegisteredApplications` }
func (r Reg) run() string          { return r.Root + `\Microsoft\Windows\CurrentVersion\Run` }
func (r Reg) userChoice(scheme string) string {
	return r.Root + `\Microsoft\Windows\Shell\Associations\UrlAssociations\` + scheme + `\UserChoice`
}

// get reads a string value of HKCU\path; a missing key or value is "".
func get(path, name string) (string, bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, path, registry.QUERY_VALUE)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, registry.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf(`read HKCU\%s: %w`, path, err)
	}
	defer k.Close()
	v, _, err := k.GetStringValue(name)
	if errors.Is(err, registry.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf(`read HKCU\%s\%s: %w`, path, name, err)
	}
	return v, true, nil
}

// set writes a string value of HKCU\path, creating the key.
func set(path, name, value string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf(`write HKCU\%s: %w`, path, err)
	}
	defer k.Close()
	if err := k.SetStringValue(name, value); err != nil {
		return fmt.Errorf(`write HKCU\%s\%s: %w`, path, name, err)
	}
	return nil
}

// unset deletes a value; a missing one is fine.
func unset(path, name string) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, path, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf(`write HKCU\%s: %w`, path, err)
	}
	defer k.Close()
	if err := k.DeleteValue(name); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return fmt.Errorf(`delete HKCU\%s\%s: %w`, path, name, err)
	}
	return nil
}

// removeTree deletes HKCU\path and everything under it; a missing key is
// fine.
func removeTree(path string) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, path, registry.ENUMERATE_SUB_KEYS)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf(`delete HKCU\%s: %w`, path, err)
	}
	subs, err := k.ReadSubKeyNames(-1)
	k.Close()
	if err != nil {
		return fmt.Errorf(`delete HKCU\%s: %w`, path, err)
	}
	for _, s := range subs {
		if err := removeTree(path + `\` + s); err != nil {
			return err
		}
	}
	if err := registry.DeleteKey(registry.CURRENT_USER, path); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return fmt.Errorf(`delete HKCU\%s: %w`, path, err)
	}
	return nil
}

// command writes a command line for Windows: each argument quoted as
// CommandLineToArgvW reads it back.
func command(args ...string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a == "%1" {
			q[i] = `"%1"`
			continue
		}
		q[i] = syscall.EscapeArg(a)
	}
	return strings.Join(q, " ")
}

// runsAShell says whether program would run through cmd.exe: Windows starts
// .bat and .cmd files with it, and a link must never reach a shell.
func runsAShell(program string) bool {
	p := strings.ToLower(program)
	if strings.HasSuffix(p, ".bat") || strings.HasSuffix(p, ".cmd") {
		return true
	}
	base := p[strings.LastIndexAny(p, `\/`)+1:]
	if base == "cmd" || base == "cmd.exe" || base == "powershell.exe" || base == "pwsh.exe" {
		return true
	}
	if lp, err := exec.LookPath(program); err == nil && lp != program {
		return runsAShell(lp)
	}
	return false
}
