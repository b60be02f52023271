package calendar

import (
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Windows has no zoneinfo; IANA names must resolve everywhere
)

// windowsZones maps the Windows time zone names that Outlook and Exchange
// write as TZID to their IANA zone (Unicode CLDR's windowsZones, the "001"
// territory of each).
var windowsZones = map[string]string{
	"Dateline Standard Time":          "Etc/GMT+12",
	"UTC-11":                          "Etc/GMT+11",
	"Hawaiian Standard Time":          "Pacific/Honolulu",
	"Alaskan Standard Time":           "America/Anchorage",
	"Pacific Standard Time (Mexico)":  "America/Tijuana",
	"Pacific Standard Time":           "America/Los_Angeles",
	"US Mountain Standard Time":       "America/Phoenix",
	"Mountain Standard Time (Mexico)": "America/Mazatlan",
	"Mountain Standard Time":          "America/Denver",
	"Central America Standard Time":   "America/Guatemala",
	"Central Standard Time":           "America/Chicago",
	"Central Standard Time (Mexico)":  "America/Mexico_City",
	"Canada Central Standard Time":    "America/Regina",
	"SA Pacific Standard Time":        "America/Bogota",
	"Eastern Standard Time":           "America/New_York",
	"Eastern Standard Time (Mexico)":  "America/Cancun",
	"US Eastern Standard Time":        "America/Indianapolis",
	"Venezuela Standard Time":         "America/Caracas",
	"Atlantic Standard Time":          "America/Halifax",
	"SA Western Standard Time":        "America/La_Paz",
	"Central Brazilian Standard Time": "America/Cuiaba",
	"Pacific SA Standard Time":        "America/Santiago",
	"Newfoundland Standard Time":      "America/St_Johns",
	"E. South America Standard Time":  "America/Sao_Paulo",
	"Argentina Standard Time":         "America/Buenos_Aires",
	"SA Eastern Standard Time":        "America/Cayenne",
	"Greenland Standard Time":         "America/Godthab",
	"Montevideo Standard Time":        "America/Montevideo",
	"UTC-02":                          "Etc/GMT+2",
	"Azores Standard Time":            "Atlantic/Azores",
	"Cape Verde Standard Time":        "Atlantic/Cape_Verde",
	"UTC":                             "Etc/UTC",
	"GMT Standard Time":               "Europe/London",
	"Greenwich Standard Time":         "Atlantic/Reykjavik",
	"Morocco Standard Time":           "Africa/Casablanca",
	"W. Europe Standard Time":         "Europe/Berlin",
	"Central Europe Standard Time":    "Europe/Budapest",
	"Romance Standard Time":           "Europe/Paris",
	"Central European Standard Time":  "Europe/Warsaw",
	"W. Central Africa Standard Time": "Africa/Lagos",
	"GTB Standard Time":               "Europe/Bucharest",
	"Middle East Standard Time":       "Asia/Beirut",
	"Egypt Standard Time":             "Africa/Cairo",
	"E. Europe Standard Time":         "Europe/Chisinau",
	"South Africa Standard Time":      "Africa/Johannesburg",
	"FLE Standard Time":               "Europe/Kiev",
	"Israel Standard Time":            "Asia/Jerusalem",
	"Jordan Standard Time":            "Asia/Amman",
	"Arabic Standard Time":            "Asia/Baghdad",
	"Turkey Standard Time":            "Europe/Istanbul",
	"Arab Standard Time":              "Asia/Riyadh",
	"Russian Standard Time":           "Europe/Moscow",
	"E. Africa Standard Time":         "Africa/Nairobi",
	"Iran Standard Time":              "Asia/Tehran",
	"Arabian Standard Time":           "Asia/Dubai",
	"Azerbaijan Standard Time":        "Asia/Baku",
	"Georgian Standard Time":          "Asia/Tbilisi",
	"Caucasus Standard Time":          "Asia/Yerevan",
	"Afghanistan Standard Time":       "Asia/Kabul",
	"West Asia Standard Time":         "Asia/Tashkent",
	"Pakistan Standard Time":          "Asia/Karachi",
	"India Standard Time":             "Asia/Calcutta",
	"Sri Lanka Standard Time":         "Asia/Colombo",
	"Nepal Standard Time":             "Asia/Katmandu",
	"Central Asia Standard Time":      "Asia/Almaty",
	"Bangladesh Standard Time":        "Asia/Dhaka",
	"Myanmar Standard Time":           "Asia/Rangoon",
	"SE Asia Standard Time":           "Asia/Bangkok",
	"North Asia Standard Time":        "Asia/Krasnoyarsk",
	"China Standard Time":             "Asia/Shanghai",
	"Singapore Standard Time":         "Asia/Singapore",
	"W. Australia Standard Time":      "Australia/Perth",
	"Taipei Standard Time":            "Asia/Taipei",
	"Tokyo Standard Time":             "Asia/Tokyo",
	"Korea Standard Time":             "Asia/Seoul",
	"Cen. Australia Standard Time":    "Australia/Adelaide",
	"AUS Central Standard Time":       "Australia/Darwin",
	"E. Australia Standard Time":      "Australia/Brisbane",
	"AUS Eastern Standard Time":       "Australia/Sydney",
	"West Pacific Standard Time":      "Pacific/Port_Moresby",
	"Tasmania Standard Time":          "Australia/Hobart",
	"Vladivostok Standard Time":       "Asia/Vladivostok",
	"Central Pacific Standard Time":   "Pacific/Guadalcanal",
	"New Zealand Standard Time":       "Pacific/Auckland",
	"UTC+12":                          "Etc/GMT-12",
	"Fiji Standard Time":              "Pacific/Fiji",
	"Tonga Standard Time":             "Pacific/Tongatapu",
	"Samoa Standard Time":             "Pacific/Apia",
}

// zoneCache keeps loaded locations: time.LoadLocation reads and parses the
// zone file each call.
var zoneCache sync.Map // string -> *time.Location

// zoneResolver turns a TZID into a location, knowing the calendar's
// VTIMEZONE blocks.
type zoneResolver struct {
	vtimezones map[string]*component // by TZID
}

func newZoneResolver(cal *component) *zoneResolver {
	z := &zoneResolver{vtimezones: map[string]*component{}}
	for _, c := range cal.children {
		if c.name == "VTIMEZONE" {
			if id := c.get("TZID"); id != nil {
				z.vtimezones[id.value] = c
			}
		}
	}
	return z
}

// resolve finds the zone a TZID names: an IANA name, a Windows name, an old
// Thunderbird "/mozilla.org/20050126_1/Europe/Berlin", or a custom TZID
// whose VTIMEZONE names the zone (X-LIC-LOCATION) or has a single fixed
// offset.
func (z *zoneResolver) resolve(tzid string) (*time.Location, error) {
	if v, ok := zoneCache.Load(tzid); ok {
		return v.(*time.Location), nil
	}
	loc := lookupZone(tzid)
	if loc == nil {
		if vt := z.vtimezones[tzid]; vt != nil {
			loc = fromVTimezone(vt)
		}
		if loc == nil {
			return nil, fmt.Errorf("unknown time zone %q", clipText(tzid))
		}
		return loc, nil // not cached: a custom TZID means different things in different files
	}
	zoneCache.Store(tzid, loc)
	return loc, nil
}

func lookupZone(tzid string) *time.Location {
	name := strings.TrimSpace(tzid)
	if iana, ok := windowsZones[name]; ok {
		name = iana
	} else if strings.HasPrefix(name, "/") {
		// "/mozilla.org/20050126_1/Europe/Berlin", "/softwarestudio.org/Olson_20011030_5/America/New_York"
		parts := strings.Split(strings.TrimPrefix(name, "/"), "/")
		if len(parts) >= 3 {
			name = strings.Join(parts[2:], "/")
		}
	}
	if name == "" || strings.EqualFold(name, "local") {
		return nil // time.LoadLocation would give the computer's zone: not what the file meant
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

// fromVTimezone reads what a custom VTIMEZONE says: the zone it names, or
// its offset when it has no daylight saving time.
func fromVTimezone(vt *component) *time.Location {
	if l := vt.get("X-LIC-LOCATION"); l != nil {
		if loc := lookupZone(l.value); loc != nil {
			return loc
		}
	}
	var offsets []string
	for _, c := range vt.children {
		if c.name == "STANDARD" || c.name == "DAYLIGHT" {
			if p := c.get("TZOFFSETTO"); p != nil {
				offsets = append(offsets, p.value)
			}
		}
	}
	for _, o := range offsets[min(1, len(offsets)):] {
		if o != offsets[0] {
			return nil // real DST rules: guessing would misplace half the year
		}
	}
	if len(offsets) == 0 {
		return nil
	}
	secs, ok := parseOffset(offsets[0])
	if !ok {
		return nil
	}
	return time.FixedZone(vt.get("TZID").value, secs)
}

// parseOffset reads +0100, -0530 or +013000.
func parseOffset(s string) (int, bool) {
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	n := 0
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	h, m := int(s[1]-'0')*10+int(s[2]-'0'), int(s[3]-'0')*10+int(s[4]-'0')
	n = h*3600 + m*60
	if len(s) == 7 {
		n += int(s[5]-'0')*10 + int(s[6]-'0')
	}
	if s[0] == '-' {
		n = -n
	}
	return n, true
}
