## medication_parsing

medication_parsing-empty = Tell me what to do with which medicine. Example: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-unknown_verb = I don't know “{ $verb }”. Begin with start, change or stop. Example: /med change levetiracetam 500 mg from tomorrow
medication_parsing-no_name = Which medicine? Put its name after the verb. Example: /med stop clonazepam reason drowsiness
medication_parsing-name_too_long = That medicine name is longer than { $limit } characters. Example: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-dose_missing = What dose of { $name }? Give the amount and unit. Example: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-dose_not_positive = The dose must be more than zero, not { $amount }. To stop a medicine, use stop. Example: /med stop clonazepam
medication_parsing-dose_ambiguous = “{ $amount }” could mean { $thousands } or a decimal. Write { $thousands } for thousands, or { $decimal } for a decimal. Example: /med start levetiracetam 1000 mg 08:00 20:00
medication_parsing-dose_out_of_range = I can't record a dose of { $amount }: use at most four decimals and less than 100000000. Example: /med start clonazepam 0.25 mg 20:00
medication_parsing-unit_missing = { $amount } what? Add the unit: mg, g, ml, drops or tablets. Example: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-unknown_unit = I don't know the unit “{ $unit }”. Use mg, g, ml, drops, tablets or mg/kg/day. Example: /med start valproate 5 ml twice daily
medication_parsing-bad_time = “{ $time }” is not a time of day. Use 08:00, 20:00, 8am or 8pm. Example: /med start clobazam 5 mg 20:00
medication_parsing-hour_ambiguous = “{ $hour }” could be morning or evening. Write { $hour }am or { $hour }pm, or the time on a 24-hour clock. Example: /med start clobazam 5 mg 20:00
medication_parsing-times_conflict = The frequency means { $per_day } doses a day, but you listed { $count ->
        [one] { $count } time
       *[other] { $count } times
    }. Give the times or the frequency, not both. Example: /med start levetiracetam 250 mg 08:00 20:00
medication_parsing-bad_date = I couldn't read the date “{ $date }”. Use today, tomorrow, a weekday, next week, 1 december or 2026-12-01. Example: /med change levetiracetam 500 mg from tomorrow
medication_parsing-date_too_far_back = { $date } is more than a day ago. Record changes from yesterday onwards. Example: /med change levetiracetam 500 mg from yesterday
medication_parsing-date_too_far_ahead = { $date } is more than a year ahead. Check the year. Example: /med change levetiracetam 500 mg from monday
medication_parsing-nothing_to_change = What should change for { $name }? Give a new dose or new times. Example: /med change levetiracetam 500 mg from tomorrow
medication_parsing-not_understood = I didn't understand “{ $word }”. Example: /med start levetiracetam 250 mg twice daily from tomorrow
medication_parsing-titration_malformed = I couldn't read the titration plan. Write it like this. Example: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_needs_dose = A titration needs the dose it starts from. Example: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_unit_mismatch = The dose is in { $unit } but the titration uses { $other }. Use one unit. Example: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_target_reached = The dose is already { $target }, the target. Example: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
medication_parsing-titration_direction = You can't { $direction } from { $amount } to { $target }. Example: /med change clobazam 10 mg decrease by 2.5 mg every 7 days to 0 mg
medication_parsing-titration_too_many_steps = That titration takes more than { $limit } steps. Use bigger steps. Example: /med change levetiracetam 500 mg increase by 250 mg every 7 days to 1000 mg
