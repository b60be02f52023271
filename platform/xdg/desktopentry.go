package xdg

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/pingwise/pingwise/platform/link"
)

// ID is Pingwise's application id (as in FyneApp.toml); its desktop entry
// and icon are named after it.
const ID = "io.github.pingwise"

// DesktopFile is the desktop file id of Pingwise's entry: the name
// xdg-mime and mimeapps.list use.
const DesktopFile = ID + ".desktop"

// AppEntry returns Pingwise's desktop entry: a menu item that also opens
// the call and message links. exe is the absolute path of pingwise; home,
// when not empty, is passed on as --home.
//
// Exec runs `pingwise open -- %u`: "--" makes a link such as "--help" reach
// link.Parse as a link instead of being read as an option, and a menu launch
// (no link: %u expands to nothing) just opens the app.
func AppEntry(exe, home string) (string, error) {
	args, err := baseArgs(exe, home)
	if err != nil {
		return "", err
	}
	exec, err := execValue(append(args, "open", "--"), "%u")
	if err != nil {
		return "", err
	}
	mimes := make([]string, len(link.Schemes))
	for i, s := range link.Schemes {
		mimes[i] = "x-scheme-handler/" + s + ";"
	}
	return "[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=Pingwise\n" +
		"GenericName=Focus guard\n" +
		"Comment=Asks \"sync or async?\" before you call or message someone\n" +
		"Exec=" + exec + "\n" +
		"Icon=" + ID + "\n" +
		"Terminal=false\n" +
		"Categories=Utility;Office;\n" +
		"MimeType=" + strings.Join(mimes, "") + "\n" +
		"StartupNotify=false\n", nil
}

// AutostartEntry returns the entry that starts Pingwise at login: the app
// without a command.
func AutostartEntry(exe, home string) (string, error) {
	args, err := baseArgs(exe, home)
	if err != nil {
		return "", err
	}
	exec, err := execValue(args, "")
	if err != nil {
		return "", err
	}
	return "[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=Pingwise\n" +
		"Comment=Guards your focus\n" +
		"Exec=" + exec + "\n" +
		"Icon=" + ID + "\n" +
		"Terminal=false\n" +
		"X-GNOME-Autostart-enabled=true\n", nil
}

// SetAutostart writes (on) or removes (off) the autostart entry in dir,
// such as ~/.config/autostart. It is what the Settings window's "start at
// login" does, and writes the same file as Install.
func SetAutostart(dir, exe, home string, on bool) error {
	path := filepath.Join(dir, DesktopFile)
	if !on {
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("start at login: %w", err)
		}
		return nil
	}
	entry, err := AutostartEntry(exe, home)
	if err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	if err := writeFile(path, []byte(entry), 0o644); err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	return nil
}

func baseArgs(exe, home string) ([]string, error) {
	if !filepath.IsAbs(exe) {
		return nil, fmt.Errorf("the path of pingwise must be absolute, not %q", exe)
	}
	if strings.Contains(exe, "%") {
		// GLib looks for the program before it undoes %%, and would
		// find none: the entry would not load on most desktops.
		return nil, fmt.Errorf("the path of pingwise, %q, holds a %%, which desktops cannot launch: move pingwise to a folder without one", exe)
	}
	args := []string{exe}
	if home != "" {
		args = append(args, "--home", home)
	}
	return args, nil
}

// execReserved are the characters that oblige the Desktop Entry spec to
// quote an Exec argument.
const execReserved = " \t\n\"'\\><~|&;$*?#()`"

// execValue writes args, then the field code if any, as the value of an
// Exec key: each argument quoted when the spec asks, literal '%' doubled,
// and the whole passed through the string escape layer of key values (a
// backslash doubled), which is why a quoted backslash ends up as four.
func execValue(args []string, fieldCode string) (string, error) {
	words := make([]string, 0, len(args)+1)
	for _, a := range args {
		for _, r := range a {
			if unicode.IsControl(r) {
				return "", fmt.Errorf("argument %q holds a control character, which a desktop entry cannot carry", a)
			}
		}
		a = strings.ReplaceAll(a, "%", "%%")
		if a == "" || strings.ContainsAny(a, execReserved) {
			a = `"` + strings.NewReplacer(`"`, `\"`, "`", "\\`", `$`, `\$`, `\`, `\\`).Replace(a) + `"`
		}
		words = append(words, a)
	}
	if fieldCode != "" {
		words = append(words, fieldCode)
	}
	return strings.ReplaceAll(strings.Join(words, " "), `\`, `\\`), nil
}

// entry is what HandOff needs of a desktop entry.
type entry struct {
	path             string // the file, for %k
	name, icon, exec string // Exec still string-escaped as in the file
	dir              string // Path: the working folder, if any
	hidden           bool
}

// maxEntry bounds a desktop file read: real ones are a few kilobytes.
const maxEntry = 1 << 20

// readEntry reads the [Desktop Entry] group of a desktop file: its
// unlocalised Name, Icon, Exec, Path and Hidden keys.
func readEntry(path string) (entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return entry{}, err
	}
	defer f.Close()
	e := entry{path: path}
	seen := map[string]bool{}
	group := ""
	sc := bufio.NewScanner(io.LimitReader(f, maxEntry))
	sc.Buffer(make([]byte, 64<<10), maxEntry)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			group = strings.TrimSuffix(line[1:], "]")
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || group != "Desktop Entry" || seen[key] {
			continue // the spec makes a repeated key invalid; the first wins
		}
		seen[key] = true
		value = strings.TrimSpace(value)
		switch key {
		case "Name":
			e.name = unescapeValue(value)
		case "Icon":
			e.icon = unescapeValue(value)
		case "Exec":
			e.exec = value
		case "Path":
			e.dir = unescapeValue(value)
		case "Hidden":
			e.hidden = value == "true"
		}
	}
	if err := sc.Err(); err != nil {
		return entry{}, fmt.Errorf("read %s: %w", path, err)
	}
	return e, nil
}

// unescapeValue undoes the string escape layer of a key value: \s \n \t \r
// and \\. Other backslashes are kept, so that the quoting layer of Exec
// still sees them (entries in the wild often write \" where the spec asks
// for \\").
func unescapeValue(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 's':
			b.WriteByte(' ')
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// piece is a run of literal text, or a field code (code != 0).
type piece struct {
	text string
	code byte
}

// splitExec splits an Exec value, already through unescapeValue, into
// words as the spec's quoting rules say: blanks separate words; inside
// double quotes, \" \` \$ \\ stand for the character; like GLib, single
// quotes and a backslash outside quotes are accepted too. Field codes are
// kept apart from literal text, so that the link is never split or
// re-read, whatever it holds.
func splitExec(s string) ([][]piece, error) {
	var (
		words  [][]piece
		word   []piece
		lit    strings.Builder
		inWord bool
	)
	flush := func() {
		if lit.Len() > 0 {
			word = append(word, piece{text: lit.String()})
			lit.Reset()
		}
	}
	// code reads the field code at s[i] == '%' and returns where it ends.
	code := func(i int) (int, error) {
		if i+1 == len(s) {
			return 0, errors.New("the Exec line ends in a lone %")
		}
		c := s[i+1]
		switch {
		case c == '%':
			lit.WriteByte('%')
		case strings.IndexByte("uUfFickdDnNvm", c) >= 0:
			flush()
			word = append(word, piece{code: c})
		default:
			return 0, fmt.Errorf("the Exec line has an unknown field code %%%c", c)
		}
		inWord = true
		return i + 1, nil
	}
	var err error
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n':
			flush()
			if inWord {
				words = append(words, word)
			}
			word, inWord = nil, false
		case '"', '\'':
			inWord = true
			for i++; i < len(s) && s[i] != c; i++ {
				switch {
				case c == '"' && s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\"`$\\", s[i+1]) >= 0:
					i++
					lit.WriteByte(s[i])
				case s[i] == '%':
					if i, err = code(i); err != nil {
						return nil, err
					}
				default:
					lit.WriteByte(s[i])
				}
			}
			if i == len(s) {
				return nil, fmt.Errorf("the Exec line has an unterminated %c quote", c)
			}
		case '\\':
			inWord = true
			if i+1 < len(s) {
				i++
			}
			lit.WriteByte(s[i])
		case '%':
			if i, err = code(i); err != nil {
				return nil, err
			}
		default:
			inWord = true
			lit.WriteByte(c)
		}
	}
	flush()
	if inWord {
		words = append(words, word)
	}
	return words, nil
}

// shells are programs that would read an argument as a script.
var shells = map[string]bool{"sh": true, "bash": true, "dash": true, "zsh": true, "ksh": true, "mksh": true,
	"ash": true, "fish": true, "csh": true, "tcsh": true, "busybox": true}

// execArgv expands e's Exec for link: %u %U %f %F become link, as one
// argument when the field code is one; %i becomes --icon ICON, %c the name,
// %k the file; the deprecated %d %D %n %N %v %m are dropped. With no file or
// URL field code the link is appended, as GLib does. It refuses an Exec
// whose program would come from a field code, and one that would paste the
// link into a shell's script (sh -c "handler %u"): there a link could run
// commands, whatever link.Parse let through.
func execArgv(e entry, link string) ([]string, error) {
	if e.exec == "" {
		return nil, fmt.Errorf("%s has no Exec line", e.path)
	}
	words, err := splitExec(unescapeValue(e.exec))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", e.path, err)
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("%s has an empty Exec line", e.path)
	}
	for _, p := range words[0] {
		if p.code != 0 {
			return nil, fmt.Errorf("%s: Exec does not start with a program", e.path)
		}
	}
	var argv []string
	placed, embedded := false, false
	for _, w := range words {
		if len(w) == 1 && w[0].code != 0 {
			switch w[0].code {
			case 'u', 'U', 'f', 'F':
				argv, placed = append(argv, link), true
			case 'i':
				if e.icon != "" {
					argv = append(argv, "--icon", e.icon)
				}
			case 'c':
				if e.name != "" {
					argv = append(argv, e.name)
				}
			case 'k':
				argv = append(argv, e.path)
			}
			continue
		}
		var b strings.Builder
		for _, p := range w {
			switch p.code {
			case 0:
				b.WriteString(p.text)
			case 'u', 'U', 'f', 'F':
				b.WriteString(link)
				placed, embedded = true, true
			case 'i':
				b.WriteString(e.icon)
			case 'c':
				b.WriteString(e.name)
			case 'k':
				b.WriteString(e.path)
			}
		}
		argv = append(argv, b.String())
	}
	if !placed {
		argv = append(argv, link)
	}
	if embedded {
		for _, a := range argv {
			if shells[filepath.Base(a)] {
				return nil, fmt.Errorf("%s: Exec pastes the link into a %s command line; Pingwise will not hand a link to a shell", e.path, filepath.Base(a))
			}
		}
	}
	return argv, nil
}
