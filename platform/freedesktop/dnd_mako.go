package freedesktop

import (
	"fmt"
	"slices"
	"strings"
)

// makoMode is the mode mako's documentation and most configurations use for
// Do Not Disturb. What it hides is the person's mako config
// ("[mode=do-not-disturb] invisible=1"), usually everything.
const makoMode = "do-not-disturb"

// mako switches mako's do-not-disturb mode with makoctl (mako 1.7 and later:
// `makoctl mode -a/-r`). makoctl rather than D-Bus, because makoctl is
// mako's stable interface and its D-Bus methods are private.
type mako struct{ run Runner }

func (mako) Kind() string { return "mako" }

// CriticalShows is false: a typical do-not-disturb mode hides everything,
// and this package cannot read the person's criteria.
func (mako) CriticalShows() bool { return false }

func (m mako) On() (bool, error) {
	out, err := m.run("makoctl", "mode")
	if err != nil {
		return false, fmt.Errorf("mako: list modes: %w", err)
	}
	return slices.Contains(strings.Fields(string(out)), makoMode), nil
}

// Set checks first, so that adding a mode twice cannot stack it.
func (m mako) Set(on bool) error {
	cur, err := m.On()
	if err != nil {
		return err
	}
	if cur == on {
		return nil
	}
	flag := "-r"
	if on {
		flag = "-a"
	}
	if _, err := m.run("makoctl", "mode", flag, makoMode); err != nil {
		return fmt.Errorf("mako: mode %s %s: %w", flag, makoMode, err)
	}
	return nil
}
