## digest

digest-title = 📋 <b>{ $child }: { $first } – { $last }</b>
digest-compared = { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } в сравнении с таким же периодом до этого ({ $first } – { $last }).
digest-record_start = ℹ️ Записи начинаются { $day }: данные за предыдущий период неполные.
digest-bad_period = Сводка бывает за 7, 14, 28 или 90 дней, например <code>/digest 90</code>.
digest-better_title = <b>Лучше или хуже?</b>
digest-episodes = Приступы: { $now } ({ $before })
digest-episode_days = Дней с приступами: { $now } из { $days } ({ $before })
digest-before = до этого { $before }, { $change }
digest-before_none = до этого не было
digest-up = +{ $percent }%
digest-down = −{ $percent }%
digest-same = без изменений
digest-small = ℹ️ Числа небольшие: такая разница может быть случайной.
digest-free_days = Дней без приступов: { $days } (дольше всего — { $run ->
        [one] { $run } день
        [few] { $run } дня
        [many] { $run } дней
       *[other] { $run } дня
    } подряд)
digest-jerks = Подёргиваний в день (по { $days ->
        [one] { $days } дню
        [few] { $days } дням
        [many] { $days } дням
       *[other] { $days } дня
    } с подсчётом): медиана { $median }, максимум { $most }
digest-severity = Серии ({ $size }+ за { $hours } ч): { $clusters } · { $threshold } и дольше: { $long } · препарат для купирования: { $rescue }
digest-where_title = <b>Где и когда</b>
digest-part = { $label } { $n }
digest-triggers = Провоцирующие факторы: { $triggers }
digest-no_triggers = Провоцирующие факторы не отмечены.
digest-after_doses = В течение 24 ч после пропущенной дозы: { $episodes } (пропущено доз: { $doses })
digest-changes_title = <b>Помогает ли новая доза?</b>
digest-no_changes = За этот период лечение не менялось.
digest-change = { $day } <b>{ $name }</b> { $before } → { $after }
digest-change_started = { $day } <b>{ $name }</b> начат с { $after }
digest-change_stopped = { $day } <b>{ $name }</b> отменён
digest-titration = (титрация, { $steps })
digest-windows = В пересчёте на 28 дней: { $before } за { $before_days ->
        [one] { $before_days } день
        [few] { $before_days } дня
        [many] { $before_days } дней
       *[other] { $before_days } дня
    } до, { $after } за { $after_days ->
        [one] { $after_days } день
        [few] { $after_days } дня
        [many] { $after_days } дней
       *[other] { $after_days } дня
    } после
digest-window_before = В пересчёте на 28 дней: { $before } за { $before_days ->
        [one] { $before_days } день
        [few] { $before_days } дня
        [many] { $before_days } дней
       *[other] { $before_days } дня
    } до
digest-under_way = Титрация идёт (пока шагов: { $steps }): оценивать рано.
digest-steps = { $n ->
        [one] { $n } шаг
        [few] { $n } шага
        [many] { $n } шагов
       *[other] { $n } шага
    }
digest-responder = ✅ Приступов стало вдвое меньше или ещё меньше: снижение на 50% и больше.
digest-not_responder = Приступов не стало вдвое меньше: снижения на 50% нет.
digest-too_soon = После изменения прошло меньше 28 дней: оценивать рано.
digest-cut_short = В течение 28 дней было ещё одно изменение: не оцениваем.
digest-short_before = На прежней дозе было меньше 28 дней: не оцениваем.
digest-none_before = До изменения приступов не было: сравнивать не с чем.
digest-more_changes = … и ещё { $n }, здесь не показаны.
digest-doses_title = <b>Все ли дозы даны?</b>
digest-no_doses = За этот период доз не записано.
digest-dose_line = <b>{ $name }</b>: дано { $given }% · вовремя { $on_time }, с опозданием { $late }, не давали { $skipped }, пропущено { $missed }
digest-more_medicines = … и ещё { $n }, здесь не показаны: дано { $given }% их доз.
digest-trust_title = <b>Насколько полны записи?</b>
digest-silent = Дней, когда никто ничего не записал: { $days } из { $of }
digest-witnessed = Подтверждённых (с таймером, с названным очевидцем или от двух человек): { $n } из { $of }
digest-delay = Обычно записывают через { $delay } после приступа (медиана)
digest-reporters = Кто сообщал: { $reporters }
digest-followups_title = <b>Ближайшие визиты и обследования</b>
digest-no_followups = Ничего не запланировано.
digest-followup = { $when } { $title }
digest-caption_frequency = Приступы { $now } ({ $before }) · дни с приступами { $days } ({ $days_before })
digest-caption_severity = Серии { $clusters } · { $threshold } и дольше { $long } · препарат для купирования { $rescue }
digest-caption_doses = Дано доз: { $given }%
digest-caption_silent = дней без записей: { $silent }
digest-place-home = 🏠 дома
digest-place-school = 🏫 в школе/саду
digest-place-other = в другом месте
digest-place-unknown = место не указано
digest-time-night = ночью
digest-time-morning = утром
digest-time-afternoon = днём
digest-time-evening = вечером
digest-time-waking = при пробуждении
digest-time-sleep = во сне
digest-reporter-parents = родители
digest-reporter-school = школа/сад
digest-reporter-others = другие
digest-chart-title = { $child }: приступы по дням, { $first } – { $last }
digest-chart-episodes = приступы
digest-chart-no_episodes = Приступов не записано
digest-chart-no_medicines = Нет постоянных препаратов
digest-chart-change = изменение лечения
digest-chart-missed = доза пропущена
digest-chart-skipped = дозу не давали
digest-chart-stopped = { $name } отменён
digest-chart-place-home = дома
digest-chart-place-school = школа/сад
digest-chart-place-other = другое
digest-chart-place-unknown = не указано
digest-send-late = ⏰ С опозданием: эта сводка должна была прийти { $when }.
digest-send-button_ack = ✅ Прочитано
digest-send-button_reply = 💬 Ответить команде
digest-send-in_private = 📋 Сводка ({ $child }) — личная информация: попросите её у меня в нашем чате командой /digest. Родитель может разрешить показывать её здесь: /digest schedule.
digest-send-button_private = Открыть наш чат
digest-send-read = ✅ { $name } ({ $role }): сводка { $first } – { $last } ({ $child }) прочитана.
digest-send-read_thanks = Спасибо: команда знает, что вы прочитали.
digest-send-read_already = Команда уже знает, что вы прочитали эту сводку.
digest-send-group_refused = Решать, показывать ли сводки в группе, может только родитель.
digest-schedule-title = 🗞 <b>Ваша сводка: { $child }</b>
digest-schedule-now = Сейчас: { $when } (ваше время, { $zone }). Следующая: { $next }.
digest-schedule-none = Сейчас: сводки по расписанию нет. Командой /digest её можно получить в любой момент.
digest-schedule-weekly = раз в неделю: { $weekday }, { $hour }
digest-schedule-monthly = раз в 4 недели: { $weekday }, { $hour }
digest-schedule-zone_hint = Не ваш часовой пояс? Укажите свой: /timezone.
digest-schedule-saved = ✅ Сохранено.
digest-schedule-off = ✅ Сводки по расписанию ({ $child }) больше не будут приходить. Командой /digest её можно получить в любой момент.
digest-schedule-group_on = 👥 /digest показывает цифры в группе команды.
digest-schedule-group_off = 👥 /digest в группе команды отправляет в личный чат.
digest-schedule-ask_day = В какой день присылать сводку ({ $child })?
digest-schedule-ask_hour = Во сколько присылать ({ $weekday }; ваше время, { $zone })?
digest-schedule-button_weekly = 📅 Каждую неделю
digest-schedule-button_monthly = 🗓 Раз в 4 недели
digest-schedule-button_off = ✖️ Без расписания
digest-schedule-button_group_on = 👥 Показывать в группе
digest-schedule-button_group_off = 👥 Не показывать в группе
digest-schedule-button_back = ‹ Назад
digest-schedule-default_set = 🗞 Сводка ({ $child }) будет приходить { $when } (ваше время, { $zone }). Изменить: /digest schedule.
digest-schedule-no_digests = Сводки получают родители, помощники и врачи, поэтому вам будут приходить только срочные оповещения.
digest-note-to_team = 💬 Напишите сообщение команде ({ $child }): ваше следующее сообщение здесь я передам им от вашего имени.
digest-note-to_member = 💬 Напишите ответ для { $name }: ваше следующее сообщение здесь я передам от вашего имени.
digest-note-relayed = 
    💬 <b>{ $name }</b> ({ $role }) · { $child }:
    { $text }
digest-note-answered = 
    💬 <b>{ $name }</b> ({ $role }), ответ · { $child }:
    { $text }
digest-note-button_answer = ↩️ Ответить: { $name }
digest-note-button_reply = ↩️ Ответить команде
digest-note-button_stop = Отмена
digest-note-sent_team = ✅ Отправлено команде ({ $child }).
digest-note-sent_member = ✅ Отправлено: { $name }.
digest-note-stopped = Хорошо, ничего не отправлено.
digest-note-sent_privately = Я написал вам в личный чат.
digest-note-empty = Сообщение пустое: напишите его текстом.
digest-note-too_long = Это длиннее, чем я могу передать одним сообщением ({ $most } символов): отправьте, пожалуйста, по частям.
digest-note-unreachable = Этому человеку я пока не могу писать в личку: напишите в группе команды.
digest-note-only_guardians = Отвечать на сообщения команде может только родитель.
digest-note-needs_start = Сначала откройте личный чат со мной и нажмите «Запустить» — там вы напишете сообщение.
digest-help-digest = /digest — сводка: /digest 7d, 28d или 90d; /digest schedule — получать её регулярно
