## followups

followups-ask_kind = <b>{ $child }</b>: что запланировать?
followups-ask_when = Когда <b>{ $title }</b>? Напишите день и время, например <i>tue 14:30</i>, <i>3 Dec 9:00</i> или <i>every 3 months</i>.
followups-ask_line = Когда и что? Например <i>fri 10:00 physiotherapy</i> или <i>in 2 hours call the pharmacy</i>.
followups-button_stop = Отмена
followups-stopped = Хорошо, ничего не сохранено.
followups-tap_above = Сначала нажмите, пожалуйста, одну из кнопок выше.
followups-in_group_usage = 
    Напишите одной строкой, например:
    /followup tue 14:30 EEG at City Hospital
    /remind every 3 months blood test
    Или отправьте мне /followup в личном чате, и я спрошу всё по шагам.
followups-title_too_long = Опишите, пожалуйста, короче — меньше { $limit } символов.
followups-not_active = Это напоминание отменено или уже прошло. Добавьте новое: /followup.
followups-open_private = Сначала откройте личный чат со мной (нажмите на моё имя, затем «Запустить») и нажмите ещё раз.
followups-sent_privately = Я написал вам в личный чат: напишите новую дату там.
followups-saved = ✅ Сохранено — <b>{ $child }</b>: { $icon } <b>{ $title }</b>
followups-moved = 🗓 Перенесено — <b>{ $child }</b>: { $icon } <b>{ $title }</b>
followups-when_once = 🗓 { $when }
followups-when_repeat = 🔁 { $repeat }, следующий раз { $when }
followups-notices_line = 🔔 Напомню команде: { $list }.
followups-notices_none = 🔕 Без напоминания. Нажмите кнопку ниже, чтобы добавить.
followups-notices_too_soon = 🔕 Уже слишком близко, чтобы напоминать заранее.
followups-list_separator = ,{ " " }
followups-button_cancel = ✖️ Отменить напоминание
followups-time_assumed = 🕘 Время не указано, поэтому ставлю { $time } — нажмите «Перенести», чтобы изменить.
followups-button_move = 🗓 Перенести
followups-kinds-neuro = Приём невролога
followups-kinds-eeg = ЭЭГ
followups-kinds-blood = Анализ крови
followups-kinds-other = Другое
followups-icon-followup = 🩺
followups-icon-test = 🧪
followups-icon-dose = 💊
followups-icon-custom = 📌
followups-notice-week = за неделю в 09:00
followups-notice-eve = накануне в 18:00
followups-notice-morning = в тот же день в 08:00
followups-notice-2h = за 2 часа
followups-notice-30m = за 30 минут
followups-notice-now = в назначенное время
followups-notice_button-week = За неделю
followups-notice_button-eve = Накануне, 18:00
followups-notice_button-morning = В тот день, 08:00
followups-notice_button-2h = За 2 часа
followups-notice_button-30m = За 30 мин
followups-notice_button-now = В это время
followups-notice_button-on = ✅ { $name }
followups-notice_button-off = ➕ { $name }
followups-reminder-text = 🔔 <b>{ $child }</b>: { $icon } <b>{ $title }</b>, { $when }
followups-reminder-today = сегодня в { $time }
followups-reminder-tomorrow = завтра ({ $day }) в { $time }
followups-reminder-other_day = { $day } в { $time }
followups-outcome-question = 
    { $icon } <b>{ $title }</b> (<b>{ $child }</b>) — { $when }. Всё состоялось?

    Если врач изменил лечение, запишите это: /med change.
followups-outcome-button_happened = ✅ Состоялось
followups-outcome-button_moved = 🗓 Перенесли
followups-outcome-button_missed = ❌ Не состоялось
followups-outcome-happened = ✅ { $name } отмечает: <b>{ $title }</b> ({ $when }) — состоялось. Если врач изменил лечение, запишите это: /med change.
followups-outcome-moved = 🗓 { $name } отмечает: <b>{ $title }</b> ({ $when }) — перенесли. Нажмите ниже, чтобы указать новую дату.
followups-outcome-missed = ❌ { $name } отмечает: <b>{ $title }</b> ({ $when }) — не состоялось. Когда будет новая дата, нажмите ниже.
followups-outcome-button_new_date = 🗓 Указать новую дату
followups-agenda-title = <b>Что впереди: { $child }</b>
followups-agenda-empty = <b>{ $child }</b>: ничего не запланировано. Добавьте напоминание: /followup, например <i>/followup tue 14:30 EEG</i>.
followups-agenda-item = { $number }. { $icon } <b>{ $title }</b>
followups-agenda-once = { "      " }{ $when }
followups-agenda-repeat = { "      " }🔁 { $repeat }: { $times }
followups-agenda-times_separator = { " " }·{ " " }
followups-agenda-button_move = 🗓 Перенести { $number }. { $title }
followups-agenda-button_cancel = ✖️ Отменить { $number }. { $title }
followups-agenda-confirm_cancel = Отменить { $icon } <b>{ $title }</b> ({ $when })? Команде не будут приходить напоминания.
followups-agenda-button_yes = Да, отменить
followups-agenda-button_keep = Нет, оставить
followups-agenda-cancelled = ✖️ Отменено: <b>{ $title }</b>. Команде не будут приходить напоминания.
followups-agenda-ask_new_date = Когда теперь <b>{ $title }</b>? Напишите новый день и время, например <i>fri 10:00</i>.
followups-help-followup = /followup — напоминание о приёме у врача, ЭЭГ, анализе крови
followups-help-reminders = /reminders — что впереди, с кнопками отмены и переноса
followups-every-day = { $n ->
        [1] каждый день
        [one] каждый { $n } день
        [few] каждые { $n } дня
       *[other] каждые { $n } дней
    }
followups-every-week = { $n ->
        [1] каждую неделю
        [one] каждую { $n } неделю
        [few] каждые { $n } недели
       *[other] каждые { $n } недель
    }
followups-every-month = { $n ->
        [1] каждый месяц
        [one] каждый { $n } месяц
        [few] каждые { $n } месяца
       *[other] каждые { $n } месяцев
    }
followups-every-year = { $n ->
        [1] каждый год
        [one] каждый { $n } год
        [few] каждые { $n } года
       *[other] каждые { $n } лет
    }
