package sway

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
)

// sway's IPC is i3's (man 7 sway-ipc): each message is the magic "i3-ipc",
// the payload's length and the message type as 32-bit integers in the
// host's byte order, then the payload, JSON. Events are messages whose type
// has the high bit set.
const magic = "i3-ipc"

const (
	msgRunCommand = 0
	msgSubscribe  = 2
	msgGetTree    = 4

	eventWorkspace = 0x80000000
	eventWindow    = 0x80000003
	eventBinding   = 0x80000005
	eventShutdown  = 0x80000006
)

// maxPayload bounds what Pingwise reads from the socket: a tree of many
// windows is some hundreds of KiB; anything near this is not sway.
const maxPayload = 64 << 20

var order = binary.NativeEndian

// conn is one IPC connection. A command connection has one request out at
// a time; an event connection, once subscribed, only receives.
type conn struct {
	c  net.Conn
	mu sync.Mutex
}

func dial(socket string) (*conn, error) {
	if socket == "" {
		return nil, errors.New("sway: SWAYSOCK is not set")
	}
	c, err := net.Dial("unix", socket)
	if err != nil {
		return nil, fmt.Errorf("sway: connect to the IPC socket: %w", err)
	}
	return &conn{c: c}, nil
}

func (c *conn) write(typ uint32, payload []byte) error {
	b := make([]byte, 0, len(magic)+8+len(payload))
	b = append(b, magic...)
	b = order.AppendUint32(b, uint32(len(payload)))
	b = order.AppendUint32(b, typ)
	_, err := c.c.Write(append(b, payload...))
	return err
}

func (c *conn) read() (typ uint32, payload []byte, err error) {
	var h [len(magic) + 8]byte
	if _, err := io.ReadFull(c.c, h[:]); err != nil {
		return 0, nil, err
	}
	if string(h[:len(magic)]) != magic {
		return 0, nil, errors.New("sway: the IPC socket answered with something other than i3-ipc")
	}
	n := order.Uint32(h[len(magic):])
	if n > maxPayload {
		return 0, nil, fmt.Errorf("sway: IPC message of %d bytes is too large", n)
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(c.c, payload); err != nil {
		return 0, nil, fmt.Errorf("sway: IPC message cut short: %w", err)
	}
	return order.Uint32(h[len(magic)+4:]), payload, nil
}

// request sends a message and returns its reply, decoded into reply.
func (c *conn) request(typ uint32, payload []byte, reply any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.write(typ, payload); err != nil {
		return fmt.Errorf("sway: IPC request: %w", err)
	}
	for {
		got, b, err := c.read()
		if err != nil {
			return fmt.Errorf("sway: IPC reply: %w", err)
		}
		if got&0x80000000 != 0 { // an event on a subscribed connection
			continue
		}
		if got != typ {
			return fmt.Errorf("sway: IPC reply of type %d to a request of type %d", got, typ)
		}
		if err := json.Unmarshal(b, reply); err != nil {
			return fmt.Errorf("sway: IPC reply: %w", err)
		}
		return nil
	}
}

// command runs sway commands and reports the first that failed.
func (c *conn) command(cmd string) error {
	var res []struct {
		Success bool   `json:"success"`
		Error   string `json:"error"`
	}
	if err := c.request(msgRunCommand, []byte(cmd), &res); err != nil {
		return err
	}
	for _, r := range res {
		if !r.Success {
			return fmt.Errorf("sway: %q: %s", cmd, r.Error)
		}
	}
	return nil
}

// subscribe opens an event connection for the events named (sway's names:
// "window", "workspace", "shutdown"...).
func subscribe(socket string, events ...string) (*conn, error) {
	c, err := dial(socket)
	if err != nil {
		return nil, err
	}
	payload, err := json.Marshal(events)
	if err != nil {
		c.c.Close()
		return nil, err
	}
	var res struct {
		Success bool `json:"success"`
	}
	if err := c.request(msgSubscribe, payload, &res); err != nil {
		c.c.Close()
		return nil, err
	}
	if !res.Success {
		c.c.Close()
		return nil, fmt.Errorf("sway: subscribing to %v was refused", events)
	}
	return c, nil
}

func (c *conn) close() error { return c.c.Close() }
