## doses

doses-title = 💊 <b>Доза на { $time }: { $child }</b>
doses-title_again = 🔔 <b>Ещё не отмечено: доза на { $time }, { $child }</b>
doses-title_snoozed = ⏰ <b>Отложено: доза на { $time }, { $child }</b>
doses-medicine = { $name } { $amount } { $unit }
doses-for_whom = Для: { $names }
doses-button_given = ✅ Дали
doses-button_skipped = ⏭ Не дали
doses-button_snooze = ⏰ 15 мин
doses-snoozed = ⏰ { $name }: отложено до { $time }.
doses-outcome_title = 💊 Доза на { $time }, { $child }: { $medicine }
doses-outcome_given = ✅ Дали в { $time } ({ $name })
doses-outcome_given_late = ✅ Дали в { $time } ({ $name }), на { $delay } позже
doses-minutes = { $minutes } мин
doses-hours = { $hours } ч
doses-hours_minutes = { $hours } ч { $minutes } мин
doses-outcome_skipped = ⏭ Не дали: отметка в { $time } ({ $name })
doses-outcome_missed = ❌ Пропущено: до { $time } никто не ответил
doses-missed_title = ❌ <b>Пропущенная доза: { $child }</b>
doses-missed_line = { $medicine } на { $time }: за { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    } никто не отметил.
doses-button_acknowledge = 👀 Вижу
doses-button_given_after_all = ✅ Всё-таки дали
doses-acknowledged = 👀 Отметка «вижу»: { $name }, { $time }
doses-warning = ⚠️ Препарат { $name } уже дали в { $time }{ $by } — раньше обычного интервала. Отметить дозу на { $slot } тоже как данную?
doses-warning_by = { " " }({ $name })
doses-button_anyway = ✅ Да, дали
doses-button_back = ‹ Назад
doses-already_given = Уже отмечено: дали в { $time } ({ $name }).
doses-already_skipped = Уже отмечено: не дали, { $time } ({ $name }).
doses-already_missed = Уже отмечено как пропущенная в { $time }.
doses-already_answered = Кто-то другой только что ответил на эту дозу.
doses-day_title = 💊 <b>Дозы на сегодня: { $child }</b> ({ $day })
doses-day_empty = На сегодня доз нет.
doses-day_line = { $time } { $medicine } — { $state }
doses-state_given = ✅ дали в { $time } ({ $name })
doses-state_given_late = ✅ дали в { $time } ({ $name }), с опозданием
doses-state_skipped = ⏭ не дали ({ $name })
doses-state_missed = ❌ пропущено
doses-state_waiting = 🔔 ждём ответа
doses-state_due = ⏳ ещё впереди
doses-state_unanswered = — ответа нет
doses-adherence_title = 📊 <b>Дозы: { $child }, за { $days ->
        [one] последний
        [few] последние
        [many] последние
       *[other] последние
    } { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }</b> ({ $since } – { $until })
doses-adherence_empty = За этот период доз не записано.
doses-adherence_medicine = <b>{ $name }</b>: { $total ->
        [one] { $total } доза
        [few] { $total } дозы
        [many] { $total } доз
       *[other] { $total } дозы
    }
doses-adherence_counts = ✅ дали { $given } ({ $given_pct }%) · 🕒 с опозданием { $late } ({ $late_pct }%) · ⏭ не дали { $skipped } ({ $skipped_pct }%) · ❌ пропущено { $missed } ({ $missed_pct }%)
doses-bad_period = Укажите период в днях или неделях, не больше { $limit ->
        [one] { $limit } дня
        [few] { $limit } дней
        [many] { $limit } дней
       *[other] { $limit } дней
    }: например <code>/adherence 30d</code> или <code>/adherence 2w</code>.
doses-help-doses = /doses — дозы на сегодня и кто их дал
doses-help-adherence = /adherence — сколько доз дали, с опозданием, не дали и пропустили (например, /adherence 30d)
