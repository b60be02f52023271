package advisor

import (
	"fmt"

	"github.com/pingwise/pingwise/focus"
)

// Criterion is one thing the advisor weighs. Its string name is stable: the
// CLI, the JSON output and stored decisions use it.
type Criterion uint8

// The criteria, in the order of the weighing table. The order also breaks
// ties when reasons of equal weight are listed.
const (
	Default Criterion = iota
	Crisis
	Urgent
	Sensitive
	Brainstorm
	Rapport
	Kickoff
	Complex
	Reply
	TimeZones
	People
	Context
	SelfPaced
	// Stalled and Ping come after the article's criteria, so the numbers of
	// those stay what they were.
	Stalled
	Ping
	numCriteria
)

// Mode is the verdict: talk now, or write and let them answer in their
// time. It is the log's own vocabulary (focus.Mode): a verdict is logged as
// it is, with no translation between two enums.
type Mode = focus.Mode

// The two modes.
const (
	Sync  = focus.Sync
	Async = focus.Async
)

// push is what a criterion does to the scale when it holds, or when it is
// known not to hold.
type push struct {
	leans  Mode
	weight float64
	key    reasonKey // the reason shown to the person (reasons.go); it teaches the rule
}

// text is the reason in English, the language of the CLI and the log.
func (p push) text() string { return reasonTexts[langEN][p.key] }

// rule is one row of the weighing table.
type rule struct {
	name  string
	about string // one line for the popup's toggle
	key   byte   // suggested accelerator for the toggle; 0: not a toggle
	seed  string // the line of the seed article the rule comes from
	yes   push   // the criterion holds
	no    push   // the criterion is known not to hold (a flag set false, or negated wording)

	// yieldsTo names a criterion that, when it holds, turns this one from a
	// reason to go async into a reason to schedule. Default (zero) never
	// holds that role, so zero means "yields to nothing".
	yieldsTo Criterion

	// perDoubling makes yes.weight count once per doubling of the group
	// beyond two people, capped at maxGroupWeight: each doubling makes a
	// shared slot about as much harder to find as the last.
	perDoubling bool
}

// table is the whole weighing: every criterion, which way it pushes and how
// hard, and the seed line it comes from. Advise adds up the weights on each
// side; sync needs strictly more than async, because async is the default.
//
// The weights are on one scale where the default bias is 1:
//   - crisis (20) outweighs every async weight together (15.5 at most), so a
//     crisis always wins without a special case (TestCrisisOutweighsEverything);
//   - sensitive (4.5) beats a reply plus the default (3.5), and an FYI plus
//     the default (4): a sensitive reply, or "fyi, I'm handing in my notice",
//     is still a conversation, and time zones yield to it (schedule it);
//   - urgent (3) loses to outside working hours plus the default (3.5): a
//     person's night is protected unless it is a crisis;
//   - context (3) plus the default beats a kickoff, brainstorm or rapport
//     cue (3 or 2.5): a pre-read or recap that mentions a meeting is still
//     read, not discussed;
//   - a stalled thread (4) beats a reply plus the default (3.5): the third
//     round of a disagreement is answered by a call, not a fourth message;
//   - a bare ping (1) plus the default loses to any sync cue: "quick call?
//     I misread the spec" is still a conversation, "quick call?" alone is not.
var table = [numCriteria]rule{
	Default: {
		name:  "default",
		about: "Async unless sync is earned",
		seed:  "synchronous communication should be the exception, not the rule",
		yes:   push{Async, 1, keyDefault},
	},
	Crisis: {
		name:  "crisis",
		about: "Something is broken or on fire and needs immediate attention",
		key:   'c',
		seed:  "A crisis happens that requires immediate attention",
		yes:   push{Sync, 20, keyCrisis},
		no:    push{Async, 1.5, keyNotCrisis},
	},
	Urgent: {
		name:  "urgent",
		about: "An answer is needed within the hour",
		key:   'u',
		seed:  "If you need an immediate response, now is the time. / Asynchronous communication, on the other hand, is ideal for when your message isn't urgent.",
		yes:   push{Sync, 3, keyUrgent},
		no:    push{Async, 1.5, keyNotUrgent},
	},
	Sensitive: {
		name:  "sensitive",
		about: "Critical feedback or a sensitive topic",
		key:   's',
		seed:  "You need to provide critical feedback or discuss sensitive topics",
		yes:   push{Sync, 4.5, keySensitive},
	},
	Brainstorm: {
		name:  "brainstorm",
		about: "Many unknowns; ideas and solutions to explore together",
		key:   'b',
		seed:  "You have a lot of unknowns and you want to brainstorm different ideas and solutions",
		yes:   push{Sync, 2.5, keyBrainstorm},
	},
	Rapport: {
		name:  "rapport",
		about: "Building rapport: a welcome, a one-on-one, a team moment",
		key:   'r',
		seed:  "You want to build rapport with people (e.g., in one-on-ones, team meetings or company retreats)",
		yes:   push{Sync, 2.5, keyRapport},
	},
	Kickoff: {
		name:  "kickoff",
		about: "Many moving parts; everyone must align quickly",
		key:   'k',
		seed:  "There are a lot of moving variables and you want to bring everyone on the same page quickly, e.g., a project kickoff meeting",
		yes:   push{Sync, 3, keyKickoff},
	},
	Complex: {
		name:  "complex",
		about: "A complex explanation people will come back to later",
		key:   'x',
		seed:  "You need to explain a complex concept in a way that people can go back and reference later",
		yes:   push{Async, 1.5, keyComplex},
	},
	Reply: {
		name:  "reply",
		about: "Answering an async message you received",
		key:   'a',
		seed:  "You're providing a response to a piece of asynchronous communication you received",
		yes:   push{Async, 2.5, keyReply},
	},
	TimeZones: {
		name:     "timezones",
		about:    "Other time zones, or outside the recipients' working hours",
		key:      't',
		seed:     "You need to collaborate with someone in a different time zone who isn't at their desk at the same time you are",
		yes:      push{Async, 2.5, keyTimeZones},
		yieldsTo: Sensitive,
	},
	People: {
		name:        "people",
		about:       "A group that is hard to get together at one time",
		seed:        "You need to communicate a message to group of people who can't all be in the same place at the same specific time, or whom it's difficult or expensive to get together",
		yes:         push{Async, 0.5, keyPeople},
		perDoubling: true,
	},
	Context: {
		name:  "context",
		about: "Context before or after a live event: pre-read, recap, FYI",
		key:   'f',
		seed:  "You want to provide context before or after a real-time event",
		yes:   push{Async, 3, keyContext},
	},
	SelfPaced: {
		name:  "selfpaced",
		about: "People go through it on their own schedule: a course, training, onboarding",
		key:   'l',
		seed:  "You're coordinating an online course that allows learners to complete coursework on their own schedule",
		yes:   push{Async, 1.5, keySelfPaced},
	},
	Stalled: {
		name:  "stalled",
		about: "A thread going back and forth without settling",
		seed:  "A thread that has gone back and forth three times should become a call (the async guides' rule of thumb, issue #17)",
		yes:   push{Sync, 4, keyStalled},
	},
	Ping: {
		name:  "ping",
		about: "A bare request for attention or a call, with no question in it",
		seed:  "Asynchronous communication is ideal for when your message isn't urgent (a naked \"got a sec?\" only announces a message)",
		yes:   push{Async, 1, keyPing},
		no:    push{Async, 1.5, keyNoCall},
	},
}

// maxGroupWeight caps the group-size push (reached at 32 people) so that a
// crowd alone never outweighs a sensitive topic.
const maxGroupWeight = 2

// String returns the criterion's stable name.
func (c Criterion) String() string {
	if c < numCriteria {
		return table[c].name
	}
	return fmt.Sprintf("Criterion(%d)", uint8(c))
}

// MarshalText writes the stable name, so JSON shows "urgent", not 2.
func (c Criterion) MarshalText() ([]byte, error) {
	if c >= numCriteria {
		return nil, fmt.Errorf("advisor: unknown criterion %d", uint8(c))
	}
	return []byte(table[c].name), nil
}

// UnmarshalText reads a stable name.
func (c *Criterion) UnmarshalText(b []byte) error {
	v, err := ParseCriterion(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCriterion returns the criterion with the given stable name.
func ParseCriterion(name string) (Criterion, error) {
	for c := range numCriteria {
		if table[c].name == name {
			return c, nil
		}
	}
	return 0, fmt.Errorf("advisor: unknown criterion %q", name)
}

// CriterionInfo describes a criterion for a UI.
type CriterionInfo struct {
	Criterion   Criterion
	Name        string
	Description string
	// Key is a suggested one-key accelerator, unique among toggles; 0 for
	// criteria a person does not toggle (default; people comes from the
	// recipient count).
	Key byte
	// Leans is the way the criterion pushes when it holds.
	Leans Mode
	// Seed is the line of the seed article the rule comes from.
	Seed string
}

// DescriptionIn is the toggle's one line in a UI language ("en", "de",
// "fr", "es"; English otherwise).
func (i CriterionInfo) DescriptionIn(language string) string {
	if l := langIndex(language); l != langEN && i.Criterion < numCriteria {
		return abouts[l-1][i.Criterion]
	}
	return i.Description
}

// abouts are the toggles' lines in German, French and Spanish.
var abouts = [numLangs - 1][numCriteria]string{
	{
		Default: "Asynchron, solange synchron nicht begründet ist", Crisis: "Etwas ist kaputt oder brennt und braucht sofortige Aufmerksamkeit",
		Urgent: "Eine Antwort wird innerhalb der Stunde gebraucht", Sensitive: "Kritisches Feedback oder ein heikles Thema",
		Brainstorm: "Viele Unbekannte; Ideen und Lösungen gemeinsam erkunden", Rapport: "Beziehung aufbauen: Willkommen, Einzelgespräch, Teammoment",
		Kickoff: "Viele bewegliche Teile; alle müssen schnell auf denselben Stand", Complex: "Eine komplexe Erklärung, auf die man später zurückgreift",
		Reply: "Antwort auf eine erhaltene asynchrone Nachricht", TimeZones: "Andere Zeitzonen oder außerhalb der Arbeitszeit der Empfänger",
		People: "Eine Gruppe, die schwer gleichzeitig zusammenzubringen ist", Context: "Kontext vor oder nach einem Termin: Vorab-Lektüre, Zusammenfassung, FYI",
		SelfPaced: "Jeder geht es im eigenen Tempo durch: Kurs, Schulung, Onboarding", Stalled: "Ein Austausch, der hin und her geht, ohne sich zu klären",
		Ping: "Eine bloße Bitte um Aufmerksamkeit oder einen Anruf, ohne Frage darin",
	},
	{
		Default: "Asynchrone, sauf si le synchrone se justifie", Crisis: "Quelque chose est cassé ou en feu et demande une attention immédiate",
		Urgent: "Une réponse est nécessaire dans l'heure", Sensitive: "Un retour critique ou un sujet délicat",
		Brainstorm: "Beaucoup d'inconnues; des idées et solutions à explorer ensemble", Rapport: "Créer du lien: accueil, tête-à-tête, moment d'équipe",
		Kickoff: "Beaucoup d'éléments en jeu; tout le monde doit s'aligner vite", Complex: "Une explication complexe à laquelle on reviendra",
		Reply: "Réponse à un message asynchrone reçu", TimeZones: "Autres fuseaux horaires, ou hors des heures de travail des destinataires",
		People: "Un groupe difficile à réunir au même moment", Context: "Du contexte avant ou après un événement: lecture préalable, compte rendu, info",
		SelfPaced: "Chacun le suit à son rythme: cours, formation, intégration", Stalled: "Un échange qui fait des allers-retours sans aboutir",
		Ping: "Une simple demande d'attention ou d'appel, sans question dedans",
	},
	{
		Default: "Asíncrono, salvo que lo síncrono se justifique", Crisis: "Algo está roto o en llamas y necesita atención inmediata",
		Urgent: "Se necesita una respuesta en la próxima hora", Sensitive: "Críticas o un tema delicado",
		Brainstorm: "Muchas incógnitas; ideas y soluciones para explorar juntos", Rapport: "Crear confianza: bienvenida, uno a uno, momento de equipo",
		Kickoff: "Muchas piezas en movimiento; todos deben alinearse rápido", Complex: "Una explicación compleja para consultar más tarde",
		Reply: "Respuesta a un mensaje asíncrono recibido", TimeZones: "Otras zonas horarias, o fuera del horario laboral de los destinatarios",
		People: "Un grupo difícil de reunir a la misma hora", Context: "Contexto antes o después de un evento: lectura previa, resumen, aviso",
		SelfPaced: "Cada uno lo sigue a su ritmo: curso, formación, incorporación", Stalled: "Un hilo que va y viene sin cerrarse",
		Ping: "Una simple petición de atención o de llamada, sin pregunta dentro",
	},
}

// Toggle reports whether a person sets this criterion directly.
func (i CriterionInfo) Toggle() bool { return i.Key != 0 }

// Criteria lists every criterion in table order.
func Criteria() []CriterionInfo {
	out := make([]CriterionInfo, 0, numCriteria)
	for c := range numCriteria {
		r := &table[c]
		out = append(out, CriterionInfo{c, r.name, r.about, r.key, r.yes.leans, r.seed})
	}
	return out
}
