package advisor

import (
	"strconv"
	"strings"
)

// reasonKey names a reason's text. The texts live in one table per language
// below, so a reason given while reading a French draft can be shown in a
// German UI: the verdict stores the key and the arguments, and Reason.In
// renders them.
type reasonKey uint8

const (
	keyNone reasonKey = iota
	keyDefault
	keyCrisis
	keyNotCrisis
	keyUrgent
	keyNotUrgent
	keySensitive
	keyBrainstorm
	keyRapport
	keyKickoff
	keyComplex
	keyReply
	keyTimeZones
	keyPeople
	keyContext
	keySelfPaced
	keyStalled
	keyPing
	keyNoCall
	// Reasons the evidence refines.
	keySchedule           // time zones yield to a sensitive talk
	keyOffHours           // {0} their clock, {1} their weekday (0 is Sunday), {2} their working hours
	keyPeopleCount        // {0} recipients
	keyUrgentWithin       // "in 20 minutes"
	keyUrgentDeadline     // "in 3 hours", "by EOD"
	keyCrisisHypothetical // "if the database goes down"
	keyContextPast        // "last week's outage"
	keyUnreadLanguage     // {0} the language it looks like
	keyUnreadScript
	numReasonKeys
)

// reasonNames are the keys' stable names, as the JSON output gives them.
var reasonNames = [numReasonKeys]string{
	keyDefault: "default", keyCrisis: "crisis", keyNotCrisis: "crisis.no", keyUrgent: "urgent",
	keyNotUrgent: "urgent.no", keySensitive: "sensitive", keyBrainstorm: "brainstorm", keyRapport: "rapport",
	keyKickoff: "kickoff", keyComplex: "complex", keyReply: "reply", keyTimeZones: "timezones",
	keyPeople: "people", keyContext: "context", keySelfPaced: "selfpaced", keyStalled: "stalled",
	keyPing: "ping", keyNoCall: "ping.no", keySchedule: "timezones.schedule", keyOffHours: "timezones.offhours",
	keyPeopleCount: "people.count", keyUrgentWithin: "urgent.within", keyUrgentDeadline: "urgent.deadline",
	keyCrisisHypothetical: "crisis.hypothetical", keyContextPast: "context.past",
	keyUnreadLanguage: "unread.language", keyUnreadScript: "unread.script",
}

// reasonTexts are the reasons in each language. Each is written as "claim:
// the article's rationale", so a UI can show the claim alone. {0}, {1}...
// are the reason's arguments.
var reasonTexts = [numLangs][numReasonKeys]string{
	langEN: {
		keyDefault:            "Async is the default: synchronous communication should be the exception, not the rule.",
		keyCrisis:             "A crisis needs immediate attention: it wins over everything else.",
		keyNotCrisis:          "It is not a crisis, so nothing needs their immediate attention.",
		keyUrgent:             "An answer is needed within the hour: if you need an immediate response, now is the time.",
		keyNotUrgent:          "No immediate answer is needed: let them reply in their own time and keep their focus.",
		keySensitive:          "Critical feedback and sensitive topics deserve a live conversation, where tone and reactions come through.",
		keyBrainstorm:         "Many unknowns: ideas and solutions bounce faster in real time.",
		keyRapport:            "Rapport is built face to face: one-on-ones, team meetings, retreats.",
		keyKickoff:            "Many moving parts: a live kickoff brings everyone on the same page quickly.",
		keyComplex:            "It is complex: written down, people can go back and reference it later.",
		keyReply:              "You are answering an async message: reply in the same channel.",
		keyTimeZones:          "They are in another time zone or outside working hours: not at their desk when you are.",
		keyPeople:             "A group is hard and expensive to get together at one time; a 30-minute meeting with 10 people is 5 hours.",
		keyContext:            "It is context (a pre-read, recap or FYI): people read it at their own pace, no meeting needed.",
		keySelfPaced:          "People go through it on their own schedule, like coursework.",
		keyStalled:            "The thread keeps going back and forth: after a few rounds in writing, a short call settles it faster.",
		keyPing:               "A bare request for attention says nothing of what it is about: put the question in the message, and they can answer between tasks.",
		keyNoCall:             "No call is needed, by your own words: write it.",
		keySchedule:           "Other time zones would normally mean async, but a sensitive topic deserves a live conversation: schedule it inside both working days.",
		keyOffHours:           "It is {0} on {1} for them, outside their {2} working hours.",
		keyPeopleCount:        "{0} recipients. A group is hard and expensive to get together at one time; a 30-minute meeting with 10 people is 5 hours.",
		keyUrgentWithin:       "It is needed within the hour: if you need an immediate response, now is the time.",
		keyUrgentDeadline:     "A deadline later on is not an emergency: a written request that names the deadline meets it without an interruption.",
		keyCrisisHypothetical: "It is about what could go wrong, not what is going wrong: plan for it in writing.",
		keyContextPast:        "It already happened: a recap or postmortem is read at one's own pace, no one needs to drop everything.",
		keyUnreadLanguage:     "The draft looks like {0}, which the advisor cannot read: the verdict rests on the toggles alone, so set the ones that apply.",
		keyUnreadScript:       "The draft is in a script the advisor cannot read: the verdict rests on the toggles alone, so set the ones that apply.",
	},
	langDE: {
		keyDefault:            "Asynchron ist der Normalfall: synchrone Kommunikation sollte die Ausnahme sein, nicht die Regel.",
		keyCrisis:             "Eine Krise braucht sofortige Aufmerksamkeit: sie geht allem anderen vor.",
		keyNotCrisis:          "Es ist keine Krise, also braucht nichts ihre sofortige Aufmerksamkeit.",
		keyUrgent:             "Eine Antwort wird innerhalb der Stunde gebraucht: wenn du sofort eine Antwort brauchst, ist jetzt der Moment.",
		keyNotUrgent:          "Es braucht keine sofortige Antwort: lass sie antworten, wann es passt, und ihren Fokus behalten.",
		keySensitive:          "Kritisches Feedback und heikle Themen verdienen ein Gespräch: Tonfall und Reaktionen kommen dort an.",
		keyBrainstorm:         "Viele Unbekannte: Ideen und Lösungen entstehen im direkten Austausch schneller.",
		keyRapport:            "Beziehung entsteht von Angesicht zu Angesicht: Einzelgespräche, Teamtreffen, Retreats.",
		keyKickoff:            "Viele bewegliche Teile: ein Kickoff bringt alle schnell auf denselben Stand.",
		keyComplex:            "Es ist komplex: schriftlich festgehalten, können alle später darauf zurückgreifen.",
		keyReply:              "Du antwortest auf eine asynchrone Nachricht: antworte im selben Kanal.",
		keyTimeZones:          "Sie sind in einer anderen Zeitzone oder außerhalb der Arbeitszeit: nicht am Platz, wenn du es bist.",
		keyPeople:             "Eine Gruppe ist schwer und teuer zur selben Zeit zusammenzubringen; ein 30-Minuten-Meeting mit 10 Personen kostet 5 Stunden.",
		keyContext:            "Es ist Kontext (Vorab-Lektüre, Zusammenfassung oder FYI): alle lesen es in ihrem Tempo, kein Meeting nötig.",
		keySelfPaced:          "Alle gehen es in ihrem eigenen Tempo durch, wie einen Kurs.",
		keyStalled:            "Der Austausch geht hin und her: nach ein paar schriftlichen Runden klärt ein kurzer Anruf es schneller.",
		keyPing:               "Eine bloße Bitte um Aufmerksamkeit sagt nicht, worum es geht: schreib die Frage in die Nachricht, dann können sie zwischen zwei Aufgaben antworten.",
		keyNoCall:             "Nach deinen eigenen Worten ist kein Anruf nötig: schreib es.",
		keySchedule:           "Andere Zeitzonen sprächen für asynchron, aber ein heikles Thema verdient ein Gespräch: plane es innerhalb beider Arbeitstage.",
		keyOffHours:           "Bei ihnen ist es {1}, {0} Uhr, außerhalb ihrer Arbeitszeit {2}.",
		keyPeopleCount:        "{0} Empfänger. Eine Gruppe ist schwer und teuer zur selben Zeit zusammenzubringen; ein 30-Minuten-Meeting mit 10 Personen kostet 5 Stunden.",
		keyUrgentWithin:       "Es wird innerhalb der Stunde gebraucht: wenn du sofort eine Antwort brauchst, ist jetzt der Moment.",
		keyUrgentDeadline:     "Eine spätere Frist ist kein Notfall: eine schriftliche Bitte mit der Frist darin hält sie ohne Unterbrechung ein.",
		keyCrisisHypothetical: "Es geht darum, was schiefgehen könnte, nicht was gerade schiefgeht: plane es schriftlich.",
		keyContextPast:        "Es ist schon passiert: eine Zusammenfassung oder ein Postmortem liest man in Ruhe, niemand muss alles stehen lassen.",
		keyUnreadLanguage:     "Der Entwurf scheint {0} zu sein, das der Berater nicht lesen kann: das Urteil stützt sich nur auf die Schalter, also setze die zutreffenden.",
		keyUnreadScript:       "Der Entwurf ist in einer Schrift, die der Berater nicht lesen kann: das Urteil stützt sich nur auf die Schalter, also setze die zutreffenden.",
	},
	langFR: {
		keyDefault:            "L'asynchrone est la règle par défaut: la communication synchrone doit être l'exception, pas la règle.",
		keyCrisis:             "Une crise demande une attention immédiate: elle passe avant tout le reste.",
		keyNotCrisis:          "Ce n'est pas une crise, rien ne demande leur attention immédiate.",
		keyUrgent:             "Une réponse est nécessaire dans l'heure: si vous avez besoin d'une réponse immédiate, c'est le moment.",
		keyNotUrgent:          "Aucune réponse immédiate n'est nécessaire: laissez-les répondre à leur rythme et rester concentrés.",
		keySensitive:          "Un retour critique ou un sujet délicat mérite une conversation de vive voix, où le ton et les réactions passent.",
		keyBrainstorm:         "Beaucoup d'inconnues: les idées et les solutions rebondissent plus vite en direct.",
		keyRapport:            "Le lien se crée en face à face: tête-à-tête, réunions d'équipe, séminaires.",
		keyKickoff:            "Beaucoup d'éléments en jeu: un lancement en direct met vite tout le monde sur la même longueur d'onde.",
		keyComplex:            "C'est complexe: par écrit, chacun peut y revenir et s'y référer plus tard.",
		keyReply:              "Vous répondez à un message asynchrone: répondez dans le même canal.",
		keyTimeZones:          "Ils sont dans un autre fuseau horaire ou hors de leurs heures de travail: pas à leur poste quand vous l'êtes.",
		keyPeople:             "Un groupe est difficile et coûteux à réunir au même moment; une réunion de 30 minutes à 10 personnes coûte 5 heures.",
		keyContext:            "C'est du contexte (lecture préalable, compte rendu ou info): chacun le lit à son rythme, pas besoin de réunion.",
		keySelfPaced:          "Chacun le suit à son rythme, comme un cours.",
		keyStalled:            "L'échange tourne en rond: après quelques allers-retours par écrit, un court appel tranche plus vite.",
		keyPing:               "Une simple demande d'attention ne dit pas de quoi il s'agit: mettez la question dans le message, ils pourront répondre entre deux tâches.",
		keyNoCall:             "Selon vos propres mots, aucun appel n'est nécessaire: écrivez-le.",
		keySchedule:           "D'autres fuseaux horaires plaideraient pour l'asynchrone, mais un sujet délicat mérite une conversation: planifiez-la pendant les heures de travail des deux côtés.",
		keyOffHours:           "Chez eux, il est {0} ({1}), hors de leurs heures de travail {2}.",
		keyPeopleCount:        "{0} destinataires. Un groupe est difficile et coûteux à réunir au même moment; une réunion de 30 minutes à 10 personnes coûte 5 heures.",
		keyUrgentWithin:       "C'est nécessaire dans l'heure: si vous avez besoin d'une réponse immédiate, c'est le moment.",
		keyUrgentDeadline:     "Une échéance plus tard n'est pas une urgence: une demande écrite qui indique l'échéance la respecte sans interrompre personne.",
		keyCrisisHypothetical: "Il s'agit de ce qui pourrait mal tourner, pas de ce qui tourne mal: préparez-le par écrit.",
		keyContextPast:        "C'est déjà arrivé: un compte rendu ou un post-mortem se lit à son rythme, personne n'a à tout lâcher.",
		keyUnreadLanguage:     "Le brouillon semble être en {0}, que le conseiller ne sait pas lire: le verdict repose sur les interrupteurs seuls, activez ceux qui s'appliquent.",
		keyUnreadScript:       "Le brouillon est dans une écriture que le conseiller ne sait pas lire: le verdict repose sur les interrupteurs seuls, activez ceux qui s'appliquent.",
	},
	langES: {
		keyDefault:            "Lo asíncrono es lo normal: la comunicación síncrona debe ser la excepción, no la regla.",
		keyCrisis:             "Una crisis necesita atención inmediata: se impone a todo lo demás.",
		keyNotCrisis:          "No es una crisis, así que nada necesita su atención inmediata.",
		keyUrgent:             "Se necesita una respuesta en la próxima hora: si necesitas una respuesta inmediata, es el momento.",
		keyNotUrgent:          "No hace falta una respuesta inmediata: deja que respondan a su ritmo y mantengan la concentración.",
		keySensitive:          "Las críticas y los temas delicados merecen una conversación en vivo, donde se perciben el tono y las reacciones.",
		keyBrainstorm:         "Muchas incógnitas: las ideas y soluciones fluyen más rápido en tiempo real.",
		keyRapport:            "La confianza se construye cara a cara: reuniones uno a uno, de equipo, retiros.",
		keyKickoff:            "Muchas piezas en movimiento: un arranque en vivo pone a todos al día rápidamente.",
		keyComplex:            "Es complejo: por escrito, todos pueden volver a consultarlo más tarde.",
		keyReply:              "Estás respondiendo a un mensaje asíncrono: responde en el mismo canal.",
		keyTimeZones:          "Están en otra zona horaria o fuera de su horario laboral: no están en su puesto cuando tú sí.",
		keyPeople:             "Reunir a un grupo a la misma hora es difícil y caro; una reunión de 30 minutos con 10 personas son 5 horas.",
		keyContext:            "Es contexto (lectura previa, resumen o aviso): cada uno lo lee a su ritmo, sin reunión.",
		keySelfPaced:          "Cada uno lo sigue a su propio ritmo, como un curso.",
		keyStalled:            "El hilo va y viene sin cerrarse: tras unas cuantas rondas por escrito, una llamada corta lo resuelve antes.",
		keyPing:               "Una simple petición de atención no dice de qué se trata: escribe la pregunta en el mensaje y podrán responder entre tareas.",
		keyNoCall:             "Según tus propias palabras no hace falta llamar: escríbelo.",
		keySchedule:           "Otras zonas horarias pedirían lo asíncrono, pero un tema delicado merece una conversación: prográmala dentro del horario laboral de ambos.",
		keyOffHours:           "Para ellos son las {0} del {1}, fuera de su horario laboral de {2}.",
		keyPeopleCount:        "{0} destinatarios. Reunir a un grupo a la misma hora es difícil y caro; una reunión de 30 minutos con 10 personas son 5 horas.",
		keyUrgentWithin:       "Se necesita en la próxima hora: si necesitas una respuesta inmediata, es el momento.",
		keyUrgentDeadline:     "Un plazo más tarde no es una emergencia: una petición por escrito que indique el plazo lo cumple sin interrumpir a nadie.",
		keyCrisisHypothetical: "Trata de lo que podría fallar, no de lo que está fallando: planifícalo por escrito.",
		keyContextPast:        "Ya pasó: un resumen o un post mortem se lee con calma, nadie tiene que dejarlo todo.",
		keyUnreadLanguage:     "El borrador parece estar en {0}, que el asesor no sabe leer: el veredicto se basa solo en los interruptores, así que activa los que correspondan.",
		keyUnreadScript:       "El borrador está en una escritura que el asesor no sabe leer: el veredicto se basa solo en los interruptores, así que activa los que correspondan.",
	},
}

// weekdays are the names of the days, Sunday first as in time.Weekday.
var dayNames = [numLangs][7]string{
	langEN: {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	langDE: {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
	langFR: {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	langES: {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
}

// In renders the reason in a UI language: "en", "de", "fr" or "es" (a
// locale such as "de-AT" or "fr_FR.UTF-8" is read by its language); any
// other language gets English. A reason decoded from JSON is found by its
// Key; one that names facts (a clock time, a count) keeps its English Text,
// since the facts are not stored apart.
func (r Reason) In(language string) string {
	if r.key != keyNone {
		return render(langIndex(language), r.key, r.args)
	}
	for k, name := range reasonNames {
		if name != "" && name == r.Key && !strings.Contains(reasonTexts[langEN][k], "{") {
			return reasonTexts[langIndex(language)][k]
		}
	}
	return r.Text
}

func render(l lang, k reasonKey, args *reasonArgs) string {
	s := reasonTexts[l][k]
	if args == nil {
		return s
	}
	for i, a := range args {
		switch {
		case k == keyOffHours && i == 1:
			if d, err := strconv.Atoi(a); err == nil && d >= 0 && d < 7 {
				a = dayNames[l][d]
			}
		case k == keyUnreadLanguage && i == 0:
			if g, err := strconv.Atoi(a); err == nil && g >= 0 && g < int(numGuesses) {
				a = guessNames[l][g]
			}
		}
		// The first mark only, as strings.Replace(s, mark, a, 1) does, but
		// with one scan of the text: Replace counts the marks first.
		if j := strings.Index(s, placeholders[i]); j >= 0 {
			s = s[:j] + a + s[j+len(placeholders[i]):]
		}
	}
	return s
}

// placeholders are the arguments' marks in a reason's text; each is used
// once.
var placeholders = [len(reasonArgs{})]string{"{0}", "{1}", "{2}"}

// reasonArgs are the facts a reason's text names: a clock time, a count.
type reasonArgs [3]string
