package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	vcs := func(rev, at, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: at}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "f84d175abcdef0123456789abcdef0123456789a"
	for _, c := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"go install at a tag", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}}, "v0.2.0"},
		{"a checkout at a tag", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}, Settings: vcs(rev, "2026-12-01T22:30:00Z", "false")}, "v0.2.0"},
		{"a commit (pseudo-version)", &debug.BuildInfo{Main: debug.Module{Version: "v0.2.1-0.20261201223000-f84d175abcde"},
			Settings: vcs(rev, "2026-12-01T22:30:00Z", "false")}, "commit f84d175abcde, 2026-12-01 22:30 UTC"},
		{"a changed tree", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201223000-f84d175abcde+dirty"},
			Settings: vcs(rev, "2026-12-01T23:30:00+01:00", "true")}, "commit f84d175abcde, 2026-12-01 22:30 UTC, with uncommitted changes"},
		{"an older Go: (devel) with vcs", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-12-01T22:30:00Z", "false")},
			"commit f84d175abcde, 2026-12-01 22:30 UTC"},
		{"no version control", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "unknown (built outside version control)"},
		{"no build info", nil, "unknown (built without build information)"},
	} {
		if got := versionFrom(c.bi); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// Version, set by the packages' -ldflags, wins over the build info.
func TestVersionSetByTheBuild(t *testing.T) {
	old := Version
	t.Cleanup(func() { Version = old })
	Version = "0.2.0"
	if v := versionString(); v != "0.2.0" {
		t.Errorf("versionString() = %q", v)
	}
	Version = ""
	if v := versionString(); v == "" || v == "dev" {
		t.Errorf("from build info: %q", v)
	}
}
