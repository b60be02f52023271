package xdg

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pingwise/pingwise/internal/detach"
	"github.com/pingwise/pingwise/platform/link"
)

// HandOff launches the handler that opened l.Scheme links before Pingwise,
// as remembered in state (the folder holding handlers.json), with l.URL as
// one argument. It finds the handler's desktop entry in
// dataDirs/applications (see DataDirs), expands its Exec line itself, and
// starts the program directly: no shell, and never xdg-open, which would
// resolve back to Pingwise and loop. The handler is detached, in its own
// session, and not waited for.
func HandOff(state string, l link.Link, dataDirs []string) error {
	// l may have been built by hand or come over the control socket: vet
	// it again rather than trust that it went through link.Parse.
	v, err := link.Parse(l.URL)
	if err != nil {
		return err
	}
	id, err := Previous(state, v.Scheme)
	if err != nil {
		return err
	}
	if id == "" {
		return fmt.Errorf("no other handler for %s: links was registered before Pingwise", v.Scheme)
	}
	if id == DesktopFile {
		return fmt.Errorf("the handler registered for %s: links before Pingwise is Pingwise itself", v.Scheme)
	}
	path, err := findEntry(id, dataDirs)
	if err != nil {
		return err
	}
	e, err := readEntry(path)
	if err != nil {
		return fmt.Errorf("%s links: %w", v.Scheme, err)
	}
	argv, err := execArgv(e, v.URL)
	if err != nil {
		return err
	}
	if err := notPingwise(argv, v.URL); err != nil {
		return fmt.Errorf("%s (%s): %w", id, v.Scheme, err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	if e.dir != "" {
		cmd.Dir = e.dir
	}
	// Its own session: the handler outlives Pingwise and gets no signal
	// meant for it. Standard streams stay unset, so they read from and
	// write to /dev/null.
	cmd.SysProcAttr = detach.Attr()
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s for a %s: link: %w", id, v.Scheme, err)
	}
	// Reap it when it ends, without waiting here: the app runs for days
	// and must not collect zombies.
	go cmd.Wait()
	return nil
}

// notPingwise refuses to hand a link to Pingwise under another entry's name
// (a packaged copy, an old install): that would bring the popup back, for
// ever.
func notPingwise(argv []string, link string) error {
	self, _ := os.Executable()
	selfInfo, _ := os.Stat(self)
	for i, a := range argv {
		if a == link {
			continue
		}
		if filepath.Base(a) == "pingwise" {
			return errors.New("it runs pingwise again")
		}
		if i == 0 && selfInfo != nil {
			if p, err := exec.LookPath(a); err == nil {
				if info, err := os.Stat(p); err == nil && os.SameFile(info, selfInfo) {
					return errors.New("it runs pingwise again")
				}
			}
		}
	}
	return nil
}

// findEntry finds the file of desktop file id in the applications folder
// of each data dir, in order. An id names a file in a subfolder with '-'
// for '/': kde4-kate.desktop may be applications/kde4/kate.desktop.
func findEntry(id string, dataDirs []string) (string, error) {
	if err := checkID(id); err != nil {
		return "", err
	}
	for _, d := range dataDirs {
		if p := findIn(filepath.Join(d, "applications"), id); p != "" {
			if e, err := readEntry(p); err == nil && e.hidden {
				// Hidden=true in a user's copy deletes the entry.
				break
			}
			return p, nil
		}
	}
	return "", fmt.Errorf("the handler Pingwise replaced, %s, is no longer installed", id)
}

func findIn(dir, id string) string {
	p := filepath.Join(dir, id)
	if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
		return p
	}
	for i := 0; i < len(id); i++ {
		if id[i] != '-' || i == 0 {
			continue
		}
		sub := filepath.Join(dir, id[:i])
		if info, err := os.Stat(sub); err == nil && info.IsDir() {
			if p := findIn(sub, id[i+1:]); p != "" {
				return p
			}
		}
	}
	return ""
}

// checkID accepts a desktop file id: a plain file name ending in .desktop.
// Ids come from xdg-mime and from handlers.json, a file a person may edit,
// so one must not lead out of the applications folders.
func checkID(id string) error {
	if !strings.HasSuffix(id, ".desktop") || len(id) == len(".desktop") ||
		strings.ContainsAny(id, "/\\") || strings.HasPrefix(id, "-") || strings.HasPrefix(id, ".") || len(id) > 255 {
		return fmt.Errorf("%s is not a desktop file id", link.Excerpt(id))
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f || r == ' ' {
			return fmt.Errorf("%s is not a desktop file id", link.Excerpt(id))
		}
	}
	return nil
}

// DataDirs returns where desktop entries are looked for: $XDG_DATA_HOME
// (default ~/.local/share), then $XDG_DATA_DIRS (default
// /usr/local/share:/usr/share). Relative entries are ignored, as the spec
// says.
func DataDirs() []string {
	var dirs []string
	if d, err := dataHome(); err == nil {
		dirs = append(dirs, d)
	}
	return append(dirs, systemDataDirs()...)
}

// systemDataDirs are the folders of $XDG_DATA_DIRS.
func systemDataDirs() []string {
	var dirs []string
	list := os.Getenv("XDG_DATA_DIRS")
	if list == "" {
		list = "/usr/local/share:/usr/share"
	}
	for _, d := range filepath.SplitList(list) {
		if filepath.IsAbs(d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

func dataHome() (string, error) { return baseDir("XDG_DATA_HOME", ".local", "share") }

func configHome() (string, error) { return baseDir("XDG_CONFIG_HOME", ".config") }

// baseDir reads an XDG base directory variable, falling back to its
// default under $HOME, as home.Resolve does.
func baseDir(name string, def ...string) (string, error) {
	if v := os.Getenv(name); filepath.IsAbs(v) {
		return v, nil
	}
	h, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home folder for $%s: set HOME: %w", name, err)
	}
	return filepath.Join(append([]string{h}, def...)...), nil
}
