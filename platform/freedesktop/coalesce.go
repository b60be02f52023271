package freedesktop

import (
	"container/list"
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// Defaults for a Coalescer made with zero arguments.
const (
	DefaultWindow    = 5 * time.Minute
	DefaultMaxGroups = 256
)

// Group is one interruption made of one or more notifications: the same app,
// the same sender, the same urgency class, each within the window of the
// previous one.
type Group struct {
	// Key identifies the group while it is open. It is a hash, so it can
	// name the group in the app without holding the sender's name.
	Key string
	App string // the app's name as the first notification gave it, cleaned
	// Who is the sender's name (see Who), or "" when the Coalescer does
	// not keep names.
	Who      string
	Count    int
	First    time.Time
	Last     time.Time
	Critical bool // critical notifications form their own groups: they may have been shown
}

// Coalescer folds notifications into Groups. The window slides: a group
// stays open while its notifications keep coming less than window apart,
// so a conversation of twenty messages is one interruption. Memory is
// bounded: groups idle for longer than the window are forgotten, and when
// maxGroups are open the least recently active one is forgotten to make
// room (a later notification from it starts a new group).
//
// A Coalescer is not safe for concurrent use; Monitor's callback runs on
// one goroutine, which is where it belongs.
type Coalescer struct {
	window  time.Duration
	max     int
	keepWho bool
	open    map[string]*list.Element // key -> element holding *Group
	byLast  *list.List               // least recently active first
}

// NewCoalescer makes a Coalescer; window <= 0 and maxGroups <= 0 take the
// defaults. keepWho says whether Group.Who holds the sender's name; the
// grouping uses the name either way, in memory only.
func NewCoalescer(window time.Duration, maxGroups int, keepWho bool) *Coalescer {
	if window <= 0 {
		window = DefaultWindow
	}
	if maxGroups <= 0 {
		maxGroups = DefaultMaxGroups
	}
	return &Coalescer{window: window, max: maxGroups, keepWho: keepWho, open: map[string]*list.Element{}, byLast: list.New()}
}

// Add counts n, seen at time at. isNew is true when n starts a group (a new
// interruption to log); otherwise g is the existing group with its count
// raised.
func (c *Coalescer) Add(n Notification, at time.Time) (g Group, isNew bool) {
	app := cut(clean(n.App), MaxWho)
	who := Who(n.Summary, true)
	key := groupKey(app, who, n.Critical())
	c.expire(at)
	if e, ok := c.open[key]; ok {
		gr := e.Value.(*Group)
		gr.Count++
		if at.After(gr.Last) {
			gr.Last = at
		}
		c.byLast.MoveToBack(e)
		return *gr, false
	}
	for c.byLast.Len() >= c.max {
		c.forget(c.byLast.Front())
	}
	gr := &Group{Key: key, App: app, Count: 1, First: at, Last: at, Critical: n.Critical()}
	if c.keepWho {
		gr.Who = who
	}
	c.open[key] = c.byLast.PushBack(gr)
	return *gr, true
}

// Len is the number of open groups.
func (c *Coalescer) Len() int { return c.byLast.Len() }

// Reset forgets every group, for a new focus session.
func (c *Coalescer) Reset() {
	c.open = map[string]*list.Element{}
	c.byLast.Init()
}

// expire forgets the groups idle for longer than the window. The list is
// ordered by last activity, so it stops at the first one still open.
func (c *Coalescer) expire(now time.Time) {
	for e := c.byLast.Front(); e != nil; e = c.byLast.Front() {
		if now.Sub(e.Value.(*Group).Last) <= c.window {
			return
		}
		c.forget(e)
	}
}

func (c *Coalescer) forget(e *list.Element) {
	delete(c.open, e.Value.(*Group).Key)
	c.byLast.Remove(e)
}

// groupKey hashes what makes two notifications one interruption. Case is
// folded: "Dana" and "dana" in "Slack" and "slack" are one person.
func groupKey(app, who string, critical bool) string {
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(app)))
	h.Write([]byte{0})
	h.Write([]byte(strings.ToLower(who)))
	if critical {
		h.Write([]byte{0, 1})
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
