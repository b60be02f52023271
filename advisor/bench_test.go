package advisor

import (
	"strings"
	"testing"
	"time"
)

// draft2K is a realistic long draft: a project update that mentions an
// incident, asks questions and sets deadlines, so that many cue words and
// phrases are in play.
var draft2K = strings.TrimSpace(`
Hi all, quick update on the checkout migration before Thursday's planning meeting.

Where we are: the new payment service has been running in shadow mode for two weeks. Error rates are
comparable to the old system, and latency is about 15% lower at the 95th percentile. The database
migration scripts were tested against a copy of production on Monday; they took 41 minutes end to end,
which fits inside the maintenance window we agreed with support. Last week's incident, where the
staging site was down for an hour, turned out to be an expired certificate on the load balancer, not
the new code. The postmortem is in the wiki if you want the details, and the renewal is now automated.

What's left: the mobile team still has to switch the SDK endpoint, the finance team needs to confirm
the reconciliation report matches, and legal wants one more look at the updated terms on the payment
page. None of this is blocking, but I'd like the finance confirmation by Friday so that we can pick a
cut-over date with some confidence. If anyone has concerns about the rollback plan, please add them as
comments in the doc rather than replying all; it is easier to keep track of them there.

Open questions: do we announce the switch to customers in advance, or only if something changes for
them? I lean towards a short note in the release notes and no email. Also, should support get a short
training session, or is the written guide enough? I wrote a step-by-step explanation with screenshots,
but a recorded walkthrough might be friendlier for the new folks on the team.

Risks: the main one is the webhook retries from the old provider during the overlap. We tested it, but
real traffic is always different. We will have two people on call during the cut-over and a runbook
that covers the three failure modes we know about.

No rush on replies, but please read this before the planning meeting so we can spend the time on the
cut-over date and not on the background. Thanks, and have a good week.
`)

// The same kind of draft in German, French and Spanish.
var (
	draft2KDE = strings.TrimSpace(`
Hallo zusammen, kurzes Update zur Checkout-Migration vor dem Planungsmeeting am Donnerstag.

Stand: Der neue Zahlungsdienst läuft seit zwei Wochen im Schattenbetrieb. Die Fehlerraten sind vergleichbar
mit dem alten System, die Latenz liegt im 95. Perzentil etwa 15 % niedriger. Die Migrationsskripte für die
Datenbank haben wir am Montag gegen eine Kopie der Produktion getestet; sie brauchten 41 Minuten und passen
damit in das Wartungsfenster, das wir mit dem Support vereinbart haben. Der Ausfall letzte Woche, bei dem
die Staging-Seite eine Stunde nicht erreichbar war, lag an einem abgelaufenen Zertifikat am Load Balancer,
nicht am neuen Code. Die Nachbetrachtung steht im Wiki, die Verlängerung ist jetzt automatisiert.

Was fehlt: Das Mobile-Team muss noch den SDK-Endpunkt umstellen, die Buchhaltung muss bestätigen, dass der
Abgleichsbericht stimmt, und die Rechtsabteilung will die neuen Bedingungen auf der Zahlungsseite noch einmal
prüfen. Nichts davon blockiert, aber die Bestätigung der Buchhaltung hätte ich gern bis Freitag, damit wir
ein Umstellungsdatum mit etwas Sicherheit wählen können. Wer Bedenken zum Rollback-Plan hat, schreibt sie
bitte als Kommentar ins Dokument statt allen zu antworten; dort behalten wir den Überblick.

Offene Fragen: Kündigen wir die Umstellung den Kunden vorab an, oder nur, wenn sich für sie etwas ändert?
Ich tendiere zu einer kurzen Notiz in den Release Notes und keiner Mail. Bekommt der Support eine kurze
Schulung, oder reicht die schriftliche Anleitung? Ich habe eine Schritt-für-Schritt-Erklärung mit Screenshots
geschrieben, aber ein aufgezeichneter Walkthrough wäre für die Neuen im Team vielleicht angenehmer.

Risiken: Das größte sind die Webhook-Wiederholungen des alten Anbieters während der Überlappung. Wir haben es
getestet, aber echter Verkehr ist immer anders. Während der Umstellung sind zwei Leute in Bereitschaft.

Keine Eile mit Antworten, aber lest das bitte vor dem Planungsmeeting. Danke und eine gute Woche!
`)
	draft2KFR = strings.TrimSpace(`
Bonjour à tous, petit point sur la migration du checkout avant la réunion de planification de jeudi.

Où on en est : le nouveau service de paiement tourne en mode fantôme depuis deux semaines. Les taux d'erreur
sont comparables à l'ancien système et la latence est environ 15 % plus basse au 95e centile. Les scripts de
migration de la base de données ont été testés lundi sur une copie de la production ; ils ont pris 41 minutes,
ce qui tient dans la fenêtre de maintenance convenue avec le support. La panne de la semaine dernière, quand le
site de recette a été inaccessible pendant une heure, venait d'un certificat expiré sur le load balancer, pas
du nouveau code. Le post-mortem est sur le wiki et le renouvellement est désormais automatisé.

Ce qui reste : l'équipe mobile doit encore changer l'endpoint du SDK, la compta doit confirmer que le rapport
de rapprochement est juste, et le juridique veut relire les nouvelles conditions sur la page de paiement. Rien
de bloquant, mais j'aimerais la confirmation de la compta d'ici vendredi pour choisir une date de bascule avec
un peu de confiance. Si vous avez des doutes sur le plan de rollback, ajoutez-les en commentaire dans le
document plutôt que de répondre à tous ; c'est plus simple à suivre.

Questions ouvertes : annonce-t-on la bascule aux clients à l'avance, ou seulement si quelque chose change pour
eux ? Je penche pour une courte note dans les notes de version et pas d'e-mail. Le support a-t-il besoin d'une
petite formation, ou le guide écrit suffit-il ? J'ai rédigé une explication pas à pas avec des captures, mais
une vidéo serait peut-être plus agréable pour les nouveaux de l'équipe.

Risques : le principal, ce sont les relances de webhooks de l'ancien prestataire pendant le chevauchement. On a
testé, mais le vrai trafic est toujours différent. Deux personnes seront d'astreinte pendant la bascule.

Rien ne presse pour les réponses, mais lisez ceci avant la réunion de jeudi. Merci et bonne semaine !
`)
	draft2KES = strings.TrimSpace(`
Hola a todos, una actualización rápida sobre la migración del checkout antes de la reunión de planificación.

Dónde estamos: el nuevo servicio de pagos lleva dos semanas funcionando en modo sombra. Las tasas de error son
comparables a las del sistema antiguo y la latencia es un 15 % más baja en el percentil 95. Los scripts de
migración de la base de datos se probaron el lunes contra una copia de producción; tardaron 41 minutos, así que
caben en la ventana de mantenimiento que acordamos con soporte. La caída de la semana pasada, cuando la web de
staging estuvo inaccesible una hora, fue por un certificado caducado en el balanceador, no por el código nuevo.
El post mortem está en la wiki y la renovación ya está automatizada.

Lo que falta: el equipo móvil aún tiene que cambiar el endpoint del SDK, finanzas tiene que confirmar que el
informe de conciliación cuadra y legal quiere revisar otra vez las condiciones nuevas de la página de pago.
Nada de esto bloquea, pero me gustaría tener la confirmación de finanzas para el viernes, así podemos elegir
una fecha de cambio con algo de confianza. Si tenéis dudas sobre el plan de rollback, dejadlas como
comentarios en el documento en lugar de responder a todos; así es más fácil seguirlas.

Preguntas abiertas: ¿anunciamos el cambio a los clientes con antelación, o solo si algo cambia para ellos? Me
inclino por una nota corta en las notas de la versión y ningún correo. ¿Necesita soporte una formación corta, o
basta con la guía escrita? He escrito una explicación paso a paso con capturas, pero un vídeo grabado quizá
sea más amable para la gente nueva del equipo.

Riesgos: el principal son los reintentos de webhooks del proveedor antiguo durante el solapamiento. Lo hemos
probado, pero el tráfico real siempre es distinto. Habrá dos personas de guardia durante el cambio.

Sin prisa con las respuestas, pero leedlo antes de la reunión de planificación. ¡Gracias y buena semana!
`)
)

func TestDraft2KIsRealistic(t *testing.T) {
	for lang, d := range map[string]string{English: draft2K, German: draft2KDE, French: draft2KFR, Spanish: draft2KES} {
		if n := len(d); n < 1900 || n > 2300 {
			t.Errorf("%s: the benchmark draft is %d bytes; keep it near 2 KB", lang, n)
		}
		// Like the English one, each is an update to read: async, in its language.
		if v := Advise(Situation{People: 6, Minutes: 30, Text: d}); v.Language != lang || v.Mode != Async {
			t.Errorf("%s: the benchmark draft reads as %s in %q: %s", lang, v.Mode, v.Language, summary(v))
		}
	}
}

func benchmarkAdvise(b *testing.B, draft string) {
	s := Situation{People: 6, Minutes: 30, Text: draft}
	Advise(s) // the one-time compile of the language's lexicon is not part of a verdict
	b.SetBytes(int64(len(draft)))
	b.ReportAllocs()
	start, ok := cpuTime()
	for b.Loop() {
		Advise(s)
	}
	if end, ok2 := cpuTime(); ok && ok2 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkAdvise(b *testing.B)   { benchmarkAdvise(b, draft2K) }
func BenchmarkAdviseDE(b *testing.B) { benchmarkAdvise(b, draft2KDE) }
func BenchmarkAdviseFR(b *testing.B) { benchmarkAdvise(b, draft2KFR) }
func BenchmarkAdviseES(b *testing.B) { benchmarkAdvise(b, draft2KES) }

func BenchmarkAdviseShort(b *testing.B) {
	berlin := time.FixedZone("CET", 3600)
	s := Situation{People: 1, Text: "hey, the site is down, can you jump on a call?", TheirZone: berlin,
		Now: time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC)}
	lex()
	b.ReportAllocs()
	for b.Loop() {
		Advise(s)
	}
}
