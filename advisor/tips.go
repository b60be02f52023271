package advisor

// tipKey names one of the seed's best practices, worded as advice for the
// moment; the texts are in every language of the reasons.
type tipKey uint8

const (
	tipStayOnPoint tipKey = iota
	tipAskFirst
	tipConnection
	tipRespectTime
	tipFollowUp
	tipCrisis
	tipCrisisNight
	tipSchedule
	tipPreRead
	tipOfferDetail
	tipRightTool
	tipVideo
	tipReference
	tipTheirMorning
	tipSameThread
	tipDeadline
	tipAskInMessage
	numTips
)

var tipTexts = [numLangs][numTips]string{
	langEN: {
		tipStayOnPoint:  "Stay on point: real-time conversations quickly drift into tangents.",
		tipAskFirst:     "Ask first: is it a good time to talk? Is the matter urgent? Are they the right person?",
		tipConnection:   "Create a personal connection: speak politely, openly and respectfully.",
		tipRespectTime:  "Respect their time: be considerate before starting, and keep it as short as it needs to be.",
		tipFollowUp:     "Know when to use it: talk now for the immediate answer, then put the longer, complex part in writing.",
		tipCrisis:       "Call now; once it is under control, post a written recap for everyone who was not on the call.",
		tipCrisisNight:  "It is outside their hours, but a crisis justifies the call: keep it short and let them get back to rest.",
		tipSchedule:     "Schedule it: pick a slot inside both working days rather than calling now.",
		tipPreRead:      "Send a short pre-read before and a recap after, so the live time goes to deciding together.",
		tipOfferDetail:  "Offer detail: because of the lag, be as detailed and transparent as possible: the context, the ask, and when you need an answer.",
		tipRightTool:    "Select the right tool: use the one your team is receptive to, and ask them which they prefer.",
		tipVideo:        "Record a short video message: your tone and face come through, and they watch it in their own time.",
		tipReference:    "Make it easy to come back to: headings, links and the files attached, so people can reference it later.",
		tipTheirMorning: "Send it so it waits for the start of their day, and say when you need a reply.",
		tipSameThread:   "Reply in the same thread and channel, so the context stays together.",
		tipDeadline:     "It still matters soon: say so in the first line, with the time you need an answer by.",
		tipAskInMessage: "Put the question itself in the message, not just \"got a sec?\": they can answer it without stopping what they are doing.",
	},
	langDE: {
		tipStayOnPoint:  "Bleib beim Thema: Gespräche in Echtzeit schweifen schnell ab.",
		tipAskFirst:     "Frag vorher: Passt es gerade? Ist es dringend? Ist es die richtige Person?",
		tipConnection:   "Schaff eine persönliche Verbindung: sprich höflich, offen und respektvoll.",
		tipRespectTime:  "Respektiere ihre Zeit: sei rücksichtsvoll und halte es so kurz wie nötig.",
		tipFollowUp:     "Nutze es gezielt: kläre jetzt das Dringende im Gespräch und halte den längeren, komplexen Teil schriftlich fest.",
		tipCrisis:       "Ruf jetzt an; sobald es unter Kontrolle ist, schreib eine Zusammenfassung für alle, die nicht dabei waren.",
		tipCrisisNight:  "Es ist außerhalb ihrer Arbeitszeit, aber eine Krise rechtfertigt den Anruf: halte ihn kurz und lass sie danach wieder ruhen.",
		tipSchedule:     "Plane es: such einen Termin innerhalb beider Arbeitstage, statt jetzt anzurufen.",
		tipPreRead:      "Schick vorher eine kurze Vorab-Lektüre und danach eine Zusammenfassung, damit die gemeinsame Zeit dem Entscheiden dient.",
		tipOfferDetail:  "Sei ausführlich: wegen der Verzögerung so genau und transparent wie möglich, mit Kontext, Bitte und bis wann du eine Antwort brauchst.",
		tipRightTool:    "Wähl das richtige Werkzeug: das, mit dem dein Team arbeitet, und frag, was sie bevorzugen.",
		tipVideo:        "Nimm eine kurze Videonachricht auf: Tonfall und Gesicht kommen rüber, und sie sehen sie, wann es passt.",
		tipReference:    "Mach es leicht, darauf zurückzukommen: Überschriften, Links und die Dateien im Anhang.",
		tipTheirMorning: "Schick es so, dass es zu Beginn ihres Tages wartet, und sag, bis wann du eine Antwort brauchst.",
		tipSameThread:   "Antworte im selben Thread und Kanal, damit der Kontext beisammen bleibt.",
		tipDeadline:     "Es eilt trotzdem: sag es in der ersten Zeile, mit der Uhrzeit, bis zu der du die Antwort brauchst.",
		tipAskInMessage: "Schreib die Frage selbst in die Nachricht, nicht nur \"hast du kurz Zeit?\": dann können sie antworten, ohne ihre Arbeit zu unterbrechen.",
	},
	langFR: {
		tipStayOnPoint:  "Restez dans le sujet: les conversations en direct dérivent vite.",
		tipAskFirst:     "Demandez d'abord: est-ce un bon moment? Est-ce urgent? Est-ce la bonne personne?",
		tipConnection:   "Créez un lien personnel: parlez avec politesse, ouverture et respect.",
		tipRespectTime:  "Respectez leur temps: soyez attentionné et faites aussi court que nécessaire.",
		tipFollowUp:     "Choisissez bien: parlez maintenant pour la réponse immédiate, puis mettez la partie longue et complexe par écrit.",
		tipCrisis:       "Appelez maintenant; une fois la situation maîtrisée, publiez un compte rendu écrit pour ceux qui n'étaient pas là.",
		tipCrisisNight:  "C'est hors de leurs heures, mais une crise justifie l'appel: faites court et laissez-les retourner se reposer.",
		tipSchedule:     "Planifiez-le: choisissez un créneau dans les heures de travail des deux côtés plutôt que d'appeler maintenant.",
		tipPreRead:      "Envoyez une courte lecture préalable avant et un compte rendu après, pour que le temps en direct serve à décider ensemble.",
		tipOfferDetail:  "Donnez du détail: à cause du décalage, soyez aussi précis et transparent que possible: le contexte, la demande et pour quand.",
		tipRightTool:    "Choisissez le bon outil: celui que votre équipe utilise, et demandez-leur ce qu'ils préfèrent.",
		tipVideo:        "Enregistrez un court message vidéo: votre ton et votre visage passent, et ils le regardent quand ils veulent.",
		tipReference:    "Facilitez le retour: titres, liens et fichiers joints, pour qu'on puisse s'y référer plus tard.",
		tipTheirMorning: "Envoyez-le pour qu'il les attende au début de leur journée, et dites pour quand vous avez besoin d'une réponse.",
		tipSameThread:   "Répondez dans le même fil et le même canal, pour garder le contexte ensemble.",
		tipDeadline:     "Ça reste pressant: dites-le dès la première ligne, avec l'heure à laquelle il vous faut la réponse.",
		tipAskInMessage: "Mettez la question elle-même dans le message, pas seulement \"t'as une minute?\": ils pourront répondre sans s'interrompre.",
	},
	langES: {
		tipStayOnPoint:  "Céntrate en el tema: las conversaciones en tiempo real se desvían enseguida.",
		tipAskFirst:     "Pregunta primero: ¿es buen momento? ¿Es urgente? ¿Es la persona adecuada?",
		tipConnection:   "Crea una conexión personal: habla con educación, franqueza y respeto.",
		tipRespectTime:  "Respeta su tiempo: sé considerado y que dure solo lo necesario.",
		tipFollowUp:     "Úsalo bien: habla ahora para la respuesta inmediata y deja por escrito la parte larga y compleja.",
		tipCrisis:       "Llama ahora; cuando esté bajo control, publica un resumen escrito para quien no estuvo en la llamada.",
		tipCrisisNight:  "Está fuera de su horario, pero una crisis justifica la llamada: que sea corta y déjalos volver a descansar.",
		tipSchedule:     "Prográmala: elige un hueco dentro del horario laboral de ambos en lugar de llamar ahora.",
		tipPreRead:      "Envía una lectura previa corta antes y un resumen después, para que el tiempo en vivo sirva para decidir juntos.",
		tipOfferDetail:  "Da detalles: por el desfase, sé lo más detallado y transparente posible: el contexto, la petición y para cuándo.",
		tipRightTool:    "Elige la herramienta adecuada: la que usa tu equipo, y pregúntales cuál prefieren.",
		tipVideo:        "Graba un mensaje de vídeo corto: se transmiten tu tono y tu cara, y lo ven cuando quieran.",
		tipReference:    "Facilita volver a ello: títulos, enlaces y los archivos adjuntos, para consultarlo más tarde.",
		tipTheirMorning: "Envíalo para que les espere al empezar su día, y di para cuándo necesitas respuesta.",
		tipSameThread:   "Responde en el mismo hilo y canal, para que el contexto siga junto.",
		tipDeadline:     "Sigue siendo pronto: dilo en la primera línea, con la hora a la que necesitas la respuesta.",
		tipAskInMessage: "Escribe la pregunta en el mensaje, no solo \"¿tienes un momento?\": podrán responder sin dejar lo que están haciendo.",
	},
}

// tipList holds a verdict's tips in order; a verdict gives at most eight.
type tipList struct {
	n    uint8
	keys [8]tipKey
}

func (t *tipList) add(keys ...tipKey) {
	for _, k := range keys {
		t.keys[t.n] = k
		t.n++
	}
}

func (t *tipList) list() []tipKey { return t.keys[:t.n] }

// TipsIn renders the verdict's tips in a UI language ("en", "de", "fr",
// "es"; English otherwise). A verdict decoded from JSON keeps only the
// English tips, and gets those.
func (v Verdict) TipsIn(language string) []string {
	if v.tips.n == 0 {
		return v.Tips
	}
	l := langIndex(language)
	out := make([]string, v.tips.n)
	for i, t := range v.tips.list() {
		out[i] = tipTexts[l][t]
	}
	return out
}
