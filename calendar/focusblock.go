package calendar

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// abandonGrace is how long a session may run and still leave no trace when
// abandoned: a session started by mistake is not busy time.
const abandonGrace = time.Minute

// FocusBlocks writes focus sessions to a CalDAV calendar as busy time, so
// that colleagues and scheduling tools see it. Each session is one event
// whose UID comes from the session's, so every write is idempotent: a
// repeated or retried call changes nothing more.
type FocusBlocks struct {
	dav    *dav
	intent bool // the title shows the session's intent
	public bool // CLASS:PUBLIC rather than PRIVATE
	clock  focus.Clock
}

// NewFocusBlocks prepares writing to src, a CalDAV calendar.
func (s *Syncer) NewFocusBlocks(src Source, showIntent, public bool) (*FocusBlocks, error) {
	if src.Kind != KindCalDAV {
		return nil, fmt.Errorf("calendar %s: focus blocks need a CalDAV calendar, not %s", src.Name, KindName(src.Kind))
	}
	d, err := s.dav(src)
	if err != nil {
		return nil, fmt.Errorf("calendar %s: %w", src.Name, err)
	}
	return &FocusBlocks{dav: d, intent: showIntent, public: public, clock: s.Clock}, nil
}

// Started writes the session as busy from its start to its planned end.
func (f *FocusBlocks) Started(ctx context.Context, s focus.Session) error {
	return f.put(ctx, s, s.Start.Add(s.Paused+s.Planned))
}

// Ended shortens the event to when the session ended, or removes it when
// the session was abandoned within a minute.
func (f *FocusBlocks) Ended(ctx context.Context, s focus.Session) error {
	if s.End.IsZero() {
		return errors.New("focus blocks: the session has not ended")
	}
	if s.Result == focus.Abandoned && s.End.Sub(s.Start) < abandonGrace {
		resp, err := f.dav.do(ctx, http.MethodDelete, href(s), nil, nil, http.StatusOK, http.StatusNoContent, http.StatusNotFound)
		if err != nil {
			return fmt.Errorf("focus blocks: remove the session: %w", err)
		}
		resp.Body.Close()
		return nil
	}
	return f.put(ctx, s, s.End)
}

// UID is the event's UID for a session.
func UID(s focus.Session) string { return "pingwise-focus-" + s.ID }

func href(s focus.Session) string { return url.PathEscape(UID(s)) + ".ics" }

func (f *FocusBlocks) put(ctx context.Context, s focus.Session, end time.Time) error {
	if s.ID == "" {
		return errors.New("focus blocks: the session has no ID")
	}
	title := "Focus"
	if f.intent && strings.TrimSpace(s.Intent) != "" {
		title += ": " + strings.TrimSpace(s.Intent)
	}
	class := "PRIVATE"
	if f.public {
		class = "PUBLIC"
	}
	const stamp = "20060102T150405Z"
	lines := []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Pingwise//Focus blocks//EN",
		"BEGIN:VEVENT",
		"UID:" + UID(s),
		"DTSTAMP:" + f.clock.Now().UTC().Format(stamp),
		"DTSTART:" + s.Start.UTC().Format(stamp),
		"DTEND:" + end.UTC().Format(stamp),
		"SUMMARY:" + escape(title),
		"CLASS:" + class,
		"TRANSP:OPAQUE",
		"STATUS:CONFIRMED",
		"X-PINGWISE-FOCUS:TRUE",
		"END:VEVENT", "END:VCALENDAR",
	}
	var b strings.Builder
	for _, l := range lines {
		fold(&b, l)
	}
	resp, err := f.dav.do(ctx, http.MethodPut, href(s), map[string]string{"Content-Type": "text/calendar; charset=utf-8"},
		[]byte(b.String()), http.StatusCreated, http.StatusNoContent, http.StatusOK)
	if err != nil {
		return fmt.Errorf("focus blocks: write the session: %w", err)
	}
	resp.Body.Close()
	return nil
}

// fold writes a content line folded at 75 octets (RFC 5545 3.1), never
// inside a UTF-8 sequence.
func fold(b *strings.Builder, line string) {
	for len(line) > 75 {
		cut := 75
		for cut > 0 && line[cut]&0xC0 == 0x80 {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}
