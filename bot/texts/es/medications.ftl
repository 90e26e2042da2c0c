## medications

medications-dosing = { $amount } { $unit } a las { $times }
medications-dosing_as_needed = { $amount } { $unit } si lo necesita
medications-not_taken = no lo toma
medications-stopped = retirado
medications-typed_as = { $name } (escrito como { $typed })
medications-from_day = desde el { $day }
medications-from_moment = desde el { $day }, { $time }
medications-by = { $name } ({ $role })
medications-by_plan = la pauta de ajuste
medications-someone = alguien
medications-not_taken_then = { $name } no estaba en el tratamiento en ese momento. Mira /meds.
medications-no_difference = { $name } ya está exactamente así. Indica una dosis nueva o unas horas nuevas.
medications-already_taken = { $name } ya está en el tratamiento. Para cambiarlo: <code>/med change { $name } { $example } from tomorrow</code>
medications-already_taken_unknown = { $name } ya está en el tratamiento. Para cambiarlo, envía /med change { $name } con la dosis o las horas nuevas.
medications-not_on_regimen = { $name } no está en el tratamiento. Mira /meds, o empiézalo así: <code>/med start { $name } { $example }</code>
medications-not_on_regimen_unknown = { $name } no está en el tratamiento. Mira /meds, o empiézalo con /med start { $name }, su dosis y sus horas.
medications-changed_meanwhile = Alguien ha registrado otro cambio mientras tanto, así que este no lo he guardado. Revisa /meds y vuelve a enviarlo.
medications-no_plan = { $name } no tiene ninguna pauta de ajuste que pausar o reanudar.
medications-no_plan_left = Esa pauta de ajuste ya ha terminado.
medications-who_usage = Dime a qué hora y quién, por ejemplo: <code>/med who 12:30 educator</code>
medications-who_bad_time = “{ $time }” no es una hora del día. Escribe 08:00 o 12:30.
medications-bad_day = No he entendido la fecha “{ $day }”. Usa el formato 2026-11-01, por ejemplo <code>/meds 2026-11-01</code>.
medications-who_unknown = No conozco “{ $word }”: escribe guardians, caregivers, educators o el nombre de alguien del equipo que registre dosis.
medications-relay-title_start = 💊 <b>{ $child }: medicamento nuevo</b>
medications-relay-title_adjust = 💊 <b>{ $child }: cambio de dosis</b>
medications-relay-title_stop = 💊 <b>{ $child }: medicamento retirado</b>
medications-relay-line = { $name }: { $old } → <b>{ $new }</b>
medications-relay-when = Cuándo: { $when }
medications-relay-why = Motivo: { $reason }
medications-relay-recorded_by = Lo registró { $by }
medications-relay-plan = 📈 Pauta: { $step } { $days ->
        [one] cada día
       *[other] cada { $days } días
    } hasta { $target }:
medications-relay-plan_step = • { $amount } { $day }
medications-relay-plan_more = • … { $count ->
        [one] 1 paso más
       *[other] { $count } pasos más
    }
medications-relay-plan_ended = La pauta de ajuste hasta { $target } ha terminado.
medications-relay-step_title = 📈 <b>{ $child }: nuevo paso de la pauta</b>
medications-relay-step_next = Siguiente: { $amount } { $day }.
medications-relay-step_last = Era el último paso: ya se ha llegado a la dosis objetivo.
medications-confirm-title = Revisa esto antes de que lo registre:
medications-confirm-unknown_name = ⚠️ No conozco el medicamento “{ $name }”. Guardaré el nombre tal como lo has escrito.
medications-confirm-spelling = ⚠️ He entendido “{ $typed }” como { $name }.
medications-confirm-dose_ratio_up = ⚠️ Es { $ratio }× la dosis actual: { $old } → { $new }.
medications-confirm-dose_ratio_down = ⚠️ Es { $ratio } de la dosis actual: { $old } → { $new }.
medications-confirm-unit = ⚠️ Cambia la unidad: { $old } → { $new }.
medications-confirm-dose_above = ⚠️ Son { $daily }, por encima de la dosis máxima habitual de { $name } (unos { $limit } al día).
medications-confirm-dose_below = ⚠️ Son { $daily }, muy por debajo de la dosis habitual de { $name } (al menos unos { $limit } al día).
medications-confirm-target_above = ⚠️ El objetivo de la pauta es { $daily }, por encima de la dosis máxima habitual de { $name } (unos { $limit } al día).
medications-confirm-per_day = { $amount } al día
medications-confirm-per_day_liquid = { $amount } al día en solución de { $strength } mg/ml
medications-confirm-stop = ⚠️ Esto retira { $name } ({ $dosing }) { $when }, y también sus recordatorios de dosis.
medications-confirm-question = ¿Lo confirmas?
medications-confirm-button_yes = ✅ Sí, regístralo
medications-confirm-button_cancel = ✖️ Cancelar
medications-confirm-cancelled = De acuerdo, no he registrado nada.
medications-regimen-title_now = 💊 <b>Medicación de { $child }</b> — ahora
medications-regimen-title_on = 💊 <b>Medicación de { $child }</b> — el { $day }
medications-regimen-empty = No hay ningún medicamento en el tratamiento.
medications-regimen-entry = • <b>{ $name }</b>: { $dosing }
medications-regimen-since = { "   " }desde el { $day }
medications-regimen-changed = { "   " }último cambio el { $day }: { $old } → { $new }
medications-regimen-why = { "   " }motivo: { $reason }
medications-regimen-by = { "   " }lo registró { $by }
medications-regimen-plan_active = { "   " }📈 { $step } { $days ->
        [one] cada día
       *[other] cada { $days } días
    } hasta { $target }; siguiente: { $amount } { $day }
medications-regimen-plan_paused = { "   " }⏸ pauta de ajuste en pausa con esta dosis (objetivo { $target })
medications-regimen-planned_title = Próximos cambios:
medications-regimen-planned_line = • { $when }: { $name } { $old } → { $new }
medications-regimen-button_pause = ⏸ Pausar pauta de { $name }
medications-regimen-button_resume = ▶️ Reanudar pauta de { $name }
medications-plan-paused = ⏸ <b>{ $child }</b>: la pauta de ajuste de { $name } está en pausa con { $dosing }. La pausó { $by }; se reanuda con /med resume { $name }.
medications-plan-resumed = ▶️ <b>{ $child }</b>: la pauta de ajuste de { $name } sigue. Siguiente: { $amount } { $day }. ({ $by })
medications-guide-menu = ¿Qué quieres registrar para <b>{ $child }</b>?
medications-guide-button_start = ➕ Empezar un medicamento
medications-guide-button_change = ✏️ Cambiar dosis u horas
medications-guide-button_stop = ⏹ Retirar un medicamento
medications-guide-button_cancel = ✖️ Cancelar
medications-guide-ask_start = Escribe el medicamento, la dosis y las horas. Por ejemplo: <code>levetiracetam 250 mg 08:00 20:00</code> o <code>valproate 5 ml twice daily</code>
medications-guide-pick_change = ¿Qué medicamento cambia?
medications-guide-pick_stop = ¿Qué medicamento se retira?
medications-guide-ask_change = ¿Qué cambia en <b>{ $name }</b> (ahora { $dosing })? Escribe la dosis nueva y/o las horas, y desde cuándo. Por ejemplo: <code>{ $example } from tomorrow</code> o <code>08:00 12:30 20:00</code>
medications-guide-ask_change_unknown = ¿Qué cambia en <b>{ $name }</b> (ahora { $dosing })? Escribe la dosis nueva y/o las horas, y desde cuándo. Por ejemplo: <code>08:00 12:30 20:00</code>
medications-guide-ask_stop = ¿Por qué se retira <b>{ $name }</b>? Escribe el motivo o toca Omitir.
medications-guide-button_skip = Omitir
medications-guide-nothing_to_pick = Todavía no hay ningún medicamento en el tratamiento. Empieza uno primero.
medications-guide-in_private = 
    Envía el cambio aquí en una sola línea, por ejemplo:
    <code>/med start levetiracetam 250 mg 08:00 20:00</code>
    <code>/med change levetiracetam 500 mg from tomorrow</code>
    <code>/med stop clonazepam reason drowsiness</code>
    O deja que te guíe paso a paso en un chat privado.
medications-guide-button_open_private = Abrir chat privado
medications-guide-tap_a_button = Toca uno de los botones de arriba, o envía /med para empezar de nuevo.
medications-who-title = 👥 <b>A quién le recuerdo las dosis de { $child }</b>
medications-who-line = { $time }: { $who }
medications-who-default = { " " }(por defecto)
medications-who-nobody = todavía nadie del equipo puede registrar dosis
medications-who-hint = Cámbialo así, por ejemplo: <code>/med who 12:30 educator</code> o <code>/med who 20:00 Anna</code>; con <code>/med who 12:30 default</code> vuelve a tutores y cuidadores.
medications-who-empty = Todavía no hay horas de dosis.
medications-weight-ask = ⚖️ Esa dosis va por kg de peso. ¿Cuánto pesa <b>{ $child }</b> ahora? Escríbelo en kg, por ejemplo <i>22.5</i>.
medications-weight-ask_again = ⚖️ Esa dosis va por kg de peso. <b>{ $child }</b> pesaba { $weight } kg el { $day }: ¿cuánto pesa ahora? Escríbelo en kg, por ejemplo <i>22.5</i>.
medications-weight-needed_in_group = Las dosis en mg/kg/día se calculan con el peso del niño o la niña, y no tengo ninguno de los últimos 3 meses. Regístralo con <code>/med weight 22.5</code> (en kg) y vuelve a enviar la línea.
medications-weight-unreadable = No he entendido eso como un peso. Escríbelo en kg, por ejemplo <i>22.5</i>.
medications-weight-out_of_range = El peso tiene que estar entre { $low } y { $high } kg. Escríbelo en kg, por ejemplo <i>22.5</i>.
medications-weight-dose_too_small = Con esa cifra sale menos de 0.0001 mg por toma. Revisa la dosis por kg.
medications-weight-plan_too_small = Los pasos de la pauta salen demasiado pequeños para registrarlos en mg. Indica la pauta en mg, por ejemplo <code>increase by 50 mg every 7 days to 300 mg</code>.
medications-weight-worked_out = ⚖️ { $per_kg } mg/kg/día × { $weight } kg = { $daily } mg al día, { $dose } mg { $how }.
medications-weight-worked_out_rounded = ⚖️ { $per_kg } mg/kg/día × { $weight } kg = { $daily } mg al día, unos { $dose } mg { $how } (redondeado).
medications-weight-weighed = ⚖️ Peso registrado el { $day }. Si ha cambiado, regístralo con <code>/med weight</code> y el peso nuevo, y vuelve a enviar la línea.
medications-weight-once = una vez al día
medications-weight-twice = dos veces al día
medications-weight-times = { $count ->
        [one] una vez al día
       *[other] { $count } veces al día
    }
medications-weight-as_needed = cada vez, si lo necesita
medications-weight-relay = ⚖️ { $per_kg } mg/kg/día × { $weight } kg
medications-weight-shown = ⚖️ <b>{ $child }</b> pesa { $weight } kg (registrado el { $day }). Las dosis en mg/kg/día se calculan con este peso. Para actualizarlo: <code>/med weight 23.5</code>
medications-weight-none = ⚖️ No hay ningún peso registrado de <b>{ $child }</b>. Regístralo con <code>/med weight 22.5</code> (en kg).
medications-weight-saved = ⚖️ Registrado: <b>{ $child }</b> pesa { $weight } kg. Las dosis en mg/kg/día se calculan con este peso; las dosis ya registradas no cambian.
medications-bedtime-shown = 🌙 <b>{ $child }</b> se acuesta a las { $time }: en /med, “at night” y “at bedtime” significan las { $time }. Para cambiarlo: <code>/med bedtime 19:30</code>
medications-bedtime-saved = 🌙 Ahora <b>{ $child }</b> se acuesta a las { $time }: en /med, “at night” y “at bedtime” significan las { $time }. Las dosis que ya estaban fijadas mantienen sus horas.
medications-bedtime-unreadable = No he entendido eso como una hora del día. Ejemplo: <code>/med bedtime 19:30</code>
medications-help-meds = /meds — la medicación actual (o la de una fecha: /meds 2026-11-01)
medications-help-med = /med — registrar que se empieza, cambia o retira un medicamento (y /med bedtime, /med weight)
