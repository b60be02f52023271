package popup

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// Title is the window's title, and the question the popup asks, in
// English; the popup shows it in its language.
const Title = "Sync or async?"

// size is the popup's fixed size: what the question, four lines of
// reasons, eleven toggles and three lines of draft need, compacted.
var size = fyne.NewSize(560, 560)

// ConfirmFor is how long the confirmation stays before the popup closes.
const ConfirmFor = 1500 * time.Millisecond

// Prefill is what an interception knows before the popup asks.
type Prefill struct {
	People  int    // recipients; 0 means 1
	Channel string // what they were about to use: "call", "email", "chat"...
	Target  string // who: "+1 555 1234", "#design", a link
	Text    string // the draft
	Link    string // a call or message link the question is about; given back to Chosen
}

// Config connects the popup to the app. Every field may be nil.
type Config struct {
	// Base is the context from settings: RefocusMinutes, WorkingHours,
	// TheirZone, Now. It is read when the popup opens afresh (and once in
	// New); the popup adds the flags, people, minutes and text, its flags
	// winning over Base's. Nil means the advisor's defaults.
	Base func() advisor.Situation
	// Decide logs the choice (the app passes tracker.LogDecision). An error
	// is shown and the popup stays open. Nil logs nothing.
	Decide func(focus.Decision) error
	// Copy puts text on the clipboard (the app passes the window's clipboard).
	Copy func(text string)
	// Chosen is called after a logged choice with the mode chosen and the
	// prefill as it stands then: people and draft as edited, the target, and
	// the channel logged. The app can hand a call link on, or not.
	Chosen func(mode advisor.Mode, p Prefill)
	// After runs f after d, on Fyne's goroutine: the confirmation's
	// auto-close. Nil means time.AfterFunc wrapped in fyne.Do.
	After func(d time.Duration, f func())
	// Present, where the app can, maps the hidden window and gives it the
	// keyboard just before Fyne shows and paints it (see x11.Conn.Present).
	// Nil leaves it all to Fyne.
	Present func(fyne.Window)
	// Stash, where the desktop can (sway), closes the popup by moving it out
	// of sight, still mapped and painted, and Unstash brings it back with the
	// keyboard: the blank question then opens without a first frame to
	// paint, which is most of the hotkey's wait when it is painted in
	// software. Each reports whether it worked; where Stash does not, the
	// window is hidden, and where Unstash does not, shown afresh. Either
	// nil, neither is used: the window is hidden and shown.
	Stash, Unstash func(fyne.Window) bool
	// StashOnMap, where the desktop can, sends the next window mapped
	// titled title straight into the stash, unseen, and reports whether it
	// will: Prepare readies the first question that way.
	StashOnMap func(title string) bool
	// Language is the UI's: "en", "de", "fr" or "es"; "" is English. The
	// popup's words, the advisor's reasons and tips speak it.
	Language string
}

// Popup is the "Sync or async?" popup. The app keeps one: it owns one
// window, which closing only hides.
type Popup struct {
	win fyne.Window
	cfg Config
	tr  *l10n.T // cfg.Language's words

	ready   bool // hidden and already reset for a blank question
	stashed bool // out of sight through Config.Stash, still shown as Fyne sees it
	placed  bool // centred once; the window keeps its place after that

	base  advisor.Situation          // Config.Base, read when the popup opened
	flags map[advisor.Criterion]bool // what the person set, true or false
	pre   Prefill                    // what the popup opened with
	v     advisor.Verdict            // the verdict shown
	alt   advisor.Channel            // the async channel when the verdict is sync

	people, minutes int  // the last valid values of the fields
	shown           bool // the popup is up, as far as it knows
	done            bool // a choice was logged: the confirmation shows
	gen             int  // counts openings, so a stale auto-close does nothing
	quiet           bool // fields are being reset: no verdict per change
	shownKey        string

	to         *widget.Label
	headline   *widget.RichText
	confidence *widget.Label
	reasons    *widget.RichText
	cost       *widget.Label // the channels and what each choice costs
	toggles    []*toggle
	peopleF    *numField
	minutesF   *numField
	bad        string // what is wrong with the numbers; "" when nothing
	draft      *draftEntry
	goSync     *keyButton
	sendAsync  *keyButton
	hint       *widget.RichText // what the keys do where the focus is (hintText)
	focused    fyne.Focusable   // the popup's own widget with the focus, for the hint; nil for none or a toggle
	problem    *widget.Label    // shown instead of the hint: a bad number, a failed log
	actions    *fyne.Container  // the hint or problem line, and the buttons
	top, body  *fyne.Container  // the verdict, toggles and numbers; the whole window
	confirm    *widget.Label    // shown instead of the actions once a choice is logged
}

// New builds the popup in w, hidden: every widget, the keys, the close
// intercept. The app creates the window, borderless where it can; New sets
// its title, content and fixed size.
func New(w fyne.Window, cfg Config) *Popup {
	// A stash is of use only both ways: what goes in must come back.
	if cfg.Stash == nil || cfg.Unstash == nil {
		cfg.Stash, cfg.Unstash, cfg.StashOnMap = nil, nil, nil
	}
	p := &Popup{win: w, cfg: cfg, tr: l10n.For(cfg.Language), flags: make(map[advisor.Criterion]bool)}
	tr := p.tr

	title := widget.NewLabelWithStyle(tr.S("popup.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameCaptionText
	p.to = widget.NewLabel("")
	p.to.SizeName = theme.SizeNameCaptionText
	p.to.Truncation = fyne.TextTruncateEllipsis

	p.headline = widget.NewRichText()
	p.confidence = widget.NewLabel("")
	p.reasons = widget.NewRichText()
	p.reasons.Wrapping = fyne.TextWrapWord
	p.cost = widget.NewLabel("")
	p.cost.Wrapping = fyne.TextWrapWord

	grid := container.NewGridWithColumns(3)
	for _, c := range advisor.Criteria() {
		if c.Toggle() {
			t := newToggle(p, c)
			p.toggles = append(p.toggles, t)
			grid.Add(t)
		}
	}

	p.peopleF = newNumField(p, tr.S("popup.people.label"), "", &p.people, 1, focus.MaxPeople, 1)
	p.minutesF = newNumField(p, tr.S("popup.minutes.label"), tr.S("popup.auto"), &p.minutes, 0, int(focus.MaxPlanned/time.Minute), 5)
	numbers := container.NewHBox(p.peopleF.row, layout.NewSpacer(), p.minutesF.row)

	p.draft = newDraftEntry(p)

	p.goSync = newKeyButton(p, tr.S("popup.act.sync"), tr.S("popup.goSync"), theme.MediaPlayIcon(), func() { p.choose(advisor.Sync) })
	p.sendAsync = newKeyButton(p, tr.S("popup.act.async"), tr.S("popup.sendAsync"), theme.MailSendIcon(), func() { p.choose(advisor.Async) })
	p.hint = widget.NewRichText(&widget.TextSegment{
		Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameText}})
	// Clipped, not ellipsized, should a long hint not fit: the hint changes
	// with every move of the focus, and Fyne shapes an ellipsized line
	// afresh each time (a millisecond or two), while a clipped one is
	// measured from its text-size cache.
	p.hint.Truncation = fyne.TextTruncateClip
	p.problem = widget.NewLabel("")
	p.problem.Importance = widget.DangerImportance
	p.problem.Truncation = fyne.TextTruncateEllipsis
	p.problem.Hide()
	p.actions = container.NewVBox(container.NewStack(p.hint, p.problem),
		container.NewGridWithColumns(2, p.goSync, p.sendAsync))
	p.confirm = widget.NewLabel("")
	p.confirm.Importance = widget.SuccessImportance
	p.confirm.Wrapping = fyne.TextWrapWord
	p.confirm.TextStyle.Bold = true
	p.confirm.Hide()

	p.top = container.NewVBox(
		container.NewBorder(nil, nil, title, nil, p.to),
		container.NewBorder(nil, nil, nil, container.NewCenter(p.confidence), p.headline),
		p.reasons,
		p.cost,
		widget.NewSeparator(),
		grid,
		numbers,
	)
	bottom := container.NewStack(p.actions, p.confirm)
	p.body = container.NewBorder(p.top, bottom, nil, nil, p.draft.frame)
	w.SetTitle(tr.S("popup.title"))
	w.SetContent(container.NewThemeOverride(p.body, compact{}))
	w.Resize(size)
	w.SetFixedSize(true)
	w.SetCloseIntercept(p.Hide)
	p.bindKeys()
	p.reset(Prefill{})
	return p
}

// readying is the window's title while Prepare maps it: a title that no
// other window takes, for the desktop's rule to recognise.
const readying = "Pingwise: readying the Sync or async? popup"

// Prepare, where the desktop has a stash, makes the window and paints the
// blank question straight into the stash, unseen, so that the first
// hotkey press is as quick as the next ones. Elsewhere, or once the popup
// has been shown, it does nothing.
//
// The window keeps the readying title until it is first shown: the
// desktop may read the title for its rule only after the first frame, and
// a title given back at once could win that race (sway then shows the
// window where it should have stashed it).
func (p *Popup) Prepare() {
	if p.cfg.StashOnMap == nil || p.placed || !p.cfg.StashOnMap(readying) {
		return
	}
	p.win.SetTitle(readying)
	p.win.Show()
	p.placed, p.stashed, p.ready = true, true, true
}

// Window returns the popup's window, for the app to place or close.
func (p *Popup) Window() fyne.Window { return p.win }

// Show opens the popup. Hidden (or showing a confirmation), it starts
// afresh: every field reset, pre applied, centred, shown, the draft focused
// so a person can paste at once; the blank question, kept ready in the
// desktop's stash, is only brought back. Already up, it is only raised and
// focused, keeping what was typed: pressing the hotkey twice never loses a
// draft.
func (p *Popup) Show(pre Prefill) {
	if p.shown && !p.done {
		p.raise()
		return
	}
	if p.stashed {
		p.stashed = false
		if p.win.Title() == readying {
			p.win.SetTitle(p.tr.S("popup.title"))
		}
		// Only the blank question is brought back as it was stashed: a
		// prefilled one would show the blank one for a frame first.
		if p.ready && pre == (Prefill{}) {
			p.win.Canvas().Focus(p.draft)
			if p.cfg.Unstash(p.win) {
				p.ready = false
				p.shown = true
				return
			}
		}
		p.win.Hide() // and shown afresh, mapped with its first frame
	}
	// Hide readied a blank question; a prefilled one is set up now.
	if !p.ready || pre != (Prefill{}) {
		p.reset(pre)
	}
	p.ready = false
	p.shown = true
	if !p.placed {
		p.win.CenterOnScreen()
		p.placed = true
	} else if p.cfg.Present != nil {
		p.cfg.Present(p.win)
	}
	// The draft takes the focus before Fyne shows the window: Fyne paints
	// as it shows, and that first frame, drawn focused, is the one the
	// desktop maps and the person sees; focusing after would need a
	// second frame at once, as the desktop maps the first. After Present,
	// though: on X11 the focus work (the hint, the outline) would only
	// hold back the map.
	p.win.Canvas().Focus(p.draft)
	p.win.Show()
	p.win.RequestFocus()
}

// raise brings the popup, up as Fyne sees it, to the front with the
// keyboard, the draft focused unless one of the popup's own widgets is.
// Through Unstash where the desktop has it: it also brings back a popup
// the person put out of sight with the desktop's own keys.
func (p *Popup) raise() {
	if p.win.Canvas().Focused() == nil {
		p.win.Canvas().Focus(p.draft)
	}
	if p.cfg.Unstash != nil && p.cfg.Unstash(p.win) {
		return
	}
	p.win.Show()
	p.win.RequestFocus()
}

// setText sets e's text, unless e already holds it, and reports whether
// it did. Reset runs on every hide, and most times the fields hold what
// they are reset to: an entry set anyway is laid out and drawn afresh in
// the next show's first frame, which the hotkey waits for.
func setText(e *widget.Entry, s string) bool {
	if e.Text == s {
		return false
	}
	e.SetText(s)
	return true
}

// Hide closes the popup without logging anything.
func (p *Popup) Hide() {
	if p.shown && p.cfg.Stash != nil && p.cfg.Stash(p.win) {
		p.stashed = true
	} else if !p.stashed {
		p.win.Hide()
	}
	p.shown = false
	// Ready the next question now, while nobody waits for it: the key
	// press then only has to show the window, or bring it back.
	p.reset(Prefill{})
	p.ready = true
}

// reset clears every field, applies pre and shows the verdict for it.
func (p *Popup) reset(pre Prefill) {
	p.gen++
	p.pre = pre
	p.done = false
	p.base = advisor.Situation{}
	if p.cfg.Base != nil {
		p.base = p.cfg.Base()
	}
	clear(p.flags)

	p.quiet = true
	people := max(pre.People, 1)
	p.people, p.minutes = people, 0
	setText(&p.peopleF.entry.Entry, strconv.Itoa(people))
	setText(&p.minutesF.entry.Entry, "")
	if setText(&p.draft.Entry, pre.Text) || pre.Text != "" {
		p.draft.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // the cursor after the text
	}
	p.quiet = false

	to := ""
	if pre.Target != "" {
		to = p.tr.S("popup.to", l10n.Args{"Target": pre.Target})
		if pre.Channel != "" {
			to += " · " + p.channelName(pre.Channel)
		}
	}
	if p.to.Text != to {
		p.to.SetText(to)
	}
	p.confirm.Hide()
	p.actions.Show()
	p.bad = ""
	p.setProblem("")
	p.win.Canvas().Unfocus()
	p.changed()
}
