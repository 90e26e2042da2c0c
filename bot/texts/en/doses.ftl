## doses

doses-title = 💊 <b>{ $time } dose for { $child }</b>
doses-title_again = 🔔 <b>Still open: { $time } dose for { $child }</b>
doses-title_snoozed = ⏰ <b>Snoozed: { $time } dose for { $child }</b>
doses-medicine = { $name } { $amount } { $unit }
doses-for_whom = For: { $names }
doses-button_given = ✅ Given
doses-button_skipped = ⏭ Skipped
doses-button_snooze = ⏰ 15 min
doses-snoozed = ⏰ { $name } snoozed it until { $time }.
doses-outcome_title = 💊 { $time } dose for { $child }: { $medicine }
doses-outcome_given = ✅ Given by { $name } at { $time }
doses-outcome_given_late = ✅ Given by { $name } at { $time } ({ $delay } after its time)
doses-minutes = { $minutes } min
doses-hours = { $hours } h
doses-hours_minutes = { $hours } h { $minutes } min
doses-outcome_skipped = ⏭ Skipped by { $name } at { $time }
doses-outcome_missed = ❌ Missed: nobody answered by { $time }
doses-missed_title = ❌ <b>Missed dose for { $child }</b>
doses-missed_line = { $medicine } at { $time }: nobody recorded it within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
doses-button_acknowledge = 👀 Acknowledge
doses-button_given_after_all = ✅ It was given
doses-acknowledged = 👀 Seen by { $name } at { $time }
doses-warning = ⚠️ { $name } was already given at { $time }{ $by }, sooner than its usual interval. Record the { $slot } dose as given too?
doses-warning_by = { " " }by { $name }
doses-button_anyway = ✅ Yes, it was given
doses-button_back = ‹ Back
doses-already_given = Already given by { $name } at { $time }.
doses-already_skipped = Already skipped by { $name } at { $time }.
doses-already_missed = Already marked missed at { $time }.
doses-already_answered = Someone else answered this dose a moment ago.
doses-day_title = 💊 <b>{ $child }'s doses today</b> ({ $day })
doses-day_empty = No doses scheduled today.
doses-day_line = { $time } { $medicine } — { $state }
doses-state_given = ✅ given by { $name } at { $time }
doses-state_given_late = ✅ given by { $name } at { $time }, late
doses-state_skipped = ⏭ skipped by { $name }
doses-state_missed = ❌ missed
doses-state_waiting = 🔔 waiting for an answer
doses-state_due = ⏳ to come
doses-state_unanswered = — no answer recorded
doses-adherence_title = 📊 <b>{ $child }'s doses, last { $days ->
        [one] day
       *[other] { $days } days
    }</b> ({ $since } – { $until })
doses-adherence_empty = No doses recorded in this period.
doses-adherence_medicine = <b>{ $name }</b>: { $total ->
        [one] { $total } dose
       *[other] { $total } doses
    }
doses-adherence_counts = ✅ given { $given } ({ $given_pct }%) · 🕒 late { $late } ({ $late_pct }%) · ⏭ skipped { $skipped } ({ $skipped_pct }%) · ❌ missed { $missed } ({ $missed_pct }%)
doses-bad_period = Give the period in days or weeks, up to { $limit } days: for example <code>/adherence 30d</code> or <code>/adherence 2w</code>.
doses-help-doses = /doses — today's doses and who gave them
doses-help-adherence = /adherence — doses given, late, skipped and missed (e.g. /adherence 30d)
