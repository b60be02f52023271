package advisor

// loanwords are the English words German, French and Spanish chat uses as
// they are, mostly from on-call and meeting jargon: "der Server ist down",
// "petit point sur l'incident", "hay un outage en prod". Each of the three
// languages reads them with its own negators.
var loanwords = []cueGroup{
	{crit: Crisis, holds: true, patterns: []string{
		"outage", "downtime", "meltdown", "sev1", "sev0", "sev 1", "sev 0", "p0", "hotfix", "war room", "all hands on deck",
		"(prod|production|site|server|api|app|db) (is|ist|est|esta|) down", "5xx", "500s", "502s", "503s", "crashloop",
		"(incident|incidente) (major|majeur|critique|mayor|critico|en cours|en curso|de securite|de seguridad|de prod|en prod|en produccion)",
		"(major|critical|security|production|prod|p1|sev2) incident", "incident (call|channel|bridge|room)", "data breach", "data leak",
		"pagerduty", "on call", "oncall",
		"(500|502|503|504) (fehler|errors|errores|erreurs|error|erreur)",
		"(nur noch|only|solo|que des|nichts als|puros|nada mas que) (500|502|503|504|5xx|500s|502s|503s)",
	}},
	{crit: Crisis, holds: false, patterns: []string{"false alarm", "all clear"}},
	{crit: Urgent, holds: true, patterns: []string{"asap", "urgent", "urgently", "right now", "blocker"}},
	{crit: Urgent, holds: false, key: keyUrgentDeadline, patterns: []string{"(bis|avant|antes de|para|d ici|by) eod"}},
	{crit: Urgent, holds: false, patterns: []string{"no rush", "low prio", "nice to have"}},
	{crit: Sensitive, holds: true, patterns: []string{"performance review", "pip", "layoff", "layoffs", "burn out", "burnout"}},
	{crit: Brainstorm, holds: true, patterns: []string{"brainstorm", "brainstorming", "whiteboard", "jam session"}},
	{crit: Kickoff, holds: true, patterns: []string{"kickoff", "kick off", "kick off meeting", "sprint planning", "alignment"}},
	{crit: Rapport, holds: true, patterns: []string{"1:1", "1on1", "one on one", "offsite", "team building", "teambuilding",
		"afterwork", "happy hour", "welcome on board", "welcome aboard", "coffee chat"}},
	{crit: Complex, holds: true, patterns: []string{"deep dive", "walkthrough", "runbook", "playbook", "readme", "wiki",
		"confluence", "notion", "spec", "specs", "rfc", "design doc", "google doc", "doc"}},
	{crit: Reply, holds: true, patterns: []string{"thanks for", "thx for", "noted"}},
	{crit: TimeZones, holds: true, patterns: []string{"timezone", "time zone", "timezones", "apac", "emea", "latam"}},
	{crit: People, holds: true, patterns: []string{"@here", "@channel", "@everyone", "@team", "all hands", "hi all",
		"hello all", "hi team", "hello team", "hey team", "hi everyone", "hello everyone"}},
	{crit: Context, holds: true, patterns: []string{"fyi", "fwiw", "heads up", "tl dr", "tldr", "recap", "pre read", "preread",
		"release notes", "changelog", "status update", "weekly update", "newsletter", "reminder", "ooo", "out of office", "pto"}},
	{crit: Context, holds: true, kind: retro, patterns: []string{"postmortem", "post mortem", "incident review", "incident report",
		"rca", "root cause analysis", "lessons learned", "retro notes"}},
	{crit: SelfPaced, holds: true, patterns: []string{"e learning", "elearning", "self paced", "tutorial", "tutorials",
		"onboarding (video|videos|docs|doku|kurs|curso|cours|module|modules|modul|modulo|checklist|checkliste|material|plan|guide|guia)"}},
	{crit: Stalled, holds: true, patterns: []string{"back and forth", "ping pong", "going in circles"}},
	{crit: Ping, holds: true, patterns: []string{"quick call", "quick chat", "quick question", "quick q", "got a sec", "got a minute",
		"you there", "you around", "are you there", "ping me"}},
}
