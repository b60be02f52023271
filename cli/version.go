package cli

import (
	"runtime/debug"
	"strings"
	"time"
)

// versionString is the version `pingwise --version` prints: Version when the
// build set it, else what Go recorded in the binary.
func versionString() string {
	if Version != "" {
		return Version
	}
	bi, _ := debug.ReadBuildInfo()
	return versionFrom(bi)
}

// versionFrom reads a version from build info: the module's tag when it was
// built at one (go install ...@v1.2.0, or a checkout at the tag), else the
// commit and its date, marked when the tree had changes. A pseudo-version
// (v0.0.0-20261201...-f84d175abcde) is a commit, so it reads as one.
func versionFrom(bi *debug.BuildInfo) string {
	if bi == nil {
		return "unknown (built without build information)"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	v := strings.TrimSuffix(bi.Main.Version, "+dirty")
	short := rev[:min(len(rev), 12)]
	if v != "" && v != "(devel)" && (short == "" || !strings.Contains(v, short)) {
		return bi.Main.Version
	}
	if rev == "" {
		if v != "" && v != "(devel)" {
			return bi.Main.Version
		}
		return "unknown (built outside version control)"
	}
	out := "commit " + short
	if t, err := time.Parse(time.RFC3339, at); err == nil {
		out += ", " + t.UTC().Format("2006-01-02 15:04 UTC")
	}
	if modified {
		out += ", with uncommitted changes"
	}
	return out
}
