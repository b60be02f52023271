package advisor

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pingwise/pingwise/advisor/internal/learn"
)

// Channel is a way to reach people, synchronous or not.
type Channel string

// The channels, as the seed names them.
const (
	InPerson       Channel = "in-person"
	Call           Channel = "call"
	VideoCall      Channel = "video call"
	Meeting        Channel = "meeting"
	Chat           Channel = "chat"
	Email          Channel = "email"
	VideoMessage   Channel = "recorded video message"
	SharedDocument Channel = "shared document"
	ProjectTool    Channel = "project-management tool"
)

// Live reports whether a channel is synchronous: both sides there at once
// (in person, a call, a video call, a meeting). The popup, the log and the
// advisor's own plans share this one rule.
func (c Channel) Live() bool {
	switch c {
	case InPerson, Call, VideoCall, Meeting:
		return true
	}
	return false
}

// Verdict is the advice. It marshals to the JSON the CLI prints.
type Verdict struct {
	Mode Mode `json:"mode"`
	// Confidence grows with the margin between the two sides of the scale:
	// 0.5 is a coin flip, 0.73 is the default alone, 0.95 is a margin of 3.
	// With a draft, the margin is the word model's logit (its log-odds of
	// sync) plus what the flags, the clock and the group add.
	Confidence float64   `json:"confidence"`
	Channels   []Channel `json:"channels"` // best first, all of the chosen mode
	// Reasons are every criterion that weighed in, heaviest first; the
	// default's reason is always among them.
	Reasons []Reason `json:"reasons"`
	Cost    Cost     `json:"cost"`
	Tips    []string `json:"tips"` // the seed's best practices for the chosen mode
	// Language is the draft's language as read: "en", "de", "fr" or "es";
	// Undetermined ("und") when the advisor cannot read it; empty without
	// a draft.
	Language string `json:"language,omitempty"`
	tips     tipList
}

// Reason is one criterion's push.
type Reason struct {
	Criterion Criterion `json:"criterion"`
	Leans     Mode      `json:"leans"`
	// Text is the reason in English; In renders it in another language.
	Text string `json:"text"`
	// Key names the text: "urgent", "urgent.no", "context.past"...
	Key string `json:"key"`
	// Words are the draft's own words that triggered it, negator included
	// ("isn't an emergency"); empty when a flag or the recipient's clock did.
	Words []string `json:"words,omitempty"`
	// Weight is how hard it pushed; 0 when it yielded to another criterion.
	Weight float64 `json:"-"`
	key    reasonKey
	args   *reasonArgs // nil for the reasons that name no facts
}

// Cost is what each choice costs, in person-minutes.
type Cost struct {
	// SyncPersonMinutes is people × minutes plus the refocus time of every
	// person pulled out of focus.
	SyncPersonMinutes float64 `json:"sync_person_minutes"`
	// AsyncPersonMinutes is the writer's extra time to put it in writing.
	AsyncPersonMinutes float64 `json:"async_person_minutes"`
	// RefocusMinutesSavedIfAsync is the refocus part of the sync cost: it
	// disappears when people read the message in their own time.
	RefocusMinutesSavedIfAsync float64 `json:"refocus_minutes_saved_if_async"`
}

// writeShare is the writer's extra effort for the async version, as a share
// of the call it replaces: a clear, detailed message ("offer detail") takes
// about half as long to write as the conversation would have taken.
const writeShare = 0.5

// assumedGroup is the group size read into "hi all" or "@here" when the
// recipient count is not given.
const assumedGroup = 4

// signal is what is known about one criterion.
type signal struct {
	known, holds bool
	words        []string
	key          reasonKey // replaces the table's reason when the evidence says more
	args         reasonArgs
}

// flaggedCorrection bounds the model's correction once a person has set a
// toggle: the lightest toggle weighs 1.5, so what the model reads in the
// draft can tip a close weighing, never overrule what the person said.
// (Its prior for a few words with no evidence, about -3, is not the rules'
// default of -1; unbounded, it would outweigh an "urgent" set by hand.)
const flaggedCorrection = 1

// unreadCap is the most confidence a verdict gets when the draft is in a
// language the advisor cannot read and no toggle is set: the default alone
// is then a guess, and the verdict says so.
const unreadCap = 0.6

// Advise weighs the situation and returns the advice. It is pure and safe
// for concurrent use. Input that Validate would reject is read with the
// defaults (fewer than one person counts as one, a negative length as the
// default length), so Advise always answers.
//
// The rules weigh everything they know: the flags a person set, the
// recipients' clock and group, and what they read in the draft. The word
// model then replaces the rules' say on the draft alone with its own: the
// margin is the rules' full margin, minus their margin on the draft alone,
// plus the model's logit. With no flag and no clock, the model decides; a
// flag still wins over the text, because the rules' reading of the text it
// overrides is taken out along with the rest of their text-only margin.
func Advise(s Situation) Verdict {
	n := normalize(s)
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	// No draft, no reading: the lexicons are built when the first draft in
	// their language needs them, not for a blank popup waiting in the tray.
	var text [numCriteria]textSignal
	language, unread, readIn := "", guessNone, lang(0)
	if strings.TrimSpace(n.Text) != "" {
		l, g := read(n.Text, sc)
		if g == guessScript || g >= numGuesses || g > guessES {
			language, unread = Undetermined, g
		} else {
			language, readIn = langCodes[l], l
			text = decide(sc.hits, n.Text)
		}
	}
	off, offArgs := n.offHours()
	var sig [numCriteria]signal
	switch unread {
	case guessScript:
		sig[Default].key = keyUnreadScript
	case guessNone:
	default:
		sig[Default].key, sig[Default].args = keyUnreadLanguage, reasonArgs{strconv.Itoa(int(unread))}
	}
	group := fill(&sig, &n, &text, true, off, offArgs)
	flagged := false
	for c := range n.Flags {
		flagged = flagged || c < numCriteria && table[c].key != 0
	}
	// The model's correction: its logit minus the rules' margin on the text.
	correction, mdl := 0.0, (*learn.Model)(nil)
	var own [numCriteria]signal // what the text alone says
	textMargin := 0.0
	if language != "" && language != Undetermined {
		// A criterion a person set is the person's word, not the text's:
		// the rules' reading of it is not the model's to replace.
		ownGroup := group
		if flagged || off {
			ownGroup = fill(&own, &n, &text, false, false, reasonArgs{})
			for c := range n.Flags {
				if c < numCriteria && table[c].key != 0 {
					own[c] = signal{}
				}
			}
		} else {
			own = sig // nothing but the text spoke
		}
		textMargin = margin(&own, ownGroup)
		mdl = model()
		featurize(&mdl.Config, mdl, false, readIn, sc.toks, n.Text, sc.questions, &own, textMargin, n.people, &sc.feats)
		correction = sc.feats.logit(mdl) - textMargin
		if flagged {
			correction = max(-flaggedCorrection, min(flaggedCorrection, correction))
		}
	}

	known := 0
	for c := range numCriteria {
		known += b2i(sig[c].known)
	}
	// One more for the model's reason.
	v := Verdict{Reasons: make([]Reason, 0, known+1), Language: language}
	var weight [2]float64 // by side
	scheduled := false
	// The reasons go in heaviest first, criterion order on a tie, so that
	// the sort below moves none unless the model adds or changes one.
	var order [numCriteria]Criterion
	var weights [numCriteria]float64
	given := 0
	for c := range numCriteria {
		if !sig[c].known {
			continue
		}
		p, w, yielded := weighOne(&sig, c, group)
		if !yielded && w <= 0 {
			continue
		}
		scheduled = scheduled || yielded
		weight[side(p.leans)] += w
		weights[c] = w
		j := given
		for ; j > 0 && weights[order[j-1]] < w; j-- {
			order[j] = order[j-1]
		}
		order[j] = c
		given++
	}
	for _, c := range order[:given] {
		sg := &sig[c]
		p, w, yielded := weighOne(&sig, c, group)
		key, args := p.key, (*reasonArgs)(nil)
		if sg.key != keyNone { // the text's cues chose it for the side they won
			key = sg.key
			if sg.args != (reasonArgs{}) {
				a := sg.args
				args = &a
			}
		}
		if yielded {
			key = keySchedule
		}
		// Filled in place: appending a whole Reason would copy it through
		// the write barrier while the collector runs.
		v.Reasons = v.Reasons[:len(v.Reasons)+1]
		r := &v.Reasons[len(v.Reasons)-1]
		r.Criterion, r.Leans, r.Text, r.Key = c, p.leans, render(langEN, key, args), reasonNames[key]
		r.Words, r.Weight, r.key, r.args = sg.words, w, key, args
	}

	rules := weight[syncSide] - weight[asyncSide]
	total := rules + correction
	v.Mode = Async
	if total > 0 {
		v.Mode = Sync
	}
	if mdl != nil {
		// The model names what it read when it tipped the verdict, or when
		// no reason on the winning side quotes the draft.
		tipped := (rules > 0) != (total > 0)
		quoted := false
		for _, r := range v.Reasons {
			quoted = quoted || r.Leans == v.Mode && r.Weight > 0 && len(r.Words) > 0
		}
		if tipped || !quoted {
			// Read again, keeping the features this time: most verdicts
			// never need them.
			featurize(&mdl.Config, nil, true, readIn, sc.toks, n.Text, sc.questions, &own, textMargin, n.people, &sc.feats)
			class, words, w := explain(mdl, &sc.feats, n.Text, sc.toks, readIn, v.Mode, n.Flags, v.Reasons)
			if tipped {
				w = math.Abs(correction)
			}
			if _, set := n.Flags[class.crit]; !set || class.crit == Default {
				v.Reasons = withModelReason(v.Reasons, class, words, w, v.Mode)
				if class.crit != Default {
					sig[class.crit] = signal{known: true, holds: class.holds, words: words}
				}
			}
		}
	}
	// Heaviest first, again, once the model had its say; an insertion
	// sort is stable and, for a dozen reasons, cheaper than a general
	// sort. Each reason moves once, the lighter ones before it shift up
	// one place: a Reason is a hundred bytes, and a swap would copy it
	// three times a step.
	for i := 1; i < len(v.Reasons); i++ {
		j := i
		for j > 0 && v.Reasons[j-1].Weight < v.Reasons[i].Weight {
			j--
		}
		if j < i {
			r := v.Reasons[i]
			copy(v.Reasons[j+1:i+1], v.Reasons[j:i])
			v.Reasons[j] = r
		}
	}
	v.Confidence = math.Round(100/(1+math.Exp(-math.Abs(total)))) / 100
	if unread != guessNone && !flagged {
		v.Confidence = min(v.Confidence, unreadCap)
	}

	lead := leader(v.Reasons, v.Mode)
	// When async wins over a human moment (rapport, a sensitive topic, a
	// kickoff), a recorded video keeps some of it; not so for context that
	// merely mentions such a moment ("the offsite agenda is in the doc").
	lost := v.Mode == Async && lead != Context && (sig[Sensitive].holds || sig[Rapport].holds || sig[Kickoff].holds)
	v.Channels = channels(v.Mode, lead, group >= groupSize, sig[TimeZones].holds, lost)

	people, minutes := float64(n.people), float64(n.minutes)
	v.Cost = Cost{
		SyncPersonMinutes:          people*minutes + people*n.refocus,
		AsyncPersonMinutes:         minutes * writeShare,
		RefocusMinutesSavedIfAsync: people * n.refocus,
	}
	v.tips = tips(v.Mode, lead, &sig, scheduled, lost)
	v.Tips = v.TipsIn(English)
	return v
}

// fill sets what is known of each criterion: from the flags a person set
// (when flags), the recipients' clock (when off) and the draft's text, in
// that order of precedence. It returns the group size the weighing
// assumes.
func fill(sig *[numCriteria]signal, n *situation, text *[numCriteria]textSignal, flags, off bool, offArgs reasonArgs) int {
	sig[Default].known, sig[Default].holds = true, true
	for c := Crisis; c < numCriteria; c++ {
		if v, set := n.Flags[c]; flags && set && table[c].key != 0 {
			sig[c] = signal{known: true, holds: v}
			continue
		}
		if c == TimeZones && off {
			sig[c] = signal{known: true, holds: true, key: keyOffHours, args: offArgs}
			continue
		}
		sig[c] = signal{known: text[c].known, holds: text[c].holds, words: text[c].words, key: text[c].key}
	}

	// A request for attention is a bare ping only when the draft gives no
	// reason to talk: "can we talk about your review?" is about the review.
	if sig[Ping].holds && sig[Ping].words != nil {
		for _, c := range []Criterion{Crisis, Urgent, Sensitive, Brainstorm, Rapport, Kickoff, Stalled} {
			if sig[c].holds {
				sig[Ping] = signal{}
				break
			}
		}
	}

	group := n.people
	switch {
	case group >= groupSize:
		sig[People] = signal{known: true, holds: true, key: keyPeopleCount, args: reasonArgs{strconv.Itoa(group)}}
	case sig[People].holds:
		group = assumedGroup
	default:
		sig[People] = signal{}
	}
	return group
}

// weighOne is criterion c's push: its side, its weight, and whether it
// yielded to another criterion (weight 0).
func weighOne(sig *[numCriteria]signal, c Criterion, group int) (push, float64, bool) {
	sg := &sig[c]
	if !sg.known {
		return push{}, 0, false
	}
	p := table[c].no
	if sg.holds {
		p = table[c].yes
	}
	w := p.weight
	if table[c].perDoubling {
		w = math.Min(maxGroupWeight, p.weight*math.Log2(float64(group)/2))
	}
	if y := table[c].yieldsTo; y != Default && sg.holds && sig[y].holds {
		return p, 0, true
	}
	return p, w, false
}

// margin is the rules' sync weight minus their async weight.
func margin(sig *[numCriteria]signal, group int) float64 {
	var w [2]float64
	for c := range numCriteria {
		if p, x, _ := weighOne(sig, c, group); x > 0 {
			w[side(p.leans)] += x
		}
	}
	return w[syncSide] - w[asyncSide]
}

// withModelReason adds what the model read to the reasons: to the
// criterion's own reason when the rules found it on the same side, in
// place of it when they found it on the other (the model overruled them),
// as a reason of its own otherwise.
func withModelReason(reasons []Reason, class modelClass, words []string, w float64, m Mode) []Reason {
	for i := range reasons {
		r := &reasons[i]
		if r.Criterion != class.crit {
			continue
		}
		if r.Leans == m {
			r.Weight += w
			for _, x := range words {
				if !containsFold(r.Words, x) {
					r.Words = append(r.Words, x)
				}
			}
			return reasons
		}
		r.Leans, r.Words, r.Weight, r.key, r.args = m, words, w, class.key, nil
		r.Text, r.Key = render(langEN, class.key, nil), reasonNames[class.key]
		return reasons
	}
	return append(reasons, Reason{Criterion: class.crit, Leans: m, Text: render(langEN, class.key, nil),
		Key: reasonNames[class.key], Words: words, Weight: w, key: class.key})
}

// leader is the heaviest reason on the winning side that says what the
// message is, and so picks the channels. Group size only picks the group
// variant of a plan: a course for 30 people is still a course.
func leader(reasons []Reason, m Mode) Criterion {
	lead := Default
	for _, r := range reasons {
		switch {
		case r.Leans != m || r.Weight <= 0 || r.Criterion == Default:
		case r.Criterion != People:
			return r.Criterion
		case lead == Default:
			lead = People
		}
	}
	return lead
}

// The two sides of the scale.
const (
	syncSide = iota
	asyncSide
)

func side(m Mode) int {
	if m == Sync {
		return syncSide
	}
	return asyncSide
}

// channelPlans lists the channels for each mode by the criterion that led
// the verdict: [one or two people, a group].
var channelPlans = [2][numCriteria][2][]Channel{
	syncSide: {
		Crisis:     {{Call, VideoCall, InPerson}, {Call, VideoCall, Meeting}},
		Urgent:     {{Call, InPerson, VideoCall}, {Call, VideoCall, Meeting}},
		Sensitive:  {{InPerson, VideoCall, Call}, {Meeting, VideoCall}},
		Brainstorm: {{InPerson, VideoCall, Call}, {Meeting, VideoCall, InPerson}},
		Rapport:    {{InPerson, VideoCall, Call}, {InPerson, Meeting, VideoCall}},
		Kickoff:    {{VideoCall, InPerson, Call}, {Meeting, VideoCall}},
		Stalled:    {{Call, VideoCall, InPerson}, {Meeting, VideoCall}},
	},
	asyncSide: {
		Default:   {{Chat, Email}, {Email, ProjectTool, Chat}},
		Crisis:    {{Chat, Email}, {Email, ProjectTool, Chat}},
		Urgent:    {{Chat, Email}, {Email, ProjectTool, Chat}},
		Complex:   {{SharedDocument, VideoMessage, Email}, {SharedDocument, VideoMessage, ProjectTool}},
		Reply:     {{Chat, Email}, {Chat, Email}},
		TimeZones: {{Email, VideoMessage, Chat}, {Email, VideoMessage, SharedDocument}},
		People:    {{Email, ProjectTool, Chat}, {Email, ProjectTool, Chat}},
		Context:   {{Chat, Email, SharedDocument}, {Email, SharedDocument, Chat}},
		SelfPaced: {{VideoMessage, SharedDocument, ProjectTool}, {VideoMessage, SharedDocument, ProjectTool}},
		Ping:      {{Chat, Email}, {Chat, Email}},
	},
}

// channels picks the plan for the leading criterion. Across time zones an
// in-person talk is not on offer. When async wins over a human moment, a
// recorded video message comes first: the seed's bridge between the modes,
// keeping tone and face while they watch in their own time.
func channels(m Mode, lead Criterion, group, remote, lost bool) []Channel {
	plan := channelPlans[side(m)][lead][b2i(group)]
	out := make([]Channel, 0, len(plan)+1)
	if lost {
		out = append(out, VideoMessage)
	}
	for _, c := range plan {
		if (remote && c == InPerson) || slices.Contains(out, c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func tips(m Mode, lead Criterion, sig *[numCriteria]signal, scheduled, lost bool) (out tipList) {
	if m == Sync {
		if sig[Crisis].holds {
			// In a crisis there is no asking whether it is a good time.
			out.add(tipCrisis)
			if sig[TimeZones].holds {
				out.add(tipCrisisNight)
			}
			out.add(tipStayOnPoint, tipRespectTime)
			return out
		}
		if scheduled {
			out.add(tipSchedule)
		}
		if lead == Kickoff || lead == Brainstorm {
			out.add(tipPreRead)
		}
		if sig[Complex].holds {
			out.add(tipFollowUp)
		}
		out.add(tipStayOnPoint, tipAskFirst, tipConnection, tipRespectTime)
		return out
	}
	if lost {
		out.add(tipVideo)
	}
	if sig[Ping].holds {
		out.add(tipAskInMessage)
	}
	if sig[Urgent].holds || sig[Urgent].key == keyUrgentDeadline {
		out.add(tipDeadline)
	}
	if sig[TimeZones].holds {
		out.add(tipTheirMorning)
	}
	if sig[Reply].holds {
		out.add(tipSameThread)
	}
	if sig[Complex].holds || sig[SelfPaced].holds {
		out.add(tipReference)
	}
	out.add(tipOfferDetail, tipRightTool)
	return out
}
