package advisor

// French cues. Elided words are words of their own ("l'équipe" is "l
// équipe", "n'est" is "n est") and accents fold, so "à" is "a" and "très"
// is "tres". The negation "ne ... pas" is read by its "pas" before the cue
// ("ce n'est pas urgent"); "ne ... plus" phrases are listed whole.

const (
	frSystems = "(site|le site|base|la base|serveur|les serveurs|serveurs|appli|application|api|prod|production|la prod|base de donnees|bdd|" +
		"systeme|reseau|vpn|messagerie|mail|mails|paiement|paiements|checkout|connexion|login|plateforme|back|backend|front|" +
		"frontend|tout|service|services|intranet|boutique|panier|caisse|portail|cluster|pipeline|commandes|la plateforme)"
	frStates = "(en panne|down|hs|hors service|plante|plantee|plantes|tombe|tombee|tombes|inaccessible|inaccessibles|" +
		"indisponible|indisponibles|casse|cassee|mort|ko|a terre|en rade|en carafe|injoignable|sature|en erreur|en feu)"
	frNumbers = "un|une|deux|trois|quatre|cinq|six|dix|quinze|vingt|trente|quarante|cinquante|quelques|demi"
	frDays    = "lundi|mardi|mercredi|jeudi|vendredi"
	frEvents  = "(reunion|point|atelier|kickoff|kick off|entretien|demo|presentation|call|appel|comite|copil|revue|daily|seance|rdv|rendez vous)"
)

var french = langDef{
	negators:    []string{"pas", "ne", "n", "jamais", "rien", "personne", "aucun", "aucune", "sans", "ni", "guere"},
	scopeEnders: []string{"mais", "pourtant", "cependant", "toutefois", "sauf", "parce", "car", "quoique", "neanmoins"},
	numbers: map[string]float64{"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "dix": 10,
		"quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "quelques": 3, "demi": 0.5},
	groups: append([]cueGroup{
		{crit: Crisis, holds: true, patterns: []string{
			"panne", "pannes", "grosse panne", "panne generale", "panne totale",
			frSystems + " (est|sont|semble|semblent|est completement|sont completement|est encore|est toujours|est de nouveau|) " + frStates,
			frSystems + " ne (marche|marchent|fonctionne|fonctionnent|repond|repondent|charge|chargent|demarre|passe|passent) plus",
			frSystems + " (plante|crashe|rame a mort|renvoie des erreurs|affiche des erreurs|est en vrac)",
			"ne (marche|fonctionne|repond) plus (du tout|pour personne|pour tout le monde)",
			"(les paiements|les commandes|les cartes|les transactions|les virements) (sont|) (tous|toutes|) (refuses|refusees|rejetes|rejetees|bloques|bloquees|en echec)",
			"plus rien ne (passe|marche|fonctionne|repond|charge)",
			"plus personne ne (peut|peux|arrive a) (se connecter|payer|commander|acceder|travailler|deployer)",
			"(les clients|les utilisateurs|nos clients|les users) ne (peuvent|arrivent) (plus|pas) (a|) " +
				"(se connecter|payer|commander|acceder|passer commande|telecharger|recevoir|envoyer|utiliser|ouvrir|voir)",
			"(tous les|toutes les) (clients|utilisateurs|users) (sont|) (impactes|touches|concernes|bloques)",
			"impacte (tous|toute|tout le monde|la prod|les clients|tous les clients)",
			"(fuite|perte) de donnees", "faille de securite", "pirate", "piratage", "piratee", "cyberattaque", "attaque",
			"compromis", "compromise", "rancongiciel", "page blanche", "ecran blanc", "(erreur|erreurs) 500", "ca brule", "c est la cata", "catastrophe",
			"tout est (casse|down|en panne|plante|par terre)", "tout le monde sur le pont", "cellule de crise", "crise",
			"situation d urgence", "cas d urgence", "urgence absolue",
			"(certificat|certif|domaine|ssl) (a|est) expire", "(supprime|supprimee|supprimes|envoye|envoyee|publie|pousse) par erreur",
			"par erreur (supprime|envoye|publie|pousse)",
			"(latence|cpu|charge|erreurs|taux d erreur|file d attente|lag|memoire|tickets|alertes) " +
				"(explose|explosent|grimpe|grimpent|monte en fleche|montent en fleche|s envole|s envolent|a 100)",
			"(alerte|alertes|astreinte|pager) (sonne|sonnent|declenchee|declenchees|a sonne|s est declenchee)",
			"(je suis|suis) d astreinte et", "(il faut|faut|on doit) (rollback|revenir en arriere|faire un rollback) (vite|maintenant|tout de suite|)",
			"(bug|probleme|incident|erreur) (critique|bloquant|majeur|grave) en prod", "(bug|incident) critique",
			"(identifiants|mots de passe|cles|cle api|token|tokens|secrets) (ont fuite|a fuite|exposes|exposees|voles|publics)",
			"(debite|debites|facture|factures) deux fois", "double (debit|prelevement)",
			"(mise en prod|mise a jour|release|migration|deploiement) a (tout casse|casse la prod|casse le site)",
		}},
		{crit: Crisis, holds: false, patterns: []string{
			"resolu", "resolue", "regle", "reglee", "corrige", "corrigee", "retabli", "retablie", "fausse alerte",
			"sous controle", "tout est rentre dans l ordre", "remarche", "refonctionne", "fonctionne a nouveau", "marche a nouveau",
			"(de nouveau|a nouveau) (en ligne|accessible|disponible|up)",
			"(maintenance|coupure|interruption|indisponibilite) (prevue|planifiee|programmee)", "fenetre de maintenance",
			"rien de (casse|critique)", "rien n est (casse|en panne|tombe)",
		}},
		{crit: Crisis, kind: idiom, patterns: []string{
			"chemin critique", "esprit critique",
			"(le chiffre d affaires|les ventes|le ca|les couts|la conversion) (a|ont|est|sont) (en baisse|baisse|baisses|chute)",
		}},

		{crit: Urgent, holds: true, patterns: []string{
			"urgent", "urgente", "urgents", "urgentes", "urgence", "en urgence", "d urgence", "au plus vite", "des que possible",
			"immediatement", "tout de suite", "sur le champ", "au plus tot", "prioritaire", "priorite absolue", "c est presse",
			"ca presse", "tres presse", "le client attend", "les clients attendent",
			"menace (de|d) (resilier|partir|annuler|porter plainte|quitter|rompre)",
			"des que (tu vois|tu lis|vous voyez|vous lisez|tu as) (ce|mon) message",
			"(regarder|venir|aider|intervenir|appeler|rappeler) (maintenant|tout de suite|immediatement)",
			"(on est|nous sommes|je suis|l equipe est) (completement|) (bloque|bloques|bloquee|bloquees)", "bloquant",
			"bloque (la|le) (mise en prod|release|livraison|demo|lancement|deploiement)",
			"(appelle|appelez|appelle moi|appelez moi|rappelle moi|rappelez moi|appelle nous) (vite|tout de suite|immediatement|des que possible|maintenant|svp|stp)",
			"(il faut|faut) (agir|intervenir|reagir|que tu viennes) (vite|maintenant|tout de suite)",
			"(j ai|on a|nous avons) besoin (de toi|de vous|d une reponse|d une decision|de ta validation|de ton aide) (maintenant|vite|immediatement|rapidement)",
			"avant (la|le|notre|ma|mon) (*|) " + frEvents + " (de #|a #|dans #|cet apres midi|ce matin|aujourd hui)",
			"(le pdg|la pdg|le ceo|la ceo|le boss|la direction|le client|le directeur|la directrice|les investisseurs) " +
				"(monte|passe|est) (sur scene|en direct|a l antenne|en reunion dans)",
		}},
		{crit: Urgent, kind: within, unit: 1, patterns: []string{
			"(dans|d ici|en moins de|sous) (#|" + frNumbers + ") (minutes|min|minute|mn)",
			"(il reste|il nous reste|on a|plus que|encore) (#|" + frNumbers + ") (minutes|min|mn)",
		}},
		{crit: Urgent, kind: within, unit: 60, patterns: []string{
			"(dans|d ici|en moins de|sous) (#|" + frNumbers + ") (heure|heures|h)", "(dans|d ici) (une|la) (demi heure|heure)",
			"dans l heure", "(dans|d ici) la prochaine heure",
		}},
		{crit: Urgent, holds: false, key: keyUrgentDeadline, patterns: []string{
			"(avant|d ici|pour) (ce soir|la fin de la journee|la fin de journee|fin de journee|demain|demain matin|cet apres midi)",
			"dans la journee", "(aujourd hui|ce soir) (c est bien|ca va|si possible|ca suffit)", "avant la fin de la journee",
		}},
		{crit: Urgent, holds: false, patterns: []string{
			"rien ne presse", "pas presse", "aucune urgence", "pas d urgence", "pas de rush", "pas de stress", "pas de pression",
			"quand (tu|vous) (peux|pourras|pouvez|pourrez|as le temps|auras le temps|avez le temps|aurez le temps|as un moment|" +
				"auras un moment|avez un moment|aurez un moment|as deux minutes|auras deux minutes)",
			"quand ca t arrange", "quand ca vous arrange", "a ta convenance", "a votre convenance", "a tete reposee",
			"prends ton temps", "prenez votre temps", "ca peut attendre", "cela peut attendre", "peut attendre",
			"pas prioritaire", "basse priorite", "faible priorite",
			"(d ici|avant) (" + frDays + "|la fin de la semaine|la semaine prochaine|la fin du mois)",
			"par curiosite", "un de ces jours", "a l occasion", "quand tu veux", "quand vous voulez",
		}},

		{crit: Sensitive, holds: true, patterns: []string{
			"entretien annuel", "entretien individuel", "entretien d evaluation", "evaluation", "evaluations",
			"(retour|feedback|retours|critique) (critique|difficile|negatif|negative|honnete|franc|constructif|dur)",
			"tes performances", "ta performance", "vos performances", "licenciement", "licenciements", "licencier", "licencie",
			"plan social", "rupture conventionnelle", "demission", "demissionner", "je demissionne", "j ai demissionne",
			"(je quitte|quitter) (l entreprise|la boite|la societe)", "(se separer|nous separer|me separer) (de|d)",
			"(se separer|nous separer) (de|d) (#|" + frNumbers + "|plusieurs) (personnes|collaborateurs|salaries|employes)",
			"reorganisation", "reorg", "restructuration", "salaire", "augmentation", "remuneration", "prime", "promotion",
			"confidentiel", "confidentielle", "entre nous", "en prive", "sujet (delicat|sensible|personnel)", "delicat",
			"delicate", "(probleme|problemes|raisons|soucis) (personnels|personnelles|de sante|familiaux)",
			"hopital", "hospitalise", "hospitalisee", "sante mentale", "arret maladie", "deces", "deuil", "condoleances", "enceinte", "grossesse", "burn out",
			"epuise", "epuisee", "deborde", "debordee", "stresse", "stressee", "frustre", "frustree", "decu", "decue",
			"en colere", "frustrant", "blesse", "blessee", "vexe", "vexee", "mal a l aise", "conflit", "conflits", "tensions", "tension",
			"dispute", "plainte", "harcelement", "discrimination", "avertissement", "sanction", "les rh", "aux rh",
			"(il faut|faut) (qu on|que l on|que nous) (parle|parlions|discute|discutions)", "on doit parler", "faut qu on parle",
			"(conversation|discussion) (difficile|delicate|serieuse|franche)",
			"j ai fait une (erreur|betise|boulette|connerie)", "ma faute", "m excuser", "mes excuses",
			"ton comportement", "ton attitude", "ton ton", "votre comportement",
			"(la facon|la maniere) dont tu (as|t es|parles|reagis|as reagi|as parle|traites)",
			"tu vas bien", "ca va de ton cote", "(probleme|problemes|soucis) de communication", "(truc|chose|sujet) (perso|personnel)",
			"prefere (pas|ne pas) (l ecrire|ecrire|le dire|en parler) (ici|par ecrit|sur le chat|sur slack)", "me sens pas (bien|a l aise|a ma place|ecoute|respecte)",
			"(mal|pas bien) dans (l equipe|ma peau|mon poste|le projet)", "pas a l aise", "pas par ecrit", "plutot (de vive voix|en personne|a l oral)", "de vive voix",
			"(n est|n a) pas (a la hauteur|aux attentes)", "en dessous des attentes",
			"(des|quelques|plusieurs) (trucs|choses|points) qui (ne vont pas|ne collent pas|posent probleme)",
			"(mon|son) dernier jour", "(accepte|j ai accepte) une (offre|autre offre)",
		}},
		{crit: Sensitive, kind: idiom, patterns: []string{
			"conflit de (merge|fusion|version|versions|calendrier|planning)", "conflits de merge",
			"donnees (sensibles|personnelles|confidentielles)", "(depot|repo|cle|canal) (prive|privee)", "sensible a la casse",
		}},

		{crit: Brainstorm, holds: true, patterns: []string{
			"brainstormer", "remue meninges", "(reflechir|reflechisse|reflechissions|creuser|explorer|trancher|plancher|cogiter|regarder) ensemble",
			"(beaucoup|plein|trop|pas mal) d (inconnues|incertitudes|questions ouvertes|zones d ombre)",
			"inconnues", "questions ouvertes", "zones d ombre",
			"pas (sur|sure|certain|certaine) de (comment|la meilleure facon|la bonne approche)",
			"aucune idee (de comment|comment|de la facon)",
			"comment (on pourrait|pourrions nous|devrions nous|faire pour|aborder|s y prendre|on s y prend|on aborde)",
			"idees", "pistes", "atelier", "tableau blanc",
			"(explorer|etudier|comparer) (les|des|plusieurs|differentes) (options|pistes|solutions|approches)",
		}},

		{crit: Kickoff, holds: true, patterns: []string{
			"lancement (du projet|de projet)", "reunion de lancement", "(reunion|point) de cadrage", "cadrage",
			"aligner", "alignes", "alignement", "s aligner", "nous aligner", "sur la meme longueur d onde", "meme page",
			"(tout le monde|toutes les equipes|les deux equipes|tous les acteurs|toutes les parties prenantes|toute l equipe) " +
				"(autour de la table|dans la meme piece|dans la meme salle|en phase|synchro)",
			"autour de la table", "qui fait quoi", "(se pose|se poser|se mettre|se reunir|poser) (tous|toutes|) ensemble", "(roles|responsabilites) (et responsabilites|a definir|a clarifier)",
			"beaucoup de (parties prenantes|dependances|equipes|acteurs)", "planification (du sprint|de sprint|du projet)",
			"(lancer|lancement|demarrer|demarrage) (le|du|d un|un) (nouveau|) projet",
		}},

		{crit: Rapport, holds: true, patterns: []string{
			"bienvenue", "bienvenu", "faire connaissance", "cafe", "un cafe", "dejeuner", "dej", "resto", "apero", "pot",
			"seminaire", "sortie d equipe", "soiree d equipe", "repas d equipe", "one to one", "tete a tete",
			"point individuel", "prendre des nouvelles", "ca fait (longtemps|un bail|une eternite)", "feter", "celebrer",
			"mentor", "mentorat", "je viens d arriver", "(nouveau|nouvelle) dans l equipe", "moral (de l equipe|des troupes)",
			"ambiance", "esprit d equipe", "(ton|votre) (evolution|parcours|plan de carriere)", "(point|entretien) carriere",
		}},
		{crit: Rapport, kind: idiom, patterns: []string{
			"(apres|avant) (le|la) (dejeuner|dej|pause dejeuner|pause dej)", "(apres|avant) (manger|le repas)",
		}},

		{crit: Complex, holds: true, patterns: []string{
			"complexe", "complique", "compliquee", "detaille", "detaillee", "en detail", "pas a pas", "etape par etape",
			"explication", "explications", "expliquer", "documentation", "document", "specification", "cahier des charges",
			"guide", "mode d emploi", "tableur", "analyse", "avantages et inconvenients", "pour reference",
			"schema", "procedure", "note de cadrage",
		}},

		{crit: Reply, holds: true, patterns: []string{
			"merci pour", "merci de (ton|votre|ta) (message|retour|mail|reponse|question)", "(pour|en) reponse a",
			"pour (ta|votre) question",
			"pour repondre a (ta|votre) question", "(concernant|suite a|au sujet de) (ton|votre|ta) (message|mail|question|demande)",
			"tu m as demande", "comme demande", "ca marche", "ca me va", "bien note", "c est note", "entendu",
			"d accord", "ok pour moi", "parfait", "avec plaisir", "de rien", "pas de souci", "pas de soucis",
			"(desole|desolee) pour (le retard|la reponse tardive|ma reponse tardive)",
		}},

		{crit: TimeZones, holds: true, patterns: []string{
			"fuseau horaire", "fuseaux horaires", "decalage horaire", "(ton|votre|leur) (matin|soir|apres midi)",
			"heure locale", "(en pleine|au milieu de la) nuit", "(tard|tot) chez (toi|vous|eux)",
			"(hors des|en dehors des) heures (de bureau|de travail|ouvrees)", "le week end", "ce week end",
			"(quand|des que) (tu|vous) (te reveilles|vous reveillez|seras en ligne|serez en ligne|reviens|revenez)",
			"equipe (us|asie|inde|amerique|americaine)",
		}},

		{crit: People, holds: true, patterns: []string{
			"(bonjour|salut|hello|coucou|hello a) (a tous|tout le monde|l equipe|la team|a toutes et a tous|tous|la compagnie)",
			"a tous", "tout le monde", "toute l equipe", "chers collegues", "chere equipe", "chers tous", "toute la boite",
		}},

		{crit: Context, holds: true, patterns: []string{
			"pour info", "pour information", "pour ton information", "pour votre information", "pour rappel", "rappel",
			"petit rappel", "info", "sondage", "votez", "a titre d information", "pour que (tu sois|vous soyez) au courant",
			"je (vous|te) tiens au courant", "compte rendu", "cr", "resume", "recap", "recapitulatif", "notes",
			"proces verbal", "enregistrement", "slides", "diapos", "ordre du jour", "agenda", "a lire avant",
			"(lire|relire|parcourir|regarder) (avant|d ici)", "en amont (de|du)",
			"(avant|en vue de|pour preparer) (la|le|notre|nos|demain) (*|) " + frEvents,
			"point d avancement", "rapport (hebdo|hebdomadaire|mensuel|trimestriel)", "(statut|etat) (du projet|d avancement)", "mise a jour", "notes de version",
			"annonce", "(ravi|ravis|ravie|heureux|heureuse|fiers|fier) d annoncer",
			"(pas de|aucune) (reponse|action) (necessaire|attendue|requise)", "pas besoin de repondre",
			"(en|je suis en|je serai en|serai en) (conges|conge|vacances|arret)", "absent", "absente",
			"en pj", "ci joint", "ci jointe", "piece jointe", "je partage", "je vous partage", "je te partage",
			"(decale|reporte|deplace|decalee|reportee|deplacee) (a|au)", "invitation",
			"(decaler|reporter|deplacer|annuler) (notre|le|la|mon|ton|ce) (*|) " + frEvents,
		}},
		{crit: Context, holds: true, kind: retro, patterns: []string{
			"retex", "retour d experience", "rapport d incident", "analyse des causes", "bilan (de l incident|de la panne)",
			"(compte rendu|recap|resume) (de l incident|de la panne|de l outage)",
		}},

		{crit: SelfPaced, holds: true, patterns: []string{
			"cours", "formation", "formations", "tutoriel", "tutoriels", "tuto", "module", "modules",
			"a ton rythme", "a votre rythme", "a son rythme", "video (de formation|explicative|d onboarding)",
			"parcours (d integration|de formation)",
		}},
		{crit: SelfPaced, kind: idiom, patterns: []string{"au cours de", "cours de bourse"}},

		{crit: Stalled, holds: true, patterns: []string{
			"aller retour", "allers retours", "tourner en rond", "on tourne en rond", "tourne en rond",
			"(toujours|encore) pas d accord", "(arrive|arrivons|arrivez) pas a (nous mettre d accord|trancher|converger|avancer|nous accorder)",
			"(on n est|nous ne sommes) (toujours|) pas d accord", "dialogue de sourds",
			"ce fil (devient|est) (trop|beaucoup trop|) long",
			"(#|trois|quatre|cinq|dix) (mails|messages|echanges|reponses|allers retours) (plus tard|sans|et)",
			"on se comprend mal", "malentendu", "(discute|debat|echange|echangeons|discutons) par (mail|ecrit|messages) depuis", "impasse", "on n avance pas", "on n avance plus",
		}},

		{crit: Ping, holds: true, patterns: []string{
			"(t as|tu as|vous avez|t aurais|tu aurais|auriez vous|aurais tu) (une minute|deux minutes|2 minutes|un moment|un instant|" +
				"5 min|cinq minutes|2 min|deux secondes|2 sec|5 minutes)",
			"(tu es|t es|vous etes|es tu|etes vous) (la|dispo|disponible|dispos|disponibles|joignable|libre)",
			"petit (appel|call|point|coup de fil)", "petite question", "(rapide|court) (appel|call|point)",
			"(on peut|peut on|est ce qu on peut|tu peux|pouvez vous) (s appeler|se parler|m appeler|parler|appeler|faire un point|faire un call)",
			"appelle moi", "appelez moi", "rappelle moi", "(on s|on se) (appelle|parle|fait un point)",
		}},
		{crit: Ping, holds: false, patterns: []string{
			"pas besoin (d appeler|de call|d appel|de reunion|de se voir|de m appeler|de faire un point|de s appeler)",
			"sans (appel|reunion|call)", "(reponds|repondez) (ici|par ecrit|dans le fil|en commentaire)",
			"par ecrit (ca suffit|c est bien|ca va|c est parfait)",
		}},

		{kind: ago, unit: 1, patterns: []string{"il y a (#|" + frNumbers + ") (minutes|min|mn|minute)"}},
		{kind: ago, unit: 60, patterns: []string{"il y a (#|" + frNumbers + ") (heure|heures|h)"}},
		{kind: ago, unit: 24 * 60, patterns: []string{"il y a (#|" + frNumbers + ") (jour|jours|semaine|semaines|mois|an|ans)"}},
		{kind: present, patterns: []string{
			"maintenant", "actuellement", "en ce moment", "a l instant", "en cours", "toujours", "encore", "de nouveau",
			"a nouveau", "depuis (#|ce matin|le deploiement|la mise en prod|la mise a jour|une heure|#h|# h|tout a l heure)",
		}},
		{kind: past, patterns: []string{
			"hier", "avant hier", "la semaine derniere", "le mois dernier", "l an dernier", "l annee derniere",
			"(" + frDays + ") dernier", "(le|la) (sprint|trimestre|semaine|mois|nuit|fois) (dernier|derniere|passe|passee)",
			"la derniere fois", "l autre jour", "precedent", "precedente", "(la|cette) nuit derniere",
		}},
		{kind: hypothetical, patterns: []string{
			"si", "au cas ou", "en cas de", "et si", "imaginons", "supposons", "eviter", "prevenir",
			"plan de (secours|continuite|reprise)", "exercice (de crise|d incident)",
		}},
	}, loanwords...),
}
