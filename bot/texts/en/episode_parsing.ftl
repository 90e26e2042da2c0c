## episode_parsing

episode_parsing-nothing_recognised = I couldn't read that as an episode, so nothing was saved. Say when, how long and what you saw (free text goes after note:), e.g. /e 10:15 45s mild face
episode_parsing-future_time = “{ $when }” is in the future, so nothing was saved. Use a time that has passed, e.g. /e 10:15 45s mild face
episode_parsing-later_today = It isn't { $time } yet today, so nothing was saved. If it was last night, add the day, e.g. /e yesterday { $time } 45s mild face
episode_parsing-day_without_time = “{ $day }” at what time? Nothing was saved. Add the time, e.g. /e yesterday 21:30 45s mild face
episode_parsing-too_long_ago = “{ $when }” is more than a month back, so nothing was saved. Give the date instead, e.g. /e { $date } 21:30 2m
episode_parsing-duration_too_long = “{ $duration }” is longer than a day, so nothing was saved. Give how long the episode itself lasted, e.g. /e 10:15 45s mild face
episode_parsing-two_durations = I found two durations, “{ $first }” and “{ $second }”, so nothing was saved. Give one, e.g. /e 10:15 45s mild face
episode_parsing-two_times = I found two times, “{ $first }” and “{ $second }”, so nothing was saved. Give one, e.g. /e 10:15 45s mild face
episode_parsing-two_counts = I found two counts, “{ $first }” and “{ $second }”, so nothing was saved. Give one, e.g. /e 10:15 12 jerks arms
episode_parsing-bad_count = “{ $count }” can't be right: a count is a whole number from 1 to 1000, so nothing was saved. Count the jerks, e.g. /e 10:15 12 jerks arms
episode_parsing-ahead = “{ $when }” is in the future, so nothing was saved. To say how long it lasted, give just the length, e.g. /e 10:15 2m arms
episode_parsing-duration_zero = “{ $duration }” is no time at all, so nothing was saved. Say how long it lasted, e.g. /e 10:15 45s mild face
episode_parsing-ambiguous_number = I can't tell whether “{ $number }” is { $decimal } or { $whole }, so nothing was saved. Write it without the comma or point, e.g. /e 10:15 90s arms
episode_parsing-bad_clock = “{ $time }” isn't a time on the clock, so nothing was saved. Times go from 00:00 to 23:59, e.g. /e 10:15 45s mild face
episode_parsing-bad_date = I can't read “{ $date }” as a date, so nothing was saved. Write the day first (24/11) or year-month-day, e.g. /e 2026-11-24 21:30 2m
episode_parsing-question-time_of_day = “{ $phrase }” — about what time?
episode_parsing-question-am_pm = “{ $phrase }” — in the morning or in the evening?
episode_parsing-question-which_time = “{ $phrase }” — which time was it?
episode_parsing-question-which_duration = “{ $phrase }” — is that how long it lasted?
episode_parsing-question-which_count = “{ $phrase }” — how many jerks were there?
episode_parsing-question-number = “{ $phrase }” — how long did it last?
episode_parsing-question-rescue_time = “{ $phrase }” — is that when the { $medicine } was given, or how long it lasted?
episode_parsing-question-type_it = Type it
