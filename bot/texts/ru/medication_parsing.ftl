## medication_parsing

medication_parsing-empty = Напишите, что сделать и с каким препаратом. Например: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-unknown_verb = Не знаю слова «{ $verb }». Начните со start, change или stop. Например: /med change levetiracetam 500 mg from tomorrow
medication_parsing-no_name = Какой препарат? Напишите название после команды. Например: /med stop clonazepam reason drowsiness
medication_parsing-name_too_long = Название препарата длиннее { $limit } символов. Например: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-dose_missing = Какая доза препарата { $name }? Укажите количество и единицу. Например: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-dose_not_positive = Доза должна быть больше нуля, а не { $amount }. Чтобы отменить препарат, используйте stop. Например: /med stop clonazepam
medication_parsing-dose_ambiguous = «{ $amount }» может означать { $thousands } или дробное число. Напишите { $thousands }, если это тысячи, или { $decimal }, если дробь. Например: /med start levetiracetam 1000 mg 08:00 20:00
medication_parsing-dose_out_of_range = Не могу записать дозу { $amount }: не больше четырёх знаков после запятой и меньше 100000000. Например: /med start clonazepam 0.25 mg 20:00
medication_parsing-unit_missing = { $amount } — чего? Добавьте единицу: mg, g, ml, drops или tablets. Например: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-unknown_unit = Не знаю единицу «{ $unit }». Используйте mg, g, ml, drops, tablets или mg/kg/day. Например: /med start valproate 5 ml twice daily
medication_parsing-bad_time = «{ $time }» — это не время. Пишите 08:00, 20:00, 8am или 8pm. Например: /med start clobazam 5 mg 20:00
medication_parsing-hour_ambiguous = «{ $hour }» — утра или вечера? Напишите { $hour }am или { $hour }pm либо время в 24-часовом формате. Например: /med start clobazam 5 mg 20:00
medication_parsing-times_conflict = По частоте получается { $per_day ->
        [one] { $per_day } доза
        [few] { $per_day } дозы
        [many] { $per_day } доз
       *[other] { $per_day } дозы
    } в день, а время приёма вы указали { $count ->
        [one] { $count } раз
        [few] { $count } раза
        [many] { $count } раз
       *[other] { $count } раза
    }. Укажите либо время, либо частоту. Например: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-bad_date = Не понял дату «{ $date }». Пишите today, tomorrow, день недели (monday), next week, 1 december или 2026-12-01. Например: /med change levetiracetam 500 mg from tomorrow
medication_parsing-date_too_far_back = { $date } — это больше суток назад. Записывайте изменения начиная со вчерашнего дня. Например: /med change levetiracetam 500 mg from yesterday
medication_parsing-date_too_far_ahead = { $date } — это больше чем через год. Проверьте год. Например: /med change levetiracetam 500 mg from monday
medication_parsing-nothing_to_change = Что изменить у препарата { $name }? Укажите новую дозу или новое время. Например: /med change levetiracetam 500 mg from tomorrow
medication_parsing-not_understood = Не понял «{ $word }». Например: /med start levetiracetam 250 mg twice daily from tomorrow
medication_parsing-titration_malformed = Не понял план титрации. Напишите его так: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_needs_dose = Для титрации нужна начальная доза. Например: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_unit_mismatch = Доза указана в { $unit }, а титрация — в { $other }. Используйте одну единицу. Например: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_target_reached = Доза уже { $target } — это и есть цель. Например: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_direction = С «{ $direction }» от { $amount } до { $target } не дойти. Например: /med change clobazam 10 mg decrease by 2.5 mg every 7 days to 0 mg
medication_parsing-titration_too_many_steps = В этой титрации больше { $limit ->
        [one] { $limit } шага
        [few] { $limit } шагов
        [many] { $limit } шагов
       *[other] { $limit } шагов
    }. Сделайте шаги крупнее. Например: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
