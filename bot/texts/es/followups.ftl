## followups

followups-ask_kind = ¿Qué cita o prueba tiene <b>{ $child }</b>?
followups-ask_when = ¿Cuándo es <b>{ $title }</b>? Escribe el día y la hora, por ejemplo <i>tue 14:30</i>, <i>3 Dec 9:00</i> o <i>every 3 months</i>.
followups-ask_line = ¿Cuándo y qué? Por ejemplo <i>fri 10:00 fisioterapia</i> o <i>in 2 hours llamar a la farmacia</i>.
followups-button_stop = Cancelar
followups-stopped = De acuerdo, no he guardado nada.
followups-tap_above = Primero toca uno de los botones de arriba, por favor.
followups-in_group_usage = 
    Dímelo en una línea, por ejemplo:
    /followup tue 14:30 EEG en el Hospital Central
    /remind every 3 months análisis de sangre
    O envíame /followup en un chat privado y te lo pregunto paso a paso.
followups-title_too_long = Descríbelo en menos de { $limit } caracteres, por favor.
followups-not_active = Ese recordatorio se canceló o ya pasó. Añade uno nuevo con /followup.
followups-open_private = Primero abre un chat privado conmigo (toca mi nombre y luego Iniciar) y vuelve a tocar aquí.
followups-sent_privately = Te he enviado un mensaje privado: escribe allí la nueva fecha.
followups-saved = ✅ Guardado para <b>{ $child }</b>: { $icon } <b>{ $title }</b>
followups-moved = 🗓 Cambiado de fecha para <b>{ $child }</b>: { $icon } <b>{ $title }</b>
followups-when_once = 🗓 { $when }
followups-when_repeat = 🔁 { $repeat }; la próxima, { $when }
followups-notices_line = 🔔 Se lo recordaré al equipo { $list }.
followups-notices_none = 🔕 Sin recordatorio. Toca uno de abajo para añadirlo.
followups-notices_too_soon = 🔕 Falta muy poco: ya no da tiempo a avisar antes.
followups-list_separator = ,{ " " }
followups-button_cancel = ✖️ Cancelar recordatorio
followups-time_assumed = 🕘 No indicaste la hora, así que lo he puesto a las { $time }. Toca Cambiar fecha para modificarlo.
followups-button_move = 🗓 Cambiar fecha
followups-kinds-neuro = Revisión de neurología
followups-kinds-eeg = EEG
followups-kinds-blood = Análisis de sangre
followups-kinds-other = Otra cosa
followups-icon-followup = 🩺
followups-icon-test = 🧪
followups-icon-dose = 💊
followups-icon-custom = 📌
followups-notice-week = una semana antes a las 09:00
followups-notice-eve = el día antes a las 18:00
followups-notice-morning = esa misma mañana a las 08:00
followups-notice-2h = 2 horas antes
followups-notice-30m = 30 minutos antes
followups-notice-now = a la hora
followups-notice_button-week = Una semana antes
followups-notice_button-eve = Día antes, 18:00
followups-notice_button-morning = Esa mañana, 08:00
followups-notice_button-2h = 2 horas antes
followups-notice_button-30m = 30 min antes
followups-notice_button-now = A la hora
followups-notice_button-on = ✅ { $name }
followups-notice_button-off = ➕ { $name }
followups-reminder-text = 🔔 <b>{ $child }</b>: { $icon } <b>{ $title }</b>, { $when }
followups-reminder-today = hoy a las { $time }
followups-reminder-tomorrow = mañana ({ $day }) a las { $time }
followups-reminder-other_day = el { $day } a las { $time }
followups-outcome-question = 
    { $icon } <b>{ $title }</b> de <b>{ $child }</b>: tocaba el { $when }. ¿Se hizo?

    Si el médico cambió algún medicamento, regístralo con /med change.
followups-outcome-button_happened = ✅ Sí, se hizo
followups-outcome-button_moved = 🗓 Se cambió de fecha
followups-outcome-button_missed = ❌ No se hizo
followups-outcome-happened = ✅ Lo anotó { $name }: <b>{ $title }</b> ({ $when }) se hizo. Si el médico cambió algún medicamento, regístralo con /med change.
followups-outcome-moved = 🗓 Lo anotó { $name }: <b>{ $title }</b> ({ $when }) se cambió de fecha. Toca abajo para poner la nueva.
followups-outcome-missed = ❌ Lo anotó { $name }: <b>{ $title }</b> ({ $when }) no se hizo. Toca abajo cuando tengas nueva fecha.
followups-outcome-button_new_date = 🗓 Poner nueva fecha
followups-agenda-title = <b>Próximamente para { $child }</b>
followups-agenda-empty = No hay nada próximo para <b>{ $child }</b>. Añade una cita con /followup, por ejemplo <i>/followup tue 14:30 EEG</i>.
followups-agenda-item = { $number }. { $icon } <b>{ $title }</b>
followups-agenda-once = { "      " }{ $when }
followups-agenda-repeat = { "      " }🔁 { $repeat }: { $times }
followups-agenda-times_separator = { " " }·{ " " }
followups-agenda-button_move = 🗓 Cambiar { $number }. { $title }
followups-agenda-button_cancel = ✖️ Cancelar { $number }. { $title }
followups-agenda-confirm_cancel = ¿Cancelar { $icon } <b>{ $title }</b> ({ $when })? El equipo no recibirá recordatorios.
followups-agenda-button_yes = Sí, cancélalo
followups-agenda-button_keep = No, mantenlo
followups-agenda-cancelled = ✖️ Cancelado: <b>{ $title }</b>. El equipo no recibirá recordatorios.
followups-agenda-ask_new_date = ¿Cuándo es ahora <b>{ $title }</b>? Escribe el nuevo día y la hora, por ejemplo <i>fri 10:00</i>.
followups-help-followup = /followup — añadir un recordatorio de cita (revisión, EEG, análisis de sangre)
followups-help-reminders = /reminders — lo que viene, con botones para cancelar o cambiar de fecha
followups-every-day = { $n ->
        [one] cada día
       *[other] cada { $n } días
    }
followups-every-week = { $n ->
        [one] cada semana
       *[other] cada { $n } semanas
    }
followups-every-month = { $n ->
        [one] cada mes
       *[other] cada { $n } meses
    }
followups-every-year = { $n ->
        [one] cada año
       *[other] cada { $n } años
    }
