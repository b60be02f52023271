package freedesktop

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// The monitor speaks to the bus over its own socket, with godbus's message
// codec but not godbus's Conn, for two reasons found by testing:
//
//   - a godbus Conn answers method calls addressed to names it does not own
//     with errors, and the bus disconnects a monitor that sends anything;
//   - its Eavesdrop mode, which stops that, drops messages without a trace
//     when its channel is full: in a 1,500-call burst on two CPUs it lost
//     up to a third of them before any code of ours saw them.
//
// Reading the socket directly, every message is decoded here, so a loss can
// only happen at our own bounded queue, where it is counted.

// wireConn is a monitor's connection to the bus.
type wireConn struct {
	c  net.Conn
	rd *bufio.Reader
}

// dialBus connects and authenticates to the bus at address ("" for the
// session bus), trying each of a list of addresses in turn.
func dialBus(address string) (*wireConn, error) {
	if address == "" {
		address = os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	}
	if address == "" {
		// systemd's per-user bus, which is where godbus looks too.
		if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
			if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
				address = "unix:path=" + filepath.Join(dir, "bus")
			}
		}
	}
	if address == "" {
		return nil, errors.New("no session bus: DBUS_SESSION_BUS_ADDRESS is not set")
	}
	var errs []error
	for _, a := range strings.Split(address, ";") {
		c, err := dialOne(a)
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

func dialOne(address string) (*wireConn, error) {
	kind, params, ok := strings.Cut(address, ":")
	if !ok || kind != "unix" {
		return nil, fmt.Errorf("bus address %q: only unix sockets can be monitored", address)
	}
	keys := map[string]string{}
	for _, kv := range strings.Split(params, ",") {
		k, v, _ := strings.Cut(kv, "=")
		v, err := dbus.UnescapeBusAddressValue(v)
		if err != nil {
			return nil, fmt.Errorf("bus address %q: %w", address, err)
		}
		keys[k] = v
	}
	var name string
	switch {
	case keys["path"] != "":
		name = keys["path"]
	case keys["abstract"] != "":
		name = "@" + keys["abstract"]
	default:
		return nil, fmt.Errorf("bus address %q: no path or abstract socket", address)
	}
	c, err := net.DialTimeout("unix", name, callTimeout)
	if err != nil {
		return nil, err
	}
	w := &wireConn{c: c, rd: bufio.NewReaderSize(c, 64<<10)}
	if err := w.auth(); err != nil {
		c.Close()
		return nil, fmt.Errorf("authenticate to the bus: %w", err)
	}
	return w, nil
}

// auth is the SASL EXTERNAL exchange: the bus knows our uid from the
// socket, and we claim the same one.
func (w *wireConn) auth() error {
	w.c.SetDeadline(time.Now().Add(callTimeout))
	defer w.c.SetDeadline(time.Time{})
	uid := hex.EncodeToString([]byte(strconv.Itoa(os.Geteuid())))
	if _, err := w.c.Write([]byte("\x00AUTH EXTERNAL " + uid + "\r\n")); err != nil {
		return err
	}
	line, err := w.rd.ReadString('\n')
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "OK ") {
		return fmt.Errorf("the bus refused EXTERNAL authentication: %q", strings.TrimSpace(line))
	}
	_, err = w.c.Write([]byte("BEGIN\r\n"))
	return err
}

// becomeMonitor says Hello and asks to become a monitor for rules, and
// waits for the answer. Messages that arrive meanwhile go to handle.
func (w *wireConn) becomeMonitor(rules []string, handle func(*dbus.Message)) error {
	w.c.SetDeadline(time.Now().Add(becomeTimeout))
	defer w.c.SetDeadline(time.Time{})
	hello := busCall("Hello", "org.freedesktop.DBus")
	become := busCall("BecomeMonitor", "org.freedesktop.DBus.Monitoring", rules, uint32(0))
	for serial, m := range []*dbus.Message{hello, become} {
		if err := w.send(m, uint32(serial+1)); err != nil {
			return err
		}
	}
	for {
		m, err := dbus.DecodeMessage(w.rd)
		if err != nil {
			return err
		}
		reply, _ := m.Headers[dbus.FieldReplySerial].Value().(uint32)
		switch {
		case m.Type == dbus.TypeError && (reply == 1 || reply == 2):
			name, _ := m.Headers[dbus.FieldErrorName].Value().(string)
			return dbus.Error{Name: name, Body: m.Body}
		case m.Type == dbus.TypeMethodReply && reply == 2:
			return nil
		case m.Type == dbus.TypeMethodCall:
			handle(m)
		}
	}
}

func busCall(member, iface string, args ...any) *dbus.Message {
	m := &dbus.Message{
		Type: dbus.TypeMethodCall,
		Headers: map[dbus.HeaderField]dbus.Variant{
			dbus.FieldDestination: dbus.MakeVariant("org.freedesktop.DBus"),
			dbus.FieldPath:        dbus.MakeVariant(dbus.ObjectPath("/org/freedesktop/DBus")),
			dbus.FieldInterface:   dbus.MakeVariant(iface),
			dbus.FieldMember:      dbus.MakeVariant(member),
		},
		Body: args,
	}
	if len(args) > 0 {
		m.Headers[dbus.FieldSignature] = dbus.MakeVariant(dbus.SignatureOf(args...))
	}
	return m
}

// send encodes m with the given serial. godbus keeps a message's serial
// unexported (its Conn numbers messages), so the serial is written into
// the fixed header: bytes 8 to 11, in the message's byte order.
func (w *wireConn) send(m *dbus.Message, serial uint32) error {
	var buf bytes.Buffer
	if err := m.EncodeTo(&buf, binary.LittleEndian); err != nil {
		return err
	}
	b := buf.Bytes()
	binary.LittleEndian.PutUint32(b[8:12], serial)
	_, err := w.c.Write(b)
	return err
}

// read returns the next message; it fails once the connection is closed.
func (w *wireConn) read() (*dbus.Message, error) { return dbus.DecodeMessage(w.rd) }

func (w *wireConn) Close() error { return w.c.Close() }
