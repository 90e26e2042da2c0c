## language

language-ask = 🌐 ¿En qué idioma quieres que te escriba?
language-set = ✅ A partir de ahora te escribiré en español.
language-team_ask = 🌐 ¿En qué idioma escribo en el grupo de <b>{ $child }</b>?
language-team_set = ✅ En el grupo, a partir de ahora escribiré sobre <b>{ $child }</b> en español.
language-name-en = English
language-name-es = Español
language-name-ru = Русский
language-help-language = /language — el idioma en que te escribo (y, si eres tutor, el del grupo)

## The command menus (setMyCommands), one description per command

language-menu-start = Bienvenida y menú principal
language-menu-help = Lo que puedo hacer
language-menu-newchild = Crear el equipo de cuidado de un niño
language-menu-team = Quién forma parte del equipo
language-menu-invite = Invitar a alguien al equipo
language-menu-invites = Invitaciones pendientes
language-menu-notify = Cómo te llegan las noticias del equipo
language-menu-child = Elegir de qué niño hablan tus comandos
language-menu-link = Vincular este grupo al equipo de un niño
language-menu-unlink = Desvincular este grupo
language-menu-leave = Salir de un equipo de cuidado
language-menu-deletechild = Borrar todos los registros de un niño
language-menu-e = Anotar una crisis en una línea, p. ej. /e 10:15 45s cara
language-menu-history = Las crisis hasta ahora: /history 7d, 30d o all
language-menu-today = Las crisis de hoy, de un vistazo
language-menu-plan = El plan de acción ante una crisis
language-menu-timer = Cronometrar una crisis; aviso al equipo al llegar al límite
language-menu-followup = Añadir un recordatorio de seguimiento
language-menu-remind = Añadir un recordatorio en una línea
language-menu-reminders = Lo que viene, para cancelar o mover
language-menu-meds = Los medicamentos actuales (o en una fecha)
language-menu-med = Anotar un medicamento nuevo, un cambio o una retirada
language-menu-doses = Las dosis de hoy y quién las dio
language-menu-adherence = Dosis dadas, tarde, saltadas y olvidadas
language-menu-digest = El resumen: /digest 7d, 28d o 90d, o /digest schedule
language-menu-timezone = Tu propia zona horaria, para los resúmenes a tu hora
language-menu-export = El historial en PDF, en CSV o como paquete FHIR
language-menu-language = El idioma en que te escribo
