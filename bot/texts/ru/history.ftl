## history

history-title = <b>Приступы: { $child }, { $period }</b> ({ $total })
history-limited = Вам видны последние 30 дней.
history-empty = За это время приступов не записано.
history-line = { $n }. { $when } · { $facts }
history-edited = ✏️
history-page = Страница { $page } из { $pages }
history-button_older = Раньше ›
history-button_newer = ‹ Позже
history-button_back = ‹ К списку
history-bad_period = Напишите <code>/history 7d</code>, <code>/history 30d</code> или <code>/history all</code>.
history-too_old = Этот приступ старше, чем можно видеть с вашей ролью.
history-nothing_noted = без подробностей
history-today_empty = { $child }: сегодня приступов не записано.
history-today_title = <b>{ $child } сегодня</b>: { $count }
history-today_total = всего { $duration }
history-no_setting = место не указано
history-setting_count = { $setting } { $n }
history-period-7d = за последние 7 дней
history-period-30d = за последние 30 дней
history-period-all = за всё время
history-count-episodes = { $n ->
        [one] { $n } приступ
        [few] { $n } приступа
        [many] { $n } приступов
       *[other] { $n } приступа
    }
history-help-history = /history — приступы за период (7d, 30d или all)
history-help-today = /today — приступы за сегодня коротко
