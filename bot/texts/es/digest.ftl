## digest

digest-title = 📋 <b>{ $child }: { $first } – { $last }</b>
digest-compared = { $days } días, comparados con los { $days } días anteriores ({ $first } – { $last }).
digest-record_start = ℹ️ El registro empieza el { $day }: el periodo anterior no está completo.
digest-bad_period = Un resumen abarca 7, 14, 28 o 90 días: por ejemplo <code>/digest 90</code>.
digest-better_title = <b>¿Mejor o peor?</b>
digest-episodes = Crisis: { $now } ({ $before })
digest-episode_days = Días con crisis: { $now } de { $days } ({ $before })
digest-before = antes { $before }, { $change }
digest-before_none = antes 0
digest-up = +{ $percent } %
digest-down = −{ $percent } %
digest-same = sin cambios
digest-small = ℹ️ Son números pequeños: un cambio de este tamaño puede ser casualidad.
digest-free_days = Días sin crisis: { $days } (la racha más larga, { $run ->
        [one] 1 día
       *[other] { $run } días seguidos
    })
digest-jerks = Sacudidas al día, { $days ->
        [one] en el único día con recuento
       *[other] en los { $days } días con recuento
    }: mediana { $median }, máximo { $most }
digest-severity = Salvas ({ $size }+ en { $hours } h): { $clusters } · de { $threshold } o más: { $long } · medicación de rescate: { $rescue }
digest-where_title = <b>Dónde y cuándo</b>
digest-part = { $label } { $n }
digest-triggers = Desencadenantes: { $triggers }
digest-no_triggers = No se anotó ningún desencadenante.
digest-after_doses = En las 24 h siguientes a una dosis no dada: { $episodes } ({ $doses ->
        [one] 1 dosis no dada
       *[other] { $doses } dosis no dadas
    })
digest-changes_title = <b>¿Funciona la nueva dosis?</b>
digest-no_changes = No hubo cambios de medicación en este periodo.
digest-change = { $day } <b>{ $name }</b> { $before } → { $after }
digest-change_started = { $day } <b>{ $name }</b> empezó con { $after }
digest-change_stopped = { $day } <b>{ $name }</b> retirado
digest-titration = (pauta de ajuste, { $steps })
digest-windows = Por cada 28 días: { $before } en los { $before_days } días previos, { $after } en los { $after_days } siguientes
digest-window_before = Por cada 28 días: { $before } en los { $before_days } días previos
digest-under_way = Pauta de ajuste en curso ({ $steps } hasta ahora): aún no se valora.
digest-steps = { $n ->
        [one] 1 paso
       *[other] { $n } pasos
    }
digest-responder = ✅ La mitad de crisis o menos: respuesta de al menos el 50 %.
digest-not_responder = No han bajado a la mitad: respuesta inferior al 50 %.
digest-too_soon = Han pasado menos de 28 días desde el cambio: es pronto para valorarlo.
digest-cut_short = Hubo otro cambio antes de 28 días: no se valora.
digest-short_before = La dosis anterior duró menos de 28 días: no se valora.
digest-none_before = No había crisis antes del cambio: no hay nada que reducir a la mitad.
digest-more_changes = … y { $n } más que no se muestran.
digest-doses_title = <b>¿Se están dando las dosis?</b>
digest-no_doses = No hay dosis registradas en este periodo.
digest-dose_line = <b>{ $name }</b>: { $given } % dadas · { $on_time } a su hora, { $late } tarde, { $skipped } omitidas, { $missed } olvidadas
digest-more_medicines = … y { $n } más que no se muestran: { $given } % de sus dosis dadas.
digest-trust_title = <b>¿Qué tan completo está el registro?</b>
digest-silent = Días en los que nadie registró nada: { $days } de { $of }
digest-witnessed = Con testigo (cronometradas, vistas por alguien con nombre o avisadas dos veces): { $n } de { $of }
digest-delay = Tiempo mediano desde la crisis hasta su registro: { $delay }
digest-reporters = Quién avisó: { $reporters }
digest-followups_title = <b>Próximas citas</b>
digest-no_followups = No hay nada previsto.
digest-followup = { $when } { $title }
digest-caption_frequency = Crisis { $now } ({ $before }) · días con crisis { $days } ({ $days_before })
digest-caption_severity = Salvas { $clusters } · de { $threshold } o más { $long } · medicación de rescate { $rescue }
digest-caption_doses = Dosis dadas { $given } %
digest-caption_silent = días sin registros { $silent }
digest-place-home = 🏠 casa
digest-place-school = 🏫 colegio
digest-place-other = otro sitio
digest-place-unknown = lugar sin indicar
digest-time-night = madrugada
digest-time-morning = mañana
digest-time-afternoon = tarde
digest-time-evening = noche
digest-time-waking = al despertar
digest-time-sleep = durmiendo
digest-reporter-parents = familia
digest-reporter-school = colegio
digest-reporter-others = otras personas
digest-chart-title = { $child }: crisis por día, { $first } – { $last }
digest-chart-episodes = crisis
digest-chart-no_episodes = No hay crisis registradas
digest-chart-no_medicines = Sin medicación diaria
digest-chart-change = cambio de medicación
digest-chart-missed = dosis olvidada
digest-chart-skipped = dosis omitida
digest-chart-stopped = { $name } retirado
digest-chart-place-home = casa
digest-chart-place-school = colegio
digest-chart-place-other = otro sitio
digest-chart-place-unknown = sin indicar
digest-send-late = ⏰ Con retraso: este resumen tocaba el { $when }.
digest-send-button_ack = ✅ Leído
digest-send-button_reply = 💬 Responder al equipo
digest-send-in_private = 📋 El resumen de { $child } es privado: pídemelo en nuestro chat con /digest. Un tutor o tutora puede hacer que se muestre aquí con /digest schedule.
digest-send-button_private = Abrir nuestro chat
digest-send-read = ✅ { $name } ({ $role }) ha leído el resumen de { $child } ({ $first } – { $last }).
digest-send-read_thanks = Gracias: el equipo ya sabe que lo has leído.
digest-send-read_already = El equipo ya sabe que has leído este resumen.
digest-send-group_refused = Solo un tutor o tutora puede decidir si los resúmenes se muestran en el grupo.
digest-schedule-title = 🗞 <b>Tu resumen de { $child }</b>
digest-schedule-now = Ahora: { $when } (tu hora, { $zone }). El próximo: { $next }.
digest-schedule-none = Ahora: sin resumen programado. Con /digest tienes uno siempre que lo pidas.
digest-schedule-weekly = cada { $weekday } a las { $hour }
digest-schedule-monthly = cada 4 semanas, el { $weekday } a las { $hour }
digest-schedule-zone_hint = ¿No es tu zona horaria? Pon la tuya con /timezone.
digest-schedule-saved = ✅ Guardado.
digest-schedule-off = ✅ Ya no recibirás resúmenes programados de { $child }. Con /digest tienes uno siempre que lo pidas.
digest-schedule-group_on = 👥 /digest muestra las cifras en el grupo del equipo.
digest-schedule-group_off = 👥 /digest en el grupo del equipo remite al chat privado.
digest-schedule-ask_day = ¿Qué día quieres recibir el resumen de { $child }?
digest-schedule-ask_hour = ¿A qué hora, cada { $weekday }? (tu hora, { $zone })
digest-schedule-button_weekly = 📅 Cada semana
digest-schedule-button_monthly = 🗓 Cada 4 semanas
digest-schedule-button_off = ✖️ Sin resumen programado
digest-schedule-button_group_on = 👥 Resúmenes en el grupo
digest-schedule-button_group_off = 👥 Sin resúmenes en el grupo
digest-schedule-button_back = ‹ Atrás
digest-schedule-default_set = 🗞 Tu resumen de { $child } llega { $when } (tu hora, { $zone }). Puedes cambiarlo con /digest schedule.
digest-schedule-no_digests = Los resúmenes son para tutores, cuidadores y profesionales de salud, así que solo recibirás los avisos urgentes.
digest-note-to_team = 💬 Escribe tu mensaje para el equipo de { $child }: lo próximo que envíes aquí les llegará de tu parte.
digest-note-to_member = 💬 Escribe tu respuesta para { $name }: lo próximo que envíes aquí le llegará de tu parte.
digest-note-relayed = 
    💬 <b>{ $name }</b> ({ $role }) sobre { $child }:
    { $text }
digest-note-answered = 
    💬 <b>{ $name }</b> ({ $role }) responde sobre { $child }:
    { $text }
digest-note-button_answer = ↩️ Responder a { $name }
digest-note-button_reply = ↩️ Responder al equipo
digest-note-button_stop = Cancelar
digest-note-sent_team = ✅ Enviado al equipo de { $child }.
digest-note-sent_member = ✅ Enviado a { $name }.
digest-note-stopped = De acuerdo, no he enviado nada.
digest-note-sent_privately = Te he escrito en nuestro chat privado.
digest-note-empty = Tu mensaje está vacío: escríbelo como texto.
digest-note-too_long = Es más largo de lo que puedo reenviar en un solo mensaje ({ $most } caracteres): envíalo en varias partes, por favor.
digest-note-unreachable = Todavía no puede recibir mensajes privados míos: escríbele en el grupo del equipo.
digest-note-only_guardians = Solo un tutor o tutora puede responder a las notas para el equipo.
digest-note-needs_start = Abre un chat privado conmigo y pulsa Iniciar primero: allí escribirás tu mensaje.
digest-help-digest = /digest — el resumen: /digest 7d, 28d o 90d; /digest schedule para recibirlo con regularidad
