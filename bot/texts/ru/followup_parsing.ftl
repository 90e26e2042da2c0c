## followup_parsing

followup_parsing-no_date = 
    Не нашёл дату. Напишите, когда и что, в любом порядке, например:
    /followup EEG on 3 Dec at 14:30
    /followup neurology review next tuesday 9:00
    В датах цифрами сначала идёт день: 3/12 — это 3 декабря.
followup_parsing-no_title = 
    А что это? Добавьте пару слов к дате, например:
    /followup 3 Dec 14:30 EEG at City Hospital
followup_parsing-in_the_past = 
    Это время уже прошло: { $when }. Укажите дату и время, которые ещё впереди, например:
    /followup 3 Dec 14:30 EEG at City Hospital
followup_parsing-too_far = 
    Эта дата больше чем через { $years ->
        [one] { $years } год
        [few] { $years } года
        [many] { $years } лет
       *[other] { $years } года
    }: { $when }. В датах цифрами сначала идёт день (3/12 — это 3 декабря), например:
    /followup 3/12 14:30 EEG at City Hospital
followup_parsing-unknown_repeat = 
    Не понял, как часто. Попробуйте every day, every 2 weeks, every monday, every 3 months или every year, например:
    /followup every 3 months blood test (valproate levels)
followup_parsing-bad_interval = 
    «every { $interval } { $unit }» не подойдёт: можно от 1 до { $maximum } ({ $unit }), например:
    /followup every 3 months blood test (valproate levels)
followup_parsing-ambiguous_hour = 
    «at { $hour }» — это утро или день? Напишите { $hour }am или { $hour }pm либо { $afternoon }:00, например:
    /followup EEG friday at { $hour }pm
