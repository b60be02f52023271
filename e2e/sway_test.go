package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pingwise/pingwise/internal/vkbd"
)

// sway is a headless sway on a wdesk, with nothing in its config: no
// binding, so the hotkey can only be the one Pingwise binds.
type sway struct {
	*wdesk
	wayland string // the Wayland socket's path
}

func startSway(t *testing.T) *sway {
	t.Helper()
	need(t, "sway", "swaymsg", "foot", "Xwayland")
	s := &sway{wdesk: newWdesk(t, true)}
	s.bus(true)
	cfg := filepath.Join(s.home, "config")
	if err := os.WriteFile(cfg, []byte("# nothing bound: Pingwise binds its key itself\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.env = append(s.env, "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman")
	log, _ := s.start("sway", "-c", cfg)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("sway said:\n%s", log.String())
		}
	})
	var ipc string
	s.waitUntil("sway's sockets", 20*time.Second, func() bool {
		i, _ := filepath.Glob(filepath.Join(s.runtime, "sway-ipc.*.sock"))
		w, _ := filepath.Glob(filepath.Join(s.runtime, "wayland-[0-9]"))
		if len(i) == 1 && len(w) == 1 {
			ipc, s.wayland = i[0], w[0]
		}
		return ipc != ""
	})
	s.env = append(s.env, "SWAYSOCK="+ipc, "WAYLAND_DISPLAY="+filepath.Base(s.wayland))
	// sway starts XWayland and tells what it runs its $DISPLAY.
	out := filepath.Join(s.shared(t.TempDir()), "display")
	s.swaymsg("exec", "echo $DISPLAY > "+out)
	var display string
	s.waitUntil("XWayland's display", 10*time.Second, func() bool {
		b, _ := os.ReadFile(out)
		display = strings.TrimSpace(string(b))
		return display != ""
	})
	s.env = append(s.env, "DISPLAY="+display)
	return s
}

func (s *sway) swaymsg(args ...string) string {
	s.t.Helper()
	out, err := s.command("swaymsg", args...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("swaymsg %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// swayNode is what the tests read of sway's tree.
type swayNode struct {
	Name    string     `json:"name"`
	Type    string     `json:"type"`
	Focused bool       `json:"focused"`
	Visible bool       `json:"visible"`
	AppID   string     `json:"app_id"`
	Nodes   []swayNode `json:"nodes"`
	Float   []swayNode `json:"floating_nodes"`
}

// windows lists the windows on screen, the focused one marked, and those
// out of sight: in the scratchpad, where Pingwise keeps its closed popup.
func (s *sway) windows() (names []string, focused string, hidden []string) {
	s.t.Helper()
	var root swayNode
	if err := json.Unmarshal([]byte(s.swaymsg("-t", "get_tree")), &root); err != nil {
		s.t.Fatal(err)
	}
	var walk func(swayNode)
	walk = func(n swayNode) {
		if (n.Type == "con" || n.Type == "floating_con") && len(n.Nodes) == 0 {
			if !n.Visible {
				hidden = append(hidden, n.Name)
				return
			}
			names = append(names, n.Name)
			if n.Focused {
				focused = n.Name
			}
		}
		for _, k := range append(n.Nodes, n.Float...) {
			walk(k)
		}
	}
	walk(root)
	return names, focused, hidden
}

func (s *sway) focused(title string) bool {
	names, f, _ := s.windows()
	if f != title {
		s.lastSeen = fmt.Sprintf("windows %q, focused %q", names, f)
	}
	return f == title
}

func (s *sway) shown(title string) bool {
	names, _, _ := s.windows()
	return slices.Contains(names, title)
}

// stashed says whether a window titled title is kept out of sight.
func (s *sway) stashed(title string) bool {
	names, _, hidden := s.windows()
	if !slices.Contains(hidden, title) {
		s.lastSeen = fmt.Sprintf("windows %q, out of sight %q", names, hidden)
		return false
	}
	return true
}

// Pingwise inside headless sway, with nothing in sway's config: the
// hotkey it binds over sway's IPC opens the popup, which gets the
// keyboard; a chat app taking focus in a session opens it; away from the
// keyboard, the session pauses and asks on return. Keys come from a
// virtual keyboard, through sway, as a person's would.
func TestSway(t *testing.T) {
	s := startSway(t)
	if err := os.WriteFile(filepath.Join(s.appHome, "settings.toml"), []byte("away_minutes = 0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.shared(filepath.Join(s.appHome, "settings.toml"))
	a := s.startApp()
	kb := newVkbd(t, s.wayland)
	s.waitHotkey(20 * time.Second)

	if !strings.Contains(s.swaymsg("-t", "get_config"), "nothing bound") {
		t.Fatal("sway runs another config")
	}
	// The first question is painted as Pingwise starts, straight into
	// sway's scratchpad, under a title of its own until it is first shown:
	// the first press is as quick as the next.
	s.waitUntil("the popup readied in sway's scratchpad", 10*time.Second, func() bool {
		return s.stashed("Pingwise: readying the Sync or async? popup")
	})

	t.Run("hotkey", func(t *testing.T) {
		kb.key(vkbd.KeySpace, vkbd.ModCtrl|vkbd.ModShift)
		s.waitUntil("the popup focused", 10*time.Second, func() bool { return s.focused("Sync or async?") })
		kb.typeText("The site is down, checkout fails for everyone")
		kb.key(vkbd.KeyEnter, vkbd.ModCtrl) // the recommended action: sync, for an outage; async for a blank draft
		s.waitUntil("the decision in the stats", 10*time.Second, func() bool { sy, _ := s.decisions(); return sy == 1 })
		if sy, as := s.decisions(); sy != 1 || as != 0 {
			t.Errorf("decisions: %d sync, %d async; want the draft's one sync", sy, as)
		}
		s.waitUntil("the popup to close after its confirmation", 10*time.Second, func() bool { return !s.shown("Sync or async?") })

		// Closed, the popup waits in sway's scratchpad, painted: shown
		// again from there, it takes the keyboard, and typed keys reach its
		// draft.
		if !s.stashed("Sync or async?") {
			t.Error("the closed popup is not kept in sway's scratchpad")
		}
		kb.key(vkbd.KeySpace, vkbd.ModCtrl|vkbd.ModShift)
		s.waitUntil("the reopened popup focused", 10*time.Second, func() bool { return s.focused("Sync or async?") })
		kb.typeText("Notes from the review, no rush")
		kb.key(vkbd.KeyEnter, 0) // Enter sends async
		s.waitUntil("the second decision in the stats", 10*time.Second, func() bool { _, as := s.decisions(); return as == 1 })
		s.waitUntil("the popup to close after its confirmation", 10*time.Second, func() bool { return !s.shown("Sync or async?") })
		kb.key(vkbd.KeySpace, vkbd.ModCtrl|vkbd.ModShift)
		s.waitUntil("the popup focused a third time", 10*time.Second, func() bool { return s.focused("Sync or async?") })
		kb.key(vkbd.KeyEsc, 0)
		s.waitUntil("Esc to close it", 10*time.Second, func() bool { return !s.shown("Sync or async?") })
	})

	s.doctor().check(t, map[string]string{
		"hotkey":     "Ctrl+Shift+Space through bound at run time over sway's IPC",
		"active_app": "sway IPC window focus events",
		"idle":       "Wayland org_kde_kwin_idle", // sway 1.7; ext-idle-notify-v1 from 1.8
	})

	t.Run("chat app in a session", func(t *testing.T) {
		s.pingwise("start", "25m")
		// foot wants a UTF-8 locale, and this machine may have only C.UTF-8.
		foot, _ := s.start("env", "LC_ALL=C.UTF-8", "foot", "--app-id=Slack")
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("foot said:\n%s", foot)
			}
		})
		s.waitUntil("the popup over Slack", 15*time.Second, func() bool { return s.focused("Sync or async?") })
		if !s.shown("foot") {
			t.Error("Slack's window is not on screen")
		}
		kb.key(vkbd.KeyEsc, 0)
		s.waitUntil("Esc to close it", 10*time.Second, func() bool { return !s.shown("Sync or async?") })
	})

	t.Run("away", func(t *testing.T) {
		if st := s.state(); st != "focusing" {
			t.Fatalf("state %q before going away", st)
		}
		// Nobody touches the keyboard: sway's idle notification, then the
		// engine's next look (every 20 s) past away_minutes.
		s.waitUntil("the session to pause itself", 90*time.Second, func() bool { return s.state() == "paused" })
		kb.key(vkbd.KeyLeftShift, 0) // back
		s.waitUntil("Welcome back", 15*time.Second, func() bool { return s.focused("Welcome back") })
		kb.key(vkbd.KeyTab, 0) // the first choice, "In person"
		kb.key(vkbd.KeySpace, 0)
		s.waitUntil("the session to resume", 10*time.Second, func() bool { return s.state() == "focusing" })
		if out := s.pingwise("stats", "--json"); !strings.Contains(out, `"in-person":{"taken":1`) {
			t.Errorf("the away interruption is not in the stats: %s", out)
		}
	})
	if strings.Contains(a.errors(), "panic") {
		t.Fatalf("the app panicked:\n%s", a.errors())
	}
}
