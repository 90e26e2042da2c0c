## episodes

episodes-in_future = Это время ещё не наступило, поэтому ничего не сохранено. Укажите время, которое уже прошло, например /e 10:15 45s mild face
episodes-window_backwards = Промежуток заканчивается раньше, чем начинается, поэтому ничего не сохранено. Например: /e 12 jerks 7:00-7:30
episodes-bad_duration = Приступ может длиться от секунды до суток, поэтому ничего не сохранено. Например: /e 10:15 45s mild face
episodes-bad_count = Количество — от 1 до 1000, поэтому ничего не сохранено. Например: /e 10:15 12 jerks arms
episodes-not_understood = Не получилось сохранить это как приступ, ничего не сохранено. Например: /e 10:15 45s mild face
episodes-gone = Этот приступ удалён.
episodes-refused_change = Изменить этот приступ может только тот, кто о нём сообщил, или родитель.
episodes-too_late_to_undo = Отменить уже нельзя (прошло 10 минут). Вместо этого нажмите 🗑 Удалить.
episodes-only_reporter_undoes = Отменить может только тот, кто сообщил.
episodes-already_answered = На это уже ответили.
episodes-open_private_chat = Чтобы исправить, откройте личный чат со мной, нажмите «Запустить» и снова нажмите ✏️ Исправить.
episodes-held_expired = Это сообщение слишком долго ждало ответа и не сохранилось. Отправьте его, пожалуйста, ещё раз.
episodes-already_saved = Вы только что отправили это же сообщение — оно сохранено один раз, а не два. Если это был другой приступ, отправьте его со временем, например /e 10:15 45s
episodes-head = ⚡ <b>{ $child }</b> — приступ { $when }
episodes-head_urgent = 🚨 <b>СРОЧНО: { $child }</b> — приступ { $when }
episodes-today_at = в { $time }
episodes-yesterday_at = вчера в { $time }
episodes-day_at = { $day } в { $time }
episodes-window = { $start }–{ $end }
episodes-at = 📍 { $setting }
episodes-triggers = возможные причины: { $triggers }
episodes-rescue = 💊 Для купирования: { $medicine }
episodes-rescue_unnamed = 💊 Дали препарат для купирования
episodes-injury = травма
episodes-notes = 📝 { $notes }
episodes-attached = 📎 { $files }
episodes-attachment-photo = фото
episodes-attachment-video = видео
episodes-attachment-video_note = видеокружок
episodes-attachment-voice = голосовое сообщение
episodes-attachment-file = файл
episodes-reporter = 👤 { $name } ({ $role })
episodes-reporter_gone = 👤 человек, который вышел из команды
episodes-seen_by = очевидец: { $observer }
episodes-also_seen_by = также видели: { $names }
episodes-late = записано через { $delay }
episodes-context = 📊 Сегодня { $today } · на этой неделе { $this_week } · на прошлой { $last_week }
episodes-edited = (исправлено)
episodes-plan_title = <b>План действий</b>
episodes-no_plan = Плана действий пока нет. Родитель или врач может добавить его: /plan set …
episodes-saved = ✅ Сохранено и отправлено команде ({ $child }).
episodes-saved_urgent = 🚨 Сохранено. Команда и все родители оповещены.
episodes-not_shared = Сохранено, но пока не отправлено команде.
episodes-held = Сохранено, но пока не отправлено: { $name } тоже сообщает о приступе { $when }. Это тот же самый?
episodes-merged = 👍 Понял: вы добавлены вторым очевидцем к сообщению ({ $name }). Команда узнала о приступе один раз.
episodes-undone = ↩️ Отменено: приступ { $when } удалён.
episodes-undone_notice = ↩️ { $name }: сообщение о приступе { $when } ({ $child }) отозвано.
episodes-delete_confirm = Удалить этот приступ? Команда увидит, что его больше нет. В журнале останется копия.
episodes-deleted = 🗑 Приступ { $when } удалён.
episodes-deleted_notice = 🗑 { $name }: сообщение о приступе { $when } ({ $child }) удалено.
episodes-corrected = ✏️ Исправлено.
episodes-corrected_notice = ✏️ { $name }: сообщение исправлено:
episodes-correct_prompt = 
    Отправьте исправленное сообщение одной строкой, как оно должно выглядеть. Сейчас оно такое:
    <code>{ $line }</code>
episodes-correct_prompt_sent = Я написал вам в личный чат: напишите исправленное сообщение там.
episodes-details_prompt = Добавьте, что знаете:
episodes-details_complete = Спасибо, это всё, что я спрашиваю.
episodes-button_undo = ↩️ Отменить
episodes-button_details = ➕ Подробности
episodes-button_correct = ✏️ Исправить
episodes-button_delete = 🗑 Удалить
episodes-button_delete_yes = Да, удалить
episodes-button_keep = Оставить
episodes-button_same = Да, тот же
episodes-button_different = Нет, другой
episodes-button_share = 📣 Отправить команде
episodes-button_done = ✓ Готово
episodes-button_back = ‹ К списку
episodes-duration-seconds = { $n } с
episodes-duration-minutes = { $n } мин
episodes-duration-hours = { $n } ч
episodes-count-jerks = { $n ->
        [one] { $n } подёргивание
        [few] { $n } подёргивания
        [many] { $n } подёргиваний
       *[other] { $n } подёргивания
    }
episodes-count-about = около { $n ->
        [one] { $n } подёргивания
        [few] { $n } подёргиваний
        [many] { $n } подёргиваний
       *[other] { $n } подёргивания
    }
episodes-count-range = { $low }–{ $high ->
        [one] { $high } подёргивание
        [few] { $high } подёргивания
        [many] { $high } подёргиваний
       *[other] { $high } подёргивания
    }
episodes-count-under = меньше { $n ->
        [one] { $n } подёргивания
        [few] { $n } подёргиваний
        [many] { $n } подёргиваний
       *[other] { $n } подёргивания
    }
episodes-lasted-range = { $low }–{ $high }
episodes-lasted-under = меньше { $high }
episodes-lasted-over = больше { $low }
episodes-kind-single_jerk = одиночное подёргивание
episodes-kind-cluster = серия подёргиваний
episodes-kind-fall = падение
episodes-kind-absence = абсанс
episodes-kind-generalized = генерализованный приступ
episodes-kind-other = другое
episodes-body-arms = руки
episodes-body-left_arm = левая рука
episodes-body-right_arm = правая рука
episodes-body-legs = ноги
episodes-body-left_leg = левая нога
episodes-body-right_leg = правая нога
episodes-body-face = лицо
episodes-body-head_neck = голова и шея
episodes-body-trunk = туловище
episodes-body-whole_body = всё тело
episodes-body-left_side = левая сторона
episodes-body-right_side = правая сторона
episodes-intensity-mild = слабый
episodes-intensity-moderate = средний
episodes-intensity-severe = сильный
episodes-setting-home = дома
episodes-setting-school = в школе/саду
episodes-setting-outside = на улице
episodes-setting-car = в машине
episodes-setting-sleep = во сне
episodes-setting-waking = при пробуждении
episodes-trigger-fatigue = усталость
episodes-trigger-stress = стресс
episodes-trigger-poor_sleep = плохой сон
episodes-trigger-illness = болезнь
episodes-trigger-missed_dose = пропуск дозы
episodes-trigger-flashing_lights = мигающий свет
episodes-trigger-startle = испуг
episodes-trigger-excitement = возбуждение
episodes-trigger-exertion = нагрузка
episodes-button_intensity-mild = Слабый
episodes-button_intensity-moderate = Средний
episodes-button_intensity-severe = Сильный
episodes-button_setting-home = 🏠 Дома
episodes-button_setting-school = 🏫 Школа/сад
episodes-button_setting-outside = 🌳 На улице
episodes-button_setting-car = 🚗 В машине
episodes-button_setting-sleep = 😴 Во сне
episodes-button_setting-waking = 🌅 После сна
episodes-button_trigger-fatigue = Усталость
episodes-button_trigger-stress = Стресс
episodes-button_trigger-poor_sleep = Плохой сон
episodes-button_trigger-illness = Болезнь
episodes-button_trigger-missed_dose = Пропуск дозы
episodes-button_trigger-excitement = Возбуждение
episodes-help-e = /e — сообщить о приступе одной строкой, например /e 10:15 45s mild face
episodes-today_at_about = около { $time }
episodes-yesterday_at_about = вчера около { $time }
episodes-day_at_about = { $day } около { $time }
episodes-on_day-today = сегодня
episodes-on_day-yesterday = вчера
episodes-on_day-other = { $day }
episodes-part-today-morning = сегодня утром
episodes-part-today-afternoon = сегодня днём
episodes-part-today-evening = сегодня вечером
episodes-part-today-late = сегодня поздно вечером
episodes-part-today-night = этой ночью
episodes-part-yesterday-morning = вчера утром
episodes-part-yesterday-afternoon = вчера днём
episodes-part-yesterday-evening = вчера вечером
episodes-part-yesterday-late = вчера поздно вечером
episodes-part-yesterday-night = в ночь на вчера
episodes-part-other-morning = { $day } утром
episodes-part-other-afternoon = { $day } днём
episodes-part-other-evening = { $day } вечером
episodes-part-other-late = { $day } поздно вечером
episodes-part-other-night = в ночь на { $day }
episodes-part_word-morning = утро
episodes-part_word-afternoon = день
episodes-part_word-evening = вечер
episodes-part_word-late = поздний вечер
episodes-part_word-night = ночь
episodes-stamp_part = { $day }, { $part }
episodes-stamp_about = { $day } ~{ $time }
episodes-merged_notice = 🔗 { $name }: сообщение о приступе { $when } ({ $child }) — это тот же приступ, о котором уже сообщили. Оно сохранено как второй очевидец.
episodes-as_typed = 💬 Как написано: «{ $line }»
episodes-answer_taken = 👍 Спасибо, сообщение обновлено.
episodes-same_after_alert = { $name } тоже сообщает о приступе { $when }. Это тот же самый?
episodes-button_type_it = ✍️ Ввести вручную
episodes-question-given_at = 💊 { $medicine }: дали на { $at }
episodes-question-lasted = ⏱ Длился { $length }
episodes-question-medicine = препарат для купирования
episodes-question-option = Ответ { $n }
episodes-type-time = Напишите, во сколько начался приступ, например 20:15 или около 8.
episodes-type-duration = Напишите, сколько длился приступ, например 3 мин или 2-3 мин.
episodes-type-count = Напишите, сколько было подёргиваний, например 7 или около 10.
episodes-type_in_group-time = В ответ на это сообщение напишите, во сколько начался приступ, например 20:15 или около 8.
episodes-type_in_group-duration = В ответ на это сообщение напишите, сколько длился приступ, например 3 мин или 2-3 мин.
episodes-type_in_group-count = В ответ на это сообщение напишите, сколько было подёргиваний, например 7 или около 10.
episodes-answer-unreadable_time = Не получилось понять «{ $answer }» как время. Сообщение сохранено как было; напишите время так: 20:15 или около 8.
episodes-answer-unreadable_duration = Не получилось понять «{ $answer }» как длительность. Сообщение сохранено как было; напишите так: 3 мин или 2-3 мин.
episodes-answer-unreadable_count = Не получилось понять «{ $answer }» как количество. Сообщение сохранено как было; напишите так: 7 или около 10.
episodes-merged_after_alert = 👍 Понял: вы добавлены вторым очевидцем к сообщению ({ $name }). Команде сообщено, что это был один приступ.
episodes-duration-seconds_range = { $low }–{ $high } с
episodes-duration-minutes_range = { $low }–{ $high } мин
