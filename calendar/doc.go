// Package calendar reads a person's calendars and prices the week's
// meetings in people's time: how many, how long, how many person-hours,
// the focus time left between them, and which ones the advisor would hold
// in writing. It also writes focus sessions to a CalDAV calendar as busy
// time (FocusBlocks). No Fyne, no cgo.
//
// # Sources
//
// A Source is a local .ics file, an .ics address (https, or webcal which
// is https), or a CalDAV calendar collection. Syncer fetches one and keeps
// the last good copy on disk, written atomically, so everything works
// offline and a failed sync changes nothing. A sync that finds nothing
// changed is one request: a conditional GET (ETag, Last-Modified) for an
// .ics address, a PROPFIND of the collection's getctag for CalDAV. When
// the ctag moved, one PROPFIND lists the members' ETags and a
// calendar-multiget fetches only the members that changed. Every failure
// is one line that names the source: unreachable, refused credentials,
// TLS, a redirect loop, larger than MaxSize. Passwords live in the
// desktop's secret store (Keyring: Secret Service on Linux, Credential
// Manager on Windows, Keychain on macOS, through zalando/go-keyring, which
// needs no cgo); without one, ErrNoSecretStore, never clear text. Keeper
// is the app's side: it syncs on the app's ticker, holds the parsed copies
// in memory for the Weekly focus window, and keeps one problem line per
// failing calendar.
//
// # Reading
//
// The iCalendar parser is the package's own (ics.go): about 200 lines, it
// takes at most MaxSize, refuses broken structure with the line number
// (folding, a missing END, no VCALENDAR) and leaves out, one line each, the
// events it cannot read (an unknown TZID, a broken RRULE) while keeping the
// rest. arran4/golang-ical was the alternative: it parses well and maps
// Windows zones, but its errors carry no line, it has no size bound, and
// Pingwise would still need its own layer for what it gets wrong or leaves
// to the caller (recurrence, floating times, VTIMEZONE-only zones).
// emersion/go-ical (through go-webdav) has no tagged release, and
// go-webdav's CalDAV client hides getctag and re-encodes the data, so the
// four WebDAV requests Pingwise needs are written here (caldav.go).
//
// Recurrence uses teambition/rrule-go for RRULE, with the package's own
// handling around it for what the library gets wrong or leaves out:
//   - daily and slower rules are walked on the wall clock of the event's
//     zone and then placed in that zone, so a 09:00 meeting stays at 09:00
//     across DST; hourly and faster ones are walked in real time, as the
//     library is wrong across DST on the wall clock (rrule-go #63);
//   - DTSTART is always the first instance, even when the rule does not
//     match it (the library drops it then);
//   - EXDATE, RDATE and RECURRENCE-ID overrides are applied here, by
//     instant (a date-valued EXDATE on a timed series removes that day), and
//     a cancelled override removes its instance;
//   - UNTIL in UTC is converted to the event's wall clock;
//   - a series without COUNT starts its walk one period before the window
//     asked, not at its first instance years ago (skipAhead, tested against
//     a full walk for every kind of rule); a series is walked at most
//     maxScan occurrences (COUNT=100000 FREQ=HOURLY from 2020 is cut short,
//     with a note), and an endless RRULE is bounded by the window.
//
// apognu/gocal was not used: it has no RDATE or BYSETPOS and misreads
// "2TU". Time zones: IANA names, the Windows names Outlook and Exchange
// write ("W. Europe Standard Time", CLDR's table in zones.go), old
// Thunderbird "/mozilla.org/.../Europe/Berlin" names, a VTIMEZONE's
// X-LIC-LOCATION, or a VTIMEZONE with a single fixed offset. Floating
// times and dates are in the viewer's zone.
//
// # Meetings
//
// A meeting is a timed, busy (not TRANSP:TRANSPARENT), not cancelled event
// with at least one other person who has not declined, and which the person
// (their addresses: Options.Me) has not declined. Its people are the
// attendees who have not declined, the organizer, and the person, counted
// once each; rooms and resources are not people. All-day events are never
// meetings. The advisor reads each meeting's title and description with
// its size and length; it is "could be async" when the advisor says async
// for a reason beyond its default (the words, or the size of the group).
package calendar
