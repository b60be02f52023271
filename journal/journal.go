// Package journal is how Pingwise shares one history between several
// devices without a server: each device appends its own events to its own
// file in a folder that a sync engine (Syncthing, Nextcloud, Dropbox, a
// network share) keeps the same everywhere, and every device reads the
// others' files. Only plain, append-only text goes in that folder: a
// database copied while open is how sync tools corrupt data.
//
// A journal is JSON Lines: each event as `pingwise export` writes it, with
// the id of the device that logged it; a tombstone for a deleted event; and
// the device's own record (its id, name and the journal format), first in
// the file and again whenever the name changes. An edit is the event
// written again, whole, under the same id. A device only ever appends to
// its own journal, syncing the file before the write counts as done; the
// one exception is a torn last line left by a crash, which was never
// acknowledged and is cut before the next append.
//
// Readers take only complete lines, so a file caught mid-transfer is read
// up to its last newline and the rest waits for the next read. A journal
// from a newer Pingwise is read as far as it is understood. Conflict copies
// a sync engine leaves behind (*.sync-conflict-*, "(conflicted copy)") are
// journals too; every event has an id, so reading one twice adds nothing.
package journal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pingwise/pingwise/focus"
)

// Format is the journal format this Pingwise writes and reads in full.
const Format = 1

// Line is one line of a journal.
type Line struct {
	focus.Record
	Name   string `json:"name,omitempty"`   // device records: the device's name
	Format int    `json:"format,omitempty"` // device records: the journal format
}

// The record types a journal holds besides the events.
const (
	TypeDevice  = "device"  // a device's id, name and format
	TypeDeleted = "deleted" // a tombstone: the event with this id was deleted
)

const (
	prefix = "pingwise-"
	suffix = ".jsonl"
)

// FileName is the name of a device's journal in the folder.
func FileName(device string) string { return prefix + device + suffix }

// IsJournal reports whether a file name in the folder is a journal: a
// device's own, or a conflict copy of one. Hidden files are a sync engine's
// temporary files, never complete journals.
func IsJournal(name string) bool {
	return strings.HasPrefix(name, prefix) && strings.HasSuffix(name, suffix) && !strings.HasPrefix(name, ".")
}

// IsConflict reports whether a journal's name is a sync engine's conflict
// copy: Syncthing's name.sync-conflict-DATE-TIME-ID.jsonl, or Dropbox's and
// Nextcloud's name (... conflicted copy ...).jsonl.
func IsConflict(name string) bool {
	return strings.Contains(name, ".sync-conflict-") || strings.Contains(name, "conflicted copy")
}

// LocalID returns this device's id, kept in the data folder (never the
// synced one, or every device would share it), creating it on first use.
func LocalID(dataDir string) (string, error) {
	path := filepath.Join(dataDir, "device-id")
	if id, err := readID(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return id, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", fmt.Errorf("create data folder: %w", err)
	}
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on Linux
	f, err := os.CreateTemp(dataDir, "device-id.new-*")
	if err != nil {
		return "", fmt.Errorf("create device id: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = f.WriteString(hex.EncodeToString(b[:]) + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("create device id: %w", err)
	}
	// Linked into place, not renamed: two processes starting at once must
	// end up with the same id, the first one's.
	if err := os.Link(f.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("create device id: %w", err)
	}
	return readID(path)
}

func readID(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(string(b))
	if id == "" || focus.CheckDevice(id) != nil {
		return "", fmt.Errorf("device id in %s is damaged: delete the file and Pingwise makes a new one", path)
	}
	return id, nil
}
