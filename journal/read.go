package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// Position is how far a journal has been read, and what its earlier lines
// said that later ones rely on.
type Position struct {
	Offset int64  // just after the last complete line read
	Format int    // the newest format its device records declared
	Device string // the device its device record names
}

// Entry is one line understood.
type Entry struct {
	Type   string      // "event", TypeDeleted or TypeDevice
	Event  focus.Event // events
	ID     string      // tombstones: the deleted event's id
	Device string      // the device that logged the event, deleted it, or is named
	Name   string      // device records
	Format int         // device records
	At     time.Time   // tombstones: when the event was deleted
}

// Problems are what a read could not take in. Nothing is lost: lines not
// understood stay in the file for a newer Pingwise, and a damaged line is
// skipped while the rest is read.
type Problems struct {
	Newer        int   // lines of a newer format, or of a type this version does not know
	Damaged      int   // complete lines that are not a valid record
	FirstDamaged int64 // the offset of the first one
}

func (p *Problems) damaged(at int64) {
	if p.Damaged == 0 {
		p.FirstDamaged = at
	}
	p.Damaged++
}

// maxLine bounds a line: far above any record, far below a memory problem.
const maxLine = 1 << 20

// Read reads the complete lines of the journal at path after pos, calling
// fn with each it understands, and returns the position after the last
// complete line. An error from fn stops the read. Lines are parsed on
// another goroutine while fn stores the ones before: on a first start
// with years of history, parsing is a fifth of the work.
func Read(path string, pos Position, fn func(*Entry) error) (Position, Problems, error) {
	f, err := os.Open(path)
	if err != nil {
		return pos, Problems{}, err
	}
	defer f.Close()
	if _, err := f.Seek(pos.Offset, io.SeekStart); err != nil {
		return pos, Problems{}, fmt.Errorf("read %s: %w", path, err)
	}
	type result struct {
		pos   Position
		probs Problems
		err   error
	}
	batches := make(chan []Entry, 8)
	quit := make(chan struct{})
	done := make(chan result, 1)
	go func() {
		var batch []Entry
		send := func() bool {
			select {
			case batches <- batch:
				batch = nil
				return true
			case <-quit:
				return false
			}
		}
		p, probs, err := scan(f, path, pos, func(e *Entry) error {
			batch = append(batch, *e)
			if len(batch) == 256 && !send() {
				return errStopped
			}
			return nil
		})
		if err == nil && len(batch) > 0 && !send() {
			err = errStopped
		}
		close(batches)
		done <- result{p, probs, err}
	}()
	var ferr error
	for b := range batches {
		for i := 0; i < len(b) && ferr == nil; i++ {
			if ferr = fn(&b[i]); ferr != nil {
				close(quit)
			}
		}
	}
	r := <-done
	if ferr != nil {
		return r.pos, r.probs, ferr
	}
	return r.pos, r.probs, r.err
}

var errStopped = errors.New("read stopped")

// scan parses the complete lines from r's position on.
func scan(f *os.File, path string, pos Position, fn func(*Entry) error) (Position, Problems, error) {
	var probs Problems
	r := bufio.NewReaderSize(f, 256<<10)
	var long []byte // a line longer than the buffer, gathered
	for {
		chunk, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if len(long)+len(chunk) > maxLine {
				// Not a record: skip it whole, up to its newline.
				skipped := int64(len(long) + len(chunk))
				long = long[:0]
				for {
					c, err := r.ReadSlice('\n')
					skipped += int64(len(c))
					if err == nil {
						break
					}
					if errors.Is(err, bufio.ErrBufferFull) {
						continue
					}
					if err == io.EOF {
						return pos, probs, nil // still arriving
					}
					return pos, probs, fmt.Errorf("read %s: %w", path, err)
				}
				probs.damaged(pos.Offset)
				pos.Offset += skipped
				continue
			}
			long = append(long, chunk...)
			continue
		}
		if err == io.EOF {
			return pos, probs, nil // a partial last line waits until it is complete
		}
		if err != nil {
			return pos, probs, fmt.Errorf("read %s: %w", path, err)
		}
		line := chunk
		if len(long) > 0 {
			line = append(long, chunk...)
			long = long[:0]
		}
		start := pos.Offset
		pos.Offset += int64(len(line))
		if err := parse(bytes.TrimSpace(line), start, &pos, &probs, fn); err != nil {
			return pos, probs, err
		}
	}
}

// parse reads one complete line.
func parse(line []byte, at int64, pos *Position, probs *Problems, fn func(*Entry) error) error {
	if len(line) == 0 {
		return nil
	}
	damaged := func() { probs.damaged(at) }
	var l Line
	if !decodeLine(line, &l) {
		l = Line{}
		if err := json.Unmarshal(line, &l); err != nil {
			damaged()
			return nil
		}
	}
	dev := l.Device
	if dev == "" {
		dev = pos.Device // a line written without one is its file's device's
	}
	if focus.CheckDevice(dev) != nil {
		damaged()
		return nil
	}
	e := Entry{Type: l.Type, Device: dev}
	switch l.Type {
	case TypeDevice:
		if dev == "" || l.Format < 1 || focus.CheckText("name", l.Name, 100) != nil {
			damaged()
			return nil
		}
		pos.Device, pos.Format = dev, max(pos.Format, l.Format)
		e.Name, e.Format = l.Name, l.Format
	case TypeDeleted:
		at, err := time.Parse(time.RFC3339Nano, l.At)
		if err != nil || l.ID == "" || focus.CheckText("id", l.ID, 64) != nil {
			damaged()
			return nil
		}
		e.ID, e.At = l.ID, at
	case "session", "interruption", "decision":
		l.Record.Device = dev
		ev, err := l.Record.Event()
		if err != nil {
			if pos.Format > Format {
				probs.Newer++ // a newer Pingwise may allow what this one refuses
			} else {
				damaged()
			}
			return nil
		}
		e.Type, e.Event = "event", ev
	default:
		probs.Newer++
		return nil
	}
	if pos.Format > Format && l.Type != TypeDevice {
		probs.Newer++ // read as far as it is understood, but said
	}
	return fn(&e)
}
