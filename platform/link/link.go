package link

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pingwise/pingwise/focus"
)

// MaxLen bounds a link in bytes. Real call and meeting links are well under
// it (a Teams meeting link, the longest, is about 300); browsers cap URLs
// near this size for other schemes too.
const MaxLen = 2048

// Schemes are the link schemes Pingwise takes over, and the only ones
// Parse accepts.
var Schemes = []string{"tel", "callto", "sip", "zoommtg", "zoomus", "msteams", "slack", "mailto"}

// Link is a vetted call or message link.
type Link struct {
	URL     string        // the link as given, its scheme lower-cased: what is handed on
	Scheme  string        // one of Schemes
	Target  string        // who or what, as a person recognises it; at most focus.MaxWho characters, may be empty for mailto:
	Channel focus.Channel // call: tel, callto, sip, Teams calls; meeting: Zoom, Teams meetings; email: mailto; chat: Slack, Teams chats
}

// excerptRunes is how much of a rejected link an error message repeats:
// enough to recognise it, too little to flood a terminal or a log line.
const excerptRunes = 48

// Parse vets raw, a link from anywhere, and says what it is for the
// popup. It accepts only Schemes, at most MaxLen bytes, no control or
// invisible formatting characters, no characters a URI must percent-encode,
// no leading '-' (an option in disguise), and what url.Parse accepts. Each
// error is one line naming the problem, quoting at most a short, escaped
// excerpt of raw.
func Parse(raw string) (Link, error) {
	if raw == "" {
		return Link{}, errors.New("no link given: pass a call or message link such as tel:+15551234")
	}
	if len(raw) > MaxLen {
		return Link{}, fmt.Errorf("link is too long: %d bytes, at most %d", len(raw), MaxLen)
	}
	if !utf8.ValidString(raw) {
		return Link{}, fmt.Errorf("link is not valid UTF-8: %s", Excerpt(raw))
	}
	if err := checkChars(raw); err != nil {
		return Link{}, err
	}
	if raw[0] == '-' {
		return Link{}, fmt.Errorf("%s is not a link: it starts with '-', like an option", Excerpt(raw))
	}
	scheme, rest, ok := strings.Cut(raw, ":")
	if !ok || !validScheme(scheme) {
		return Link{}, fmt.Errorf("%s is not a link: it does not start with a scheme (tel, mailto, sip...)", Excerpt(raw))
	}
	scheme = strings.ToLower(scheme)
	if !slices.Contains(Schemes, scheme) {
		return Link{}, fmt.Errorf("%s links are not call or message links: Pingwise opens only %s links",
			Excerpt(scheme+":"), SchemeList())
	}
	norm := scheme + ":" + rest
	u, err := url.Parse(norm)
	if err != nil {
		// url.Error repeats the whole link; say only what is wrong.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return Link{}, fmt.Errorf("malformed %s: link %s: %v", scheme, Excerpt(raw), err)
	}
	target, channel, err := describers[scheme](u, rest)
	if err != nil {
		return Link{}, fmt.Errorf("%s %v", Excerpt(raw), err)
	}
	if err := checkTarget(target); err != nil {
		return Link{}, fmt.Errorf("%s %v", Excerpt(raw), err)
	}
	return Link{URL: norm, Scheme: scheme, Target: clip(target, focus.MaxWho), Channel: channel}, nil
}

// uriChars are the ASCII characters RFC 3986 allows in a URI: unreserved,
// reserved and '%'. Browsers percent-encode everything else before handing a
// link over, so anything else here was put there on purpose: a space, a
// quote, a backtick, a '|', a '\'.
const uriChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
	"-._~" + ":/?#[]@" + "!$&'()*+,;=" + "%"

// checkChars rejects what could fool a terminal, a log or a person reading
// the link: control characters (C0, DEL, C1), invisible formatting such as
// U+202E RIGHT-TO-LEFT OVERRIDE, unusual spaces, unassigned and private
// characters, and ASCII a URI must percent-encode. Other non-ASCII letters
// and symbols pass, as in an IRI.
func checkChars(raw string) error {
	for i, r := range raw {
		var what string
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			what = fmt.Sprintf("a control character (%U)", r)
		case r < 0x80:
			if strings.ContainsRune(uriChars, r) {
				continue
			}
			name := strconv.QuoteRune(r)
			if r == ' ' {
				name = "a space"
			}
			what = fmt.Sprintf("%s, which must be percent-encoded (%%%02X),", name, r)
		case unicode.Is(unicode.Cf, r):
			what = fmt.Sprintf("an invisible formatting character (%U)", r)
		case unicode.IsSpace(r):
			what = fmt.Sprintf("a special space (%U)", r)
		case !unicode.IsGraphic(r):
			what = fmt.Sprintf("an unassigned or private character (%U)", r)
		default:
			continue
		}
		return fmt.Errorf("link %s has %s at byte %d", Excerpt(raw), what, i)
	}
	return nil
}

// checkTarget rejects a target that percent-decoding turned into something
// unprintable: "tel:%0A" hides a newline.
func checkTarget(t string) error {
	if !utf8.ValidString(t) {
		return errors.New("decodes to text that is not UTF-8")
	}
	for _, r := range t {
		if r != ' ' && (!unicode.IsGraphic(r) || unicode.IsSpace(r)) {
			return fmt.Errorf("hides %U once decoded", r)
		}
	}
	return nil
}

func validScheme(s string) bool {
	if s == "" || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// SchemeList names the schemes for a message: "tel:, callto: ... and mailto:".
func SchemeList() string {
	s := make([]string, len(Schemes))
	for i, n := range Schemes {
		s[i] = n + ":"
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// Excerpt quotes the start of s for an error message, with every control,
// formatting and non-ASCII character escaped, so that the message stays one
// readable line whatever s holds.
func Excerpt(s string) string {
	n := 0
	for i := range s {
		if n == excerptRunes {
			return strconv.QuoteToASCII(s[:i]) + "…"
		}
		n++
	}
	return strconv.QuoteToASCII(s)
}

// clip shortens s to at most n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// describers say, per scheme, whom a link reaches and how. rest is the link
// after "scheme:", as given.
var describers = map[string]func(u *url.URL, rest string) (string, focus.Channel, error){
	"tel":     describeTel,
	"callto":  describeCallto,
	"sip":     describeSIP,
	"zoommtg": describeZoom,
	"zoomus":  describeZoom,
	"msteams": describeTeams,
	"slack":   describeSlack,
	"mailto":  describeMailto,
}

// body is the part of an opaque link that names the target: without a
// leading "//" (some apps write tel://), the query and the fragment.
func body(rest string) string {
	rest = strings.TrimPrefix(rest, "//")
	rest, _, _ = strings.Cut(rest, "#")
	rest, _, _ = strings.Cut(rest, "?")
	return rest
}

// describeTel reads an RFC 3966 telephone link: a number with visual
// separators, then ;name=value parameters such as ;ext=12. The number must
// look like one: `tel:$(touch X)` is refused rather than shown as a target.
func describeTel(_ *url.URL, rest string) (string, focus.Channel, error) {
	number, params, _ := strings.Cut(body(rest), ";")
	n, err := url.PathUnescape(number)
	if err != nil {
		return "", "", fmt.Errorf("has a malformed escape: %v", err)
	}
	if !isPhoneNumber(n) {
		return "", "", errors.New("does not hold a phone number: use digits, a leading '+', and - . ( ) * # as separators")
	}
	if params != "" {
		for _, p := range strings.Split(params, ";") {
			if !isTelParam(p) {
				return "", "", fmt.Errorf("has a malformed parameter %s", Excerpt(p))
			}
		}
	}
	return strings.TrimSpace(n), focus.Call, nil
}

func isPhoneNumber(s string) bool {
	digits := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '+' && i == 0:
		case strings.ContainsRune("-.() *#", r):
		default:
			return false
		}
	}
	return digits
}

// isTelParam checks an RFC 3966 parameter: a name of letters, digits and
// '-', and an optional value of paramchars.
func isTelParam(p string) bool {
	name, value, _ := strings.Cut(p, "=")
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isAlpha(c) && !isDigit(c) && c != '-' {
			return false
		}
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; !isAlpha(c) && !isDigit(c) && !strings.ContainsRune("[]/:&+$-_.!~*'()%", rune(c)) {
			return false
		}
	}
	return true
}

// describeCallto reads callto:skype.name, callto://name and
// callto:+15551234.
func describeCallto(_ *url.URL, rest string) (string, focus.Channel, error) {
	who, err := url.PathUnescape(body(rest))
	if err != nil {
		return "", "", fmt.Errorf("has a malformed escape: %v", err)
	}
	if who == "" {
		return "", "", errors.New("does not name anyone to call")
	}
	return who, focus.Call, nil
}

// describeSIP reads sip:user@host, without its ;parameters and ?headers.
func describeSIP(_ *url.URL, rest string) (string, focus.Channel, error) {
	b, _, _ := strings.Cut(body(rest), ";")
	who, err := url.PathUnescape(b)
	if err != nil {
		return "", "", fmt.Errorf("has a malformed escape: %v", err)
	}
	if who == "" {
		return "", "", errors.New("does not name anyone to call")
	}
	return who, focus.Call, nil
}

// describeZoom reads zoommtg://zoom.us/join?confno=123456789&pwd=...
// Joining a Zoom link is joining a meeting, however many are in it, so the
// channel is meeting; the password is never shown.
func describeZoom(u *url.URL, _ string) (string, focus.Channel, error) {
	q, err := parseQuery(u.RawQuery)
	if err != nil {
		return "", "", err
	}
	if id := q.Get("confno"); id != "" && allDigits(id) {
		return "Zoom meeting " + id, focus.Meeting, nil
	}
	return "Zoom meeting", focus.Meeting, nil
}

// describeTeams reads msteams:/l/KIND/... (or msteams://teams.microsoft.com/l/...):
// meetup-join and meet are meetings, call a call, and chat, channel, team
// and anything else a chat, since Teams is a chat app first.
func describeTeams(u *url.URL, _ string) (string, focus.Channel, error) {
	q, err := parseQuery(u.RawQuery)
	if err != nil {
		return "", "", err
	}
	p := u.Path
	if p == "" {
		p = u.Opaque
	}
	parts := strings.Split(strings.Trim(p, "/"), "/")
	kind := ""
	if len(parts) >= 2 && parts[0] == "l" {
		kind = parts[1]
	}
	users := q.Get("users")
	switch kind {
	case "meetup-join", "meet":
		return "Teams meeting", focus.Meeting, nil
	case "call":
		if users != "" {
			return users, focus.Call, nil
		}
		return "Teams call", focus.Call, nil
	case "channel":
		if len(parts) >= 4 && parts[3] != "" {
			return "Teams channel " + parts[3], focus.Chat, nil
		}
		return "Teams channel", focus.Chat, nil
	}
	if users != "" {
		return users, focus.Chat, nil
	}
	return "Teams", focus.Chat, nil
}

// describeSlack reads slack://channel?team=T123&id=C456, slack://user?...,
// slack://open?team=T123. Slack ids are letters and digits; anything else
// is left out of the target.
func describeSlack(u *url.URL, _ string) (string, focus.Channel, error) {
	q, err := parseQuery(u.RawQuery)
	if err != nil {
		return "", "", err
	}
	kind := u.Host
	if kind == "" {
		kind = strings.Trim(u.Opaque, "/")
	}
	id, team := q.Get("id"), q.Get("team")
	if !alnum(id) {
		id = ""
	}
	if !alnum(team) {
		team = ""
	}
	switch {
	case (kind == "channel" || kind == "user" || kind == "app") && id != "":
		return "Slack " + kind + " " + id, focus.Chat, nil
	case team != "":
		return "Slack team " + team, focus.Chat, nil
	}
	return "Slack", focus.Chat, nil
}

// describeMailto reads mailto:dana@example.com?subject=Hi, or the to=
// header when the address part is empty. An empty mailto: (a blank mail) is
// a valid link with no target.
func describeMailto(u *url.URL, rest string) (string, focus.Channel, error) {
	addr, err := url.PathUnescape(body(rest))
	if err != nil {
		return "", "", fmt.Errorf("has a malformed escape: %v", err)
	}
	q, err := parseQuery(u.RawQuery)
	if err != nil {
		return "", "", err
	}
	if addr == "" {
		addr = q.Get("to")
	}
	return addr, focus.Email, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) && !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// query is a link's query, first value per key.
type query map[string]string

func (q query) Get(key string) string { return q[key] }

// parseQuery reads a query split on '&' only: url.ParseQuery also refuses a
// ';', which a mail subject may well hold.
func parseQuery(raw string) (query, error) {
	q := query{}
	if raw == "" {
		return q, nil
	}
	for _, pair := range strings.Split(raw, "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err == nil {
			v, err = url.QueryUnescape(v)
		}
		if err != nil {
			return nil, fmt.Errorf("has a malformed escape in its query: %v", err)
		}
		if _, seen := q[key]; !seen {
			q[key] = v
		}
	}
	return q, nil
}
