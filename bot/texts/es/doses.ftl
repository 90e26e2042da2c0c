## doses

doses-title = 💊 <b>Dosis de las { $time } de { $child }</b>
doses-title_again = 🔔 <b>Sigue pendiente: dosis de las { $time } de { $child }</b>
doses-title_snoozed = ⏰ <b>Pospuesta: dosis de las { $time } de { $child }</b>
doses-medicine = { $name } { $amount } { $unit }
doses-for_whom = Para: { $names }
doses-button_given = ✅ Dada
doses-button_skipped = ⏭ Omitida
doses-button_snooze = ⏰ 15 min
doses-snoozed = ⏰ { $name } la pospuso hasta las { $time }.
doses-outcome_title = 💊 Dosis de las { $time } de { $child }: { $medicine }
doses-outcome_given = ✅ La dio { $name } a las { $time }
doses-outcome_given_late = ✅ La dio { $name } a las { $time } ({ $delay } después de su hora)
doses-minutes = { $minutes } min
doses-hours = { $hours } h
doses-hours_minutes = { $hours } h { $minutes } min
doses-outcome_skipped = ⏭ La omitió { $name } a las { $time }
doses-outcome_missed = ❌ Olvidada: nadie respondió antes de las { $time }
doses-missed_title = ❌ <b>Dosis olvidada de { $child }</b>
doses-missed_line = { $medicine } a las { $time }: nadie la registró en { $minutes } minutos.
doses-button_acknowledge = 👀 Visto
doses-button_given_after_all = ✅ Sí se dio
doses-acknowledged = 👀 Lo vio { $name } a las { $time }
doses-warning = ⚠️ { $name } ya se dio a las { $time }{ $by }, antes de su intervalo habitual. ¿Registro también la dosis de las { $slot } como dada?
doses-warning_by = { " " }(la dio { $name })
doses-button_anyway = ✅ Sí, se dio
doses-button_back = ‹ Atrás
doses-already_given = Ya la dio { $name } a las { $time }.
doses-already_skipped = Ya la omitió { $name } a las { $time }.
doses-already_missed = Ya se marcó como olvidada a las { $time }.
doses-already_answered = Otra persona acaba de responder a esta dosis.
doses-day_title = 💊 <b>Dosis de { $child } hoy</b> ({ $day })
doses-day_empty = Hoy no hay dosis previstas.
doses-day_line = { $time } { $medicine } — { $state }
doses-state_given = ✅ la dio { $name } a las { $time }
doses-state_given_late = ✅ la dio { $name } a las { $time }, tarde
doses-state_skipped = ⏭ la omitió { $name }
doses-state_missed = ❌ olvidada
doses-state_waiting = 🔔 esperando respuesta
doses-state_due = ⏳ pendiente
doses-state_unanswered = — sin respuesta registrada
doses-adherence_title = 📊 <b>Dosis de { $child }, { $days ->
        [one] último día
       *[other] últimos { $days } días
    }</b> ({ $since } – { $until })
doses-adherence_empty = No hay dosis registradas en este periodo.
doses-adherence_medicine = <b>{ $name }</b>: { $total ->
        [one] 1 dosis
       *[other] { $total } dosis
    }
doses-adherence_counts = ✅ dadas { $given } ({ $given_pct } %) · 🕒 tarde { $late } ({ $late_pct } %) · ⏭ omitidas { $skipped } ({ $skipped_pct } %) · ❌ olvidadas { $missed } ({ $missed_pct } %)
doses-bad_period = Indica el periodo en días o semanas, hasta { $limit } días: por ejemplo <code>/adherence 30d</code> o <code>/adherence 2w</code>.
doses-help-doses = /doses — las dosis de hoy y quién las dio
doses-help-adherence = /adherence — dosis dadas, tarde, omitidas y olvidadas (p. ej. /adherence 30d)
