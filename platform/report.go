package platform

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Row is one line of `pingwise doctor`.
type Row struct {
	Service string `json:"service"`
	Status
}

// Rows lists the statuses in doctor's order.
func Rows(st map[string]Status) []Row {
	rows := make([]Row, 0, len(Services))
	for _, s := range Services {
		rows = append(rows, Row{Service: s, Status: st[s]})
	}
	var extra []string // rows beyond the desktop's: calendars, devices
	for s := range st {
		if !slices.Contains(Services, s) {
			extra = append(extra, s)
		}
	}
	slices.Sort(extra)
	for _, s := range extra {
		rows = append(rows, Row{Service: s, Status: st[s]})
	}
	return rows
}

// Report is what doctor prints: the session, and a row per service.
type Report struct {
	Session  string `json:"session"`
	Services []Row  `json:"services"`
}

// Write prints r for people: one line per service, what works first
// marked "ok", what does not marked "--" with the reason and the fix.
func (r Report) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "Session: %s\n", r.Session); err != nil {
		return err
	}
	for _, row := range r.Services {
		mark := "--"
		if row.Available {
			mark = "ok"
		}
		if _, err := fmt.Fprintf(w, "%s %-14s %s\n", mark, row.Service, row.How); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON prints r as one JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
