package xdg

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAppEntry(t *testing.T) {
	t.Parallel()
	got, err := AppEntry("/usr/bin/pingwise", "")
	if err != nil {
		t.Fatal(err)
	}
	want := `[Desktop Entry]
Type=Application
Name=Pingwise
GenericName=Focus guard
Comment=Asks "sync or async?" before you call or message someone
Exec=/usr/bin/pingwise open -- %u
Icon=io.github.pingwise
Terminal=false
Categories=Utility;Office;
MimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/sip;x-scheme-handler/zoommtg;x-scheme-handler/zoomus;x-scheme-handler/msteams;x-scheme-handler/slack;x-scheme-handler/mailto;
StartupNotify=false
`
	if got != want {
		t.Errorf("AppEntry:\n%s\nwant:\n%s", got, want)
	}
	auto, err := AutostartEntry("/usr/bin/pingwise", "/home/dana/pw")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(auto, "\nExec=/usr/bin/pingwise --home /home/dana/pw\n") || !strings.Contains(auto, "\nType=Application\n") {
		t.Errorf("AutostartEntry:\n%s", auto)
	}
	if _, err := AppEntry("pingwise", ""); err == nil {
		t.Error("AppEntry accepted a relative path")
	}
	if _, err := AppEntry("/usr/bin/pingwise", "/home/x\ny"); err == nil {
		t.Error("AppEntry accepted a newline in --home")
	}
}

// TestExecQuotingRoundTrip: whatever the paths hold, the Exec line Pingwise
// writes reads back, by the spec's rules, as exactly those arguments.
func TestExecQuotingRoundTrip(t *testing.T) {
	t.Parallel()
	for _, home := range []string{
		"/home/dana/pingwise",
		"/home/dana/Ping Wise",
		`/tmp/a "quoted" 'single' dir`,
		`/tmp/back\slash\\two`,
		"/tmp/$HOME and `id` and $(id)",
		"/tmp/100% sure %u %%",
		"/tmp/semi;colon|pipe&amp>gt<lt~tilde*star?q#hash(paren)",
		"/tmp/zoë ünïcödé",
		"/tmp/=equals",
	} {
		exe := filepath.Join(home, "bin", "pingwise")
		if strings.Contains(exe, "%") {
			if _, err := AppEntry(exe, home); err == nil {
				t.Errorf("AppEntry accepted %q, which GLib cannot launch", exe)
			}
			exe = "/opt/pingwise/bin/pingwise"
		}
		text, err := AppEntry(exe, home)
		if err != nil {
			t.Fatalf("%q: %v", home, err)
		}
		var execLine string
		for _, l := range strings.Split(text, "\n") {
			if v, ok := strings.CutPrefix(l, "Exec="); ok {
				execLine = v
			}
		}
		link := "tel:+15551234"
		argv, err := execArgv(entry{path: "x.desktop", exec: execLine}, link)
		if err != nil {
			t.Fatalf("%q: Exec=%s: %v", home, execLine, err)
		}
		want := []string{exe, "--home", home, "open", "--", link}
		if !slices.Equal(argv, want) {
			t.Errorf("Exec=%s\nreads as %q\nwant     %q", execLine, argv, want)
		}
	}
}

func TestExecArgv(t *testing.T) {
	t.Parallel()
	const link = "tel:+1555;x=$(touch$IFS'pwned')"
	e := entry{path: "/usr/share/applications/h.desktop", name: "Handler", icon: "handler"}
	for _, tc := range []struct {
		exec string // as written in the file
		want []string
		err  string
	}{
		{exec: "handler %u", want: []string{"handler", link}},
		{exec: "/usr/bin/handler %U", want: []string{"/usr/bin/handler", link}},
		{exec: "handler %f", want: []string{"handler", link}},
		{exec: "handler %F", want: []string{"handler", link}},
		{exec: "handler", want: []string{"handler", link}},
		{exec: `"/opt/My App/handler" --flag %u`, want: []string{"/opt/My App/handler", "--flag", link}},
		{exec: `/opt/My\sApp/handler %u`, want: []string{"/opt/My", "App/handler", link}},
		{exec: `"/opt/My\sApp/handler" %u`, want: []string{"/opt/My App/handler", link}},
		{exec: `handler "a \\"quoted\\" word" %u`, want: []string{"handler", `a "quoted" word`, link}},
		{exec: `handler "a \"quoted\" word" %u`, want: []string{"handler", `a "quoted" word`, link}},
		{exec: `handler "C:\\\\dir" "\\$HOME" "\\` + "`id`" + `" %u`, want: []string{"handler", `C:\dir`, "$HOME", "`id`", link}},
		{exec: `handler 'single quoted' %u`, want: []string{"handler", "single quoted", link}},
		{exec: `handler ""  %u`, want: []string{"handler", "", link}},
		{exec: "handler 100%% %u", want: []string{"handler", "100%", link}},
		{exec: "handler --url=%u", want: []string{"handler", "--url=" + link}},
		{exec: "handler %i %c %k %u", want: []string{"handler", "--icon", "handler", "Handler", e.path, link}},
		{exec: "handler %d %D %n %N %v %m %u", want: []string{"handler", link}},
		{exec: "  handler\t%u  ", want: []string{"handler", link}},
		{exec: "env A=1 /usr/bin/handler %u", want: []string{"env", "A=1", "/usr/bin/handler", link}},
		{exec: `flatpak run --file-forwarding org.example.H @@u %U @@`, want: []string{"flatpak", "run", "--file-forwarding", "org.example.H", "@@u", link, "@@"}},
		{exec: `sh -c 'handler "$1"' sh %u`, want: []string{"sh", "-c", `handler "$1"`, "sh", link}},

		{exec: `sh -c "handler %u"`, err: "will not hand a link to a shell"},
		{exec: `env X=1 bash -c 'handler %u'`, err: "will not hand a link to a shell"},
		{exec: "%u", err: "does not start with a program"},
		{exec: `handler "unterminated %u`, err: "unterminated"},
		{exec: "handler %z", err: "unknown field code %z"},
		{exec: "handler %", err: "lone %"},
		{exec: "", err: "no Exec line"},
		{exec: "   ", err: "empty Exec"},
	} {
		t.Run(tc.exec, func(t *testing.T) {
			e := e
			e.exec = tc.exec
			argv, err := execArgv(e, link)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("Exec=%s: got %q, %v; want error %q", tc.exec, argv, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Exec=%s: %v", tc.exec, err)
			}
			if !slices.Equal(argv, tc.want) {
				t.Errorf("Exec=%s\ngot  %q\nwant %q", tc.exec, argv, tc.want)
			}
		})
	}
}

func TestReadEntry(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "h.desktop")
	content := "# comment\n[Desktop Entry]\nName = Handler\nName[de]=Griff\nExec=handler\\s--x %u\nExec=second\nIcon=h\nPath=/tmp\n" +
		"[Desktop Action new]\nExec=other %u\n"
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := readEntry(p)
	if err != nil {
		t.Fatal(err)
	}
	want := entry{path: p, name: "Handler", icon: "h", exec: `handler\s--x %u`, dir: "/tmp"}
	if e != want {
		t.Errorf("readEntry = %+v, want %+v", e, want)
	}
}

func TestSetAutostart(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "autostart")
	if err := SetAutostart(dir, "/usr/bin/pingwise", "", true); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, DesktopFile))
	if err != nil || !strings.Contains(string(b), "\nExec=/usr/bin/pingwise\n") {
		t.Fatalf("autostart entry: %q, %v", b, err)
	}
	for range 2 { // removing twice is fine
		if err := SetAutostart(dir, "/usr/bin/pingwise", "", false); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, DesktopFile)); !os.IsNotExist(err) {
		t.Errorf("autostart entry still there: %v", err)
	}
}

// TestGLibReadsOurExecLines cross-checks the quoting with GLib, the
// implementation most desktops use: `gio launch` runs the entry Pingwise
// writes, for a program and a --home folder full of characters that need
// quoting, and the program must receive exactly the intended arguments.
func TestGLibReadsOurExecLines(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("gio"); err != nil {
		t.Skip("gio is not installed")
	}
	for _, home := range []string{`/tmp/a "q" \x $y %z`, "/tmp/semi;colon `id` $(id) 'single' ~tilde", "/tmp/zoë"} {
		dir := filepath.Join(t.TempDir(), `bin "dir" $x`)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		exe := filepath.Join(dir, "pingwise")
		out := filepath.Join(filepath.Dir(dir), "argv")
		script := "#!/bin/sh\nprintf '%s\\0' \"$@\" > '" + out + "'\n"
		if err := os.WriteFile(exe, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		text, err := AppEntry(exe, home)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(filepath.Dir(dir), "t.desktop")
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		const link = "tel:+15551234"
		if b, err := exec.Command("gio", "launch", file, link).CombinedOutput(); err != nil {
			t.Skipf("gio launch does not work here: %v: %s", err, b)
		}
		var got []byte
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if got, err = os.ReadFile(out); err == nil && len(got) > 0 {
				break
			}
		}
		args := strings.Split(strings.TrimSuffix(string(got), "\x00"), "\x00")
		if want := []string{"--home", home, "open", "--", link}; !slices.Equal(args, want) {
			t.Errorf("GLib ran %q\nwant     %q", args, want)
		}
	}
}
