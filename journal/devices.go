package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Device is a device whose journal is in the folder, as `pingwise doctor`
// shows it.
type Device struct {
	ID        string
	Name      string    // the name its latest device record gives
	Format    int       // the newest journal format it wrote
	Files     []string  // its journal and any conflict copies, by name
	LastWrite time.Time // when one of those files last changed
}

// Devices lists the devices that keep a journal in folder, by name. It reads
// only the device records, so it is quick on years of history.
func Devices(folder string) ([]Device, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil, fmt.Errorf("sync folder: %w", err)
	}
	byID := map[string]*Device{}
	for _, de := range entries {
		if de.IsDir() || !IsJournal(de.Name()) {
			continue
		}
		path := filepath.Join(folder, de.Name())
		info, err := de.Info()
		if err != nil {
			return nil, fmt.Errorf("journal %s: %w", path, err)
		}
		id, name, format, err := deviceRecord(path)
		if err != nil {
			return nil, err
		}
		if id == "" {
			continue // not a single device record yet: still arriving
		}
		d := byID[id]
		if d == nil {
			d = &Device{ID: id}
			byID[id] = d
		}
		if !IsConflict(de.Name()) || d.Name == "" {
			d.Name = name // the journal's own name wins over a copy's
		}
		d.Format = max(d.Format, format)
		d.Files = append(d.Files, de.Name())
		if info.ModTime().After(d.LastWrite) {
			d.LastWrite = info.ModTime()
		}
	}
	out := make([]Device, 0, len(byID))
	for _, d := range byID {
		sort.Strings(d.Files)
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// deviceRecord returns what the last complete device record in a journal
// says.
func deviceRecord(path string) (id, name string, format int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", 0, fmt.Errorf("journal %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	marker := []byte(`"type":"` + TypeDevice + `"`)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.Contains(line, marker) {
			continue
		}
		var l Line
		if json.Unmarshal(line, &l) == nil && l.Type == TypeDevice && l.Device != "" {
			id, name, format = l.Device, l.Name, max(format, l.Format)
		}
	}
	// A line too long to be a record ends the scan early; what was read
	// stands, since device records come first.
	return id, name, format, nil
}

// Describe says, in one line for `pingwise doctor`, the folder and the
// devices that keep a journal there, with when each last wrote.
func Describe(folder string) (string, error) {
	devs, err := Devices(folder)
	if err != nil {
		return "", err
	}
	parts := make([]string, len(devs))
	for i, d := range devs {
		name := d.Name
		if name == "" {
			name = d.ID
		}
		parts[i] = fmt.Sprintf("%s (last wrote %s)", name, d.LastWrite.Local().Format("2006-01-02 15:04"))
	}
	if len(parts) == 0 {
		return folder + ": no device has written there yet", nil
	}
	return folder + ": " + strings.Join(parts, ", "), nil
}
