package windows

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/home"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/platform/link"
)

func TestHotkeyTakenByAnother(t *testing.T) {
	release, err := Hotkey{}.Bind("Ctrl+Alt+Shift+F12", func() {})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Hotkey{}).Bind("Ctrl+Alt+Shift+F12", func() {}); err == nil || !strings.Contains(err.Error(), "already taken by another application") {
		t.Errorf("second binding: %v, want already taken", err)
	}
	release()
	again, err := Hotkey{}.Bind("Ctrl+Alt+Shift+F12", func() {})
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
	if _, err := (Hotkey{}).Bind("Ctrl+Hyper+A", func() {}); err == nil {
		t.Error("a bad spec was bound")
	}
}

func TestIdleAnswers(t *testing.T) {
	d, err := Idle{}.Idle()
	if err != nil || d < 0 || d > 50*24*time.Hour {
		t.Fatalf("Idle() = %v, %v", d, err)
	}
}

func TestWatchActiveReportsAtOnce(t *testing.T) {
	got := make(chan platform.Window, 1)
	stop, err := Active{Every: 10 * time.Millisecond}.WatchActive(func(w platform.Window) {
		select {
		case got <- w:
		default:
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no first report")
	}
}

// testReg is a registry of the test's own under HKCU, removed after.
func testReg(t *testing.T) Reg {
	r := Reg{Root: fmt.Sprintf(`Software\PingwiseTest\%s-%d`, t.Name(), time.Now().UnixNano())}
	t.Cleanup(func() {
		if err := removeTree(r.Root); err != nil {
			t.Error(err)
		}
	})
	return r
}

const zoomCmd = `"C:\Program Files\Zoom\bin\Zoom.exe" "--url=%1"`

func TestInstallHandOffUninstall(t *testing.T) {
	r := testReg(t)
	// Zoom registered zoommtg: per user; the person chose Skype for tel:.
	must(t, set(r.classes()+`\zoommtg`, "", "URL:Zoom"))
	must(t, set(r.classes()+`\zoommtg\shell\open\command`, "", zoomCmd))
	must(t, set(r.userChoice("tel"), "ProgId", "SkypeTel"))
	must(t, set(r.classes()+`\SkypeTel\shell\open\command`, "", `C:\Skype\skype.exe %1`))
	var out bytes.Buffer
	settingsOpened := 0
	in := &Installer{Reg: r, Exe: `C:\Pingwise\pingwise.exe`, Out: &out, Autostart: true,
		OpenSettings: func() error { settingsOpened++; return nil }}
	must(t, in.Install())
	if settingsOpened != 1 || !strings.Contains(out.String(), "choose Pingwise for tel") {
		t.Errorf("settings opened %d times; output:\n%s", settingsOpened, out.String())
	}
	if got, _, _ := get(r.classes()+`\zoommtg\shell\open\command`, ""); got != `C:\Pingwise\pingwise.exe open -- "%1"` {
		t.Errorf("zoommtg command %q", got)
	}
	if got, _, _ := get(r.registered(), "Pingwise"); got != r.capabilities() {
		t.Errorf("RegisteredApplications: %q", got)
	}
	if got, _, _ := get(r.capabilities()+`\URLAssociations`, "msteams"); got != ProgID {
		t.Errorf("capability for msteams: %q", got)
	}
	if got, _, _ := get(r.run(), "Pingwise"); got != `C:\Pingwise\pingwise.exe` {
		t.Errorf("Run: %q", got)
	}

	// Again: nothing to do, and Pingwise is not its own previous handler.
	out.Reset()
	must(t, in.Install())
	if !strings.Contains(out.String(), "nothing to do") {
		t.Errorf("second install:\n%s", out.String())
	}
	if got, _, _ := get(r.previous(), "zoommtg"); got != zoomCmd {
		t.Errorf("previous zoommtg %q", got)
	}

	var started [][]string
	h := Links{Reg: r, Start: func(c *exec.Cmd) error { started = append(started, c.Args); return nil }}
	l, err := link.Parse("zoommtg://zoom.us/join?confno=123&pwd=x")
	must(t, err)
	must(t, h.HandOff(l))
	tel, err := link.Parse("tel:+15551234")
	must(t, err)
	must(t, h.HandOff(tel))
	want := [][]string{
		{`C:\Program Files\Zoom\bin\Zoom.exe`, "--url=zoommtg://zoom.us/join?confno=123&pwd=x"},
		{`C:\Skype\skype.exe`, "tel:+15551234"},
	}
	if fmt.Sprint(started) != fmt.Sprint(want) {
		t.Errorf("started %q, want %q", started, want)
	}
	slack, err := link.Parse("slack://channel?team=T1&id=C1")
	must(t, err)
	if err := h.HandOff(slack); err == nil || !strings.Contains(err.Error(), "no other handler") {
		t.Errorf("slack with no previous handler: %v", err)
	}

	in.Autostart = false
	must(t, in.Uninstall())
	if got, _, _ := get(r.classes()+`\zoommtg\shell\open\command`, ""); got != zoomCmd {
		t.Errorf("zoommtg not restored: %q", got)
	}
	for _, k := range []string{r.classes() + `\msteams`, r.classes() + `\` + ProgID, r.own()} {
		if _, ok, _ := get(k, ""); ok {
			t.Errorf(`HKCU\%s left behind`, k)
		}
	}
	if _, ok, _ := get(r.run(), "Pingwise"); ok {
		t.Error("Run value left behind")
	}
}

func TestDryRunChangesNothing(t *testing.T) {
	r := testReg(t)
	var out bytes.Buffer
	in := &Installer{Reg: r, Exe: `C:\p\pingwise.exe`, DryRun: true, Out: &out}
	must(t, in.Install())
	if out.Len() == 0 {
		t.Error("dry run printed nothing")
	}
	if r.Installed() {
		t.Error("dry run installed")
	}
}

func TestHandlerArgv(t *testing.T) {
	for _, tc := range []struct {
		cmd  string
		want []string
		err  string
	}{
		{`"C:\A B\app.exe" -url "%1"`, []string{`C:\A B\app.exe`, "-url", "tel:1"}, ""},
		{`C:\app.exe`, []string{`C:\app.exe`, "tel:1"}, ""},
		{`C:\app.exe /call:%L`, []string{`C:\app.exe`, "/call:tel:1"}, ""},
		{`C:\x\open.bat "%1"`, nil, "runs a shell"},
		{`cmd /c start "" "%1"`, nil, "runs a shell"},
		{`"C:\Pingwise\pingwise.exe" open -- "%1"`, nil, "Pingwise itself"},
		{`""`, nil, "not a command line"},
	} {
		got, err := handlerArgv(tc.cmd, "tel:1")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: %v, want %q", tc.cmd, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, %v; want %q", tc.cmd, got, err, tc.want)
		}
	}
}

func TestAutostart(t *testing.T) {
	r := testReg(t)
	a := Autostart{Reg: r, Exe: `C:\P W\pingwise.exe`, Home: `D:\pw`}
	must(t, a.SetAutostart(true))
	if got, _, _ := get(r.run(), "Pingwise"); got != `"C:\P W\pingwise.exe" --home D:\pw` {
		t.Errorf("Run = %q", got)
	}
	must(t, a.SetAutostart(false))
	if _, ok, _ := get(r.run(), "Pingwise"); ok {
		t.Error("still there")
	}
}

func TestOpenSaysEveryService(t *testing.T) {
	d := &platform.Desktop{}
	Open(d, home.Dirs{}, `C:\p\pingwise.exe`)
	defer d.Close()
	for _, s := range platform.Services {
		if _, ok := d.Status[s]; !ok {
			t.Errorf("no status for %s", s)
		}
	}
	if d.Status[platform.QuietFocus].Available || !d.Status[platform.HotkeyService].Available {
		t.Errorf("statuses %+v", d.Status)
	}
	if _, err := exec.LookPath("powershell.exe"); (err == nil) != (d.Notifier != nil) || (err == nil) != d.Status[platform.Notifications].Available {
		t.Errorf("powershell.exe found: %v; notifier %v, status %+v", err == nil, d.Notifier, d.Status[platform.Notifications])
	}
	if d.Hotkey == nil || d.Active == nil || d.Idle == nil || d.Links == nil || d.Autostart == nil {
		t.Errorf("services missing: %+v", d)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A Pingwise that moved is not remembered as the handler before Pingwise.
func TestInstallNeverRemembersPingwise(t *testing.T) {
	r := testReg(t)
	must(t, set(r.classes()+`\msteams\shell\open\command`, "", `"D:\old place\pingwisew.exe" open -- "%1"`))
	in := &Installer{Reg: r, Exe: `C:\Pingwise\pingwisew.exe`, OpenSettings: func() error { return nil }}
	must(t, in.Install())
	if got, ok, _ := get(r.previous(), "msteams"); !ok || got != "" {
		t.Errorf("previous msteams = %q (%v), want none", got, ok)
	}
}
