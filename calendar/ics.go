package calendar

import (
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
	// One string for the whole text: lines are slices of it, not copies.
	text := strings.TrimPrefix(string(data), "\ufeff") // a BOM, as some Windows tools write
	var (
		top   []*component
		stack []*component
	)
	handle := func(line string, start int) error {
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
			if c.props == nil {
				c.props = make([]prop, 0, 16)
			}
			c.props = append(c.props, p)
		}
		return nil
	}
	n := 0
	for text != "" {
		// A logical line: its first physical line and the folded ones
		// after it, each of which starts with a space or a tab.
		n++
		start := n
		line, rest := cutLine(text)
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			return nil, fmt.Errorf("line %d: a folded continuation line with nothing to continue", n)
		}
		if rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			var b strings.Builder
			b.WriteString(line)
			for rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
				var more string
				more, rest = cutLine(rest)
				b.WriteString(more[1:])
				n++
			}
			line = b.String()
		}
		text = rest
		if strings.TrimSpace(line) == "" {
			continue // blank lines: not allowed, but harmless
		}
		if err := handle(line, start); err != nil {
			return nil, err
		}
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

// cutLine cuts the first physical line off text, without its CR LF (or a
// bare LF).
func cutLine(text string) (line, rest string) {
	line, rest, _ = strings.Cut(text, "\n")
	return strings.TrimSuffix(line, "\r"), rest
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
		// Most values are one bare word: a slice of the line, no copy.
		if end := strings.IndexAny(rest, ",;:\""); end >= 0 && rest[end] != ',' && rest[end] != '"' {
			p.params = append(p.params, param{name, rest[:end]})
			rest = rest[end:]
			continue
		}
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
