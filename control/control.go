// Package control is how `pingwise` commands reach the running app: a Unix
// socket (mode 0600, in a 0700 folder, never TCP) that carries one JSON
// request and one JSON response per connection. It also keeps the app to a
// single instance, with a lock file that only the running app holds.
//
// One op streams: OpWatch answers with a status line at once and another on
// every change, until the client hangs up or the app quits; the last line
// of a watch the app ends has Closing set.
package control

import (
	"time"

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform"
)

// MaxMessage bounds a request or response. Real ones are a few hundred
// bytes; anything larger is refused unread.
const MaxMessage = 64 << 10

// Ops the app answers.
const (
	OpStatus = "status"
	OpStart  = "start"
	OpPause  = "pause"
	OpResume = "resume"
	OpStop   = "stop"
	OpBreak  = "break"
	OpLog    = "log"
	OpDecide = "decide"
	OpShow   = "show"  // bring the app's window to the front
	OpAsk    = "ask"   // open the "Sync or async?" popup
	OpStats  = "stats" // open the weekly stats window
	OpQuit   = "quit"
	OpDoctor = "doctor" // what works on this desktop, as the app found it
	OpWatch  = "watch"  // a status now and on every change, one line each (see Handler.Watch)
)

// Request is one command to the app.
type Request struct {
	Op           string              `json:"op"`
	Duration     time.Duration       `json:"duration,omitempty"` // start, stop (break after), break
	Intent       string              `json:"intent,omitempty"`
	Interruption *focus.Interruption `json:"interruption,omitempty"`
	Decision     *focus.Decision     `json:"decision,omitempty"`
	Ask          *Ask                `json:"ask,omitempty"`
	Week         string              `json:"week,omitempty"`
}

// Ask prefills the "Sync or async?" popup.
type Ask struct {
	People  int    `json:"people,omitempty"`
	Channel string `json:"channel,omitempty"`
	Target  string `json:"target,omitempty"` // a phone number, a chat name, a link
	Text    string `json:"text,omitempty"`
	Link    string `json:"link,omitempty"` // a call or message link to hand on if the person goes sync
}

// Response is the app's answer.
type Response struct {
	Error        string              `json:"error,omitempty"`
	Status       *Status             `json:"status,omitempty"`
	Interruption *focus.Interruption `json:"interruption,omitempty"`
	Decision     *focus.Decision     `json:"decision,omitempty"`
	Doctor       *platform.Report    `json:"doctor,omitempty"`
	Closing      bool                `json:"closing,omitempty"` // a watch's last line: the app is quitting
}

// Status carries a focus.Status whole: its JSON form for people leaves out
// the durations and the session just ended.
type Status struct {
	focus.Status
	Planned   time.Duration
	Remaining time.Duration
	Started   time.Time
	Ended     *focus.Session
}

func wrap(st focus.Status) *Status {
	return &Status{Status: st, Planned: st.Planned, Remaining: st.Remaining, Started: st.Started, Ended: st.Ended}
}

func (s *Status) unwrap() focus.Status {
	st := s.Status
	st.Planned, st.Remaining, st.Started, st.Ended = s.Planned, s.Remaining, s.Started, s.Ended
	return st
}
