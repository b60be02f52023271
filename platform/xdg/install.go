package xdg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pingwise/pingwise/assets"
	"github.com/pingwise/pingwise/platform/link"
)

// Installer puts Pingwise on the desktop, or takes it off. It touches only
// the person's own folders: DataHome, ConfigHome and State, and the
// defaults xdg-mime keeps in ConfigHome/mimeapps.list.
type Installer struct {
	DataHome, ConfigHome string    // $XDG_DATA_HOME, $XDG_CONFIG_HOME; empty: from the environment, or their defaults under $HOME
	State                string    // the folder for handlers.json, the handlers Pingwise replaced (the app's home.Dirs.Config)
	Exe                  string    // absolute path of pingwise
	Home                 string    // when not empty, Exec lines carry --home Home
	Autostart            bool      // write the autostart entry; when false, Install removes one it finds
	DryRun               bool      // print what would be done, change nothing
	Out                  io.Writer // one line per action, as "write ~/.local/share/applications/io.github.pingwise.desktop"; nil discards
	// Run runs xdg-mime and update-desktop-database and returns their
	// standard output. Nil runs them, with XDG_DATA_HOME and
	// XDG_CONFIG_HOME set to the installer's; tests pass a fake.
	Run func(name string, args ...string) ([]byte, error)
}

// StateFile is the file in Installer.State that remembers, per scheme, the
// desktop file id of the handler Pingwise replaced ("" for none).
const StateFile = "handlers.json"

// maxState bounds handlers.json as read: the real one is a few hundred bytes.
const maxState = 64 << 10

type state struct {
	Version  int               `json:"version"`
	Previous map[string]string `json:"previous"` // scheme -> desktop file id, "" when there was none
}

// Previous returns the desktop file id of the handler that opened scheme
// links before Pingwise, as remembered in state (the folder holding
// handlers.json), or "" when there was none or Pingwise was never
// installed. The popup may use it to say where "Go sync" leads.
func Previous(stateDir, scheme string) (string, error) {
	st, err := loadState(stateDir)
	if err != nil {
		return "", err
	}
	return st.Previous[scheme], nil
}

func loadState(dir string) (state, error) {
	st := state{Version: 1, Previous: map[string]string{}}
	path := filepath.Join(dir, StateFile)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxState+1))
	if err != nil {
		return st, err
	}
	damaged := func(why string) error {
		return fmt.Errorf("%s is damaged (%s): fix or delete it, then run pingwise install", path, why)
	}
	if len(b) > maxState {
		return st, damaged("too large")
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return st, damaged("not JSON")
	}
	if st.Previous == nil {
		st.Previous = map[string]string{}
	}
	for s, id := range st.Previous {
		if !slices.Contains(link.Schemes, s) {
			return st, damaged(fmt.Sprintf("unknown scheme %s", link.Excerpt(s)))
		}
		if id != "" && checkID(id) != nil {
			return st, damaged(fmt.Sprintf("%s is not a desktop file id", link.Excerpt(id)))
		}
	}
	return st, nil
}

// Install writes Pingwise's desktop entry and icon (and its autostart
// entry when Autostart), remembers each scheme's current default handler,
// and makes Pingwise the default. It is idempotent: run again, it changes
// nothing, and it never records Pingwise as its own previous handler.
func (i *Installer) Install() error {
	c, err := i.setup()
	if err != nil {
		return err
	}
	st, err := loadState(c.State)
	if err != nil {
		return err
	}
	// Ask first, before anything is written: Pingwise's own entry, once
	// there, can be the answer, and a missing xdg-mime stops the install
	// before it changes anything.
	current, err := c.currentDefaults()
	if err != nil {
		return err
	}
	for _, s := range link.Schemes {
		switch cur := current[s]; {
		case cur != "" && cur != DesktopFile:
			st.Previous[s] = cur
		case !hasKey(st.Previous, s):
			st.Previous[s] = ""
		}
	}
	saved, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	app, err := AppEntry(c.Exe, c.Home)
	if err != nil {
		return err
	}
	// The remembered handlers are saved first: should a later step fail,
	// the defaults they record are not lost.
	if err := c.put(filepath.Join(c.State, StateFile), append(saved, '\n'), 0o600); err != nil {
		return err
	}
	if err := c.put(c.iconPath(), assets.AppIcon(256), 0o644); err != nil {
		return err
	}
	before := c.acted
	if err := c.put(c.entryPath(), []byte(app), 0o644); err != nil {
		return err
	}
	entryChanged := c.acted > before
	if c.Autostart {
		auto, err := AutostartEntry(c.Exe, c.Home)
		if err != nil {
			return err
		}
		if err := c.put(c.autostartPath(), []byte(auto), 0o644); err != nil {
			return err
		}
	} else if err := c.remove(c.autostartPath()); err != nil {
		return err
	}
	if entryChanged {
		c.updateDatabase()
	}
	for _, s := range link.Schemes {
		if current[s] == DesktopFile {
			continue
		}
		was := current[s]
		if was == "" {
			was = "none"
		}
		mime := "x-scheme-handler/" + s
		err := c.do(fmt.Sprintf("xdg-mime default %s %s (was %s)", DesktopFile, mime, was), func() error {
			_, err := c.Run("xdg-mime", "default", DesktopFile, mime)
			return err
		})
		if err != nil {
			return err
		}
	}
	c.finish("Pingwise already opens " + link.SchemeList() + " links: nothing to do")
	return nil
}

// Uninstall gives each scheme back to the handler Pingwise replaced (or
// leaves it unset when there was none), removes Pingwise from the scheme
// defaults in ConfigHome/mimeapps.list, and removes the files Install wrote,
// handlers.json included. A scheme someone has since given to another
// handler is left as it is.
func (i *Installer) Uninstall() error {
	c, err := i.setup()
	if err != nil {
		return err
	}
	st, err := loadState(c.State)
	if err != nil {
		return err
	}
	current, err := c.currentDefaults()
	if err != nil {
		return err
	}
	dirs := append([]string{c.DataHome}, systemDataDirs()...)
	restored := map[string]bool{}
	for _, s := range link.Schemes {
		mime := "x-scheme-handler/" + s
		cur, prev := current[s], st.Previous[s]
		if cur != DesktopFile {
			if cur != "" && cur != prev && hasKey(st.Previous, s) {
				// Someone chose another handler since: theirs to keep.
				fmt.Fprintf(c.Out, "%s opens with %s now: left as is\n", mime, cur)
			}
			continue
		}
		if prev == "" || prev == DesktopFile {
			continue // unset below
		}
		if _, err := findEntry(prev, dirs); err != nil {
			fmt.Fprintf(c.Out, "%s: %v; leaving it unset\n", mime, err)
			continue
		}
		err := c.do(fmt.Sprintf("xdg-mime default %s %s (restore)", prev, mime), func() error {
			_, err := c.Run("xdg-mime", "default", prev, mime)
			return err
		})
		if err != nil {
			return err
		}
		restored[s] = true
	}
	if err := c.unsetDefaults(restored); err != nil {
		return err
	}
	entryThere := exists(c.entryPath())
	for _, p := range []string{c.entryPath(), c.iconPath(), c.autostartPath(), filepath.Join(c.State, StateFile)} {
		if err := c.remove(p); err != nil {
			return err
		}
	}
	if entryThere {
		c.updateDatabase()
	}
	c.finish("Pingwise is not installed: nothing to do")
	return nil
}

// unsetDefaults removes Pingwise from the x-scheme-handler lines of
// ConfigHome/mimeapps.list: from [Default Applications] for every scheme
// not restored to a previous handler (xdg-mime cannot unset a default), and
// from [Added Associations] for all (gio writes there too).
func (c *installer) unsetDefaults(restored map[string]bool) error {
	path := filepath.Join(c.ConfigHome, "mimeapps.list")
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defaults, added := map[string]bool{}, map[string]bool{}
	for _, s := range link.Schemes {
		added["x-scheme-handler/"+s] = true
		if !restored[s] {
			defaults["x-scheme-handler/"+s] = true
		}
	}
	edited, keys := dropFromMimeapps(old, DesktopFile, map[string]map[string]bool{
		"Default Applications": defaults,
		"Added Associations":   added,
	})
	if len(keys) == 0 {
		return nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return c.do(fmt.Sprintf("edit %s (drop %s from %s)", c.show(path), DesktopFile, strings.Join(keys, ", ")), func() error {
		return writeFile(path, edited, info.Mode().Perm())
	})
}

// installer is an Installer with its defaults filled in, and a count of
// the changes it made (or, in a dry run, would make).
type installer struct {
	Installer
	acted   int
	realRun bool // Run runs the real tools, which may not be installed
}

func (i *Installer) setup() (*installer, error) {
	c := &installer{Installer: *i}
	var err error
	if c.DataHome == "" {
		if c.DataHome, err = dataHome(); err != nil {
			return nil, err
		}
	}
	if c.ConfigHome == "" {
		if c.ConfigHome, err = configHome(); err != nil {
			return nil, err
		}
	}
	for what, p := range map[string]string{"data folder": c.DataHome, "config folder": c.ConfigHome, "state folder": c.State, "path of pingwise": c.Exe} {
		if !filepath.IsAbs(p) {
			return nil, fmt.Errorf("the %s must be an absolute path, not %q", what, p)
		}
	}
	if c.Out == nil {
		c.Out = io.Discard
	}
	if c.Run == nil {
		c.Run, c.realRun = c.run, true
	}
	return c, nil
}

// run runs a desktop tool against this installer's folders, whatever the
// environment says, so that xdg-mime edits the mimeapps.list it reads.
func (c *installer) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+c.DataHome, "XDG_CONFIG_HOME="+c.ConfigHome)
	out, err := cmd.Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) && len(bytes.TrimSpace(ee.Stderr)) > 0 {
		line, _, _ := strings.Cut(strings.TrimSpace(string(ee.Stderr)), "\n")
		err = fmt.Errorf("%w: %s", err, line)
	}
	return out, err
}

// errNoXdgMime: the desktop tools are not installed.
var errNoXdgMime = errors.New("xdg-mime is not installed: install xdg-utils, then run this again (nothing was changed)")

// currentDefaults asks xdg-mime for each scheme's default handler. In a
// dry run without xdg-mime, the plan goes on as if there were none, and
// says so.
func (c *installer) currentDefaults() (map[string]string, error) {
	cur := map[string]string{}
	if c.realRun {
		if _, err := exec.LookPath("xdg-mime"); err != nil {
			if !c.DryRun {
				return nil, errNoXdgMime
			}
			fmt.Fprintln(c.Out, "xdg-mime is not installed: a real run would stop here (install xdg-utils)")
			return cur, nil
		}
	}
	for _, s := range link.Schemes {
		mime := "x-scheme-handler/" + s
		out, err := c.Run("xdg-mime", "query", "default", mime)
		if err != nil {
			return nil, fmt.Errorf("xdg-mime query default %s: %w (nothing was changed)", mime, err)
		}
		id, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
		id = strings.TrimSpace(id)
		if id != "" {
			if err := checkID(id); err != nil {
				return nil, fmt.Errorf("xdg-mime query default %s: %w (nothing was changed)", mime, err)
			}
		}
		cur[s] = id
	}
	return cur, nil
}

func (c *installer) entryPath() string {
	return filepath.Join(c.DataHome, "applications", DesktopFile)
}

func (c *installer) iconPath() string {
	return filepath.Join(c.DataHome, "icons", "hicolor", "256x256", "apps", ID+".png")
}

func (c *installer) autostartPath() string {
	return filepath.Join(c.ConfigHome, "autostart", DesktopFile)
}

// do says what it does, one line, and does it unless this is a dry run.
func (c *installer) do(line string, f func() error) error {
	c.acted++
	fmt.Fprintln(c.Out, line)
	if c.DryRun {
		return nil
	}
	if err := f(); err != nil {
		return fmt.Errorf("%s: %w", line, err)
	}
	return nil
}

// put writes data to path unless it already holds exactly that.
func (c *installer) put(path string, data []byte, mode fs.FileMode) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		if info, err := os.Stat(path); err == nil && info.Mode().Perm() == mode {
			return nil
		}
	}
	return c.do("write "+c.show(path), func() error { return writeFile(path, data, mode) })
}

// remove removes path if it is there.
func (c *installer) remove(path string) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return c.do("remove "+c.show(path), func() error { return os.Remove(path) })
}

// updateDatabase refreshes the applications folder's mimeinfo.cache, which
// some desktops read instead of the entries themselves. It is optional: its
// absence is ignored, and so is its failure, after a line.
func (c *installer) updateDatabase() {
	dir := filepath.Join(c.DataHome, "applications")
	if _, err := exec.LookPath("update-desktop-database"); err != nil {
		return
	}
	if !c.DryRun && !exists(dir) {
		return
	}
	err := c.do("update-desktop-database "+c.show(dir), func() error {
		_, err := c.Run("update-desktop-database", dir)
		return err
	})
	if err != nil {
		fmt.Fprintf(c.Out, "(ignored) %v\n", err)
	}
}

// finish closes the report: a line when there was nothing to do, and the
// reminder that a dry run changed nothing.
func (c *installer) finish(nothing string) {
	if c.acted == 0 {
		fmt.Fprintln(c.Out, nothing)
	}
	if c.DryRun {
		fmt.Fprintln(c.Out, "dry run: nothing was changed")
	}
}

// show writes path with ~ for the home folder, as people read it.
func (c *installer) show(path string) string {
	h, err := os.UserHomeDir()
	if err != nil || h == "/" {
		return path
	}
	if rel, err := filepath.Rel(h, path); err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, "../") {
		return "~/" + rel
	}
	return path
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// writeFile replaces path with data atomically: a reader (a desktop
// scanning its entries) sees the old file or the new one, never half. A
// missing folder is made 0700, as the XDG base directory spec asks.
func writeFile(path string, data []byte, mode fs.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".pingwise-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
