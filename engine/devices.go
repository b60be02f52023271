package engine

import (
	"github.com/pingwise/pingwise/journal"
	"github.com/pingwise/pingwise/platform"
	"github.com/pingwise/pingwise/settings"
)

// SyncStatus is doctor's row for several devices: the sync folder and the
// devices seen there, or why it cannot be read; false when none is set.
func SyncStatus(cfg settings.Settings) (platform.Status, bool) {
	folder, err := cfg.SyncDir()
	switch {
	case err != nil:
		return platform.Missing(err.Error()), true
	case folder == "":
		return platform.Status{}, false
	}
	line, err := journal.Describe(folder)
	if err != nil {
		return platform.Missing("sync folder " + folder + ": " + err.Error()), true
	}
	return platform.Works(line), true
}
