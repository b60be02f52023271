package calendar

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// dav speaks the few WebDAV and CalDAV requests Pingwise needs (RFC 4918,
// RFC 4791, and CalendarServer's getctag): PROPFIND, REPORT
// calendar-multiget, PUT and DELETE, with Basic authentication.
type dav struct {
	client         *http.Client
	base           *url.URL // the collection, with a trailing slash
	user, password string
}

type multistatus struct {
	Responses []davResponse `xml:"DAV: response"`
}

type davResponse struct {
	Href      string        `xml:"DAV: href"`
	Propstats []davPropstat `xml:"DAV: propstat"`
}

type davPropstat struct {
	Status string  `xml:"DAV: status"`
	Prop   davProp `xml:"DAV: prop"`
}

type davProp struct {
	ETag         string `xml:"DAV: getetag"`
	CTag         string `xml:"http://calendarserver.org/ns/ getctag"`
	SyncToken    string `xml:"DAV: sync-token"`
	Data         string `xml:"urn:ietf:params:xml:ns:caldav calendar-data"`
	ResourceType struct {
		Calendar   *struct{} `xml:"urn:ietf:params:xml:ns:caldav calendar"`
		Collection *struct{} `xml:"DAV: collection"`
	} `xml:"DAV: resourcetype"`
}

// props merges the propstats that succeeded.
func (r *davResponse) props() davProp {
	var p davProp
	for _, ps := range r.Propstats {
		if !strings.Contains(ps.Status, " 200") {
			continue
		}
		if ps.Prop.ETag != "" {
			p.ETag = ps.Prop.ETag
		}
		if ps.Prop.CTag != "" {
			p.CTag = ps.Prop.CTag
		}
		if ps.Prop.SyncToken != "" {
			p.SyncToken = ps.Prop.SyncToken
		}
		if ps.Prop.Data != "" {
			p.Data = ps.Prop.Data
		}
		if ps.Prop.ResourceType.Calendar != nil {
			p.ResourceType.Calendar = ps.Prop.ResourceType.Calendar
		}
		if ps.Prop.ResourceType.Collection != nil {
			p.ResourceType.Collection = ps.Prop.ResourceType.Collection
		}
	}
	return p
}

// do sends one request and checks its status; the caller closes the body.
func (d *dav) do(ctx context.Context, method, href string, header map[string]string, body []byte, want ...int) (*http.Response, error) {
	u := d.base
	if href != "" {
		ref, err := url.Parse(href)
		if err != nil {
			return nil, fmt.Errorf("the server named a bad link %q", clipText(href))
		}
		u = d.base.ResolveReference(ref)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if d.user != "" {
		req.SetBasicAuth(d.user, d.password)
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, netError(err)
	}
	for _, w := range want {
		if resp.StatusCode == w {
			return resp, nil
		}
	}
	resp.Body.Close()
	return nil, statusError(method, resp)
}

// multistatus sends a PROPFIND or REPORT and reads the 207 answer.
func (d *dav) multistatus(ctx context.Context, method, href, depth, body string) (*multistatus, error) {
	resp, err := d.do(ctx, method, href, map[string]string{"Depth": depth, "Content-Type": "application/xml; charset=utf-8"},
		[]byte(body), http.StatusMultiStatus)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 2*MaxSize+1))
	if err != nil {
		return nil, netError(err)
	}
	if len(data) > 2*MaxSize {
		return nil, ErrTooLarge
	}
	var ms multistatus
	if err := xml.Unmarshal(data, &ms); err != nil {
		return nil, fmt.Errorf("the server's %s answer is not WebDAV XML: %v", method, err)
	}
	return &ms, nil
}

// collection reads the collection's own properties: whether it is a
// calendar, and its ctag. One request.
func (d *dav) collection(ctx context.Context) (davProp, error) {
	ms, err := d.multistatus(ctx, "PROPFIND", "", "0", `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">
 <d:prop><d:resourcetype/><cs:getctag/><d:sync-token/></d:prop>
</d:propfind>`)
	if err != nil {
		return davProp{}, err
	}
	if len(ms.Responses) == 0 {
		return davProp{}, errors.New("the server's PROPFIND answer is empty")
	}
	return ms.Responses[0].props(), nil
}

// etags lists the collection's members and their ETags.
func (d *dav) etags(ctx context.Context) (map[string]string, error) {
	ms, err := d.multistatus(ctx, "PROPFIND", "", "1", `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>`)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range ms.Responses {
		p := r.props()
		if p.ResourceType.Collection != nil || p.ETag == "" {
			continue // the collection itself, or a member without an ETag
		}
		out[d.path(r.Href)] = p.ETag
	}
	return out, nil
}

// multiget fetches members' calendar data, at most 100 per request.
func (d *dav) multiget(ctx context.Context, hrefs []string) (map[string]davProp, error) {
	out := map[string]davProp{}
	for len(hrefs) > 0 {
		n := min(len(hrefs), 100)
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
 <d:prop><d:getetag/><c:calendar-data/></d:prop>`)
		for _, h := range hrefs[:n] {
			b.WriteString("\n <d:href>")
			xml.EscapeText(&b, []byte(h))
			b.WriteString("</d:href>")
		}
		b.WriteString("\n</c:calendar-multiget>")
		ms, err := d.multistatus(ctx, "REPORT", "", "1", b.String())
		if err != nil {
			return nil, err
		}
		for _, r := range ms.Responses {
			if p := r.props(); p.Data != "" {
				out[d.path(r.Href)] = p
			}
		}
		hrefs = hrefs[n:]
	}
	return out, nil
}

// path normalizes an href to the absolute path the server uses.
func (d *dav) path(href string) string {
	ref, err := url.Parse(href)
	if err != nil {
		return href
	}
	return d.base.ResolveReference(ref).EscapedPath()
}

// statusError says what an unexpected HTTP status means for a person.
func statusError(method string, resp *http.Response) error {
	switch resp.StatusCode {
	case http.StatusUnauthorized:
		return fatalError{errors.New("the server refused the user name or password (HTTP 401)")}
	case http.StatusForbidden:
		return fatalError{errors.New("the server refused access (HTTP 403)")}
	case http.StatusNotFound:
		return errors.New("not found on the server (HTTP 404): check the address")
	case http.StatusPreconditionFailed:
		return errPrecondition
	}
	return fmt.Errorf("%s: the server answered %s", method, resp.Status)
}

var errPrecondition = errors.New("the event changed on the server meanwhile (HTTP 412)")

// fatalError is a failure any request to the server would meet: it cannot
// be reached, or refuses who we are.
type fatalError struct{ error }

func (e fatalError) Unwrap() error { return e.error }

// netError words a transport failure in one line.
func netError(err error) error {
	return fatalError{netReason(err)}
}

func netReason(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	s := err.Error()
	switch {
	case errors.Is(err, errRedirects):
		return errors.New("too many redirects (a redirect loop?)")
	case strings.Contains(s, "x509:") || strings.Contains(s, "tls:"):
		return fmt.Errorf("secure connection failed: %v", err)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(s, "Client.Timeout"):
		return errors.New("the server did not answer in time")
	}
	return fmt.Errorf("cannot reach the server: %v", err)
}

var errRedirects = errors.New("redirects")
