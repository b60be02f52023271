package wayland

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
)

// The wire format (wayland.freedesktop.org/docs/html/ch04.html): each
// message is the object id, then a word holding the size in bytes (header
// included) in its upper 16 bits and the opcode in the lower 16, then the
// arguments, each a multiple of 4 bytes, in the host's byte order.
const headerSize = 8

// maxMessage is the protocol's limit on one message (the size is 16 bits).
const maxMessage = 1<<16 - 1

var order = binary.NativeEndian

// message is one request or event.
type message struct {
	object uint32
	opcode uint16
	args   []byte
}

// msgWriter builds a message's arguments.
type msgWriter struct{ b []byte }

func (w *msgWriter) uint(v uint32) *msgWriter {
	w.b = order.AppendUint32(w.b, v)
	return w
}

// string writes a string: its length counting the closing NUL, the bytes,
// the NUL, then padding to a multiple of 4.
func (w *msgWriter) string(s string) *msgWriter {
	w.uint(uint32(len(s) + 1))
	w.b = append(w.b, s...)
	w.b = append(w.b, 0)
	for len(w.b)%4 != 0 {
		w.b = append(w.b, 0)
	}
	return w
}

// encode frames a message.
func encode(m message) ([]byte, error) {
	size := headerSize + len(m.args)
	if size > maxMessage {
		return nil, fmt.Errorf("wayland: message of %d bytes is over the protocol's limit", size)
	}
	b := make([]byte, 0, size)
	b = order.AppendUint32(b, m.object)
	b = order.AppendUint32(b, uint32(size)<<16|uint32(m.opcode))
	return append(b, m.args...), nil
}

// readMessage reads one framed message.
func readMessage(r io.Reader) (message, error) {
	var h [headerSize]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return message{}, err
	}
	word := order.Uint32(h[4:])
	size := int(word >> 16)
	if size < headerSize || size%4 != 0 {
		return message{}, fmt.Errorf("wayland: malformed message of size %d", size)
	}
	m := message{object: order.Uint32(h[:4]), opcode: uint16(word), args: make([]byte, size-headerSize)}
	if _, err := io.ReadFull(r, m.args); err != nil {
		return message{}, fmt.Errorf("wayland: message cut short: %w", err)
	}
	return m, nil
}

// msgReader takes a message's arguments apart.
type msgReader struct {
	b   []byte
	err error
}

var errShort = errors.New("wayland: message shorter than its arguments")

func (r *msgReader) uint() uint32 {
	if r.err != nil {
		return 0
	}
	if len(r.b) < 4 {
		r.err = errShort
		return 0
	}
	v := order.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *msgReader) string() string {
	n := int(r.uint())
	if r.err != nil {
		return ""
	}
	padded := (n + 3) &^ 3
	if n == 0 || padded > len(r.b) || r.b[n-1] != 0 {
		r.err = errShort
		return ""
	}
	s := string(r.b[:n-1])
	r.b = r.b[padded:]
	return s
}

// wire is a connection's two directions: writes serialised by a lock,
// reads by the one goroutine that owns them.
type wire struct {
	conn net.Conn
	r    *bufio.Reader
	mu   sync.Mutex
}

func newWire(c net.Conn) *wire { return &wire{conn: c, r: bufio.NewReader(c)} }

func (w *wire) send(m message) error {
	b, err := encode(m)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	_, err = w.conn.Write(b)
	return err
}

func (w *wire) read() (message, error) { return readMessage(w.r) }
