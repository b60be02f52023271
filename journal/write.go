package journal

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// EventLine returns the journal line of an event logged by device (an edit
// is the same line again, with what changed).
func EventLine(e focus.Event, device string) ([]byte, error) {
	r := focus.RecordOf(e)
	r.Device = device
	return marshal(Line{Record: r})
}

// DeletedLine returns the tombstone of the event id, logged by device and
// deleted at.
func DeletedLine(id, device string, at time.Time) ([]byte, error) {
	return marshal(Line{Record: focus.Record{Type: TypeDeleted, ID: id, Device: device, At: at.Format(time.RFC3339Nano)}})
}

// DeviceLine returns a device's own record.
func DeviceLine(device, name string, at time.Time) ([]byte, error) {
	return marshal(Line{Record: focus.Record{Type: TypeDevice, Device: device, At: at.Format(time.RFC3339Nano)},
		Name: name, Format: Format})
}

func marshal(l Line) ([]byte, error) {
	b, err := json.Marshal(l)
	if err != nil {
		return nil, fmt.Errorf("journal line: %w", err)
	}
	return append(b, '\n'), nil
}

// Append writes data, whole lines, to this device's journal at path just
// after end, the end of its last complete line, and syncs it: when Append
// returns, the lines are on disk. Whatever follows end is a line torn by a
// crash mid-append, never acknowledged, and is cut first. Appends to one
// journal must not run at once: the store makes them under its write lock.
// It returns the new end.
func Append(path string, end int64, data []byte) (int64, error) {
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return end, fmt.Errorf("journal: %w", err)
	}
	n, err := appendAt(f, end, data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && os.IsNotExist(statErr) {
		err = syncDir(filepath.Dir(path)) // a new file's name must survive a crash too
	}
	if err != nil {
		return end, fmt.Errorf("journal %s: %w", path, err)
	}
	return n, nil
}

func appendAt(f *os.File, end int64, data []byte) (int64, error) {
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return end, err
	}
	if size < end {
		return end, fmt.Errorf("it is %d bytes, shorter than the %d already read: it was replaced", size, end)
	}
	if size > end {
		if err := f.Truncate(end); err != nil {
			return end, err
		}
	}
	if _, err := f.WriteAt(data, end); err != nil {
		return end, err
	}
	if err := f.Sync(); err != nil {
		return end, err
	}
	return end + int64(len(data)), nil
}
