package main

import (
	"testing"
)

func TestPkgVersion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"v0.2.0", "0.2.0"},
		{"v0.2.0-dirty", "0.2.0.dirty"},
		{"v0.2.0-4-gabc1234", "0.2.0.git4.gabc1234"},
		{"v1.0.0-rc1-4-gabc1234-dirty", "1.0.0.rc1.git4.gabc1234.dirty"},
		{"f84d175", "0.1.0~git.f84d175"},
		{"f84d175-dirty", "0.1.0~git.f84d175.dirty"},
	} {
		got, err := pkgVersion(c.in, "0.1.0")
		if err != nil || got != c.want {
			t.Errorf("pkgVersion(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "release one", "v"} {
		if got, err := pkgVersion(bad, "0.1.0"); err == nil {
			t.Errorf("pkgVersion(%q) = %q, want an error", bad, got)
		}
	}
}
