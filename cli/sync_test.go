package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/journal"
)

// syncedHome is a home whose settings name folder as the sync folder.
func syncedHome(t *testing.T, folder, name string) *testHome {
	return newHome(t, fmt.Sprintf("time_zone = \"Europe/Berlin\"\nsync_folder = %q\ndevice_name = %q\n", folder, name))
}

func (h *testHome) weekStats() focus.Stats {
	h.t.Helper()
	var st focus.Stats
	decodeOne(h.t, h.ok("stats", "--json", "--by-device"), &st)
	return st
}

func TestStatsCoverEveryDevice(t *testing.T) {
	laptopFolder, deskFolder := t.TempDir(), t.TempDir()
	laptop, desk := syncedHome(t, laptopFolder, "laptop"), syncedHome(t, deskFolder, "desk")
	laptop.ok("log", "chat", "--deferred")
	laptop.ok("start", "60m")
	desk.ok("log", "call", "--taken")
	desk.ok("start", "60m")
	laptop.clock.Add(time.Hour)
	desk.clock.Add(time.Hour)
	laptop.ok("status")
	desk.ok("status")
	// The sync engine: each journal into the other folder.
	carry := func(from, to string) {
		entries, _ := os.ReadDir(from)
		for _, e := range entries {
			if journal.IsJournal(e.Name()) {
				b, _ := os.ReadFile(filepath.Join(from, e.Name()))
				os.WriteFile(filepath.Join(to, e.Name()), b, 0o600)
			}
		}
	}
	carry(laptopFolder, deskFolder)
	carry(deskFolder, laptopFolder)
	for _, h := range []*testHome{laptop, desk} {
		st := h.weekStats()
		names := map[string]int{}
		for _, d := range st.Devices {
			names[d.Name] = d.Interruptions*100 + d.FocusMinutes
		}
		// One hour on both at once is one hour of focus.
		if st.Interruptions != 2 || st.FocusMinutes != 60 || names["laptop"] != 160 || names["desk"] != 160 {
			t.Errorf("%s: %d interruptions, %d focus minutes, devices %v", h.dir, st.Interruptions, st.FocusMinutes, names)
		}
		if n := len(h.exportLines()); n != 4 {
			t.Errorf("%s exports %d events, want 4", h.dir, n)
		}
		// Without --by-device, the JSON is what it always was.
		var plain map[string]json.RawMessage
		if json.Unmarshal([]byte(h.ok("stats", "--json")), &plain); plain["devices"] != nil {
			t.Errorf("stats --json has devices without --by-device")
		}
	}
	if r := laptop.run("", "stats", "--by-device"); r.code != 2 {
		t.Errorf("stats --by-device without --json: %v", r)
	}
}

func TestSyncFolderOutOfReach(t *testing.T) {
	folder := filepath.Join(t.TempDir(), "not-mounted")
	h := syncedHome(t, folder, "laptop")
	r := h.run("", "log", "chat")
	if r.code != 0 || !strings.Contains(r.stderr, "not-mounted") {
		t.Fatalf("log with the folder away: %v", r)
	}
	checkOneLine(t, r.stderr)
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	h.ok("stats")
	devs, err := journal.Devices(folder)
	if err != nil || len(devs) != 1 || devs[0].Name != "laptop" {
		t.Fatalf("devices %+v, %v", devs, err)
	}
	b, _ := os.ReadFile(filepath.Join(folder, devs[0].Files[0]))
	if !strings.Contains(string(b), `"channel":"chat"`) {
		t.Errorf("the journal lacks what was logged while the folder was away:\n%s", b)
	}
}

// The real thing: two Syncthing instances on 127.0.0.1, each with its own
// home, paired through their REST API and sharing the sync folder.

type syncthing struct {
	t       *testing.T
	home    string
	folder  string
	gui     string // 127.0.0.1:port
	listen  string // tcp://127.0.0.1:port
	apiKey  string
	id      string
	process *exec.Cmd
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func startSyncthing(t *testing.T, bin, name string) *syncthing {
	t.Helper()
	base := t.TempDir()
	s := &syncthing{t: t, home: filepath.Join(base, "st"), folder: filepath.Join(base, "Sync"),
		gui: fmt.Sprintf("127.0.0.1:%d", freePort(t)), listen: fmt.Sprintf("tcp://127.0.0.1:%d", freePort(t))}
	os.Mkdir(s.folder, 0o700)
	env := append(os.Environ(), "HOME="+base, "STNODEFAULTFOLDER=1", "STNOUPGRADE=1")
	gen := exec.Command(bin, "generate", "--home="+s.home)
	gen.Env = env
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("syncthing generate: %v\n%s", err, out)
	}
	cfgPath := filepath.Join(s.home, "config.xml")
	b, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(b)
	// Loopback only, and nothing that reaches out: no discovery, relays,
	// NAT traversal, usage reports, crash reports or upgrades.
	for _, r := range []struct{ from, to string }{
		{"<listenAddress>default</listenAddress>", "<listenAddress>" + s.listen + "</listenAddress>"},
		{"<address>127.0.0.1:8384</address>", "<address>" + s.gui + "</address>"},
		{"<globalAnnounceEnabled>true<", "<globalAnnounceEnabled>false<"},
		{"<localAnnounceEnabled>true<", "<localAnnounceEnabled>false<"},
		{"<relaysEnabled>true<", "<relaysEnabled>false<"},
		{"<natEnabled>true<", "<natEnabled>false<"},
		{"<startBrowser>true<", "<startBrowser>false<"},
		{"<urAccepted>0<", "<urAccepted>-1<"},
		{"<crashReportingEnabled>true<", "<crashReportingEnabled>false<"},
		{"<autoUpgradeIntervalH>12<", "<autoUpgradeIntervalH>0<"},
	} {
		if !strings.Contains(cfg, r.from) {
			t.Fatalf("syncthing's config.xml has no %s", r.from)
		}
		cfg = strings.Replace(cfg, r.from, r.to, 1)
	}
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<apikey>([^<]+)</apikey>`).FindStringSubmatch(cfg)
	if m == nil {
		t.Fatal("no API key in syncthing's config.xml")
	}
	s.apiKey = m[1]
	var logs bytes.Buffer
	s.process = exec.Command(bin, "serve", "--home="+s.home, "--no-browser", "--no-restart", "--logflags=0")
	s.process.Env = env
	s.process.Stdout, s.process.Stderr = &logs, &logs
	if err := s.process.Start(); err != nil {
		t.Fatalf("start syncthing: %v", err)
	}
	t.Cleanup(func() {
		s.process.Process.Kill()
		s.process.Wait()
		if t.Failed() {
			t.Logf("syncthing %s:\n%s", name, logs.String())
		}
	})
	var status struct {
		MyID string `json:"myID"`
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := s.api("GET", "/rest/system/status", nil, &status)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("syncthing %s did not answer on %s: %v", name, s.gui, err)
		}
		time.Sleep(100 * time.Millisecond) // polling a real process for readiness
	}
	s.id = status.MyID
	return s
}

func (s *syncthing) api(method, path string, body, out any) error {
	var in io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		in = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, "http://"+s.gui+path, in)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", s.apiKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, b)
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// share pairs s with the others and shares its folder with them.
func (s *syncthing) share(others ...*syncthing) {
	s.t.Helper()
	devices := []map[string]any{{"deviceID": s.id}}
	for _, o := range others {
		if err := s.api("POST", "/rest/config/devices", map[string]any{
			"deviceID": o.id, "name": o.id[:7], "addresses": []string{o.listen},
		}, nil); err != nil {
			s.t.Fatal(err)
		}
		devices = append(devices, map[string]any{"deviceID": o.id})
	}
	if err := s.api("POST", "/rest/config/folders", map[string]any{
		"id": "pingwise", "label": "Pingwise", "path": s.folder, "type": "sendreceive",
		"devices": devices, "rescanIntervalS": 2, "fsWatcherEnabled": true, "fsWatcherDelayS": 1,
	}, nil); err != nil {
		s.t.Fatal(err)
	}
}

// within polls check until it holds or the sync time is up.
func within(t *testing.T, what string, check func() error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within the sync time: %v", what, err)
		}
		time.Sleep(200 * time.Millisecond) // polling real processes for what they synced
	}
}

func TestSyncthingCarriesTheWeek(t *testing.T) {
	notOnWindows(t, "it runs two Syncthing instances")
	if os.Getenv("PINGWISE_E2E") != "1" {
		t.Skip("set PINGWISE_E2E=1 to run two real Syncthing instances")
	}
	bin, err := exec.LookPath("syncthing")
	if err != nil {
		t.Fatal("syncthing is not installed (Debian package syncthing): it carries the journals in this test")
	}
	a, b := startSyncthing(t, bin, "laptop"), startSyncthing(t, bin, "desk")
	a.share(b)
	b.share(a)
	laptop, desk := syncedHome(t, a.folder, "laptop"), syncedHome(t, b.folder, "desk")

	interruptions := func(h *testHome, want int) func() error {
		return func() error {
			st := h.weekStats()
			if st.Interruptions != want {
				return fmt.Errorf("%d interruptions, want %d", st.Interruptions, want)
			}
			return nil
		}
	}
	// Logged on the laptop, counted on the desk.
	laptop.ok("log", "chat", "--deferred")
	within(t, "the laptop's interruption in the desk's stats", interruptions(desk, 1))

	// Both devices logging at once.
	for k := range 5 {
		laptop.ok("log", "email", "--note", fmt.Sprintf("laptop %d", k))
		desk.ok("log", "call", "--note", fmt.Sprintf("desk %d", k))
	}
	within(t, "both devices' interruptions on the desk", interruptions(desk, 11))
	within(t, "both devices' interruptions on the laptop", interruptions(laptop, 11))

	// kill -9 on the laptop mid-append: half a line reaches the desk.
	own := filepath.Join(a.folder, journal.FileName(deviceID(t, laptop)))
	f, err := os.OpenFile(own, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"type":"interruption","id":"torn","at":"2026-11-23T08:`)
	f.Close()
	laptop.ok("log", "meeting")
	within(t, "the laptop's event after the torn line, on the desk", interruptions(desk, 12))

	// A conflict copy in the folder (as Syncthing names them) counts nothing
	// twice, and what only it holds is read.
	conflict := strings.TrimSuffix(own, ".jsonl") + ".sync-conflict-20261123-090000-ABCDEFG.jsonl"
	body, _ := os.ReadFile(own)
	extra := `{"type":"interruption","id":"only-in-the-copy","device":"` + deviceID(t, laptop) +
		`","at":"2026-11-23T08:30:00+01:00","direction":"incoming","channel":"chat","outcome":"taken"}` + "\n"
	os.WriteFile(conflict, append(body, extra...), 0o600)
	within(t, "the conflict copy, once, on the desk", interruptions(desk, 13))
	if st := laptop.weekStats(); st.Interruptions != 13 {
		t.Errorf("the laptop counts %d interruptions, want 13", st.Interruptions)
	}
	for _, h := range []*testHome{laptop, desk} {
		if r := h.run("", "stats", "--json"); r.stderr != "" {
			t.Errorf("%s said %q", h.dir, r.stderr)
		}
	}
}

// deviceID returns the home's device id.
func deviceID(t *testing.T, h *testHome) string {
	t.Helper()
	id, err := journal.LocalID(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
