package advisor

// German cues. Accents fold ("für" and "fur" read alike, "ß" is "ss"), so a
// pattern may be written either way. German puts the negation after the
// verb ("das eilt nicht"), so the common post-negated phrases are listed
// whole.

const (
	deSystems = "(seite|website|webseite|homepage|app|api|server|prod|produktion|produktivsystem|live system|datenbank|db|" +
		"system|systeme|netzwerk|netz|vpn|login|anmeldung|checkout|kasse|zahlungen|bezahlung|zahlung|shop|onlineshop|" +
		"dashboard|portal|cluster|plattform|backend|frontend|alles|pipeline|dienst|service|mail|e mail|email|intranet|" +
		"bestellungen|buchungen|schnittstelle|rechenzentrum)"
	deStates = "(down|offline|ausgefallen|kaputt|nicht erreichbar|unerreichbar|weg|tot|abgestürzt|abgeschmiert|" +
		"nicht verfügbar|lahmgelegt|im eimer|hinüber|am boden|überlastet)"
	deNumbers = "ein|eine|einer|einem|zwei|drei|vier|fünf|sechs|zehn|fünfzehn|zwanzig|dreißig|vierzig|fünfzig|paar|halben"
	deDays    = "montag|dienstag|mittwoch|donnerstag|freitag"
	deEvents  = "(meeting|termin|call|workshop|kickoff|gespräch|präsentation|demo|review|standup|jour fixe|retro|planning)"
)

var german = langDef{
	negators: []string{"nicht", "kein", "keine", "keinen", "keiner", "keinem", "keines", "nie", "niemals", "nichts",
		"nix", "niemand", "ohne", "weder", "kaum", "nirgends"},
	scopeEnders: []string{"aber", "doch", "jedoch", "allerdings", "trotzdem", "sondern", "weil", "außer", "obwohl"},
	numbers: map[string]float64{"ein": 1, "eine": 1, "einer": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4,
		"fünf": 5, "sechs": 6, "zehn": 10, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
		"fünfzig": 50, "paar": 3, "halben": 0.5},
	heads: []string{"datenbank", "server", "system", "systeme", "seite", "webseite", "dienst", "shop", "plattform",
		"schnittstelle", "ausfall", "störung", "notfall", "angriff", "kündigung", "kurs", "schulung", "protokoll",
		"zusammenfassung", "update", "workshop", "brainstorming", "kickoff", "auftakt", "konzept", "anleitung",
		"dokumentation", "analyse", "krise", "zahlungen"},
	groups: append([]cueGroup{
		{crit: Crisis, holds: true, patterns: []string{
			"notfall", "notfälle", "ausfall", "totalausfall", "serverausfall", "systemausfall", "komplettausfall",
			"produktionsausfall", "netzwerkausfall", "großstörung", "störung", "störungen", "sicherheitsvorfall",
			"datenleck", "datenverlust", "datenpanne", "sicherheitslücke", "hackerangriff", "cyberangriff", "gehackt",
			"kompromittiert", "angriff", "ransomware", "ddos", "krise", "krisenmodus", "krisensitzung", "krisenstab",
			deSystems + " (ist|sind|scheint|scheinen|ist komplett|sind komplett|ist gerade|sind gerade|ist seit|ist wieder|" +
				"sind wieder|ist total|ist schon wieder|) " + deStates,
			deSystems + " (geht nicht mehr|geht nicht|funktioniert nicht|funktioniert nicht mehr|läuft nicht|läuft nicht mehr|" +
				"lädt nicht|reagiert nicht|antwortet nicht|stürzt ab|crasht|hängt|wirft fehler|liefert fehler|brennt)",
			"(ist|sind) " + deStates + " (für alle|bei allen|komplett|total)",
			"(liefert|liefern|wirft|werfen|gibt|geben|zeigt|zeigen) (nur noch|ständig|nichts als) (fehler|errors|500er|fehlermeldungen)",
			"(steht|stehen) (komplett|völlig|gerade|) still",
			deSystems + " (nicht|nicht mehr|gar nicht|überhaupt nicht) (geht|funktioniert|läuft|lädt|erreichbar ist|reagiert)",
			deSystems + " (werden|wird) (alle|komplett|gerade|ständig|) (abgelehnt|blockiert|nicht verarbeitet|storniert)",
			"(ist|sind) (der|die|das|unser|unsere) (server|seite|app|datenbank|shop|system|dienst|login|vpn|netzwerk|website|api) " +
				"(komplett|gerade|wieder|) (ausgefallen|down|offline|abgestürzt|kaputt|weg|nicht erreichbar)",
			"(komplett|total|völlig|gerade) (ausgefallen|down|kaputt|offline|tot|abgestürzt)",
			"(niemand|keiner) kann (sich|) (mehr|) (einloggen|anmelden|bezahlen|bestellen|zugreifen|arbeiten|deployen)",
			"(kunden|nutzer|user|benutzer|kundinnen) (können|kann) (sich|) (nicht|nicht mehr|keine) (mehr|) " +
				"(einloggen|anmelden|bezahlen|bestellen|zugreifen|kaufen|bestellungen)",
			"(kunden|nutzer|user|benutzer) (können|kann) sich (*|* *|* * *|) nicht mehr",
			"(alle|sämtliche) (kunden|nutzer|user|benutzer) (sind|) betroffen", "(betrifft|trifft) alle (kunden|nutzer|user)",
			"(weiße|leere) seite", "es brennt", "brennt lichterloh", "land unter", "alle hände an deck", "alle mann an deck",
			"(fehler|fehlerrate|fehlerquote|latenz|last|cpu|speicher|queue|warteschlange|lag|replikationslag|tickets|alarme) " +
				"(steigt|steigen|explodiert|explodieren|schießt hoch|geht durch die decke|ist bei 100|klettert|klettern)",
			"(müssen|muss) (sofort|jetzt|dringend|) (zurückrollen|zurücksetzen|rollback machen|einen rollback machen)",
			"(pager|alarm|alarme|monitoring) (geht los|gehen los|ist losgegangen|schlägt an|schlagen an|ausgelöst|feuert)",
			"(wurde|bin|wurden) (gepaged|gepagt|angepiept|alarmiert)",
			"(zertifikat|cert|ssl zertifikat|domain) (ist|) abgelaufen",
			"(daten|kundendaten|datenbank|tabellen|tabelle|bestellungen) (sind|ist|wurden|wurde) (weg|gelöscht|verloren|futsch|korrupt|leer)",
			"(versehentlich|aus versehen|fälschlicherweise) (gelöscht|gesendet|verschickt|veröffentlicht|gepusht|freigegeben)",
			"(habe|haben|hab|hat) (versehentlich|aus versehen|) (die|den|das) (datenbank|tabelle|daten|kundendaten|bucket) gelöscht",
			"(kritischer|schwerer|massiver|gravierender) (fehler|bug|ausfall|vorfall|sicherheitsfehler)",
			"(zugangsdaten|passwörter|passwort|schlüssel|api keys|api key|token|secrets) (sind|ist|wurden|wurde|) (geleakt|öffentlich|kompromittiert|gestohlen)",
			"(fehler|error|errors) 500", "500er", "500er fehler", "doppelt abgebucht", "doppelt belastet",
			"(letztes|das letzte|das neue|neues|das) (deploy|deployment|release|update) hat (alles|prod|die produktion|den shop) (kaputt gemacht|zerschossen|lahmgelegt)",
		}},
		{crit: Crisis, holds: false, patterns: []string{
			"behoben", "gelöst", "läuft wieder", "wieder online", "wieder erreichbar", "funktioniert wieder", "geht wieder",
			"fehlalarm", "unter kontrolle", "entwarnung",
			"(geplante|angekündigte|planmäßige) (wartung|wartungsarbeiten|downtime|abschaltung|unterbrechung)", "wartungsfenster",
			"nichts (ist|) (kaputt|down|ausgefallen|abgestürzt|kritisch)", "alles läuft",
		}},
		{crit: Crisis, kind: idiom, patterns: []string{
			"(umsatz|umsätze|zahlen|kosten|conversion) (ist|sind|) (gesunken|zurückgegangen|gefallen|runter)",
			"kritischer pfad", "familiärer notfall", "notfallkontakt", "notfallnummer",
		}},

		{crit: Urgent, holds: true, patterns: []string{
			"dringend", "dringende", "dringender", "dringendes", "eilig", "eilt", "sofort", "umgehend", "unverzüglich",
			"schnellstmöglich", "so schnell wie möglich", "zeitkritisch", "höchste priorität", "prio 1", "prio eins",
			"jetzt gleich", "gleich jetzt", "brandeilig",
			"(brauche|brauchen|bräuchte) (das|es|die antwort|eine antwort|deine antwort|eine entscheidung|eine freigabe|dich|euch|hilfe|deine hilfe) " +
				"(sofort|jetzt|dringend|gleich|jetzt sofort)",
			"(der kunde|die kundin|kunde|kunden|der kunde) (wartet|warten)",
			"(droht|drohen|will|wollen) (*|* *|* * *|) (zu kündigen|abzuspringen|zu klagen|abspringen|klagen)",
			"sobald (du|ihr) (das|dies|die nachricht) (liest|lest|siehst|seht)", "(wir sind|ich bin|team ist) (komplett|) blockiert",
			"blockiert (den|das|die) (release|launch|deployment|deploy|rollout|demo)",
			"(ruf|rufe|ruft|rufen sie) (mich|uns) (bitte|) (sofort|jetzt|gleich|dringend) an", "sofort anrufen", "bitte sofort",
			"(komm|kommt|kommen sie) (sofort|jetzt|bitte sofort)",
			"(bevor|vor) (der|die|das|unserer|unserem|dem) (*|) " + deEvents + " (um #|in #|heute|gleich)",
			"(ceo|cto|chef|chefin|vorstand|kunde|kundin|investor|investoren) (ist|sind|geht|gehen) (gleich|in # minuten|) (auf die bühne|live|auf sendung)",
		}},
		{crit: Urgent, kind: within, unit: 1, patterns: []string{
			"(in|innerhalb von|innerhalb|binnen|in den nächsten|in weniger als|unter) (#|" + deNumbers + ") (minuten|min|minute)",
			"(noch|nur noch|haben noch|wir haben noch) (#|" + deNumbers + ") (minuten|min)",
		}},
		{crit: Urgent, kind: within, unit: 60, patterns: []string{
			"(in|innerhalb von|innerhalb|binnen|in den nächsten|in weniger als) (#|" + deNumbers + ") (stunde|stunden|std|h)",
			"(in|innerhalb) (einer|der nächsten) (halben|) stunde",
		}},
		{crit: Urgent, holds: false, key: keyUrgentDeadline, patterns: []string{
			"bis (heute abend|feierabend|eod|ende des tages|tagesende|morgen|morgen früh|# uhr|heute nachmittag|später)",
			"heute noch", "im laufe des tages", "(irgendwann|später) heute",
		}},
		{crit: Urgent, holds: false, patterns: []string{
			"keine eile", "eilt nicht", "hat zeit", "hat keine eile", "kein stress", "kein druck", "ganz entspannt", "in ruhe",
			"wann immer", "wenn du (mal|) (zeit hast|dazu kommst|luft hast|einen moment hast)",
			"wenn ihr (mal|) (zeit habt|dazu kommt)", "wenn es (dir|euch|) passt", "bei gelegenheit", "irgendwann",
			"bis (" + deDays + "|ende der woche|nächste woche|ende des monats)", "keine priorität",
			"niedrige priorität", "nur aus neugier", "aus neugier", "nice to have", "kann warten", "nicht eilig",
			"(ist|ist aber|wäre) nicht (so|) dringend",
		}},

		{crit: Sensitive, holds: true, patterns: []string{
			"feedbackgespräch", "mitarbeitergespräch", "jahresgespräch", "personalgespräch", "leistungsbeurteilung",
			"beurteilung", "(kritisches|ehrliches|schwieriges|negatives|konstruktives|offenes|hartes) feedback",
			"(deine|seine|ihre) leistung", "deine (arbeit|leistungen) (in letzter zeit|zuletzt)",
			"kündigung", "kündigen", "gekündigt", "entlassung", "entlassungen", "entlassen", "stellenabbau", "personalabbau",
			"abfindung", "aufhebungsvertrag", "freistellen", "freistellung", "umstrukturierung", "reorg", "reorganisation",
			"(#|zwei|drei|vier|fünf|einige|ein paar|mehrere|leute|mitarbeiter|kollegen|personen) (gehen lassen|entlassen|freistellen)",
			"gehen lassen", "trennen uns von", "(uns|mich) (von|) (ihm|ihr|dir|ihnen) trennen",
			"gehalt", "gehaltserhöhung", "vergütung", "bonus", "beförderung", "befördert",
			"vertraulich", "vertrauliche", "unter vier augen", "unter uns", "im vertrauen",
			"persönliche (angelegenheit|gründe|probleme|situation|dinge)", "privat", "privates",
			"(gesundheitliche|familiäre|private|psychische) (probleme|gründe|situation|angelegenheit|belastung)",
			"krankenhaus", "klinik", "trauer", "verstorben", "todesfall", "beileid", "schwanger", "schwangerschaft", "diagnose",
			"fühle mich (nicht wohl|unwohl|überfordert|ausgebrannt|übergangen|allein gelassen)",
			"fühl mich (nicht wohl|unwohl|überfordert|ausgebrannt|übergangen)", "burnout", "ausgebrannt", "überfordert", "gestresst", "frustriert", "enttäuscht", "verärgert", "sauer", "wütend",
			"verletzt", "gekränkt", "frustrierend", "geärgert", "geärgert habe", "ärgert mich",
			"hat mich (geärgert|verletzt|gestört|getroffen|verunsichert)", "unwohl", "konflikt", "konflikte", "spannungen", "streit", "beschwerde", "beschwert",
			"belästigung", "diskriminierung", "mobbing", "abmahnung", "personalabteilung", "betriebsrat",
			"(wir|ich) (müssen|muss) (mal|) (reden|sprechen)", "müssen wir (mal|) (reden|sprechen)",
			"(ein|das|ein sehr) (schwieriges|ernstes|unangenehmes|heikles|offenes|ehrliches) (gespräch|thema)",
			"heikel", "heikles", "heikle", "sensibel", "sensibles thema", "unangenehm",
			"(mir|uns) ist (ein|eine|) (*|) (fehler|panne|missgeschick) passiert",
			"persönlich (erklären|sagen|besprechen|erzählen|sprechen)", "(ich habe|hab) (mist gebaut|einen fehler gemacht|es verbockt)", "mein fehler",
			"entschuldigen", "es tut mir (leid|sehr leid)",
			"(erwartungen|den erwartungen) nicht (erfüllt|entsprochen|gerecht)", "unter den erwartungen",
			"dein (verhalten|ton|auftreten)", "deinen ton", "deine (art|haltung|einstellung)",
			"wie du (reagiert|dich verhalten|gesprochen|geredet|geantwortet)", "(geht es dir|gehts dir) gut", "alles (ok|okay|gut) bei dir",
			"(lieber|ungern) (persönlich|nicht schriftlich|nicht per mail)", "nicht schriftlich", "nicht per mail", "(was|etwas) persönliches",
			"nicht (in den chat|hier|in slack|in teams) schreiben",
			"(habe|hat) gekündigt", "(mein|sein|ihr) letzter tag", "(ein|das) angebot angenommen",
		}},
		{crit: Sensitive, kind: idiom, patterns: []string{
			"(merge|git|termin|versions|namens) konflikt", "mergekonflikt", "terminkonflikt",
			"sensible (daten|informationen|felder)", "(privates|private) (repo|repository|kanal|schlüssel|netzwerk)",
			"privat nutzen", "persönlich (vorbeikommen|treffen|kennenlernen)",
		}},

		{crit: Brainstorm, holds: true, patterns: []string{
			"brainstorming", "brainstormen", "ideen sammeln", "ideen (austauschen|durchspielen|spinnen|entwickeln)",
			"(viele|einige|zu viele|noch viele|so viele) (unbekannte|offene fragen|unklarheiten|fragezeichen)",
			"offene fragen", "offene punkte", "offene baustellen", "unklarheiten",
			"(keiner|niemand) (hat|behält) (mehr|) den überblick", "(noch|) keine ahnung (wie|was|wo)",
			"(nicht|noch nicht) sicher wie", "(nicht|noch nicht) sicher, wie",
			"wie (sollen|könnten|wollen|würden|können) wir (das|es|) (angehen|lösen|umsetzen|aufbauen|gestalten|anpacken)",
			"(gemeinsam|zusammen) (überlegen|nachdenken|durchdenken|ausarbeiten|erarbeiten|herausfinden|tüfteln)",
			"whiteboard", "workshop", "ideenfindung", "zusammensetzen", "(noch|) keine klare (idee|vorstellung|richtung)",
			"überlegen wie wir", "überlegen, wie wir", "optionen (durchgehen|abwägen|besprechen|durchspielen)",
			"(ansatz|architektur|lösung|richtung) (ist|) (noch|) (unklar|offen)", "denkanstöße", "gedanken (austauschen|sortieren)",
		}},

		{crit: Kickoff, holds: true, patterns: []string{
			"auftakt", "auftaktmeeting", "auftakttermin", "projektstart", "projektauftakt",
			"(alle|alle beteiligten|das ganze team|alle teams|beide teams|alle stakeholder) (an einen tisch|in einen raum|zusammenbringen|" +
				"auf einen stand|auf den gleichen stand|auf denselben stand|abholen|zusammenholen)",
			"an einen tisch", "auf (den gleichen|denselben|einen gemeinsamen) stand", "abstimmen", "abstimmen müssen",
			"(rollen|zuständigkeiten|verantwortlichkeiten|aufgaben) (klären|festlegen|verteilen)", "wer macht was", "wer was macht",
			"wer ist wofür zuständig", "viele (beteiligte|abhängigkeiten|teams|stakeholder|baustellen)",
			"planungsmeeting", "planungsworkshop", "(neues|das neue) projekt (starten|beginnt|startet)",
		}},

		{crit: Rapport, holds: true, patterns: []string{
			"willkommen (im team|an bord|zurück|bei uns)", "herzlich willkommen", "kennenlernen", "kennen lernen",
			"kaffee", "käffchen", "mittagessen", "zum mittag", "essen gehen", "feierabendbier", "afterwork",
			"teamevent", "teamausflug", "firmenfeier", "weihnachtsfeier", "sommerfest", "teamessen", "teambuilding",
			"einzelgespräch", "(lange|ewig|länger) nicht (gesprochen|gesehen|gehört)",
			"feiern", "geburtstag", "jubiläum", "mentor", "mentoring", "(bin|ich bin) neu (hier|im team)",
			"stimmung im team", "teamgeist", "(deine|eure) (entwicklung|karriere|perspektive)", "karrieregespräch", "wie geht es dir", "wie gehts dir", "austausch bei einem",
		}},
		{crit: Rapport, kind: idiom, patterns: []string{
			"(nach|vor) dem mittagessen", "nach der mittagspause", "(nach|vor) dem mittag",
		}},

		{crit: Complex, holds: true, patterns: []string{
			"komplex", "komplexe", "kompliziert", "komplizierte", "detailliert", "ausführlich", "im detail", "schritt für schritt",
			"erklärung", "erklären", "erkläre", "dokumentation", "doku", "dokument", "konzept", "konzeptpapier",
			"spezifikation", "anleitung", "leitfaden", "handbuch", "google doc", "tabelle", "übersicht", "überblick",
			"analyse", "vor und nachteile", "zum nachlesen", "zum nachschlagen", "diagramm", "beschreibung",
		}},

		{crit: Reply, holds: true, patterns: []string{
			"danke für", "vielen dank für", "danke dir für", "danke euch für", "besten dank für",
			"zu deiner frage", "auf deine frage", "(bezüglich|bzgl|wegen) (deiner|ihrer|eurer) (frage|nachricht|mail|anfrage)",
			"(als|in) antwort auf", "du hattest gefragt", "wie gewünscht", "wie besprochen", "klingt gut", "alles klar",
			"verstanden", "geht klar", "mach ich", "kein problem", "gern geschehen", "passt (mir|für mich|so|gut|perfekt)",
			"(sorry|entschuldige|entschuldigung) (für die|wegen der) (späte|verspätete|lange) (antwort|rückmeldung)",
		}},

		{crit: TimeZones, holds: true, patterns: []string{
			"zeitzone", "zeitzonen", "zeitverschiebung", "zeitunterschied",
			"(bei dir|bei euch|bei ihnen|bei ihm|bei ihr|dort) (ist es|ists|ist) (spät|früh|nacht|mitten in der nacht)",
			"mitten in der nacht", "ortszeit", "(deiner|eurer|ihrer) zeit", "nach feierabend",
			"außerhalb der (arbeitszeit|arbeitszeiten|geschäftszeiten|bürozeiten)", "am wochenende", "übers wochenende",
			"über nacht", "wenn (du|ihr|sie) (aufwachst|aufwacht|online bist|online seid|wieder da bist|wieder da seid)",
			"(us|usa|asien|apac|indien|amerika|ostküste|westküste) (team|kollegen|zeit)",
		}},

		{crit: People, holds: true, patterns: []string{
			"hallo (zusammen|alle|allerseits|team|leute|ihr lieben|miteinander)", "hi (zusammen|alle|team|leute)",
			"moin (zusammen|alle|team|leute)", "liebe alle", "liebes team", "liebe kolleginnen", "liebe kollegen",
			"@all", "ihr alle", "jeder von euch", "(ganze|gesamte) (team|firma|abteilung)", "an alle",
		}},

		{crit: Context, holds: true, patterns: []string{
			"zur info", "zur information", "zu deiner information", "zu eurer information", "nur zur info", "info", "kurze info",
			"zur kenntnis", "zur kenntnisnahme", "kurzer hinweis", "hinweis", "damit (du|ihr) bescheid (weißt|wisst)",
			"(ich halte|halte) (dich|euch) auf dem laufenden", "zusammenfassung", "protokoll", "notizen", "mitschrift",
			"aufzeichnung", "folien", "agenda", "tagesordnung", "vorab", "zur vorbereitung",
			"(vor|vorab zum|vor unserem|vor dem|vor dem morgigen|vor unserem morgigen|für das|für den) (*|) " + deEvents,
			"(bitte|) (vorher|vorab) (lesen|durchlesen|anschauen|ansehen|durchgehen)",
			"statusupdate", "statusbericht", "wochenbericht", "monatsbericht", "status", "wochenupdate", "update", "newsletter", "ankündigung",
			"(wir freuen uns|freuen uns|ich freue mich) (bekanntzugeben|mitzuteilen|euch mitzuteilen|zu verkünden)",
			"erinnerung", "kleine erinnerung", "umfrage",
			"(keine|kein) (antwort|aktion|handlung|rückmeldung|handlungsbedarf) (nötig|notwendig|erforderlich)", "kein handlungsbedarf",
			"(bin|ich bin|bin ab|bin morgen|bin nächste woche) (im urlaub|nicht da|abwesend|krank|offline|in elternzeit)",
			"urlaub", "abwesenheit", "im anhang", "anbei", "angehängt", "(verschoben|verlegt) auf", "einladung",
			"(unser|unseren|den|das|mein|meinen|dein|deinen) (*|) " + deEvents + " (verschieben|verlegen|absagen|auf)",
			"(geht|gehen|ist) (am|ab|nächste|morgen|heute) live",
		}},
		{crit: Context, holds: true, kind: retro, patterns: []string{
			"nachbetrachtung", "rückblick", "vorfallsbericht", "störungsbericht", "ursachenanalyse", "lessons learned",
			"zusammenfassung (des|der|vom) (vorfalls|ausfalls|störung|incidents)", "aufarbeitung",
		}},

		{crit: SelfPaced, holds: true, patterns: []string{
			"kurs", "kurse", "onlinekurs", "schulung", "schulungen", "lektion", "lektionen", "modul", "module",
			"lernpfad", "lernplattform", "selbstlernkurs", "im eigenen tempo", "in (deinem|eurem|ihrem) (eigenen|) tempo",
			"schulungsvideo", "schulungsvideos", "lernvideo", "lernvideos", "erklärvideo", "erklärvideos",
			"onboarding (unterlagen|material|materialien|checkliste|videos|kurs|plan|dokumente)",
		}},

		{crit: Stalled, holds: true, patterns: []string{
			"hin und her", "(drehen|dreht) (uns|sich) im kreis", "im kreis (drehen|gedreht)",
			"(immer noch|noch immer|weiterhin|nach wie vor) (uneinig|nicht einig|anderer meinung|unterschiedlicher meinung)",
			"(werden|kommen) (uns|) (so |hier |schriftlich |) nicht (einig|weiter|zusammen)", "kommen (so|hier|schriftlich) nicht weiter",
			"(#|drei|vier|fünf|zehn|etliche|zig) (runden|mails|nachrichten|antworten|kommentare) (hin und her|später|lang|und)",
			"(der|dieser) thread (wird|ist) (zu|viel zu|) lang", "aneinander vorbei", "missverständnis", "festgefahren",
			"schriftlich (kommen wir|klappt das|wird das) nicht", "per mail hin und her",
			"seit (tagen|wochen|stunden|einer woche) (diskutieren|schreiben|streiten) wir",
		}},

		{crit: Ping, holds: true, patterns: []string{
			"hast du (kurz|mal|gerade|eben|) (zeit|eine minute|5 minuten|fünf minuten|einen moment|nen moment|ne minute|kurz zeit)",
			"hast du kurz", "haste (kurz|mal) zeit", "bist du (da|online|am platz|erreichbar|gerade da|noch da)",
			"(kurzer|kurzen) (call|anruf)", "kurz (telefonieren|sprechen|quatschen|callen)",
			"(können|kannst|könnten) (wir|du) (kurz|mal|gleich|) (telefonieren|sprechen|reden|callen|quatschen)",
			"ruf mich (kurz|mal|) an", "kurze frage", "(lass uns|wollen wir) (kurz|mal) (telefonieren|sprechen|reden)",
		}},
		{crit: Ping, holds: false, patterns: []string{
			"(kein|keinen) (anruf|call|meeting|termin) (nötig|notwendig|erforderlich)",
			"(wir brauchen|braucht|brauchen|brauche) (keinen|kein) (call|anruf|meeting|termin)", "ohne (call|anruf|meeting)",
			"(antworte|antwortet|antworten) (einfach|gerne|gern|) (hier|im thread|schriftlich)",
			"schriftlich (reicht|genügt|ist ok|passt)", "(musst|müsst) (nicht|nicht extra) anrufen",
		}},

		{kind: ago, unit: 1, patterns: []string{"vor (#|" + deNumbers + ") (minuten|min)"}},
		{kind: ago, unit: 60, patterns: []string{"vor (#|" + deNumbers + ") (stunde|stunden|std)"}},
		{kind: ago, unit: 24 * 60, patterns: []string{"vor (#|" + deNumbers + ") (tag|tagen|woche|wochen|monat|monaten|jahr|jahren)"}},
		{kind: present, patterns: []string{
			"jetzt", "gerade", "aktuell", "momentan", "im moment", "derzeit", "immer noch", "noch immer", "weiterhin",
			"schon wieder", "wieder", "seit (#|heute morgen|dem deploy|dem release|dem update|einer stunde|# uhr|eben)", "läuft gerade",
		}},
		{kind: past, patterns: []string{
			"gestern", "vorgestern", "neulich", "damals", "(am|letzten|vergangenen) (" + deDays + ")",
			"(letzte|letzten|letzter|letztes|vergangene|vergangenen|vergangener|vorige|vorigen|voriger) " +
				"(woche|nacht|monat|jahr|quartal|sprint|wochenende|" + deDays + ")",
			"(beim|das|der) letzten (mal|ausfall|vorfall)",
		}},
		{kind: hypothetical, patterns: []string{
			"falls", "wenn", "im falle", "für den fall", "angenommen", "was wäre wenn", "was passiert wenn",
			"vermeiden", "verhindern", "verhindert", "notfallplan", "notfallübung", "notfallkonzept",
		}},
	}, loanwords...),
}
