## history

history-title = <b>Crisis de { $child }, { $period }</b> ({ $total })
history-limited = Puedes ver los últimos 30 días.
history-empty = No hay crisis registradas en este tiempo.
history-line = { $n }. { $when } · { $facts }
history-edited = ✏️
history-page = Página { $page } de { $pages }
history-button_older = Anteriores ›
history-button_newer = ‹ Más recientes
history-button_back = ‹ Volver a la lista
history-bad_period = Escribe <code>/history 7d</code>, <code>/history 30d</code> o <code>/history all</code>.
history-too_old = Esa crisis es más antigua de lo que tu rol permite ver.
history-nothing_noted = sin detalles
history-today_empty = Hoy no hay crisis registradas de { $child }.
history-today_title = <b>{ $child } hoy</b>: { $count }
history-today_total = { $duration } en total
history-no_setting = lugar sin indicar
history-setting_count = { $setting } { $n }
history-period-7d = últimos 7 días
history-period-30d = últimos 30 días
history-period-all = desde el principio
history-count-episodes = { $n ->
        [one] { $n } crisis
       *[other] { $n } crisis
    }
history-help-history = /history — las crisis hasta ahora (7d, 30d o all)
history-help-today = /today — las crisis de hoy de un vistazo
