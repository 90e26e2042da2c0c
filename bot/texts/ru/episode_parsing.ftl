## episode_parsing

episode_parsing-nothing_recognised = Не понял, что это за приступ, поэтому ничего не сохранено. Напишите, когда, сколько длился и что вы видели (свой текст — после note:), например /e 10:15 45s mild face
episode_parsing-future_time = «{ $when }» ещё не наступило, поэтому ничего не сохранено. Укажите время, которое уже прошло, например /e 10:15 45s mild face
episode_parsing-later_today = Сегодня { $time } ещё не наступило, поэтому ничего не сохранено. Если это было вчера вечером или ночью, добавьте день, например /e yesterday { $time } 45s mild face
episode_parsing-day_without_time = «{ $day }» — а во сколько? Ничего не сохранено. Добавьте время, например /e yesterday 21:30 45s mild face
episode_parsing-too_long_ago = «{ $when }» — это больше месяца назад, поэтому ничего не сохранено. Укажите дату, например /e { $date } 21:30 2m
episode_parsing-duration_too_long = «{ $duration }» — это дольше суток, поэтому ничего не сохранено. Укажите, сколько длился сам приступ, например /e 10:15 45s mild face
episode_parsing-two_durations = Нашёл две длительности, «{ $first }» и «{ $second }», поэтому ничего не сохранено. Укажите одну, например /e 10:15 45s mild face
episode_parsing-two_times = Нашёл два времени, «{ $first }» и «{ $second }», поэтому ничего не сохранено. Укажите одно, например /e 10:15 45s mild face
episode_parsing-two_counts = Нашёл два количества, «{ $first }» и «{ $second }», поэтому ничего не сохранено. Укажите одно, например /e 10:15 12 jerks arms
episode_parsing-bad_count = «{ $count }» — так не бывает: количество — это целое число от 1 до 1000, поэтому ничего не сохранено. Посчитайте подёргивания, например /e 10:15 12 jerks arms
episode_parsing-ahead = «{ $when }» ещё не наступило, поэтому ничего не сохранено. Чтобы указать, сколько длился приступ, напишите только длительность, например /e 10:15 2m arms
episode_parsing-duration_zero = «{ $duration }» — это нулевое время, поэтому ничего не сохранено. Укажите, сколько длился приступ, например /e 10:15 45s mild face
episode_parsing-ambiguous_number = Не понимаю, «{ $number }» — это { $decimal } или { $whole }, поэтому ничего не сохранено. Напишите без запятой и точки, например /e 10:15 90s arms
episode_parsing-bad_clock = «{ $time }» — такого времени нет, поэтому ничего не сохранено. Время — от 00:00 до 23:59, например /e 10:15 45s mild face
episode_parsing-bad_date = Не понял дату «{ $date }», поэтому ничего не сохранено. Пишите сначала день (24/11) или год-месяц-день, например /e 2026-11-24 21:30 2m
episode_parsing-question-time_of_day = «{ $phrase }» — примерно во сколько?
episode_parsing-question-am_pm = «{ $phrase }» — утра или вечера?
episode_parsing-question-which_time = «{ $phrase }» — в какое время это было?
episode_parsing-question-which_duration = «{ $phrase }» — это сколько длился приступ?
episode_parsing-question-which_count = «{ $phrase }» — сколько было подёргиваний?
episode_parsing-question-number = «{ $phrase }» — сколько длился приступ?
episode_parsing-question-rescue_time = «{ $phrase }» — это когда дали { $medicine } или сколько длился приступ?
episode_parsing-question-type_it = Ввести вручную
