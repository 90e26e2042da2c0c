## history

history-title = <b>{ $child }'s episodes, { $period }</b> ({ $total })
history-limited = You can see the last 30 days.
history-empty = No episodes recorded in this time.
history-line = { $n }. { $when } · { $facts }
history-edited = ✏️
history-page = Page { $page } of { $pages }
history-button_older = Older ›
history-button_newer = ‹ Newer
history-button_back = ‹ Back to the list
history-bad_period = Say <code>/history 7d</code>, <code>/history 30d</code> or <code>/history all</code>.
history-too_old = That episode is older than your role can see.
history-nothing_noted = no details
history-today_empty = No episodes recorded for { $child } today.
history-today_title = <b>{ $child } today</b>: { $count }
history-today_total = { $duration } in all
history-no_setting = place not given
history-setting_count = { $setting } { $n }
history-period-7d = last 7 days
history-period-30d = last 30 days
history-period-all = all time
history-count-episodes = { $n ->
        [one] { $n } episode
       *[other] { $n } episodes
    }
history-help-history = /history — the episodes so far (7d, 30d or all)
history-help-today = /today — today's episodes at a glance
