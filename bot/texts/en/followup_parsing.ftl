## followup_parsing

followup_parsing-no_date = 
    I couldn't find a date. Say when and what, in any order, for example:
    /followup EEG on 3 Dec at 14:30
    /followup neurology review next tuesday 9:00
    Numeric dates are day first: 3/12 is 3 December.
followup_parsing-no_title = 
    What is it for? Add a few words to the date, for example:
    /followup 3 Dec 14:30 EEG at City Hospital
followup_parsing-in_the_past = 
    That time has already passed: { $when }. Send a date and time still to come, for example:
    /followup 3 Dec 14:30 EEG at City Hospital
followup_parsing-too_far = 
    That date is more than { $years } years away: { $when }. Numeric dates are day first (3/12 is 3 December), for example:
    /followup 3/12 14:30 EEG at City Hospital
followup_parsing-unknown_repeat = 
    I didn't understand how often. Try every day, every 2 weeks, every monday, every 3 months or every year, for example:
    /followup every 3 months blood test (valproate levels)
followup_parsing-bad_interval = 
    Every { $interval } { $unit } won't work: choose from 1 to { $maximum } { $unit }, for example:
    /followup every 3 months blood test (valproate levels)
followup_parsing-ambiguous_hour = 
    Is “at { $hour }” in the morning or the afternoon? Write { $hour }am or { $hour }pm, or { $afternoon }:00, for example:
    /followup EEG friday at { $hour }pm
