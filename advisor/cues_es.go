package advisor

// Spanish cues. Accents fold ("está caído" and "esta caido" read alike; ñ
// stays), and ¿ and ¡ open a clause.

const (
	esSystems = "(web|la web|sitio|el sitio|pagina|la pagina|app|la app|aplicacion|servidor|el servidor|servidores|produccion|prod|" +
		"api|la api|base de datos|bd|bbdd|sistema|el sistema|sistemas|red|la red|vpn|correo|pagos|los pagos|pago|checkout|" +
		"login|plataforma|la plataforma|backend|frontend|todo|servicio|el servicio|servicios|tienda|portal|intranet|cluster|pedidos|caja|tienda online|la tienda|la tienda online)"
	esStates = "(caido|caida|caidos|caidas|down|roto|rota|rotos|muerto|muerta|inaccesible|inaccesibles|fuera de servicio|sin servicio|" +
		"colgado|colgada|petado|petada|petando|fallando|dando errores|dando error|en llamas|ko|inoperativo|inoperativa|saturado)"
	esNumbers = "un|una|uno|dos|tres|cuatro|cinco|seis|diez|quince|veinte|treinta|cuarenta|cincuenta|unos|pocos|media"
	esDays    = "lunes|martes|miercoles|jueves|viernes"
	esEvents  = "(reunion|llamada|kickoff|taller|demo|presentacion|sesion|daily|comite|entrevista|call|revision)"
)

var spanish = langDef{
	negators:    []string{"no", "nunca", "jamas", "nada", "nadie", "ningun", "ninguna", "ninguno", "sin", "ni", "tampoco"},
	scopeEnders: []string{"pero", "aunque", "porque", "excepto", "salvo", "sino", "embargo"},
	numbers: map[string]float64{"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
		"diez": 10, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "unos": 3, "pocos": 3, "media": 0.5},
	groups: append([]cueGroup{
		{crit: Crisis, holds: true, patterns: []string{
			esSystems + " (esta|estan|sigue|siguen|se ha|se han|parece|parecen|esta completamente|estan completamente|esta totalmente|" +
				") " + esStates,
			esSystems + " (se cayo|se ha caido|se han caido|se cae|se cayeron|cayo|no funciona|no carga|no responde|no arranca|" +
				"no anda|no va|da error|da errores|devuelve errores|devuelve 500)",
			"(esta|estan) (caido|caida|caidos|caidas) (para todos|para todo el mundo|del todo)", "(se cayo|se ha caido) (todo|prod|produccion)",
			"(se ha caido|se cayo|se han caido|se cae|ha caido|cayo|se ha roto|ha petado|peto) (el|la|los|las|) " + esSystems,
			"no funciona nada", "nada funciona",
			"(he|hemos|han|ha) borrado (la|el|los|las|toda la) (base de datos|bd|bbdd|tabla|datos|carpeta|bucket)",
			"(los pedidos|las ventas|los pagos|los cobros|las reservas|los correos) no (entran|llegan|se procesan|pasan|salen)",
			esSystems + " (solo|) (da|devuelve|tira) (errores|error|500|502|503)",
			"(pagos|cobros|pedidos|pagos con tarjeta) (*|* *|) (estan|siguen) (fallando|caidos|rechazados|bloqueados)", "todo (esta|se ha) (roto|caido)",
			"(nadie|ningun cliente|ningun usuario) (puede|pueden) (entrar|pagar|acceder|conectarse|comprar|iniciar sesion|loguearse|trabajar)",
			"(los clientes|los usuarios|clientes|usuarios) no (pueden|consiguen|logran) (pagar|entrar|acceder|comprar|conectarse|iniciar sesion|loguearse)",
			"(afecta|afectando) a (todos|todo el mundo|todos los clientes|todos los usuarios|produccion)",
			"caida (total|general|del servicio|del sistema|de produccion|de la web|masiva)",
			"(incidencia|incidente) (grave|critica|critico|mayor|en produccion|de seguridad|gorda|gordo)",
			"(pagina|pantalla) en blanco", "emergencia", "emergencias", "(fuga|filtracion|perdida) de datos", "brecha de seguridad", "hackeado", "hackeados",
			"nos han hackeado", "ciberataque", "ataque", "comprometido", "comprometida", "(error|errores) 500", "crisis",
			"(latencia|cpu|errores|cola|carga|memoria|tickets|alertas|lag) (se dispara|se disparan|disparada|disparados|por las nubes|" +
				"subiendo sin parar|explotando|al 100)",
			"(certificado|cert|dominio|ssl) (ha |) (caducado|expirado)",
			"(borrado|borrada|borrados|enviado|enviada|publicado|subido) por error", "por error (borramos|borre|enviamos|envie|publicamos|subimos)",
			"(estoy|estamos) de guardia y", "(salto|salta|saltan|ha saltado|han saltado) (la alerta|las alertas|el pager|la alarma|las alarmas)",
			"(hay que|tenemos que) (hacer |) (rollback|revertir|volver atras) (ya|ahora|urgente|cuanto antes|)",
			"(bug|fallo|error) (critico|grave|gordo|bloqueante) en produccion", "(bug|fallo) critico",
			"(credenciales|contraseñas|claves|api key|token|tokens|secretos) (filtradas|filtrados|expuestas|expuestos|robadas|publicas)",
			"(cobrado|cobrados|cargado) (dos veces|doble)", "(el ultimo|este|el nuevo) (despliegue|deploy|release) (ha roto|rompio|tumbo|ha tumbado) (todo|produccion|la web)",
			"todos a una", "a fuego",
		}},
		{crit: Crisis, holds: false, patterns: []string{
			"resuelto", "resuelta", "solucionado", "solucionada", "arreglado", "arreglada", "restablecido", "restablecida",
			"falsa alarma", "bajo control", "vuelve a funcionar", "ya funciona", "funciona de nuevo", "ya esta arriba",
			"(mantenimiento|corte|parada|interrupcion) (programado|programada|planificado|planificada|previsto|prevista)",
			"ventana de mantenimiento", "nada (esta|se ha) (roto|caido)",
		}},
		{crit: Crisis, kind: idiom, patterns: []string{
			"ruta critica", "camino critico", "pensamiento critico", "contacto de emergencia",
			"(las ventas|los ingresos|el trafico|la conversion|las conversiones|los costes) (han caido|cayeron|bajaron|han bajado|caen)",
		}},

		{crit: Urgent, holds: true, patterns: []string{
			"urgente", "urgentes", "urgentemente", "urgencia", "con urgencia", "de urgencia", "cuanto antes", "lo antes posible",
			"lo mas pronto posible", "inmediatamente", "de inmediato", "ya mismo", "ahora mismo", "enseguida", "prioritario",
			"maxima prioridad", "corre prisa", "me corre prisa", "tengo prisa", "prisa",
			"(el|la) (cliente|clienta) (esta|) esperando", "los clientes (estan|) esperando",
			"amenaza (con|) (cancelar|irse|darse de baja|demandar|marcharse|romper)",
			"en cuanto (veas|leas|vea|lea) (esto|este mensaje|el mensaje)",
			"(estamos|estoy|el equipo esta) (totalmente|completamente|) (bloqueado|bloqueados|bloqueada)",
			"bloqueando (el|la) (release|lanzamiento|despliegue|demo|subida)",
			"(mirarlo|mirar esto|verlo|revisarlo|venir|ayudarme|ayudar) (ahora|ya|cuanto antes|de inmediato)",
			"(llamame|llamadme|llamame ya|llamenme) (ya|ahora|ahora mismo|urgente|cuanto antes|en cuanto puedas|en cuanto leas esto)",
			"(necesito|necesitamos) (esto|una respuesta|tu respuesta|una decision|tu ayuda|ayuda|tu ok|el ok|que vengas) (ya|ahora|hoy mismo|urgente|cuanto antes)",
			"antes (de la|del|de nuestra|de mi) (*|) " + esEvents + " (de las #|a las #|en #|de esta tarde|de esta mañana)",
			"(el ceo|la ceo|el jefe|la jefa|el director|la directora|el cliente|los inversores) (sale|esta|entra) (al escenario|en directo|en antena)",
		}},
		{crit: Urgent, kind: within, unit: 1, patterns: []string{
			"(en|dentro de|en menos de|en unos) (#|" + esNumbers + ") (minutos|min|minuto|mins)",
			"(quedan|nos quedan|tenemos|solo quedan) (#|" + esNumbers + ") (minutos|min|mins)",
		}},
		{crit: Urgent, kind: within, unit: 60, patterns: []string{
			"(en|dentro de|en menos de) (#|" + esNumbers + ") (hora|horas|h)", "en media hora", "en la proxima hora",
			"(en|dentro de) (una|la proxima) hora",
		}},
		{crit: Urgent, holds: false, key: keyUrgentDeadline, patterns: []string{
			"(para|antes de) (esta noche|el final del dia|final del dia|fin del dia|mañana|mañana por la mañana|las #|esta tarde|el eod)",
			"a lo largo del dia", "(durante|en) el dia de hoy", "(hoy|esta tarde) (esta bien|vale|si puedes|me vale)",
		}},
		{crit: Urgent, holds: false, patterns: []string{
			"sin prisa", "sin prisas", "tranquilo", "tranquila", "tranqui", "sin agobios", "sin presion",
			"cuando puedas", "cuando podais", "cuando pueda", "cuando (tengas|tengais|tenga) (un momento|tiempo|un rato|un hueco|un minuto)",
			"cuando te (venga|vaya) bien", "cuando os (venga|vaya) bien", "tomate tu tiempo", "tomaos vuestro tiempo",
			"puede esperar", "baja prioridad", "poca prioridad",
			"(para el|antes del) (" + esDays + ") (que viene|)", "(para|antes de) (la semana que viene|la proxima semana)", "(para|antes de) final de (semana|mes)",
			"por curiosidad", "en algun momento", "algun dia", "nada urgente",
		}},

		{crit: Sensitive, holds: true, patterns: []string{
			"evaluacion (de desempeño|de rendimiento|anual|del desempeño)", "evaluacion", "evaluaciones",
			"(feedback|comentarios|critica|criticas) (dificil|dificiles|negativo|negativa|sincero|sincera|honesto|honesta|" +
				"constructivo|constructiva|duro|dura|critico)",
			"tu (rendimiento|desempeño)", "despido", "despidos", "despedir", "despedido", "despedida de", "ere",
			"(prescindir|prescindimos|prescindiremos|prescindiendo) de", "recorte de (personal|plantilla)", "recortes de plantilla",
			"reestructuracion", "reorganizacion", "dimision", "dimitir", "renuncia", "renunciar", "me voy de la empresa",
			"dejo la empresa", "salario", "sueldo", "aumento", "subida de sueldo", "compensacion", "bonus", "ascenso",
			"promocion", "confidencial", "entre nosotros", "en privado", "a solas",
			"tema (delicado|sensible|personal)", "delicado", "delicada",
			"(problemas|motivos|asuntos|temas) (personales|de salud|familiares)", "salud mental", "baja medica", "hospital", "hospitalizado", "hospitalizada",
			"fallecido", "fallecida", "fallecimiento", "fallecio", "pesame", "condolencias", "embarazada", "embarazo",
			"quemado", "quemada", "agobiado", "agobiada", "estresado", "estresada", "frustrado", "frustrada",
			"decepcionado", "decepcionada", "frustrante", "molesto", "molesta", "enfadado", "enfadada", "dolido", "dolida",
			"incomodo", "incomoda", "conflicto", "conflictos", "tension", "tensiones", "queja", "quejas", "acoso",
			"discriminacion", "amonestacion", "recursos humanos", "rrhh", "tenemos que hablar",
			"(conversacion|charla) (dificil|seria|delicada|incomoda|sincera)",
			"(me|nos) (equivoque|equivocamos|he equivocado|hemos equivocado)", "la (he|hemos) cagado", "culpa mia",
			"(mis|nuestras) disculpas", "pedirte disculpas", "tu (comportamiento|actitud|tono)",
			"(la forma|la manera) en (que|la que) (hablaste|reaccionaste|respondiste|trataste|te comportaste)",
			"(estas|estais) bien", "me siento (mal|incomodo|incomoda|fuera de lugar|agobiado|agobiada|infravalorado|infravalorada)",
			"no me siento (bien|comodo|comoda|valorado|valorada|escuchado|escuchada)", "me (sento|ha sentado|sentaron) (un poco|bastante|muy|) (mal|fatal|regular)", "me (molesto|dolio|ha dolido|ha molestado)", "prefiero (hablarlo|decirtelo|contartelo|comentarlo) (en persona|en privado|cara a cara|por llamada)",
			"no por escrito", "algo personal", "(problema|problemas) de comunicacion", "(he|hemos|ha) metido la pata", "meti la pata",
			"prefiero no (escribirlo|ponerlo|decirlo|contarlo) (por aqui|aqui|por escrito|por chat|por slack)", "(no ha|no han) (cumplido|estado a la altura)", "no esta cumpliendo (las|) expectativas", "por debajo de (las |) expectativas",
			"(mi|su) ultimo dia", "(acepte|he aceptado) (una|otra) oferta",
		}},
		{crit: Sensitive, kind: idiom, patterns: []string{
			"conflicto de (merge|versiones|calendario|agenda)", "conflictos de merge",
			"datos (sensibles|personales|confidenciales)", "(repo|repositorio|clave|canal) privado",
		}},

		{crit: Brainstorm, holds: true, patterns: []string{
			"lluvia de ideas", "(pensar|pensemos|pensarlo|explorar|darle una vuelta|darle vueltas|debatir|discutir|idear|veamos|miremos) " +
				"(juntos|juntas|entre todos|en equipo)",
			"(muchas|demasiadas|bastantes) (incognitas|dudas|preguntas abiertas|incertidumbres)", "incognitas",
			"preguntas abiertas", "no (tengo|tenemos) (ni idea|claro) (de como|como)",
			"no (se|sabemos) (como|por donde) (empezar|abordarlo|hacerlo|plantearlo)",
			"como (podriamos|deberiamos|vamos a|podemos) (abordar|plantear|resolver|enfocar|diseñar)",
			"ideas", "taller", "pizarra", "(explorar|evaluar|valorar) (opciones|alternativas|enfoques|soluciones)",
		}},

		{crit: Kickoff, holds: true, patterns: []string{
			"arranque (del proyecto|de proyecto)", "reunion de (arranque|lanzamiento|inicio|kickoff)",
			"(lanzamiento|inicio|arranque) del (nuevo |) proyecto", "alinear", "alinearnos", "alineados", "alineacion",
			"en la misma pagina", "(todos|todo el equipo|todos los equipos|ambos equipos|todas las partes) (en la misma sala|juntos|" +
				"alineados|en la misma pagina|en sintonia)", "quien hace que", "(roles|responsabilidades) (y responsabilidades|claros|a definir)",
			"muchas (partes|piezas) (implicadas|en movimiento|involucradas)", "muchos (equipos|stakeholders|implicados|frentes)",
			"planificacion (del sprint|del proyecto|de sprint)",
		}},

		{crit: Rapport, holds: true, patterns: []string{
			"bienvenido", "bienvenida", "bienvenidos", "bienvenidas", "conocernos", "conocerte", "conocer al equipo",
			"conocer (al|a la|a los|a las) (nuevo|nueva|nuevos|nuevas)",
			"cafe", "cafecito", "comer juntos", "almuerzo", "almorzar", "comida de equipo", "cena", "cañas", "retiro",
			"(evento|salida|comida|cena|fiesta) (de|del) equipo", "uno a uno", "(ponernos|ponerme|ponerte) al dia",
			"hace (mucho|tiempo|siglos) que no (hablamos|nos vemos)", "celebrar", "celebracion", "mentor", "mentoria",
			"(soy|acabo de) (nuevo|nueva|llegar|empezar|incorporarme)", "ambiente del equipo", "moral del equipo",
			"despedida", "tu (carrera|desarrollo profesional|evolucion|futuro en la empresa)",
		}},
		{crit: Rapport, kind: idiom, patterns: []string{"(despues|antes) de (comer|la comida|almorzar|la cena)"}},

		{crit: Complex, holds: true, patterns: []string{
			"complejo", "compleja", "complicado", "complicada", "detallado", "detallada", "en detalle", "paso a paso",
			"explicacion", "explicar", "explico", "documentacion", "documento", "especificacion", "guia", "manual",
			"instrucciones", "hoja de calculo", "analisis", "pros y contras", "ventajas y desventajas", "para referencia",
			"para consultarlo", "diagrama", "procedimiento",
		}},

		{crit: Reply, holds: true, patterns: []string{
			"gracias por", "muchas gracias por", "en respuesta a", "respondiendo a",
			"(sobre|respecto a|en cuanto a) tu (pregunta|mensaje|correo|email|consulta)", "me preguntaste", "como pediste",
			"como me pediste", "perfecto", "de acuerdo", "vale", "entendido", "me parece bien", "suena bien", "de nada",
			"sin problema", "(perdon|disculpa|siento) (por|) (la tardanza|el retraso|tardar)",
		}},

		{crit: TimeZones, holds: true, patterns: []string{
			"zona horaria", "zonas horarias", "diferencia horaria", "hora local", "(tu|su|vuestra) hora", "de madrugada",
			"(en|a) mitad de la noche", "(tarde|temprano) (para ti|alli|para ellos|para vosotros)",
			"fuera (del|de) horario (laboral|de trabajo|de oficina)", "fuera de horas", "el fin de semana", "este finde", "el finde",
			"(cuando|en cuanto) (te despiertes|os desperteis|te conectes|estes online|vuelvas)",
			"equipo de (eeuu|estados unidos|asia|india|mexico|latam|america)",
		}},

		{crit: People, holds: true, patterns: []string{
			"(hola|buenas|buenos dias) (a todos|a todas|equipo|chicos|chicas|gente|todos|team|a todo el mundo)",
			"a todos", "todo el equipo", "toda la empresa", "@todos", "queridos compañeros", "todo el mundo",
		}},

		{crit: Context, holds: true, patterns: []string{
			"para tu informacion", "para vuestra informacion", "para su informacion", "info", "a modo informativo",
			"solo para que (lo sepas|lo sepais|estes al tanto|esteis al tanto)", "(os|te) (mantengo|mantendre) al tanto",
			"para que (esteis|estes) al tanto", "recordatorio", "encuesta", "votad", "os recuerdo", "te recuerdo", "resumen", "acta", "notas",
			"grabacion", "diapositivas", "slides", "agenda", "orden del dia", "lectura previa",
			"(leer|revisar|echar un vistazo|mirar) (antes de|antes del)",
			"(antes de|antes del|de cara a|para preparar) (la|el|nuestra|nuestro|mañana|la proxima|el proximo) (*|) " + esEvents,
			"actualizacion", "informe (semanal|mensual|trimestral)", "estado del proyecto", "novedades", "notas de la version", "anuncio",
			"(nos complace|me alegra|tenemos el placer de|me complace) (anunciar|compartir|comunicar)",
			"no (hace falta|es necesario|necesitas|necesitais) (responder|contestar|hacer nada)",
			"(estare|estoy|estare de) (de vacaciones|de baja|de permiso|fuera)", "de vacaciones", "fuera de la oficina",
			"adjunto", "adjunta", "te paso", "os paso", "os comparto", "te comparto", "comparto",
			"(movido|movida|cambiado|cambiada|aplazado|aplazada|pospuesto|pospuesta) (a|al)", "invitacion",
			"(mover|movemos|cambiar|cambiamos|aplazar|aplazamos|cancelar|cancelamos) (nuestra|nuestro|la|el|mi|tu) (*|) " + esEvents,
		}},
		{crit: Context, holds: true, kind: retro, patterns: []string{
			"informe del incidente", "informe de incidencia", "informe de la incidencia", "analisis de causa raiz",
			"(resumen|balance) (del incidente|de la incidencia|de la caida)", "retrospectiva",
		}},

		{crit: SelfPaced, holds: true, patterns: []string{
			"curso", "cursos", "formacion", "formaciones", "modulo", "modulos", "leccion", "lecciones",
			"a tu ritmo", "a vuestro ritmo", "a su ritmo", "video (de formacion|explicativo|de onboarding)",
			"plan de incorporacion",
		}},
		{crit: SelfPaced, kind: idiom, patterns: []string{"en el curso de", "a lo largo del curso"}},

		{crit: Stalled, holds: true, patterns: []string{
			"ida y vuelta", "idas y vueltas", "idas y venidas", "dando vueltas", "(damos|estamos dando) vueltas",
			"en circulos", "seguimos sin (ponernos de acuerdo|estar de acuerdo|llegar a nada|avanzar)",
			"(todavia|aun|seguimos) (en desacuerdo|sin acuerdo)",
			"no (nos ponemos|llegamos a ponernos|conseguimos ponernos|terminamos de ponernos) de acuerdo",
			"no (avanzamos|llegamos a nada)", "(#|tres|cuatro|cinco|diez) (correos|mensajes|emails|respuestas|rondas) (despues|y|sin)",
			"este hilo (se esta haciendo|es|ya es) (muy|demasiado|) largo", "malentendido", "no nos entendemos",
			"punto muerto", "callejon sin salida", "no hay manera",
			"(llevamos|llevais|llevan) (toda la semana|todo el dia|dias|semanas|horas) (discutiendo|debatiendo|dandole vueltas|escribiendonos)",
			"discutiendo por (correo|email|chat|slack|escrito)",
		}},

		{crit: Ping, holds: true, patterns: []string{
			"(tienes|tenes|tiene|tendrias|tendria) (un momento|un minuto|un segundo|un rato|cinco minutos|5 minutos|un min|un sec|5 min)",
			"(estas|esta|estais) (ahi|por ahi|disponible|libre|conectado|conectada)",
			"(una|) (llamada|llamadita|pregunta|preguntita|consulta) (rapida|corta)",
			"(podemos|puedes|podrias|podriamos|me puedes) (hablar|llamar|llamarme|hacer una llamada|conectarnos)",
			"llamame", "llamadme", "(hablamos|nos llamamos) (un momento|rapido)",
		}},
		{crit: Ping, holds: false, patterns: []string{
			"no (hace falta|es necesario|necesitamos|necesitas) (llamar|una llamada|reunion|una reunion|reunirnos|hablar)",
			"sin (llamada|reunion)", "(responde|respondeme|contesta) (por aqui|aqui|en el hilo|por escrito)",
			"por escrito (basta|vale|esta bien)",
		}},

		{kind: ago, unit: 1, patterns: []string{"hace (#|" + esNumbers + ") (minutos|min|minuto|mins)"}},
		{kind: ago, unit: 60, patterns: []string{"hace (#|" + esNumbers + ") (hora|horas|h)"}},
		{kind: ago, unit: 24 * 60, patterns: []string{"hace (#|" + esNumbers + ") (dia|dias|semana|semanas|mes|meses|año|años)"}},
		{kind: present, patterns: []string{
			"ahora", "en este momento", "actualmente", "todavia", "aun", "sigue", "siguen", "otra vez", "de nuevo",
			"desde (#|esta mañana|el despliegue|la subida|el deploy|la actualizacion|las #|hace)",
		}},
		{kind: past, patterns: []string{
			"ayer", "anteayer", "anoche", "la semana pasada", "el mes pasado", "el año pasado", "el (" + esDays + ") pasado",
			"el otro dia", "la ultima vez", "el (sprint|trimestre|finde|fin de semana) pasado", "anterior",
		}},
		{kind: hypothetical, patterns: []string{
			"si", "en caso de", "por si", "que pasa si", "que pasaria si", "supongamos", "evitar", "evitamos", "prevenir",
			"plan de (contingencia|continuidad)", "simulacro",
		}},
	}, loanwords...),
}
