## medications

medications-dosing = { $amount } { $unit } в { $times }
medications-dosing_as_needed = { $amount } { $unit } по необходимости
medications-not_taken = не назначен
medications-stopped = отменён
medications-typed_as = { $name } (написано: { $typed })
medications-from_day = с { $day }
medications-from_moment = с { $day }, { $time }
medications-by = { $name } ({ $role })
medications-by_plan = план титрации
medications-someone = кто-то
medications-not_taken_then = В это время { $name } не входит в схему приёма. Посмотрите /meds.
medications-no_difference = { $name } и так принимается именно так. Укажите новую дозу или новое время.
medications-already_taken = { $name } уже есть в схеме приёма. Чтобы изменить: <code>/med change { $name } { $example } from tomorrow</code>
medications-already_taken_unknown = { $name } уже есть в схеме приёма. Чтобы изменить, отправьте /med change { $name } с новой дозой или временем.
medications-not_on_regimen = Препарата { $name } нет в схеме приёма. Посмотрите /meds или начните его: <code>/med start { $name } { $example }</code>
medications-not_on_regimen_unknown = Препарата { $name } нет в схеме приёма. Посмотрите /meds или начните его: /med start { $name }, доза и время приёма.
medications-changed_meanwhile = Пока вы писали, кто-то уже внёс другое изменение, поэтому это я не записал. Проверьте /meds и отправьте ещё раз.
medications-no_plan = У препарата { $name } нет плана титрации, который можно приостановить или продолжить.
medications-no_plan_left = Этот план титрации уже закончился.
medications-who_usage = Укажите время и кого напоминать, например: <code>/med who 12:30 educator</code>
medications-who_bad_time = «{ $time }» — это не время. Пишите как 08:00 или 12:30.
medications-bad_day = Не понял дату «{ $day }». Пишите в виде 2026-11-01, например <code>/meds 2026-11-01</code>.
medications-who_unknown = Не знаю, кто это — «{ $word }». Напишите guardians, caregivers, educators или имя человека из команды, который отмечает дозы.
medications-relay-title_start = 💊 <b>{ $child }: новый препарат</b>
medications-relay-title_adjust = 💊 <b>{ $child }: доза изменена</b>
medications-relay-title_stop = 💊 <b>{ $child }: препарат отменён</b>
medications-relay-line = { $name }: { $old } → <b>{ $new }</b>
medications-relay-when = Когда: { $when }
medications-relay-why = Причина: { $reason }
medications-relay-recorded_by = Кто записал: { $by }
medications-relay-plan = 📈 План: по { $step } { $days ->
        [1] каждый день
        [one] каждый { $days } день
        [few] каждые { $days } дня
        [many] каждые { $days } дней
       *[other] каждые { $days } дня
    } до { $target }:
medications-relay-plan_step = • { $amount } { $day }
medications-relay-plan_more = • … и ещё { $count ->
        [one] { $count } шаг
        [few] { $count } шага
        [many] { $count } шагов
       *[other] { $count } шага
    }
medications-relay-plan_ended = План титрации до { $target } завершён.
medications-relay-step_title = 📈 <b>{ $child }: шаг титрации</b>
medications-relay-step_next = Дальше: { $amount } { $day }.
medications-relay-step_last = Это был последний шаг: целевая доза достигнута.
medications-confirm-title = Проверьте, пожалуйста, перед тем как я запишу:
medications-confirm-unknown_name = ⚠️ Я не знаю препарат «{ $name }». Сохраню название так, как вы его написали.
medications-confirm-spelling = ⚠️ Я понял «{ $typed }» как { $name }.
medications-confirm-dose_ratio_up = ⚠️ Это текущая доза × { $ratio }: { $old } → { $new }.
medications-confirm-dose_ratio_down = ⚠️ Это { $ratio } от текущей дозы: { $old } → { $new }.
medications-confirm-unit = ⚠️ Меняется единица: { $old } → { $new }.
medications-confirm-dose_above = ⚠️ Получается { $daily } — больше обычного максимума для препарата { $name } (около { $limit } в сутки).
medications-confirm-dose_below = ⚠️ Получается { $daily } — намного меньше обычной дозы препарата { $name } (обычно не меньше { $limit } в сутки).
medications-confirm-target_above = ⚠️ Целевая доза в плане — { $daily }, больше обычного максимума для препарата { $name } (около { $limit } в сутки).
medications-confirm-per_day = { $amount } в сутки
medications-confirm-per_day_liquid = { $amount } в сутки, если это раствор { $strength } мг/мл
medications-confirm-stop = ⚠️ Препарат { $name } ({ $dosing }) будет отменён { $when }, напоминания о его дозах тоже прекратятся.
medications-confirm-question = Подтверждаете?
medications-confirm-button_yes = ✅ Да, записать
medications-confirm-button_cancel = ✖️ Отмена
medications-confirm-cancelled = Хорошо, ничего не записано.
medications-regimen-title_now = 💊 <b>{ $child }: препараты</b> — сейчас
medications-regimen-title_on = 💊 <b>{ $child }: препараты</b> — на { $day }
medications-regimen-empty = В схеме приёма нет препаратов.
medications-regimen-entry = • <b>{ $name }</b>: { $dosing }
medications-regimen-since = { "   " }с { $day }
medications-regimen-changed = { "   " }последнее изменение { $day }: { $old } → { $new }
medications-regimen-why = { "   " }причина: { $reason }
medications-regimen-by = { "   " }кто записал: { $by }
medications-regimen-plan_active = { "   " }📈 по { $step } { $days ->
        [1] каждый день
        [one] каждый { $days } день
        [few] каждые { $days } дня
        [many] каждые { $days } дней
       *[other] каждые { $days } дня
    } до { $target }; дальше: { $amount } { $day }
medications-regimen-plan_paused = { "   " }⏸ титрация на паузе на этой дозе (цель — { $target })
medications-regimen-planned_title = Запланировано:
medications-regimen-planned_line = • { $when }: { $name } { $old } → { $new }
medications-regimen-button_pause = ⏸ Пауза: титрация { $name }
medications-regimen-button_resume = ▶️ Продолжить: титрация { $name }
medications-plan-paused = ⏸ <b>{ $child }</b>: титрация препарата { $name } на паузе, доза { $dosing }. Кто поставил паузу: { $by }. Продолжить: /med resume { $name }.
medications-plan-resumed = ▶️ <b>{ $child }</b>: титрация препарата { $name } продолжается. Дальше: { $amount } { $day }. ({ $by })
medications-guide-menu = <b>{ $child }</b>: что записать?
medications-guide-button_start = ➕ Новый препарат
medications-guide-button_change = ✏️ Изменить дозу или время
medications-guide-button_stop = ⏹ Отменить препарат
medications-guide-button_cancel = ✖️ Отмена
medications-guide-ask_start = Напишите препарат, дозу и время приёма. Например: <code>levetiracetam 250 mg 08:00 20:00</code> или <code>valproate 5 ml twice daily</code>
medications-guide-pick_change = Какой препарат меняется?
medications-guide-pick_stop = Какой препарат отменяется?
medications-guide-ask_change = Что меняется у препарата <b>{ $name }</b> (сейчас { $dosing })? Напишите новую дозу и/или время и с какого дня. Например: <code>{ $example } from tomorrow</code> или <code>08:00 12:30 20:00</code>
medications-guide-ask_change_unknown = Что меняется у препарата <b>{ $name }</b> (сейчас { $dosing })? Напишите новую дозу и/или время и с какого дня. Например: <code>08:00 12:30 20:00</code>
medications-guide-ask_stop = Почему отменяют <b>{ $name }</b>? Напишите причину или нажмите «Пропустить».
medications-guide-button_skip = Пропустить
medications-guide-nothing_to_pick = В схеме приёма пока нет препаратов. Сначала добавьте препарат.
medications-guide-in_private = 
    Отправьте изменение одной строкой здесь, например:
    <code>/med start levetiracetam 250 mg 08:00 20:00</code>
    <code>/med change levetiracetam 500 mg from tomorrow</code>
    <code>/med stop clonazepam reason drowsiness</code>
    Или я проведу вас по шагам в личном чате.
medications-guide-button_open_private = Открыть личный чат
medications-guide-tap_a_button = Нажмите одну из кнопок выше или отправьте /med, чтобы начать заново.
medications-who-title = 👥 <b>Кому напоминать о дозах: { $child }</b>
medications-who-line = { $time }: { $who }
medications-who-default = { " " }(по умолчанию)
medications-who-nobody = в команде пока нет никого, кто может отмечать дозы
medications-who-hint = Изменить можно так: <code>/med who 12:30 educator</code> или <code>/med who 20:00 Anna</code>; <code>/med who 12:30 default</code> вернёт напоминания родителям и помощникам.
medications-who-empty = Время приёма пока не задано.
medications-weight-ask = ⚖️ Эта доза указана на кг веса. Сколько сейчас весит <b>{ $child }</b>? Напишите в кг, например <i>22,5</i>.
medications-weight-ask_again = ⚖️ Эта доза указана на кг веса. <b>{ $child }</b>: { $day } вес был { $weight } кг. А сколько сейчас? Напишите в кг, например <i>22,5</i>.
medications-weight-needed_in_group = Дозы в мг/кг/сутки считаются по весу ребёнка, а веса за последние 3 месяца у меня нет. Запишите его: <code>/med weight 22.5</code> (в кг), а потом отправьте строку ещё раз.
medications-weight-unreadable = Не понял вес. Напишите в кг, например <i>22,5</i>.
medications-weight-out_of_range = Вес должен быть от { $low } до { $high } кг. Напишите в кг, например <i>22,5</i>.
medications-weight-dose_too_small = Получается меньше 0,0001 мг на приём. Проверьте дозу на кг.
medications-weight-plan_too_small = Шаги титрации получаются слишком маленькими, чтобы записать их в мг. Укажите план в мг, например <code>increase by 50 mg every 7 days to 300 mg</code>.
medications-weight-worked_out = ⚖️ { $per_kg } мг/кг/сутки × { $weight } кг = { $daily } мг в сутки, по { $dose } мг { $how }.
medications-weight-worked_out_rounded = ⚖️ { $per_kg } мг/кг/сутки × { $weight } кг = { $daily } мг в сутки, примерно по { $dose } мг { $how } (с округлением).
medications-weight-weighed = ⚖️ Вес записан { $day }. Если он изменился, запишите новый: <code>/med weight</code> и вес, а потом отправьте строку ещё раз.
medications-weight-once = один раз в день
medications-weight-twice = два раза в день
medications-weight-times = { $count ->
        [one] { $count } раз
        [few] { $count } раза
        [many] { $count } раз
       *[other] { $count } раза
    } в день
medications-weight-as_needed = на каждый приём, по необходимости
medications-weight-relay = ⚖️ { $per_kg } мг/кг/сутки × { $weight } кг
medications-weight-shown = ⚖️ <b>{ $child }</b>: вес { $weight } кг (записан { $day }). По нему считаются дозы в мг/кг/сутки. Обновить: <code>/med weight 23.5</code>
medications-weight-none = ⚖️ <b>{ $child }</b>: вес не записан. Запишите его: <code>/med weight 22.5</code> (в кг).
medications-weight-saved = ⚖️ Записано: <b>{ $child }</b>, вес { $weight } кг. По нему считаются дозы в мг/кг/сутки; уже записанные дозы не меняются.
medications-bedtime-shown = 🌙 <b>{ $child }</b>: время сна — { $time }. «На ночь» и «перед сном» в /med означают { $time }. Изменить: <code>/med bedtime 19:30</code>
medications-bedtime-saved = 🌙 <b>{ $child }</b>: время сна теперь { $time }. «На ночь» и «перед сном» в /med означают { $time }. У уже заданных доз время не меняется.
medications-bedtime-unreadable = Не понял время. Например: <code>/med bedtime 19:30</code>
medications-help-meds = /meds — препараты сейчас (или на дату: /meds 2026-11-01)
medications-help-med = /med — записать, что препарат начат, изменён или отменён (а также /med bedtime, /med weight)
