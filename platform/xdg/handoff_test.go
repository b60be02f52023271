package xdg

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/platform/link"
)

// recorder is a fake previous handler: a shell script, in a folder whose
// name needs quoting, that appends "run" to runs and each of its arguments,
// NUL-terminated, to argv. Its desktop entry runs it with its working
// folder set to work, where a command smuggled in a link would leave its
// files.
type recorder struct {
	t                      *testing.T
	root, state, work, dir string
	dataDirs               []string
}

const recorderScript = `#!/bin/sh
d=$(dirname "$0")
printf 'run\n' >> "$d/runs"
printf '%s\0' "$@" >> "$d/argv"
`

func newRecorder(t *testing.T, exec string) *recorder {
	t.Helper()
	root := t.TempDir()
	r := &recorder{t: t, root: root, state: filepath.Join(root, "state"), work: filepath.Join(root, "work"),
		dir: filepath.Join(root, `my "handlers" $dir`)}
	for _, d := range []string{r.state, r.work, r.dir} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	script := filepath.Join(r.dir, "handle.sh")
	if err := os.WriteFile(script, []byte(recorderScript), 0o755); err != nil {
		t.Fatal(err)
	}
	if exec == "" {
		var err error
		if exec, err = execValue([]string{script}, "%u"); err != nil {
			t.Fatal(err)
		}
	}
	// The handler lives in a "system" data dir, after an empty user one,
	// under a desktop file id that maps to a subfolder.
	user, system := filepath.Join(root, "user"), filepath.Join(root, "system")
	r.dataDirs = []string{user, system}
	r.write(filepath.Join(system, "applications", "fake", "handler.desktop"),
		"[Desktop Entry]\nType=Application\nName=Fake handler\nExec="+exec+"\nPath="+r.work+"\n")
	prev := map[string]string{}
	for _, s := range link.Schemes {
		prev[s] = "fake-handler.desktop"
	}
	r.remember(prev)
	return r
}

func (r *recorder) write(path, content string) {
	r.t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *recorder) remember(prev map[string]string) {
	b, err := json.Marshal(state{Version: 1, Previous: prev})
	if err != nil {
		r.t.Fatal(err)
	}
	r.write(filepath.Join(r.state, StateFile), string(b))
}

// wait returns what the handler recorded once it has run, or fails.
func (r *recorder) wait() (runs int, args []string) {
	r.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; {
		if _, err := os.Stat(filepath.Join(r.dir, "argv")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			r.t.Fatal("the handler did not run within 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // a second run, were there one, would show by now
	return r.recorded()
}

func (r *recorder) recorded() (runs int, args []string) {
	b, _ := os.ReadFile(filepath.Join(r.dir, "runs"))
	a, _ := os.ReadFile(filepath.Join(r.dir, "argv"))
	if len(a) > 0 {
		args = strings.Split(strings.TrimSuffix(string(a), "\x00"), "\x00")
	}
	return strings.Count(string(b), "run\n"), args
}

// noSmuggledFiles fails if a command hidden in a link created X or pwned
// anywhere it could have: the handler's working folder, the test's root,
// or the folder the test runs in.
func (r *recorder) noSmuggledFiles() {
	r.t.Helper()
	for _, d := range []string{r.work, r.root, r.dir, "."} {
		for _, n := range []string{"X", "pwned"} {
			if _, err := os.Stat(filepath.Join(d, n)); err == nil {
				r.t.Errorf("%s appeared in %s: a link was run as a command", n, d)
			}
		}
	}
}

// hostile are links link.Parse lets through (they are well-formed) that
// would create a file named pwned or X if any shell read them.
var hostile = []string{
	"tel:+15551234;x=$(touch$IFS'pwned')",
	"callto:$(touch$IFS'pwned')",
	"mailto:dana@example.com?subject=x;touch$IFS'X';body=$(touch$IFS'pwned')",
	"sip:alice@example.com;x=1;touch$IFS'pwned'",
	"slack://channel?team=T1&id=C1;touch$IFS'pwned'",
	"zoommtg://zoom.us/join?confno=1;touch$IFS'pwned';x=&pwd=1",
}

// TestHostileLinksAreShellCommands checks the test's own teeth: read by a
// shell, each hostile link does create its file.
func TestHostileLinksAreShellCommands(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	for _, link := range hostile {
		dir := t.TempDir()
		cmd := exec.Command("sh", "-c", "true "+link)
		cmd.Dir = dir
		_ = cmd.Run()
		_, e1 := os.Stat(filepath.Join(dir, "pwned"))
		_, e2 := os.Stat(filepath.Join(dir, "X"))
		if e1 != nil && e2 != nil {
			t.Errorf("%s makes no file when a shell reads it: not a useful hostile link", link)
		}
	}
}

// TestHandOffPassesTheLinkAsOneArgument: the previous handler runs once,
// with exactly one argument, byte for byte the link, and nothing in the
// link is run.
func TestHandOffPassesTheLinkAsOneArgument(t *testing.T) {
	t.Parallel()
	links := append([]string{
		"tel:+1-555-123-4567",
		"TEL:%2B15551234",
		"mailto:dana@example.com?subject=Hi%20there&body=a%0Ab",
		"msteams:/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d",
	}, hostile...)
	for _, raw := range links {
		t.Run(raw, func(t *testing.T) {
			t.Parallel()
			r := newRecorder(t, "")
			l, err := link.Parse(raw)
			if err != nil {
				t.Fatalf("link.Parse: %v", err)
			}
			if err := HandOff(r.state, l, r.dataDirs); err != nil {
				t.Fatalf("HandOff: %v", err)
			}
			runs, args := r.wait()
			if runs != 1 || !slices.Equal(args, []string{l.URL}) {
				t.Errorf("handler ran %d times with %q, want once with [%q]", runs, args, l.URL)
			}
			r.noSmuggledFiles()
		})
	}
}

// TestHandOffRefuses: when there is no handler to go to, or it would bring
// the link back to Pingwise or through a shell, HandOff says so and runs
// nothing.
func TestHandOffRefuses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		exec  string // of the previous handler; "" for the recorder
		prev  string // remembered for tel: "" the recorder, "none" none, "missing" no handlers.json at all
		link  string
		want  string
		setup func(r *recorder)
	}{
		{name: "none remembered", prev: "none", link: "tel:123",
			want: "no other handler for tel: links was registered before Pingwise"},
		{name: "never installed", prev: "missing", link: "tel:123",
			want: "no other handler for tel: links was registered before Pingwise"},
		{name: "Pingwise itself", prev: DesktopFile, link: "tel:123", want: "is Pingwise itself"},
		{name: "uninstalled since", prev: "gone.desktop", link: "tel:123", want: "gone.desktop, is no longer installed"},
		{name: "not an id", prev: "../../../bin/sh", link: "tel:123", want: "damaged"},
		{name: "another pingwise", exec: "/opt/pingwise/bin/pingwise open %u", link: "tel:123", want: "runs pingwise again"},
		{name: "a shell", exec: `sh -c "echo %u"`, link: "tel:123", want: "will not hand a link to a shell"},
		{name: "a bad link", link: "tel:$(id)", want: "does not hold a phone number"},
		{name: "not a link scheme", link: "file:///etc/passwd", want: "not call or message links"},
		{name: "hidden by the user", link: "tel:123", want: "no longer installed", setup: func(r *recorder) {
			r.write(filepath.Join(r.dataDirs[0], "applications", "fake-handler.desktop"), "[Desktop Entry]\nHidden=true\n")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newRecorder(t, tc.exec)
			switch tc.prev {
			case "":
			case "missing":
				os.Remove(filepath.Join(r.state, StateFile))
			case "none":
				r.remember(map[string]string{"tel": ""})
			default:
				r.remember(map[string]string{"tel": tc.prev})
			}
			if tc.setup != nil {
				tc.setup(r)
			}
			// A hand-made Link, as if it came over the control socket
			// without link.Parse.
			err := HandOff(r.state, link.Link{URL: tc.link, Scheme: "tel"}, r.dataDirs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("HandOff: %v, want an error saying %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			time.Sleep(100 * time.Millisecond)
			if runs, args := r.recorded(); runs != 0 {
				t.Errorf("the handler ran %d times with %q", runs, args)
			}
		})
	}
}

func TestDataDirs(t *testing.T) {
	t.Setenv("HOME", "/home/dana")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("XDG_DATA_DIRS", "")
	if got, want := DataDirs(), []string{"/home/dana/.local/share", "/usr/local/share", "/usr/share"}; !slices.Equal(got, want) {
		t.Errorf("DataDirs() = %q, want %q", got, want)
	}
	t.Setenv("XDG_DATA_HOME", "/data")
	t.Setenv("XDG_DATA_DIRS", "/a:relative:/b")
	if got, want := DataDirs(), []string{"/data", "/a", "/b"}; !slices.Equal(got, want) {
		t.Errorf("DataDirs() = %q, want %q", got, want)
	}
}
