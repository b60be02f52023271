package calendar

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pingwise/pingwise/focus"
)

// Kinds of source.
const (
	KindFile   = "file"   // a local .ics file
	KindICS    = "ics"    // an .ics file over https (or webcal)
	KindCalDAV = "caldav" // a CalDAV calendar collection
)

// KindName names a kind for people.
func KindName(k string) string {
	switch k {
	case KindCalDAV:
		return "CalDAV"
	case KindICS:
		return ".ics address"
	}
	return ".ics file"
}

// Source is one calendar a person added, as the settings keep it. The
// password is not here: it is in the desktop's secret store.
type Source struct {
	Name string   `toml:"name"`
	URL  string   `toml:"source"`
	Kind string   `toml:"kind"`
	User string   `toml:"user"`
	Me   []string `toml:"me"`
}

// nameRE is compiled on first use: its Unicode classes cost 1.5 MB and
// 5 ms, and every `pingwise` command links this package.
var nameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$`) })

// CheckName reports whether a source name is usable: it names the cache
// file, so letters, digits, '.', '_' and '-', up to 40.
func CheckName(name string) error {
	if !nameRE().MatchString(name) {
		return fmt.Errorf("calendar name %q: use 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit", clipText(name))
	}
	return nil
}

// Validate checks a source as the settings hold it.
func (s *Source) Validate() error {
	if err := CheckName(s.Name); err != nil {
		return err
	}
	switch s.Kind {
	case KindFile:
		if !filepath.IsAbs(s.URL) {
			return fmt.Errorf("calendar %s: the file %q must be an absolute path", s.Name, clipText(s.URL))
		}
	case KindICS, KindCalDAV:
		if _, err := CheckURL(s.URL); err != nil {
			return fmt.Errorf("calendar %s: %w", s.Name, err)
		}
	default:
		return fmt.Errorf("calendar %s: kind %q: use file, ics or caldav", s.Name, s.Kind)
	}
	for _, m := range s.Me {
		if !strings.Contains(m, "@") || strings.ContainsAny(m, " \t\r\n,") {
			return fmt.Errorf("calendar %s: %q is not an e-mail address", s.Name, clipText(m))
		}
	}
	return nil
}

// CheckURL reads an https or webcal address (webcal is https). Plain http
// is refused except to this computer: a password must not cross a network
// in clear text.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%q is not an address: write https://host/path", clipText(raw))
	}
	switch strings.ToLower(u.Scheme) {
	case "webcal", "webcals":
		u.Scheme = "https"
	case "https":
	case "http":
		if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return nil, fmt.Errorf("%q: use https (plain http only to this computer)", clipText(raw))
		}
	default:
		return nil, fmt.Errorf("%q: use a file, https:// or webcal://", clipText(raw))
	}
	if u.User != nil {
		return nil, errors.New("put the user name in --user and the password in the secret store, not in the address")
	}
	return u, nil
}

// Syncer fetches sources and keeps the last good copy of each on disk.
type Syncer struct {
	Dir     string       // where the copies live: the data folder's "calendars"
	Client  *http.Client // nil: NewClient()
	Secrets Secrets      // where passwords are; nil when no source needs one
	Clock   focus.Clock
}

// NewClient is the HTTP client for calendar servers: bounded in time and in
// redirects, and never redirected to plain http elsewhere than this
// computer (the password would follow on the same host).
func NewClient() *http.Client {
	return &http.Client{
		Timeout: 60 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return errRedirects
			}
			if req.URL.Scheme == "http" {
				if _, err := CheckURL(req.URL.String()); err != nil {
					return fmt.Errorf("redirected to %w", err)
				}
			}
			return nil
		},
	}
}

var defaultClient = NewClient()

func (s *Syncer) client() *http.Client {
	if s.Client == nil {
		return defaultClient
	}
	return s.Client
}

// copy is the last good copy of a source: what conditional requests need,
// and the calendar data, item by item (a CalDAV collection holds one per
// event).
type copy struct {
	Source       string    `json:"source"` // the address it came from: another address starts afresh
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	CTag         string    `json:"ctag,omitempty"`
	SyncedAt     time.Time `json:"synced_at"`
	Items        []item    `json:"items"`
	data         []byte
}

type item struct {
	Href string `json:"href,omitempty"`
	ETag string `json:"etag,omitempty"`
	Len  int    `json:"len"`
}

// The copy's file: a magic line, one line of JSON, then the items' data
// back to back, so that reading it needs no unescaping of megabytes.
const magic = "PINGWISE-CALENDAR 1\n"

func (s *Syncer) path(name string) string { return filepath.Join(s.Dir, name+".cal") }

func (s *Syncer) load(src Source) (*copy, error) {
	b, err := os.ReadFile(s.path(src.Name))
	if err != nil {
		return nil, err
	}
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	head, data, ok2 := bytes.Cut(rest, []byte("\n"))
	c := &copy{}
	if !ok || !ok2 || json.Unmarshal(head, c) != nil {
		return nil, fmt.Errorf("the saved copy %s is damaged: run pingwise calendar sync", s.path(src.Name))
	}
	n := 0
	for _, it := range c.Items {
		n += it.Len
	}
	if n != len(data) {
		return nil, fmt.Errorf("the saved copy %s is damaged: run pingwise calendar sync", s.path(src.Name))
	}
	c.data = data
	return c, nil
}

// save writes the copy atomically: a crash leaves the old one or the new.
func (s *Syncer) save(name string, c *copy) error {
	head, err := json.Marshal(c)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("save the calendar: %w", err)
	}
	tmp, err := os.CreateTemp(s.Dir, ".sync-*")
	if err != nil {
		return fmt.Errorf("save the calendar: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	w.WriteString(magic)
	w.Write(head)
	w.WriteByte('\n')
	w.Write(c.data)
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("save the calendar: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save the calendar: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save the calendar: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path(name)); err != nil {
		return fmt.Errorf("save the calendar: %w", err)
	}
	return nil
}

// Remove deletes a source's saved copy.
func (s *Syncer) Remove(name string) error {
	if err := os.Remove(s.path(name)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// Load returns the last good copy of a source, parsed, and when it was
// synced. A source never synced is an error that says to sync.
func (s *Syncer) Load(src Source) (*Calendar, time.Time, error) {
	c, err := s.load(src)
	if errors.Is(err, os.ErrNotExist) {
		return nil, time.Time{}, fmt.Errorf("calendar %s has not been synced yet: run pingwise calendar sync", src.Name)
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	cal := &Calendar{}
	off := 0
	for _, it := range c.Items {
		if err := cal.Add(c.data[off : off+it.Len]); err != nil {
			return nil, time.Time{}, fmt.Errorf("calendar %s: %w", src.Name, err)
		}
		off += it.Len
	}
	return cal, c.SyncedAt, nil
}

// Result is what one sync of one source did.
type Result struct {
	Changed bool
	Events  int      // events in the copy now
	Skipped []string // events that could not be read
}

// Sync brings a source's copy up to date: one request when nothing changed
// (HTTP conditional GET; CalDAV's ctag). On any failure the last good copy
// stays as it was.
func (s *Syncer) Sync(ctx context.Context, src Source) (Result, error) {
	old, err := s.load(src)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		old = nil // damaged: start afresh
	}
	if old != nil && old.Source != src.URL {
		old = nil
	}
	var next *copy
	switch src.Kind {
	case KindFile:
		next, err = s.syncFile(src, old)
	case KindICS:
		next, err = s.syncICS(ctx, src, old)
	case KindCalDAV:
		next, err = s.syncCalDAV(ctx, src, old)
	default:
		err = fmt.Errorf("kind %q: use file, ics or caldav", src.Kind)
	}
	if err != nil {
		return Result{}, fmt.Errorf("calendar %s: %w", src.Name, err)
	}
	if next == nil { // unchanged
		return Result{}, nil
	}
	cal := &Calendar{}
	off := 0
	for _, it := range next.Items {
		if err := cal.Add(next.data[off : off+it.Len]); err != nil {
			return Result{}, fmt.Errorf("calendar %s: %w", src.Name, err)
		}
		off += it.Len
	}
	next.Source = src.URL
	next.SyncedAt = s.Clock.Now().UTC()
	if err := s.save(src.Name, next); err != nil {
		return Result{}, fmt.Errorf("calendar %s: %w", src.Name, err)
	}
	return Result{Changed: true, Events: len(cal.Events), Skipped: cal.Skipped}, nil
}

func single(data []byte) *copy {
	return &copy{Items: []item{{Len: len(data)}}, data: data}
}

func (s *Syncer) syncFile(src Source, old *copy) (*copy, error) {
	f, err := os.Open(src.URL)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src.URL, errors.Unwrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	stamp := fmt.Sprintf("%d-%d", st.Size(), st.ModTime().UnixNano())
	if old != nil && old.ETag == stamp {
		return nil, nil
	}
	data, err := readLimited(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", src.URL, err)
	}
	c := single(data)
	c.ETag = stamp
	return c, nil
}

func (s *Syncer) syncICS(ctx context.Context, src Source, old *copy) (*copy, error) {
	u, err := CheckURL(src.URL)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/calendar")
	if old != nil {
		if old.ETag != "" {
			req.Header.Set("If-None-Match", old.ETag)
		}
		if old.LastModified != "" {
			req.Header.Set("If-Modified-Since", old.LastModified)
		}
	}
	if src.User != "" {
		pw, err := s.password(src)
		if err != nil {
			return nil, err
		}
		req.SetBasicAuth(src.User, pw)
	}
	resp, err := s.client().Do(req)
	if err != nil {
		return nil, netError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified && old != nil {
		return nil, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError("GET", resp)
	}
	data, err := readLimited(resp.Body)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, netError(err)
	}
	c := single(data)
	c.ETag, c.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	return c, nil
}

func (s *Syncer) password(src Source) (string, error) {
	if s.Secrets == nil {
		return "", errors.New("no secret store to read the password from")
	}
	return s.Secrets.Get(src.Name, src.User)
}

func (s *Syncer) dav(src Source) (*dav, error) {
	u, err := CheckURL(src.URL)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	d := &dav{client: s.client(), base: u, user: src.User}
	if src.User != "" {
		if d.password, err = s.password(src); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (s *Syncer) syncCalDAV(ctx context.Context, src Source, old *copy) (*copy, error) {
	d, err := s.dav(src)
	if err != nil {
		return nil, err
	}
	col, err := d.collection(ctx)
	if err != nil {
		return nil, err
	}
	if col.ResourceType.Calendar == nil {
		return nil, errors.New("this address is not a CalDAV calendar: give the calendar's own address, not the account's")
	}
	if old != nil && col.CTag != "" && col.CTag == old.CTag {
		return nil, nil
	}
	etags, err := d.etags(ctx)
	if err != nil {
		return nil, err
	}
	// Keep what has not changed; fetch the rest.
	kept := map[string][]byte{}
	if old != nil {
		off := 0
		for _, it := range old.Items {
			if etags[it.Href] == it.ETag {
				kept[it.Href] = old.data[off : off+it.Len]
			}
			off += it.Len
		}
	}
	var fetch []string
	for href := range etags {
		if _, ok := kept[href]; !ok {
			fetch = append(fetch, href)
		}
	}
	slices.Sort(fetch)
	got, err := d.multiget(ctx, fetch)
	if err != nil {
		return nil, err
	}
	hrefs := make([]string, 0, len(etags))
	for h := range etags {
		hrefs = append(hrefs, h)
	}
	slices.Sort(hrefs)
	c := &copy{CTag: col.CTag}
	var buf bytes.Buffer
	for _, h := range hrefs {
		data, etag := kept[h], etags[h]
		if data == nil {
			p, ok := got[h]
			if !ok {
				continue // deleted between the two requests
			}
			data, etag = []byte(p.Data), p.ETag
		}
		buf.Write(data)
		c.Items = append(c.Items, item{Href: h, ETag: etag, Len: len(data)})
	}
	if buf.Len() > MaxSize {
		return nil, ErrTooLarge
	}
	c.data = buf.Bytes()
	return c, nil
}

// Status is what syncing one source came to.
type Status struct {
	Name   string
	Result Result
	Err    error // one line, naming the source
}

// SyncAll syncs every source in turn; one that fails does not stop the
// others.
func (s *Syncer) SyncAll(ctx context.Context, srcs []Source) []Status {
	out := make([]Status, 0, len(srcs))
	for _, src := range srcs {
		r, err := s.Sync(ctx, src)
		out = append(out, Status{Name: src.Name, Result: r, Err: err})
	}
	return out
}

// LoadAll reads the last good copy of every source into one calendar, with
// the person's addresses in all of them. A source that cannot be read is
// one Status in problems, and the others count.
func (s *Syncer) LoadAll(srcs []Source) (cal *Calendar, me []string, problems []Status) {
	cal = &Calendar{}
	for _, src := range srcs {
		c, _, err := s.Load(src)
		if err != nil {
			problems = append(problems, Status{Name: src.Name, Err: err})
			continue
		}
		cal.Events = append(cal.Events, c.Events...)
		me = append(me, src.Me...)
	}
	return cal, me, problems
}

// Detect tells a CalDAV collection from an .ics file at an address: one
// PROPFIND, and a calendar collection answers it as one.
func (s *Syncer) Detect(ctx context.Context, src Source) (string, error) {
	d, err := s.dav(src)
	if err != nil {
		return "", err
	}
	col, err := d.collection(ctx)
	if err == nil && col.ResourceType.Calendar != nil {
		return KindCalDAV, nil
	}
	var fatal fatalError
	if errors.As(err, &fatal) {
		return "", err // unreachable, refused: GET would fail the same way
	}
	return KindICS, nil // PROPFIND not allowed, or not a calendar: a plain .ics file
}
