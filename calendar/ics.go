package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxSize bounds one calendar file or download. The largest real calendars
// seen (years of a busy Exchange mailbox) are a few MB; 20 MB leaves room
// and keeps a hostile or broken source from filling memory.
const MaxSize = 20 << 20

// maxDepth bounds component nesting: VCALENDAR > VEVENT > VALARM is 3 deep,
// VTIMEZONE > STANDARD 3 too.
const maxDepth = 6

// ErrTooLarge is returned for input over MaxSize.
var ErrTooLarge = fmt.Errorf("the calendar is larger than %d MB", MaxSize>>20)

// param is one property parameter, as NAME=value (quotes removed; a
// list-valued parameter keeps its commas).
type param struct{ name, value string }

// prop is one content line.
type prop struct {
	name   string // upper case
	params []param
	value  string // raw, still escaped for TEXT
	line   int    // where it started, for messages
}

func (p *prop) param(name string) string {
	for _, q := range p.params {
		if q.name == name {
			return q.value
		}
	}
	return ""
}

// component is a BEGIN:X ... END:X block.
type component struct {
	name     string
	line     int
	props    []prop
	children []*component
}

func (c *component) get(name string) *prop {
	for i := range c.props {
		if c.props[i].name == name {
			return &c.props[i]
		}
	}
	return nil
}

// readLimited reads r whole, refusing more than MaxSize.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSize {
		return nil, ErrTooLarge
	}
	return b, nil
}

// parse reads iCalendar text (RFC 5545) into its top-level components. It is
// strict about structure (every BEGIN has its END, every line is a
// property) and lenient about what real exporters get wrong harmlessly
// (bare LF line ends, lower-case names, a missing VERSION).
func parse(data []byte) ([]*component, error) {
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM, as some Windows tools write
	var (
		top   []*component
		stack []*component
		cur   strings.Builder
		start int
	)
	flush := func() error {
		if cur.Len() == 0 {
			return nil
		}
		line := cur.String()
		cur.Reset()
		p, err := parseLine(line, start)
		if err != nil {
			return err
		}
		switch p.name {
		case "BEGIN":
			if len(stack) >= maxDepth {
				return fmt.Errorf("line %d: components nested more than %d deep", start, maxDepth)
			}
			c := &component{name: strings.ToUpper(p.value), line: start}
			if len(stack) == 0 {
				top = append(top, c)
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 {
				return fmt.Errorf("line %d: END:%s without its BEGIN", start, p.value)
			}
			open := stack[len(stack)-1]
			if !strings.EqualFold(open.name, p.value) {
				return fmt.Errorf("line %d: END:%s where END:%s (begun on line %d) was due", start, p.value, open.name, open.line)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return fmt.Errorf("line %d: property %s outside BEGIN:VCALENDAR", start, p.name)
			}
			c := stack[len(stack)-1]
			c.props = append(c.props, p)
		}
		return nil
	}
	n := 0
	for len(data) > 0 {
		n++
		var raw []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			raw, data = data, nil
		}
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		if len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') {
			if cur.Len() == 0 {
				return nil, fmt.Errorf("line %d: a folded continuation line with nothing to continue", n)
			}
			cur.Write(raw[1:])
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue // blank lines: not allowed, but harmless
		}
		cur.Write(raw)
		start = n
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(stack) > 0 {
		open := stack[len(stack)-1]
		return nil, fmt.Errorf("the file ends inside %s (begun on line %d): END:%s is missing", open.name, open.line, open.name)
	}
	if len(top) == 0 {
		return nil, errors.New("no BEGIN:VCALENDAR: this is not an iCalendar file")
	}
	for _, c := range top {
		if c.name != "VCALENDAR" {
			return nil, fmt.Errorf("line %d: BEGIN:%s outside BEGIN:VCALENDAR", c.line, c.name)
		}
	}
	return top, nil
}

// parseLine splits a content line: NAME *(;PARAM=VALUE) : VALUE.
func parseLine(line string, n int) (prop, error) {
	p := prop{line: n}
	i := strings.IndexAny(line, ";:")
	if i <= 0 {
		return p, fmt.Errorf("line %d: %q is not a property (a folded line missing its leading space?)", n, clipText(line))
	}
	p.name = strings.ToUpper(line[:i])
	if !isName(p.name) {
		return p, fmt.Errorf("line %d: %q is not a property name (a folded line missing its leading space?)", n, clipText(p.name))
	}
	rest := line[i:]
	for rest != "" && rest[0] == ';' {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return p, fmt.Errorf("line %d: parameter without a value in %s", n, p.name)
		}
		name := strings.ToUpper(rest[:eq])
		rest = rest[eq+1:]
		var value strings.Builder
		for {
			if strings.HasPrefix(rest, `"`) {
				end := strings.IndexByte(rest[1:], '"')
				if end < 0 {
					return p, fmt.Errorf("line %d: unterminated quote in %s", n, p.name)
				}
				value.WriteString(rest[1 : end+1])
				rest = rest[end+2:]
			} else {
				end := strings.IndexAny(rest, ",;:")
				if end < 0 {
					return p, fmt.Errorf("line %d: %s has no ':' before its value", n, p.name)
				}
				value.WriteString(rest[:end])
				rest = rest[end:]
			}
			if rest == "" || rest[0] != ',' {
				break
			}
			value.WriteByte(',')
			rest = rest[1:]
		}
		p.params = append(p.params, param{name, value.String()})
	}
	if rest == "" || rest[0] != ':' {
		return p, fmt.Errorf("line %d: %s has no ':' before its value", n, p.name)
	}
	p.value = rest[1:]
	return p, nil
}

func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// unescape decodes a TEXT value: \n, \N, \, \; and \\.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escape encodes TEXT for writing.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`)
	return r.Replace(s)
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}
