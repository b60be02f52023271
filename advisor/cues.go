package advisor

import (
	"fmt"
	"strings"
	"sync"
)

// The cue lists: plain words and phrases a person writes, grouped by the
// criterion they signal. Patterns use "(a|b c|)" for alternatives (an empty
// one makes the group optional), "#" for any number and "*" for any one
// word. Apostrophes and hyphens need no care: "isn't", "isnt", "kick-off"
// and "kick off" are read alike. A negator up to three words before a cue
// ("not", "no", "isn't", "don't") flips it; the negators are listed at the
// end. Idioms are phrases that contain a cue word but mean nothing here;
// the longest phrase wins, so they shield the cue.
//
// Keep the lists general: a cue earns its place if it means the same thing
// in most messages a person would write, never because one sentence needs it.

// systems are things whose failure is an outage, not a personal annoyance.
const systems = "(site|website|app|apps|api|prod|production|server|servers|service|services|database|db|" +
	"system|systems|network|vpn|email|wifi|checkout|login|logins|payments|payment|orders|dashboard|" +
	"portal|cluster|platform|backend|frontend|everything|pipeline|provider|intranet|homepage|store|" +
	"auth|sso|deploys|builds|webhooks|webhook|jobs|queue|queues|integration|integrations|subscriptions|" +
	"renewals|billing|invoicing|notifications|search|uploads|downloads)"

const weekdays = "monday|tuesday|wednesday|thursday|friday"

// numberWords are the numbers people spell out in time phrases; their
// values are in english.numbers.
const numberWords = "one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety|half an|half a"

// ops are the things on-call people watch: when one climbs, someone is paged.
const ops = "(lag|latency|p99|p95|p99 latency|error rate|error rates|errors|5xx|5xxs|500s|cpu|memory|mem|load|" +
	"queue|queue depth|backlog|dlq|disk|disk usage|connections|connection count|timeouts|retries|heap|gc|iops)"

type cueGroup struct {
	crit     Criterion
	holds    bool
	kind     cueKind
	key      reasonKey
	unit     float64 // within and ago: minutes per unit of the number
	patterns []string
}

// langDef is everything needed to read one language.
type langDef struct {
	groups []cueGroup
	// negators flip a cue up to three words later; scopeEnders close a
	// negation: in "not sure, but it's urgent" the "not" does not reach
	// "urgent".
	negators, scopeEnders []string
	// numbers are the number words time phrases use ("twenty minutes").
	numbers map[string]float64
	// heads are the words a compound is read as when it ends with one (see
	// lexicon.head); each must start a cue of its own.
	heads []string
}

var english = langDef{groups: englishCues, negators: negators, scopeEnders: scopeEnders, numbers: map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "ninety": 90, "half": 0.5, "couple": 2, "few": 3, "several": 4, "quarter": 0.25,
}}

var englishCues = []cueGroup{
	{crit: Crisis, holds: true, patterns: []string{
		"outage", "outages", "emergency", "emergencies", "meltdown",
		"(is|are|was|went|goes|going|has gone|have gone|looks|look|still|currently|its|all|been) down",
		"down for (everyone|everybody|all|all users|all customers|customers|users|us)",
		systems + " (is|are|seems|looks|keeps|has been|) " +
			"(down|offline|unreachable|unavailable|broken|crashing|failing|erroring|timing out|" +
			"throwing errors|returning errors|on fire|dead|unresponsive)",
		systems + " (isnt|arent|stopped|has stopped|have stopped) (working|loading|responding)",
		systems + " (crashes|crashed|died)",
		"(broken|failing|down|crashing|unavailable|timing out) for (everyone|everybody|all users|all customers|every customer|every user)",
		"broken in (production|prod)",
		systems + " (is|are|) (returning|throwing|serving) (500s|502s|503s|5xx|errors)",
		"on every (request|call|page|login|checkout|order)",
		"(everything|all of it|all the data|all our data|the data|all the files) (is|s|are) (gone|lost|deleted)",
		"(delete|deleted|dropped|wiped|nuked) (the|our) (prod|production|live) (bucket|database|db|table|tables|cluster|data|server)",
		"(is|are) (the|our|) " + systems + " (down|offline|broken|unreachable|dead)",
		"(for|affecting|hitting|impacting) (every user|every customer|all users|all customers|all our users|all our customers)",
		"(affecting|hitting|impacting) (everyone|everybody|production|prod|customers|users)",
		"(completely|totally|entirely) (down|unresponsive|broken|offline|unreachable|dead)",
		"(rejecting|failing|dropping|blocking) (all|every)",
		"(emails|notifications|messages|payments|orders|jobs|invoices|webhooks) (arent|are not|not|stopped) " +
			"(going out|being sent|sending|arriving|processing|coming through|delivered|working)",
		"(error|errors|error rate|error rates|latency|cpu|load|costs|bill|queue|support queue|tickets|alerts|complaints) " +
			"(is|are|) (spiked|spiking|skyrocketed|through the roof|exploded|exploding|flooding|piling up)",
		"accidentally (emailed|sent|deleted|dropped|pushed|published|leaked|shared|wiped|exposed)",
		"paging", "(blank|white) screen",
		"gdpr (problem|issue|breach|violation|incident)", "pii", "privacy (breach|incident|violation)",
		"(data|customer data|pii|personal data) (exposed|showing up|visible|leaking)",
		"(certificate|cert|certs|domain|ssl) (expired|has expired|is expired)",
		"(ssl|tls|dns|certificate|cert) (errors|error|failure|failures)",
		"(migration|deploy|deployment|release|upgrade|rollout|restore) (went wrong|broke production|broke prod|broke everything)",
		"(tables|table|database|db|bucket) (are|is) (empty|gone|wiped)",
		"exposed (admin|api|port|panel|endpoint|database|db|bucket|server|credentials|data|keys|secrets|token|tokens)",
		"security (hole|flaw|vulnerability|issue|problem)", "(found|reported|discovered) (a|an) (vulnerability|exploit)",
		"(charged|billed) (twice|double|the wrong amount)", "double charged",
		"(wont|doesnt|does not|will not|cant|isnt|is not) (load|work|open|start|connect|respond) for (anyone|anybody|everyone|users|customers)",
		"something is (seriously|badly|very|really|terribly) wrong",
		"(404|500|502|503|error|errors|broken|blank) for (everyone|everybody|all users|all customers)",
		"(last|latest|the|a|this|recent|new) (deploy|deployment|release|update|change|migration) (broke|took down|has broken)",
		"(disk|disks|memory|storage|quota) (is|are|) (full|almost full|nearly full)",
		"running out of (disk|memory|space|storage|disk space)",
		"(pushed|committed|posted|published) (api|aws|our|the|) (keys|key|credentials|secrets|passwords|tokens)",
		"(to|in|on) (a|the) public (repo|repository|bucket)",
		"(customers|users|clients|nobody|no one|everyone|people) (cant|cannot|can no longer|are unable to|arent able to) " +
			"(log in|login|sign in|pay|check out|checkout|access|connect|order|buy|place orders|reach|load)",
		"(nobody|no one) can (log in|login|sign in|sign up|pay|check out|access|connect|use|order|book|buy|deploy|ship|merge|work|" +
			"reset|see|open|save|send|receive|load|upload|download)",
		"(security|data) (incident|breach|leak)",
		"(major|active|ongoing|production|prod|critical|open|live) incident",
		"incident (call|channel|bridge|room|response|commander)",
		"(declare|declared|declaring|open|opened|raise|raised|start|started) (an|a) incident",
		"sev1", "sev0", "sev 1", "sev 0", "p0",
		"breach", "hacked", "ransomware", "ddos", "leaked",
		"(got|been|was|were|are|is|being) (phished|compromised|breached|attacked)",
		"(key|keys|credentials|password|passwords|token|tokens|secret|secrets|data) (exposed|stolen)",
		"data loss", "(losing|lost|deleted|wiped|corrupted) (data|customer data|records|production data|orders)",
		"(data|records|orders|files|accounts|database) (disappeared|vanished|was deleted|were deleted|got deleted|" +
			"is gone|are gone|is missing|are missing|is corrupted|got wiped|was wiped)",
		"on fire", "all hands on deck", "war room",
		"(500|502|503|504) (error|errors)", "500s", "502s", "503s", "5xx",
		"(is|are|was|went|goes|has gone|have gone) down # (min|mins|minutes|hour|hours|hr|hrs)",
		"(got|been|getting|was|were) paged",
		"(need to|have to|must) (roll back|rollback|revert)",
		"(critical|severe|major|serious|showstopper|blocker) (bug|issue|outage|problem|vulnerability|failure|regression)",
		"showstopper",
	}},
	{crit: Crisis, holds: false, patterns: []string{
		"resolved", "false alarm", "under control", "all clear", "working again", "back to normal",
		"(is|are|has been|have been|was|were|been|got|now|all) (fixed|restored|mitigated|recovered)",
		"(is|are|its|everything is) back (up|online)",
		"(planned|scheduled) (maintenance|downtime|outage)", "down for maintenance", "maintenance window",
	}},
	{crit: Crisis, kind: idiom, patterns: []string{
		"(is|are|was|were|went|goes|its|has gone|have gone) down (#|by|from|to|slightly|a bit|a little|sharply|" +
			"year|quarter|month|week|compared|vs|versus|significantly)",
		"(is|are|im|were) down (for|with) (lunch|dinner|drinks|coffee|it|that|this|a|the idea)",
		"critical path", "critical thinking", "emergency contact", "emergency contacts",
		"fire drill", "(putting|put|fighting) out fires",
	}},

	{crit: Urgent, holds: true, patterns: []string{
		"urgent", "urgently", "urgency", "asap", "as soon as possible", "right away", "right now",
		"immediately", "immediate", "time sensitive", "time critical",
		"within (the|the next) hour", "in the next (hour|half hour)",
		"(need|needs|needed) (it|this|that|an answer|a decision|a reply|a response|your input|your help|" +
			"your approval|your sign off|sign off|you|your eyes) (now|today|asap|right away|immediately|by noon|" +
			"this morning|this afternoon|before lunch|urgently|right now|within the hour)",
		"(this|it|that) (cant|cannot) wait",
		"(blocking|holding|holding up|blocks|delaying) the (release|launch|deploy|deployment|demo|rollout|shipment)",
		"(were|we are|everyone is|everybody is|team is|completely) blocked",
		"(qa|the team|dev|devs|everyone|they|the whole team|support|sales) (is|are|) (completely|totally|fully|) blocked",
		"on the line", "(customer|client|customers|clients) (is|are) waiting",
		"(miss|missing|will miss|going to miss) the (deadline|embargo|cutoff)",
		"escalated", "(customer|client|an|this is an) escalation",
		"(threatening|threatened|threatens) to (cancel|churn|leave|sue|walk)",
		"(call|talk|chat|speak|join|meet|look|come|hop on|jump on|get on) (now|immediately|asap)",
		"(are you|you) (around|free|available|there) (now|right now)",
		"(in a|in such a) (rush|hurry)",
		"(before|by) (#|noon|lunch|eod) today",
		"(need|needs) (eyes|someone|help|hands) (on this|on it|asap|now|right away)",
		"(need to|have to|must|got to) (*|* *|) (now|immediately|asap|right away|right now)",
		"(or|otherwise) (we|the deal|it|they) (lose|loses|miss|misses|slips|slip|fall through|falls through)",
		"as soon as you (see|read|get) (this|my message|the message)",
	}},
	{crit: Urgent, holds: false, patterns: []string{
		"(no|in no) (rush|hurry)", "no urgency", "no pressure", "non urgent", "nonurgent",
		"(not a|low|lower|no) priority", "(not a|no) big deal", "nice to have",
		"minor (issue|thing|bug|problem|question|detail|point)",
		"whenever", "sometime", "at some point", "later this (week|month)",
		"(when|once|if) you (get|have|find) (a|the|some|a free|) (chance|moment|minute|min|sec|second|time|few minutes)",
		"(when|whenever) (you can|youre free|you are free)", "when convenient", "(when|whenever) (its|it is) convenient",
		"at your convenience", "at your leisure", "(take|taking) your time", "take all the time you need",
		"(it|this|that) can wait", "can wait (until|till|for)",
		"(reply|respond|answer|get back to me|get back to us) (tomorrow|later|next week|on monday|after the weekend)",
		"by (" + weekdays + "|next week|end of week|the end of the week|eow|end of the month|the end of the month)",
		"before (" + weekdays + "|next week|the end of the week)",
		"just curious", "out of curiosity", "just wondering",
	}},

	{crit: Sensitive, holds: true, patterns: []string{
		"performance (review|reviews|conversation|conversations|improvement plan|plan|feedback|rating|evaluation|appraisal)",
		"(your|his|her|their) performance", "about your review",
		"your (annual|mid year|midyear|year end|yearly|quarterly) review", "pip", "appraisal",
		"(critical|difficult|tough|hard|honest|negative|constructive|candid|sensitive|uncomfortable|direct|harsh|serious) feedback",
		"(give|giving|share|sharing) you (some|a bit of|my|) feedback", "(things|areas|points) to (work on|improve)",
		"feedback (for|about) you", "feedback on your",
		"(concerned|worried|concerns|worry) (about|that)", "(i have|ive got|serious) concerns",
		"disappointed", "upset", "frustrated", "frustrating", "angry", "furious", "hurt", "offended", "uncomfortable",
		"unhappy", "demotivated", "overwhelmed", "stressed", "burned out", "burnt out", "burnout", "anxious",
		"conflict", "conflicts", "tense", "tension", "tensions", "friction", "heated", "argument",
		"complaint", "complaints", "complained", "harassment", "harassed", "discrimination", "bullying",
		"inappropriate", "misconduct", "disciplinary", "(written|formal|final) warning",
		"hr (complaint|complaints|issue|matter|case|investigation|received|is involved|got involved|wants)",
		"(involve|involving|talk to|talked to|report to|reported to|escalate to|loop in|looped in) hr",
		"layoff", "layoffs", "laid off", "lay off", "lay offs",
		"(let|letting) (you|him|her|them|people|someone|some people|folks) go",
		"restructuring", "reorg", "re org", "reorganization", "redundancy", "redundancies",
		"termination", "terminated", "fired", "firing",
		"resign", "resigning", "resigned", "resignation",
		"(i|im|i am|ive|i have|want to|going to|decided to|thinking of|thinking about) (quit|quitting)",
		"(leaving|leave) the company", "(hand|handing|handed) in my notice", "notice period",
		"(salary|compensation|comp|pay|raise|bonus|equity|promotion) (discussion|conversation|review|increase|cut|cuts|" +
			"adjustment|band|expectations|negotiation|timeline|case|packet|decision)",
		"compensation", "salary", "your (salary|pay|raise|bonus|promotion)", "offer letter",
		"(above|below|outside|out of) (the|our|) (salary|pay|comp|) (band|range)",
		"(hear|know) (it|this|that) from me",
		"(didnt|did not) get (the|a|my) (promotion|raise|bonus)", "passed over for",
		"private", "privately", "in private", "confidential", "confidentially", "in confidence",
		"between (us|you and me)", "off the record", "sensitive", "delicate",
		"personal (matter|issue|issues|situation|reasons|problem|problems)",
		"(health|medical|mental health|family) (issue|issues|condition|problem|problems|situation|matter|leave)",
		"medical", "mental health", "grief", "passed away", "bereavement", "condolences",
		"pregnant", "pregnancy", "diagnosis", "diagnosed",
		"(difficult|hard|tough|awkward|uncomfortable|serious) conversation", "awkward",
		"we need to talk", "need to talk to you", "(can|could) we talk (privately|in private|one on one|1:1|alone)",
		"(i|we) (messed|screwed) up", "dropped the ball", "my fault",
		"(owe you|owe them|owe him|owe her) an apology", "(i|we) made a mistake", "made a (big|huge|serious) mistake",
		"(missed|missing|miss) (deadlines|expectations)",
		"(not|isnt|arent|wasnt|werent|havent|hasnt|is not|are not|have not|has not) (been|) (meeting|met) expectations",
		"below expectations", "(didnt|did not|doesnt|does not|dont|do not) meet expectations",
		"underperforming", "underperformance", "your (behavior|behaviour|attitude|conduct|tone)",
		"(how|the way) you (handled|dealt with|reacted|responded|spoke|behaved|came across|treated|talked to)",
		"(accepted|accepting|taking|took) (an|a|another) (offer|job)", "(my|his|her) last day",
		"(youve been|you have been|you keep|youre always|you are always|you always) " +
			"(late|absent|missing|rude|dismissive|interrupting|distracted|disengaged|quiet)",
		"(has|have) noticed", "(budget|headcount|funding|cost) (cuts|cutting|reductions|freeze)",
		"(rather|prefer to|prefer) (tell you|explain|discuss|talk|say|share) (this|it|that|) (in person|face to face|live)",
		"than (in writing|over email|over chat|by email|in a message)", "(not|rather not put this) in writing",
		"(regarding|about|on|with) your (communication|behavior|behaviour|attitude|style|tone|conduct|approach|work)",
		"(some|a few|serious|real|growing) concerns", "apologise", "apologize", "apologizing", "apologising", "apology",
		"(how|the way) (i|we) (reacted|handled|behaved|spoke|responded|treated)", "not happy",
		"(honest|open|frank|candid|real) (conversation|talk|chat|discussion)",
		"(you|he|she|they) (seem|seemed|seems|looked|look|looks) (a bit|a little|really|quite|) (down|off|low|upset|stressed|frustrated|tired)",
		"(is|) everything (ok|okay|alright|all right)", "(are you|you) (ok|okay|alright|doing ok|doing okay)",
		"sorry for your loss", "sorry to hear about your", "(if you|whenever you) (want|need) to talk",
		"(we|weve|we have|i|ive) lost (the|a|our|an|that) (deal|customer|client|account|contract|bid|pitch)",
		"before (the team|anyone|everyone|others|the others|people) (hears|finds out|knows|hear|find out)",
		"you (interrupted|dismissed|ignored|snapped at|yelled at|talked over|cut off|embarrassed|undermined)",
	}},
	{crit: Sensitive, kind: idiom, patterns: []string{
		"(merge|calendar|scheduling|schedule|git|naming|version|dependency) (conflict|conflicts)",
		"conflict resolution", "case sensitive", "feedback on your end", "sensitive (data|information|info|fields)",
		"private (repo|repository|repos|channel|key|keys|beta|preview|method|field|api|network|cloud|link|browsing)",
	}},

	{crit: Brainstorm, holds: true, patterns: []string{
		"brainstorm", "brainstorming", "brainstorms", "whiteboard", "whiteboarding",
		"(bounce|bouncing|throw|throwing|toss|tossing|kick|kicking|spitball) (some|a few|a couple of|around|) ideas",
		"bounce (it|this|that|something|some things) off",
		"unknowns", "open questions", "uncertainty", "unanswered questions",
		"ideate", "ideation", "spitball", "spitballing", "blue sky", "how might we", "jam on", "jam session",
		"(design|ideas|idea|creative|whiteboard|working|ideation) session", "workshop",
		"hash (it|this|that|things) out",
		"(figure|work|think|talk|sort) (it|this|that|things) (out|through) (together|live|in person|on a call)",
		"no idea (yet|) how", "(not sure|unsure) how (to|we|best)",
		"(not sure|unsure) (where|how) to (start|begin)",
		"how (should|do|could|might|would|can) we (approach|tackle|solve|handle|price|design|structure|go about)",
		"explore (options|ideas|approaches|alternatives|solutions|possibilities)",
		"(different|new|fresh|wild|crazy) ideas", "gut feeling", "rethink", "rethinking", "reimagine",
		"no clue (how|what|where|which)", "(options|ideas|approaches|alternatives|solutions) together",
		"(get together|sit down|meet|talk) and (explore|think|figure|brainstorm|hash)", "(dont|do not) know yet",
		"pick your brain", "(im|i am|were|we are) confused",
		"(look at|go over|go through|work on|figure out|think about|dig into|work through) (it|this|that|them) together",
		"the right (approach|architecture|design|solution|way forward|answer) (is|would be)",
		"(misunderstood|misread|misinterpreted) (the|your) (requirements|ask|request|brief|spec|scope|goal)",
		"(requirements|scope|goals|direction|plan) (is|are) (unclear|fuzzy|vague)",
	}},

	{crit: Kickoff, holds: true, patterns: []string{
		"kickoff", "kickoffs", "kick off", "kicking off",
		"same page", "align", "aligned", "alignment", "realign", "aligning",
		"moving (parts|pieces|variables|targets)",
		"(get|getting|bring|bringing|have|put) (everyone|everybody|all of us|the whole team|all the leads|all leads|" +
			"all teams|both teams|all stakeholders|the stakeholders) (together|in one room|in a room|in the same room|on a call|in sync)",
		"(in|into) (one|the same) room",
		"planning (session|meeting|workshop|call)", "sprint planning",
		"(agree|agreeing|decide|deciding) on (scope|owners|the plan|priorities|roles|ownership|the approach|next steps|a plan)",
		"who owns what", "kick (things|it|this) off", "(need|needs|have|has) to agree",
		"(sort out|clarify|figure out|settle|decide) (ownership|who owns|roles|responsibilities)",
		"agree on (the|a|an|our) (plan|process|approach|scope|handoff|owners|priorities|timeline|roles|next steps|direction|strategy)",
		"(get|getting|bring|bringing|have|put) (the whole|the entire|all the|all) (team|squad|crew|group|leads|managers|stakeholders) " +
			"(together|on a call|in a room|in one room|in the same room)",
		"who does what", "who is doing what", "everyone involved", "shared plan",
		"(starting|launching|kicking) (a|the|our) (new|) (project|initiative|workstream|program|effort)",
		"roles and responsibilities", "(cross functional|cross team) (sync|meeting|call)",
		"(many|lots of|a lot of|several|multiple|so many) (teams|stakeholders|dependencies)",
	}},

	{crit: Rapport, holds: true, patterns: []string{
		"welcome (to|aboard|back|on board)", "welcoming", "(warm|big) welcome",
		"get to know", "getting to know", "(grab|get|have|go for|over|for|a|virtual|quick) coffee",
		"coffee (chat|break|sometime|together|soon|this week|next week)", "lunch", "dinner", "drinks", "happy hour",
		"(team|company) (outing|event|building|social|offsite|retreat|breakfast|party)",
		"offsite", "off site", "retreat", "team building",
		"1:1", "1 on 1", "one on one", "1on1", "1:1s", "one on ones",
		"catch up (over|soon|sometime|properly|in person|this week|next week|for a bit)",
		"(lets|quick|a|our|personal) catch up",
		"intro call", "introductory call", "introduce (myself|ourselves)", "say (hi|hello)",
		"(nice|great|good) to meet", "meet (you|everyone|the team) (properly|in person)",
		"celebrate", "celebrating", "celebration",
		"mentor", "mentoring", "mentorship", "career (chat|conversation|growth|development|goals|path|paths)",
		"(check in|checking in) (on|with) you", "how are you holding up", "morale", "team spirit",
		"(its been|been) a while", "long time no", "walk and talk",
		"(just|recently) (joined|started)", "(im|i am) new (here|to the team)",
		"(love|like|id like|want) to (meet|get to know|hear what|hear about|connect)",
		"(havent|have not|hasnt|not) (talked|chatted|spoken|caught up|met|connected) (in|for) (ages|a while|forever|months|a long time)",
	}},
	{crit: Rapport, kind: idiom, patterns: []string{
		"(after|before|during|until|till|by) (lunch|dinner)",
	}},
	{crit: Reply, kind: idiom, patterns: []string{"no worries if (not|you cant|you can t|its too much|you dont|you re busy|youre busy)"}},

	{crit: Complex, holds: true, patterns: []string{
		"complex", "complicated", "intricate", "nuanced", "detailed", "in detail", "(lot|lots) of (detail|details)",
		"deep dive", "deep dives", "walkthrough", "walk through", "walk (you|them|everyone|the team) through",
		"step by step", "explanation", "explain", "explains", "explained", "explainer", "overview",
		"how (it|this|the|they) works",
		"documentation", "documented", "document", "docs", "doc", "write up", "writeup", "wrote up", "written up",
		"spec", "specs", "specification", "rfc", "design doc", "proposal", "diagram", "diagrams",
		"(for|future) reference", "reference (later|it later|back)", "refer back", "(come|go|look) back to (it|this)",
		"guide", "how to guide", "how tos", "instructions", "runbook", "playbook", "readme", "wiki", "confluence", "notion",
		"google doc", "spreadsheet", "breakdown", "analysis", "trade offs", "tradeoffs", "pros and cons",
	}},

	{crit: Reply, holds: true, patterns: []string{
		"(thanks|thank you|thx|many thanks|thanks so much|thank you so much) for",
		"to answer your question", "(answering|answer to) your question",
		"(re|regarding|about|on|to) your (question|questions|email|message|note|request|point|comment|comments|ping|suggestion)",
		"in (response|reply) to", "replying to", "you asked", "as you asked", "as requested", "per your request",
		"per your (email|message|note|question)",
		"following up on (your|our|the|my|this) (email|message|question|note|thread|request|conversation|call|chat)",
		"(good|great|fair) (question|point)", "sounds (good|great|fine|perfect)", "got it", "will do", "noted",
		"makes sense", "agreed", "youre welcome", "no problem", "happy to help", "no worries",
		"saw your (message|email|note|ping)", "(sorry|apologies) for the (late|slow|delayed) (reply|response)",
		"get back to you", "getting back to you",
	}},

	{crit: TimeZones, holds: true, patterns: []string{
		"time zone", "time zones", "timezone", "timezones", "time difference",
		"(hours|timezones|time zones) apart",
		"(different|other|another) (time zone|timezone|time zones|timezones|continent|continents|side of the world)",
		"across (time zones|timezones|regions|continents|the globe)",
		"(your|their|his|her) (morning|evening|night|afternoon|tomorrow|weekend|day off|vacation|holiday|pto)",
		"(am|pm|oclock|morning|evening|afternoon|night) (your|my|their) time", "(in|on) (your|their) time",
		"(its|it is|getting|so|very|pretty|quite|too) late (for you|for them|there|over there|where you are)",
		"(late|early) (for you|for them|your time|their time)", "middle of the night",
		"(when|once|after|before) (you|they) (wake up|get up|start your day|start their day|log on|come online|are online|are back online|log off)",
		"(when|once) (youre|theyre) (online|back online|awake)",
		"(start|beginning|end) of (your|their) (day|morning|workday)",
		"(while|when) (you|they|youre|theyre|you are|they are) (asleep|sleeping|offline|away)",
		"overnight", "(after|outside|out of|before) (working|work|office|business) hours", "after hours",
		"(on the|this|over the) weekend",
		"(apac|emea|latam|amer) (team|teams|time|hours|folks)",
	}},

	{crit: People, holds: true, patterns: []string{
		"(hi|hey|hello|morning|good morning|dear) (all|everyone|everybody|team|folks|guys|yall|people)",
		"@here", "@channel", "@everyone", "@team", "all hands", "all of you", "each of you",
		"everyone", "everybody", "(whole|entire) (team|company|org|department|squad|crew|group)", "yall",
	}},

	{crit: Context, holds: true, patterns: []string{
		"fyi", "fwiw", "heads up", "just so you know", "for your (information|info|awareness|reference|records)",
		"for (the|your) record", "for visibility", "for awareness",
		"(in|keep you in|keeping you in|looping you in) the loop", "keep you (posted|updated|informed)",
		"pre read", "preread", "pre reading", "prereading",
		"(read|skim|review|look at|look over|go through|check|add|fill in|prepare|watch|comment on) (*|* *|) (before|ahead of)",
		"poll", "survey", "(vote|react|reply|respond) with", "(please|pls) vote", "vote (in|on) the (thread|form|poll)",
		"(ahead of|prior to|in preparation for|to prepare for|in advance of) " +
			"(the|our|tomorrows|todays|mondays|tuesdays|wednesdays|thursdays|fridays|next weeks|this weeks|next|this|your|my|the next|that) (*|) " +
			"(meeting|call|kickoff|workshop|review|session|sync|standup|offsite|interview|presentation|demo|1:1|retro|" +
			"all hands|planning|brainstorm|discussion|chat)",
		"before (tomorrows|todays|mondays|tuesdays|wednesdays|thursdays|fridays|next weeks|this weeks) (*|) " +
			"(meeting|call|kickoff|workshop|review|session|sync|standup|offsite|interview|presentation|demo|1:1|retro|" +
			"all hands|planning|brainstorm|discussion|debrief)",
		"agenda", "recap", "recaps", "summary", "summarize", "summarizing", "to sum up", "tldr", "tl dr",
		"notes", "minutes (from|of)", "recording", "recordings", "slides",
		"(in case|if) you missed (it|this|the)",
		"(status|weekly|monthly|quarterly|progress|project|quick|sprint|daily|team) (update|updates|report)",
		"status", "sprint (progress|review|summary|report|recap)", "changelog", "release notes",
		"announcement", "announcing", "(pleased|excited|happy|thrilled|proud) to (announce|share|introduce|welcome)",
		"reminder", "reminders",
		"(no|not) (action|reply|response|answer) (needed|required|necessary|expected)",
		"no need to (reply|respond|answer|do anything|act)",
		"out of office", "ooo", "pto", "(im|i am|ill be|will be|going|be) on (leave|vacation|holiday|parental leave|pto)",
		"background (reading|info|information|material|context)", "reading (material|list)",
		"welcome (pack|packet|kit|email|guide|doc|package|deck)",
		"(ill|i will|im going to|i am going to) be (out|offline|away|off|unavailable|unreachable)",
		"(im|i am) (out|off|offline|away) (tomorrow|today|next|this|on|from|until|all)", "covering for me",
		"(just|i) wanted to (share|let you know|flag|give you a heads up|loop you in|update you)",
		"just sharing", "(sharing|passing along|forwarding) (this|the|some|an|a)",
		"(goes|go|going|went|is) live (on|next|tomorrow|today|this|at)",
		"(moved|rescheduled|pushed|postponed) to", "calendar invite", "(invite|invitation) (updated|sent|coming)",
		"(move|moving|reschedule|push|postpone|cancel|skip) (our|the|my|this|tomorrows|todays) (*|) (1:1|meeting|call|sync|standup|one on one|review)",
		"attached",
	}},

	{crit: SelfPaced, holds: true, patterns: []string{
		"course", "courses", "coursework", "training", "trainings", "tutorial", "tutorials",
		"lesson", "lessons", "module", "modules", "curriculum", "certification",
		"learning (path|paths|module|modules|material|materials|platform|portal)", "e learning", "elearning",
		"self paced", "(at|in) your own (pace|time|schedule)", "on your own (schedule|time|pace)",
		"(training|recorded|onboarding|explainer|tutorial|demo) (video|videos)",
		"watch (it|them|this|these|the recording|the video) (later|whenever|when|at|in your)",
		"onboarding (checklist|docs|documents|materials|material|guide|course|modules|module|program|plan|buddy|videos|video)",
	}},
	{crit: SelfPaced, kind: idiom, patterns: []string{"of course"}},

	// Time: how soon, how long ago. The number in the phrase decides (see
	// within and ago in text.go), so "in 20 minutes" is urgent and "in 3
	// hours" a deadline, "10 minutes ago" now and "3 days ago" the past.
	{crit: Urgent, kind: within, unit: 1, patterns: []string{
		"(in|within|in the next|under|less than|in less than|in under) (#|a few|a couple of|" + numberWords + ") (min|mins|minutes|minute)",
		"(#|" + numberWords + ") (min|mins|minutes) (from now|to go|left|away)",
		"(we have|we only have|we got|only|theres) (maybe|about|only|just|less than|under|) (#|ten|five|fifteen|twenty|thirty|forty) (min|mins|minutes) (left|)",
		"(starts|start|begins|begin|is|goes live|go live|on stage|kicks off) in (#|" + numberWords + ") (min|mins|minutes)",
	}},
	{crit: Urgent, kind: within, unit: 60, patterns: []string{
		"(in|within|in the next|under|less than|in less than|in under) (#|an|a|a few|a couple of|" + numberWords + ") (hour|hours|hr|hrs|h)",
		"(#|an|" + numberWords + ") (hour|hours|hr|hrs) (from now|to go|left|away)",
	}},
	{crit: Urgent, holds: false, key: keyUrgentDeadline, patterns: []string{
		"(by|before|until|till) (eod|end of day|end of the day|the end of the day|close of business|cob|tonight|" +
			"this evening|tomorrow|tomorrow morning|end of today|the end of today|#|# am|# pm|noon tomorrow)",
		"(today|tonight) (is fine|works|is ok|is okay|would be great|if possible)", "any time today", "sometime today",
		"(due|deadline is|deadline) (eod|end of day|today|tonight|tomorrow|at #)",
		"(later|sometime) (today|this afternoon|this evening)",
	}},
	{crit: Urgent, holds: true, patterns: []string{
		"before (the|our|my|this) (*|) (demo|meeting|call|presentation|talk|keynote|board meeting|" +
			"standup|launch|pitch|interview|review|session|webinar|show) (at #|in #|starts|this morning|this afternoon|today)",
		"need you (in|on|at|here|there|to join|to come) (*|* *|* * *|) (now|asap|immediately)",
		"(ceo|cto|cfo|founder|boss|vp|speaker|client|customer|investor|investors|board) (is|are|goes|go|will be|" +
			"gets|get) (on stage|on air|live|presenting|in the room|on the call|waiting)",
		"(walks|walking|goes|going) (on stage|on air|into the meeting|into the room)",
		"(doors|demo|meeting|call|presentation|launch|webinar|stream) (open|opens|starts|start|begins) (in|at) #",
		"(the|our) (flight|train|plane) (leaves|boards)",
	}},
	{kind: ago, unit: 1, patterns: []string{
		"(#|a few|a couple of|" + numberWords + ") (min|mins|minutes|minute) ago",
	}},
	{kind: ago, unit: 60, patterns: []string{
		"(#|an|a|a few|a couple of|" + numberWords + ") (hour|hours|hr|hrs) ago",
	}},
	{kind: ago, unit: 24 * 60, patterns: []string{
		"(#|a|a few|a couple of|" + numberWords + ") (day|days|week|weeks|month|months|year|years) ago",
	}},
	{kind: present, patterns: []string{
		"now", "currently", "at the moment", "atm", "as we speak", "still", "again", "ongoing",
		"since (#|this morning|the deploy|the release|the last deploy|the update|lunch|#am|#pm)",
		"keeps", "keep", "just now", "this minute", "happening", "is happening", "live right now", "in progress",
		"(started|began) (#|a few|" + numberWords + ") (min|mins|minutes) ago",
	}},
	{kind: past, patterns: []string{
		"yesterday", "yesterdays", "last (week|weeks|night|nights|month|months|year|years|quarter|quarters|sprint|sprints|" +
			weekdays + "|fridays|mondays|tuesdays|wednesdays|thursdays|weekend|weekends|time)",
		"the other day", "earlier this (week|month|year)", "back in", "a while back", "(in|during) (the|our) last (sprint|quarter|release)",
		"on (" + weekdays + ")", "previous", "previously", "(we|there) had (a|an|the)", "(was|were) resolved",
		"what went wrong", "what happened (with|during|on|last)", "timeline of",
	}},
	{kind: hypothetical, patterns: []string{
		"if", "in case", "in case of", "what if", "whether", "in the event", "should we ever", "suppose", "hypothetically",
		"(to|so we can|help us|would|could|might) (avoid|prevent|survive|recover from|plan for|prepare for)",
		"(avoid|prevent|preventing|avoiding) (a|an|another|future|more|the next)", "(disaster recovery|dr) (plan|drill|test|exercise)",
		"simulate", "simulating", "simulated", "drill", "game day", "tabletop", "chaos (test|experiment|engineering)",
		"(drill|simulation|tabletop|game day|chaos) (of|for|exercise)",
	}},
	{crit: Context, holds: true, kind: retro, patterns: []string{
		"postmortem", "post mortem", "postmortems", "retro notes", "retrospective notes", "incident review", "incident report",
		"post incident", "root cause analysis", "rca", "write up of", "writeup of", "recap of",
		"summary of (the|last|yesterdays|our)", "lessons learned", "(outage|incident) (report|summary|timeline|review|write up|writeup)",
	}},

	// A thread that keeps going back and forth should become a call.
	{crit: Stalled, holds: true, patterns: []string{
		"back and forth", "back & forth", "in circles",
		"(been|spent) (all week|all day|days|hours|weeks) (arguing|debating|discussing) (over|by|on|in) (email|chat|slack|the thread|comments)",
		"(still|keep|keeps|kept) (disagree|disagreeing|arguing|debating|going back and forth|talking past each other)",
		"(we|they|both teams) (still|) (dont|cant|cannot|couldnt) (agree|align|converge|see eye to eye|find common ground)",
		"(we|they) (still|) (do|could) not (agree|align|converge|see eye to eye)",
		"(not|still not|never) (converging|getting anywhere|going anywhere|making progress)",
		"(#|three|four|five|six|seven|eight|ten|several|many|so many|multiple|a dozen) (rounds|emails|replies|messages|comments) " +
			"(in|later|and|deep|of back and forth|back and forth|on this|about this)",
		"(#|three|four|five|ten|twenty|dozens of|so many|too many) (replies|comments|messages) (on|in) (this|the) thread",
		"(this|the) thread (is getting|got|is) (long|too long|out of hand|nowhere)",
		"(third|fourth|fifth|nth|#th|#rd) (round|email|reply|message|time) (on|about|for) this", "talking past each other",
		"(we|i) (seem to|keep|keeps) (misunderstanding|misunderstand|misreading)", "(deadlock|deadlocked|stalemate|impasse)",
		"(this|it) (is not|isnt) (working|getting resolved) (over|in|by) (email|chat|slack|text|writing|comments)",
		"(hard|easier|faster) to (explain|discuss|sort out|settle|resolve) (over|in|by) (email|chat|slack|text|writing)",
		"(easier|faster|quicker) (to|if we) (talk|discuss|call|hop on|jump on|chat) (live|in person|on a call|for 5|for five)",
	}},

	// A bare ping: asking for attention or a call without saying why.
	{crit: Ping, holds: true, patterns: []string{
		"(got|have|you got|do you have|you have) a (sec|second|min|minute|moment)",
		"(got|have|you got|do you have|you have) (#|five|ten|fifteen|two|a few|a couple of) (min|mins|minutes)",
		"(are you|you|r u|you still) (there|around|free|available|online|at your desk|busy)",
		"(quick|short|fast|5 min|five minute|10 min) (call|chat|question|q|sync|huddle|word)",
		"(can|could|may) (i|we) (call you|ring you|talk|chat|have a word|grab you|steal you|borrow you|hop on|jump on|get on)",
		"(can|could) you (call me|ring me|hop on|jump on|get on|talk|chat|spare a)", "(call|ring|phone) me",
		"(hop|jump|get) on a (quick|short|) (call|zoom|meet|huddle|hangout)", "ping me", "(lets|let us) (talk|chat|call|sync|hop on|jump on)",
	}},
	{crit: Ping, holds: false, patterns: []string{
		"no need (to|for) (a|an|the|any|) (call|calls|meeting|meetings|sync|huddle|talk|chat|jump on|hop on|get on)",
		"no (call|meeting|sync) (needed|necessary|required)", "without a (call|meeting)",
		"(dont|do not|doesnt|does not|wont|will not) (need|require|warrant|deserve) (a|an|the|to) (call|meeting|sync|talk|meet|jump on|hop on)",
		"(dont|do not) (call|ring|phone) (me|us)", "(can|could) be (an|a) (email|message|comment|doc)",
		"(reply|answer|respond) (here|in the thread|in thread|in writing|in the doc|async|asynchronously)",
		"(async|asynchronously|in writing|by email|over email|over chat) is (fine|ok|okay|enough|good|better)",
	}},

	// On-call jargon: a metric moving the wrong way, a pager, a page.
	{crit: Crisis, holds: true, patterns: []string{
		"(pager|pagerduty|opsgenie|alert|alerts|alarm|alarms|monitor|monitors) (went off|is going off|are going off|going off|" +
			"firing|is firing|are firing|fired|triggered|screaming|blowing up|keeps going off)",
		"lag (is|) (climbing|growing|increasing|rising|spiking|exploding)",
		ops + " (is|are|keeps|keep|) (climbing|rising|spiking|growing|exploding|skyrocketing|through the roof|maxed out|pegged|" +
			"backing up|at 100|at 100%|red|degraded|saturated)",
		"(oom|ooming|oomkilled|oom killed|crashloop|crashloopbackoff|crash looping|crashlooping|segfault|segfaulting|kernel panic|split brain)",
		"(pods|nodes|containers|instances|workers|brokers|replicas|shards) (are|keep|keeps|is) (crashing|restarting|dying|down|failing|flapping|evicted)",
		"(failover|fail over|failing over) (failed|didnt work|did not work|in progress)", "(primary|master|leader) (is|went|) (down|unreachable|gone)",
		"(error budget|slo|sla) (is|) (burning|burned|blown|breached|violated)", "burning (through|) (the|our) error budget",
		"(can you|could you|pls|please|need you to|someone) (jump in|jump on this|take a look now|look now|help now)",
		"(im|i am|were|we are) (on call|oncall) and", "(sev|sev1|sev2|p1|p0|severity) (incident|alert|page)", "sev2", "sev 2", "p1 incident",
		"(site|service|api|app|prod|production) (is|are|) (degraded|flapping|hard down|half down|partially down)", "hard down",
		"(rollback|roll back|hotfix|hot fix) (now|asap|immediately|needed)", "(traffic|requests|logins|signups|orders|checkouts) (dropped|dropping|fell|falling) to (zero|0|nothing)",
		"(customers|users|clients) (are|) (reporting|complaining|screaming|flooding)",
	}},

	// Sensitive matters in idiom.
	{crit: Sensitive, holds: true, patterns: []string{
		"(let|letting|lets) (#|one|two|three|four|five|six|ten|a few|some|several|a couple of) (people|folks|engineers|employees|members|of them|of the team|staff|contractors|devs|developers|designers|reps) go",
		"(let|letting) (*) go (from|at the end|next|this|by)", "(being|been|be|getting|got) let go",
		"part ways", "parting ways", "(isnt|is not|not) working out", "(cut|cutting|reduce|reducing) (headcount|staff|the team|jobs|roles|positions)",
		"downsizing", "downsize", "(eliminate|eliminating|eliminated) (#|" + numberWords + "|some|several|a few|the|their|his|her|your) (roles|positions|jobs|role|position)",
		"pink slip", "on thin ice", "exit (conversation|interview|package)", "severance", "(personal|family) stuff",
		"(going through|having) a (rough|hard|tough|difficult) (time|patch|week|few weeks)", "rough patch", "(not|hasnt|havent) been (themselves|himself|herself|yourself)",
		"(a|the) (word|chat|talk) about (your|his|her|their) (attitude|behavior|behaviour|performance|tone|comments)",
		"(raised|filed|made|lodged) a (complaint|grievance|concern) (about|against)", "grievance",
		"(heads|head) (will|are going to|are gonna) roll", "something personal", "family emergency",
		"hospital", "hospitalized", "in hospital", "(its|it s|things are|this is|thats|that s) getting (bad|worse|tense|awkward|out of hand|toxic)",
		"need (2|to) talk (about|to you|with you) (the|this|that|what|something)",
		"(rather|prefer) not (to|) (write|put|say|type) (it|this|that) (here|in writing|in chat|over chat|in slack)",
		"(been|is|has been|keeps|kept) (bothering|bugging|troubling|weighing on|eating at) (me|us)",
		"my (salary|pay|raise|bonus|promotion|compensation|review|performance review|contract)",
	}},
}

var negators = []string{
	"not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't",
	"cannot", "won't", "wouldn't", "shouldn't", "needn't", "haven't", "hasn't", "hadn't", "ain't", "without",
	"nothing", "nothings", "nobody", "nobodys", "nor", "hardly", "neither",
}

// scopeEnders close a negation: in "not sure, but it's urgent" the "not"
// does not reach "urgent".
var scopeEnders = []string{"but", "though", "although", "however", "yet", "because", "except", "unless", "whereas"}

// langDefs are the four languages' definitions, in lang order.
var langDefs = [numLangs]*langDef{&english, &german, &french, &spanish}

// lexicons are compiled on first use (some milliseconds each, which other
// commands of the CLI, and a person who writes only English, should not
// pay) and read-only afterwards, so Advise is safe for concurrent use.
var lexicons = func() (out [numLangs]func() *lexicon) {
	for i := range out {
		out[i] = sync.OnceValue(func() *lexicon { return compile(langDefs[i]) })
	}
	return out
}()

// lex is the English lexicon.
func lex() *lexicon { return lexicons[langEN]() }

func compile(def *langDef) *lexicon {
	l := &lexicon{class: make(map[uint64]wordClass), numbers: make(map[uint64]float64), cues: []cue{{}}}
	b := builder{l, make(map[uint64]int32), make(map[uint64]int32)}
	var twice []string
	negs := make(map[uint64]bool, len(def.negators))
	for _, w := range def.negators {
		negs[hashPhrase(w)[0]] = true
	}
	for _, g := range def.groups {
		c := cue{g.crit, g.holds, g.kind, g.key, g.unit}
		id := uint16(len(l.cues))
		l.cues = append(l.cues, c)
		for _, p := range g.patterns {
			for _, phrase := range expand(p) {
				words := hashPhrase(phrase)
				if len(words) == 0 || words[0] == anyWord {
					panic(fmt.Sprintf("advisor: cue %q must start with a word or a number", p))
				}
				n := b.insert(words)
				if n.terminal && l.cues[n.cue] != c {
					twice = append(twice, phrase)
				}
				n.terminal, n.cue = true, id
				for _, w := range words {
					n.negated = n.negated || negs[w]
				}
			}
		}
	}
	if len(twice) > 0 {
		panic(fmt.Sprintf("advisor: phrases listed with two meanings: %q", twice))
	}
	l.roots, l.edges = freezeRoots(b.roots, l.nodes), freeze(b.edges)
	for w, at := range b.roots {
		if n := &l.nodes[at]; n.terminal || n.hasAny {
			l.addStart(w, alone)
		} else if n.hasNum {
			l.addStart(w, numWord)
		}
	}
	for _, w := range def.negators {
		l.class[hashPhrase(w)[0]] = negator
	}
	for _, w := range def.scopeEnders {
		l.class[hashPhrase(w)[0]] = scopeEnd
	}
	for h := range l.class {
		b := h * 0x9E3779B97F4A7C15 >> 54
		l.classFilter[b>>6] |= 1 << (b & 63)
	}
	for w, n := range def.numbers {
		l.numbers[hashPhrase(w)[0]] = n
	}
	if len(def.heads) > 0 {
		l.heads = make(map[uint64]uint64, len(def.heads))
		l.minHead = 64
	}
	for _, w := range def.heads {
		h := hashPhrase(w)[0]
		if l.roots.get(h) == nil {
			panic(fmt.Sprintf("advisor: compound head %q starts no cue", w))
		}
		nw := normal(w)
		back := backHash(nw)
		l.heads[back] = h
		l.headSizes |= 1 << len(nw)
		l.headFilter[back>>62] |= 1 << (back >> 56 & 63)
		l.minHead, l.maxHead = min(l.minHead, len(nw)), max(l.maxHead, len(nw))
		if len(nw) < 4 {
			panic(fmt.Sprintf("advisor: compound head %q is shorter than four letters", w))
		}
		if e := ending(nw); e >= 0 {
			l.headEnds[e>>6] |= 1 << (e & 63)
		} else {
			panic(fmt.Sprintf("advisor: compound head %q must end in four plain letters", w))
		}
	}
	return l
}

// builder grows the trie in ordinary maps before they are frozen.
type builder struct {
	*lexicon
	roots, edges map[uint64]int32
}

// insert adds the path of words to the trie and returns its last node.
func (l builder) insert(words []uint64) *node {
	at, ok := l.roots[words[0]]
	if !ok {
		at = l.newNode()
		l.roots[words[0]] = at
		b := words[0] >> 48
		l.maybe[b>>6] |= 1 << (b & 63)
	}
	if len(words) > 1 && words[1] > anyWord {
		l.addStart(words[0], words[1])
	}
	for _, w := range words[1:] {
		next, ok := l.edges[edgeKey(at, w)]
		if !ok {
			next = l.newNode()
			l.edges[edgeKey(at, w)] = next
			n := &l.nodes[at]
			switch w {
			case numWord:
				n.hasNum = true
			case anyWord:
				n.hasAny = true
			default:
				n.next[w>>63] |= 1 << (w >> 57 & 63)
			}
		}
		at = next
	}
	return &l.nodes[at]
}

func (l *lexicon) newNode() int32 {
	l.nodes = append(l.nodes, node{})
	return int32(len(l.nodes) - 1)
}

// hashPhrase reads a phrase exactly as a draft is read, so that a cue and
// the words it should match always agree.
func hashPhrase(phrase string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(phrase) {
		switch w {
		case "#":
			out = append(out, numWord)
			continue
		case "*":
			out = append(out, anyWord)
			continue
		}
		for _, t := range tokenize(w, nil) {
			out = append(out, t.hash)
		}
	}
	return out
}

// normal is a word as the reading compares it: lower case, accents folded.
func normal(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if f := fold(r); f != "" {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// expand turns "(a|b c|) d" into "a d", "b c d" and "d".
func expand(p string) []string {
	out := []string{""}
	for p = strings.TrimSpace(p); p != ""; p = strings.TrimSpace(p) {
		var alts []string
		if p[0] == '(' {
			j := strings.IndexByte(p, ')')
			if j < 0 {
				panic(fmt.Sprintf("advisor: unclosed group in cue %q", p))
			}
			alts, p = strings.Split(p[1:j], "|"), p[j+1:]
		} else {
			j := strings.IndexAny(p, " (")
			if j < 0 {
				j = len(p)
			}
			alts, p = []string{p[:j]}, p[j:]
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				next = append(next, strings.TrimSpace(o+" "+a))
			}
		}
		out = next
	}
	return out
}
