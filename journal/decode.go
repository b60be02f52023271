package journal

import (
	"strconv"
	"unicode/utf8"
)

// decodeLine fills l from line as json.Unmarshal would, for the lines
// Pingwise writes: one flat object of the known keys, spelled as the tags
// spell them, with strings free of escapes. It reports false for anything
// else (escapes, unknown or differently cased keys, nulls, numbers where an
// int cannot take them, bad syntax), and the caller hands the line to
// encoding/json: what a line means never depends on which one read it.
// On a first start with years of history, encoding/json was most of the
// cost of reading a journal.
func decodeLine(line []byte, l *Line) bool {
	d := decoder{b: line}
	d.space()
	if !d.byte('{') {
		return false
	}
	d.space()
	if d.byte('}') {
		return d.end()
	}
	for {
		d.space()
		key, ok := d.str()
		if !ok {
			return false
		}
		d.space()
		if !d.byte(':') {
			return false
		}
		d.space()
		if !d.field(key, l) {
			return false
		}
		d.space()
		if d.byte('}') {
			return d.end()
		}
		if !d.byte(',') {
			return false
		}
	}
}

type decoder struct {
	b []byte
	i int
}

func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *decoder) byte(c byte) bool {
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

// end reports whether nothing but white space follows.
func (d *decoder) end() bool {
	d.space()
	return d.i == len(d.b)
}

// str reads a string without escapes, its bytes as they are in the line:
// what encoding/json makes of it too, when they are valid UTF-8 and free
// of control characters.
func (d *decoder) str() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	start := d.i
	ascii := true
	for ; d.i < len(d.b); d.i++ {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			return s, ascii || utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

func (d *decoder) string(s *string) bool {
	b, ok := d.str()
	*s = string(b)
	return ok
}

// number reads a number as JSON spells it.
func (d *decoder) number() ([]byte, bool) {
	start := d.i
	d.byte('-')
	if !d.byte('0') && !d.digits() { // no digit may follow a leading 0
		return nil, false
	}
	if d.byte('.') && !d.digits() {
		return nil, false
	}
	if d.byte('e') || d.byte('E') {
		if !d.byte('+') {
			d.byte('-')
		}
		if !d.digits() {
			return nil, false
		}
	}
	return d.b[start:d.i], true
}

func (d *decoder) digits() bool {
	start := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}

// int reads an integer; a fraction or an exponent, which encoding/json
// refuses for an int, is left to it.
func (d *decoder) int(n *int) bool {
	num, ok := d.number()
	if !ok {
		return false
	}
	v, err := strconv.Atoi(string(num))
	*n = v
	return err == nil
}

func (d *decoder) float(f *float64) bool {
	num, ok := d.number()
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(string(num), 64)
	*f = v
	return err == nil
}

func (d *decoder) bool(v *bool) bool {
	for _, lit := range []string{"true", "false"} {
		if len(d.b)-d.i >= len(lit) && string(d.b[d.i:d.i+len(lit)]) == lit {
			d.i += len(lit)
			*v = lit == "true"
			return true
		}
	}
	return false
}

// strings reads an array of strings; an empty one is empty, not nil, as
// encoding/json makes it.
func (d *decoder) strings(v *[]string) bool {
	if !d.byte('[') {
		return false
	}
	list := []string{}
	d.space()
	if d.byte(']') {
		*v = list
		return true
	}
	for {
		d.space()
		var s string
		if !d.string(&s) {
			return false
		}
		list = append(list, s)
		d.space()
		if d.byte(']') {
			*v = list
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

// field reads the value of key into l.
func (d *decoder) field(key []byte, l *Line) bool {
	r := &l.Record
	switch string(key) {
	case "type":
		return d.string(&r.Type)
	case "id":
		return d.string(&r.ID)
	case "device":
		return d.string(&r.Device)
	case "start":
		return d.string(&r.Start)
	case "end":
		return d.string(&r.End)
	case "planned_minutes":
		return d.float(&r.PlannedMinutes)
	case "paused_seconds":
		return d.float(&r.PausedSeconds)
	case "intent":
		return d.string(&r.Intent)
	case "outcome":
		return d.string(&r.Outcome)
	case "at":
		return d.string(&r.At)
	case "channel":
		return d.string(&r.Channel)
	case "people":
		return d.int(&r.People)
	case "in_session":
		return d.bool(&r.InSession)
	case "direction":
		return d.string(&r.Direction)
	case "who":
		return d.string(&r.Who)
	case "note":
		return d.string(&r.Note)
	case "handled_at":
		return d.string(&r.HandledAt)
	case "app":
		return d.string(&r.App)
	case "count":
		return d.int(&r.Count)
	case "recommended":
		return d.string(&r.Recommended)
	case "chosen":
		return d.string(&r.Chosen)
	case "minutes":
		return d.int(&r.Minutes)
	case "reasons":
		return d.strings(&r.Reasons)
	case "name":
		return d.string(&l.Name)
	case "format":
		return d.int(&l.Format)
	}
	return false
}
