package windows

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"github.com/pingwise/pingwise/internal/detach"
	"github.com/pingwise/pingwise/platform/link"
)

// Installer registers Pingwise for the call and message links, per user:
// a URL class per scheme under HKCU\Software\Classes, the Pingwise.Link
// class, and capabilities under RegisteredApplications so Pingwise is in
// Settings > Default apps. Each scheme's handler before Pingwise, as a
// command line, is kept under HKCU\Software\Pingwise\Previous for HandOff;
// a per-user class Pingwise replaced is kept under ...\Backup and put back
// by Uninstall.
//
// Where the person chose a default in Settings (a UserChoice, which Windows
// protects with a hash no program may forge: tel: and mailto: usually have
// one), the class is written but not used: Install opens Settings > Default
// apps and says which choice to make.
type Installer struct {
	Reg
	Exe          string    // absolute path of pingwise.exe
	Home         string    // when not empty, the commands carry --home Home
	Autostart    bool      // start at login; when false, Install removes the entry
	DryRun       bool      // print what would be done, change nothing
	Out          io.Writer // one line per action; nil discards
	OpenSettings func() error
}

// Install registers Pingwise. Run again, it changes only what is out of
// date, and it never records Pingwise as its own previous handler.
func (in *Installer) Install() error {
	out := in.out()
	ours := in.linkCommand()
	acted := 0
	do := func(what string, f func() error) error {
		acted++
		fmt.Fprintln(out, what)
		if in.DryRun {
			return nil
		}
		return f()
	}
	var protected []string
	for _, s := range link.Schemes {
		cur, choice, err := in.current(s)
		if err != nil {
			return err
		}
		if choice != "" && choice != ProgID {
			protected = append(protected, s)
		}
		if cur != "" && !runsPingwise(cur) {
			if old, _, err := get(in.previous(), s); err != nil {
				return err
			} else if old != cur {
				if err := do(fmt.Sprintf("remember %s: handler %s", s, cur), func() error { return set(in.previous(), s, cur) }); err != nil {
					return err
				}
			}
		} else if _, ok, err := get(in.previous(), s); err != nil {
			return err
		} else if !ok {
			if err := do(fmt.Sprintf("remember %s: no handler before Pingwise", s), func() error { return set(in.previous(), s, "") }); err != nil {
				return err
			}
		}
		key := in.classes() + `\` + s
		mine, _, err := get(key+`\shell\open\command`, "")
		if err != nil {
			return err
		}
		if mine == ours {
			continue
		}
		if err := do(fmt.Sprintf(`register HKCU\%s for Pingwise`, key), func() error { return in.takeScheme(s, key) }); err != nil {
			return err
		}
	}
	if err := in.registerApp(do); err != nil {
		return err
	}
	if err := in.autostart(do); err != nil {
		return err
	}
	if acted == 0 {
		fmt.Fprintf(out, "Pingwise already opens %s links: nothing to do\n", link.SchemeList())
	} else if in.DryRun {
		fmt.Fprintln(out, "dry run: nothing was changed")
	}
	if len(protected) > 0 {
		fmt.Fprintf(out, "Windows keeps your own choice of app for %s: links. In Settings > Default apps >\n"+
			"Choose defaults by link type, choose Pingwise for %s.\n", strings.Join(protected, ":, "), strings.Join(protected, ", "))
		if !in.DryRun {
			if err := in.openSettings(); err != nil {
				fmt.Fprintf(out, "could not open Settings (%v): open it from the Start menu\n", err)
			}
		}
	}
	return nil
}

// takeScheme keeps a copy of the person's own class for scheme, the first
// time only, and makes Pingwise its handler.
func (in *Installer) takeScheme(s, key string) error {
	bk := in.backup() + `\` + s
	if _, had, err := get(bk, "Existed"); err != nil {
		return err
	} else if !had {
		def, existed, err := get(key, "")
		if err != nil {
			return err
		}
		cmd, hasCmd, err := get(key+`\shell\open\command`, "")
		if err != nil {
			return err
		}
		icon, _, err := get(key+`\DefaultIcon`, "")
		if err != nil {
			return err
		}
		flag := "0"
		if existed || hasCmd {
			flag = "1"
		}
		for name, v := range map[string]string{"Existed": flag, "Default": def, "Command": cmd, "Icon": icon} {
			if err := set(bk, name, v); err != nil {
				return err
			}
		}
	}
	return writeClass(key, "URL:"+s+" link (Pingwise)", in.linkCommand(), in.Exe)
}

func writeClass(key, name, cmd, exe string) error {
	for _, v := range [][3]string{
		{key, "", name},
		{key, "URL Protocol", ""},
		{key + `\DefaultIcon`, "", exe + ",0"},
		{key + `\shell\open\command`, "", cmd},
	} {
		if err := set(v[0], v[1], v[2]); err != nil {
			return err
		}
	}
	return nil
}

func (in *Installer) registerApp(do func(string, func() error) error) error {
	type value struct{ key, name, data string }
	want := []value{
		{in.classes() + `\` + ProgID, "", "Pingwise call or message link"},
		{in.classes() + `\` + ProgID + `\shell\open\command`, "", in.linkCommand()},
		{in.capabilities(), "ApplicationName", "Pingwise"},
		{in.capabilities(), "ApplicationDescription", "Asks \"sync or async?\" before a call or message pulls you out of focus"},
	}
	for _, s := range link.Schemes {
		want = append(want, value{in.capabilities() + `\URLAssociations`, s, ProgID})
	}
	want = append(want, value{in.registered(), "Pingwise", in.capabilities()})
	for _, v := range want {
		got, ok, err := get(v.key, v.name)
		if err != nil {
			return err
		}
		if ok && got == v.data {
			continue
		}
		if err := do(strings.TrimSpace(fmt.Sprintf(`write HKCU\%s %s`, v.key, v.name)), func() error {
			if v.key == in.classes()+`\`+ProgID {
				return writeClass(v.key, v.data, in.linkCommand(), in.Exe)
			}
			return set(v.key, v.name, v.data)
		}); err != nil {
			return err
		}
	}
	return nil
}

func (in *Installer) autostart(do func(string, func() error) error) error {
	got, ok, err := get(in.run(), "Pingwise")
	if err != nil {
		return err
	}
	if !in.Autostart {
		if !ok {
			return nil
		}
		return do(`remove HKCU\`+in.run()+` Pingwise`, func() error { return unset(in.run(), "Pingwise") })
	}
	want := in.appCommand()
	if got == want {
		return nil
	}
	return do(`write HKCU\`+in.run()+` Pingwise`, func() error { return set(in.run(), "Pingwise", want) })
}

// Uninstall puts back what Install replaced and removes what it added.
func (in *Installer) Uninstall() error {
	out := in.out()
	if !in.Installed() {
		fmt.Fprintln(out, "Pingwise is not installed: nothing to do")
		return nil
	}
	do := func(what string, f func() error) error {
		fmt.Fprintln(out, what)
		if in.DryRun {
			return nil
		}
		return f()
	}
	var chosen []string
	for _, s := range link.Schemes {
		key := in.classes() + `\` + s
		bk := in.backup() + `\` + s
		existed, had, err := get(bk, "Existed")
		if err != nil {
			return err
		}
		cmd, _, err := get(key+`\shell\open\command`, "")
		if err != nil {
			return err
		}
		switch {
		case had && existed == "1":
			def, _, _ := get(bk, "Default")
			old, _, _ := get(bk, "Command")
			icon, _, _ := get(bk, "Icon")
			err = do(fmt.Sprintf(`restore HKCU\%s: %s`, key, old), func() error {
				for _, v := range [][3]string{{key, "", def}, {key + `\shell\open\command`, "", old}, {key + `\DefaultIcon`, "", icon}} {
					if err := set(v[0], v[1], v[2]); err != nil {
						return err
					}
				}
				return nil
			})
		case had, runsPingwise(cmd):
			err = do(`remove HKCU\`+key, func() error { return removeTree(key) })
		}
		if err != nil {
			return err
		}
		if c, _, err := get(in.userChoice(s), "ProgId"); err == nil && c == ProgID {
			chosen = append(chosen, s)
		}
	}
	for _, k := range []string{in.classes() + `\` + ProgID, in.own()} {
		if err := do(`remove HKCU\`+k, func() error { return removeTree(k) }); err != nil {
			return err
		}
	}
	if err := do(`remove HKCU\`+in.registered()+` Pingwise`, func() error { return unset(in.registered(), "Pingwise") }); err != nil {
		return err
	}
	if err := do(`remove HKCU\`+in.run()+` Pingwise`, func() error { return unset(in.run(), "Pingwise") }); err != nil {
		return err
	}
	if len(chosen) > 0 {
		fmt.Fprintf(out, "Settings still names Pingwise for %s: links: choose another app there\n", strings.Join(chosen, ":, "))
	}
	return nil
}

// current is the command that opens scheme links now, and the ProgId the
// person chose in Settings ("" if none): the chosen class's command, or
// the scheme's own class, per user before per machine.
func (in *Installer) current(s string) (cmd, choice string, err error) {
	choice, _, err = get(in.userChoice(s), "ProgId")
	if err != nil {
		return "", "", err
	}
	class := s
	if choice != "" {
		class = choice
	}
	cmd, ok, err := get(in.classes()+`\`+class+`\shell\open\command`, "")
	if err != nil || ok {
		return cmd, choice, err
	}
	if in.Root != User.Root {
		return "", choice, nil // a test's registry has no machine part
	}
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `Software\Classes\`+class+`\shell\open\command`, registry.QUERY_VALUE)
	if err != nil {
		return "", choice, nil
	}
	defer k.Close()
	cmd, _, err = k.GetStringValue("")
	if err != nil && !errors.Is(err, registry.ErrNotExist) {
		return "", choice, fmt.Errorf(`read HKLM\Software\Classes\%s: %w`, class, err)
	}
	return cmd, choice, nil
}

func (in *Installer) appArgs() []string {
	args := []string{in.Exe}
	if in.Home != "" {
		args = append(args, "--home", in.Home)
	}
	return args
}

func (in *Installer) appCommand() string { return command(in.appArgs()...) }

// linkCommand runs `pingwise open -- LINK`: "--" makes a link such as
// "--help" reach open as a link, to be refused there.
func (in *Installer) linkCommand() string {
	return command(append(in.appArgs(), "open", "--", "%1")...)
}

func (in *Installer) out() io.Writer {
	if in.Out == nil {
		return io.Discard
	}
	return in.Out
}

func (in *Installer) openSettings() error {
	if in.OpenSettings != nil {
		return in.OpenSettings()
	}
	verb, _ := windows.UTF16PtrFromString("open")
	target, _ := windows.UTF16PtrFromString("ms-settings:defaultapps")
	return windows.ShellExecute(0, verb, target, nil, nil, windows.SW_SHOWNORMAL)
}

// Links hands links on to the handler remembered by Install.
type Links struct {
	Reg
	Start func(*exec.Cmd) error // nil: start it detached; tests record it
}

// HandOff starts the handler that opened l.Scheme links before Pingwise,
// with the link as one argument: the remembered command line is split as
// Windows splits it, %1 (or %L) replaced inside the argument that holds it,
// and the program started directly. A handler that is a batch file or a
// shell is refused, as is Pingwise itself.
func (h Links) HandOff(l link.Link) error {
	v, err := link.Parse(l.URL) // it may have come over the control channel: vet again
	if err != nil {
		return err
	}
	cmdline, _, err := get(h.previous(), v.Scheme)
	if err != nil {
		return err
	}
	if cmdline == "" {
		return fmt.Errorf("no other handler for %s: links was registered before Pingwise", v.Scheme)
	}
	argv, err := handlerArgv(cmdline, v.URL)
	if err != nil {
		return fmt.Errorf("%s links: %w", v.Scheme, err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	start := h.Start
	if start == nil {
		start = func(c *exec.Cmd) error {
			c.SysProcAttr = detach.Attr()
			if err := c.Start(); err != nil {
				return err
			}
			go c.Wait()
			return nil
		}
	}
	if err := start(cmd); err != nil {
		return fmt.Errorf("start %s for a %s: link: %w", argv[0], v.Scheme, err)
	}
	return nil
}

// handlerArgv turns a registered command line into the argv to start.
func handlerArgv(cmdline, url string) ([]string, error) {
	argv, err := windows.DecomposeCommandLine(cmdline)
	if err != nil || len(argv) == 0 || argv[0] == "" {
		return nil, fmt.Errorf("the handler's command %q is not a command line", cmdline)
	}
	prog, err := registry.ExpandString(argv[0])
	if err != nil {
		return nil, fmt.Errorf("the handler's command %q: %w", cmdline, err)
	}
	argv[0] = prog
	if runsAShell(prog) {
		return nil, fmt.Errorf("the handler %s runs a shell: Pingwise never hands a link to one", prog)
	}
	if isPingwise(prog) {
		return nil, errors.New("the handler before Pingwise is Pingwise itself")
	}
	placed := false
	for i := 1; i < len(argv); i++ {
		for _, p := range []string{"%1", "%L", "%l"} {
			if strings.Contains(argv[i], p) {
				argv[i] = strings.ReplaceAll(argv[i], p, url)
				placed = true
			}
		}
	}
	if !placed {
		argv = append(argv, url)
	}
	return argv, nil
}

// runsPingwise says whether a registered command line starts Pingwise, from
// here or from where it was before it moved: never a previous handler.
func runsPingwise(cmdline string) bool {
	if strings.Contains(cmdline, ProgID) {
		return true
	}
	argv, err := windows.DecomposeCommandLine(cmdline)
	return err == nil && len(argv) > 0 && isPingwise(argv[0])
}

func isPingwise(prog string) bool {
	switch strings.ToLower(filepath.Base(prog)) {
	case "pingwise.exe", "pingwisew.exe", "pingwise":
		return true
	}
	self, err := os.Executable()
	if err != nil {
		return false
	}
	a, errA := os.Stat(self)
	b, errB := os.Stat(prog)
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// Installed says whether Install has run: the remembered handlers exist.
func (r Reg) Installed() bool {
	k, err := registry.OpenKey(registry.CURRENT_USER, r.previous(), registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	k.Close()
	return true
}

// Autostart writes or removes the Run value that starts Pingwise at login.
type Autostart struct {
	Reg
	Exe, Home string
}

// SetAutostart turns start at login on or off.
func (a Autostart) SetAutostart(on bool) error {
	in := Installer{Reg: a.Reg, Exe: a.Exe, Home: a.Home, Autostart: on}
	return in.autostart(func(_ string, f func() error) error { return f() })
}
