## followups

followups-ask_kind = What is the follow-up for <b>{ $child }</b>?
followups-ask_when = When is the <b>{ $title }</b>? Type the day and time, for example <i>tue 14:30</i>, <i>3 Dec 9:00</i> or <i>every 3 months</i>.
followups-ask_line = When, and what? For example <i>fri 10:00 physiotherapy</i> or <i>in 2 hours call the pharmacy</i>.
followups-button_stop = Cancel
followups-stopped = OK, nothing saved.
followups-tap_above = Please tap one of the buttons above first.
followups-in_group_usage = 
    Tell me in one line, for example:
    /followup tue 14:30 EEG at City Hospital
    /remind every 3 months blood test
    Or send /followup to me in a private chat and I'll ask step by step.
followups-title_too_long = Please describe it in fewer than { $limit } characters.
followups-not_active = That follow-up was cancelled or is over. Add a new one with /followup.
followups-open_private = Please open a private chat with me first (tap my name, then Start), then tap again.
followups-sent_privately = I've sent you a private message: type the new date there.
followups-saved = ✅ Saved for <b>{ $child }</b>: { $icon } <b>{ $title }</b>
followups-moved = 🗓 Moved for <b>{ $child }</b>: { $icon } <b>{ $title }</b>
followups-when_once = 🗓 { $when }
followups-when_repeat = 🔁 { $repeat }, next { $when }
followups-notices_line = 🔔 I'll remind the team { $list }.
followups-notices_none = 🔕 No reminder. Tap one below to add it.
followups-notices_too_soon = 🔕 It's too soon for a reminder before it.
followups-list_separator = ,{ " " }
followups-button_cancel = ✖️ Cancel this follow-up
followups-time_assumed = 🕘 No time was given, so it's at { $time } — tap Move to change it.
followups-button_move = 🗓 Move
followups-kinds-neuro = Neurology review
followups-kinds-eeg = EEG
followups-kinds-blood = Blood test
followups-kinds-other = Something else
followups-icon-followup = 🩺
followups-icon-test = 🧪
followups-icon-dose = 💊
followups-icon-custom = 📌
followups-notice-week = a week before at 09:00
followups-notice-eve = the day before at 18:00
followups-notice-morning = that morning at 08:00
followups-notice-2h = 2 hours before
followups-notice-30m = 30 minutes before
followups-notice-now = at the time
followups-notice_button-week = A week before
followups-notice_button-eve = Day before, 18:00
followups-notice_button-morning = Morning of, 08:00
followups-notice_button-2h = 2 hours before
followups-notice_button-30m = 30 min before
followups-notice_button-now = At the time
followups-notice_button-on = ✅ { $name }
followups-notice_button-off = ➕ { $name }
followups-reminder-text = 🔔 <b>{ $child }</b>: { $icon } <b>{ $title }</b>, { $when }
followups-reminder-today = today at { $time }
followups-reminder-tomorrow = tomorrow ({ $day }) at { $time }
followups-reminder-other_day = { $day } at { $time }
followups-outcome-question = 
    { $icon } <b>{ $title }</b> for <b>{ $child }</b> was due { $when }. Did it happen?

    If the doctor changed a medicine, record it with /med change.
followups-outcome-button_happened = ✅ It happened
followups-outcome-button_moved = 🗓 It was moved
followups-outcome-button_missed = ❌ It was missed
followups-outcome-happened = ✅ Noted by { $name }: <b>{ $title }</b> ({ $when }) happened. If the doctor changed a medicine, record it with /med change.
followups-outcome-moved = 🗓 Noted by { $name }: <b>{ $title }</b> ({ $when }) was moved. Tap below to set the new date.
followups-outcome-missed = ❌ Noted by { $name }: <b>{ $title }</b> ({ $when }) was missed. Tap below when you have a new date.
followups-outcome-button_new_date = 🗓 Set the new date
followups-agenda-title = <b>Coming up for { $child }</b>
followups-agenda-empty = Nothing coming up for <b>{ $child }</b>. Add a follow-up with /followup, for example <i>/followup tue 14:30 EEG</i>.
followups-agenda-item = { $number }. { $icon } <b>{ $title }</b>
followups-agenda-once = { "      " }{ $when }
followups-agenda-repeat = { "      " }🔁 { $repeat }: { $times }
followups-agenda-times_separator = { " " }·{ " " }
followups-agenda-button_move = 🗓 Move { $number }. { $title }
followups-agenda-button_cancel = ✖️ Cancel { $number }. { $title }
followups-agenda-confirm_cancel = Cancel { $icon } <b>{ $title }</b> ({ $when })? The team won't be reminded.
followups-agenda-button_yes = Yes, cancel it
followups-agenda-button_keep = No, keep it
followups-agenda-cancelled = ✖️ Cancelled: <b>{ $title }</b>. The team won't be reminded.
followups-agenda-ask_new_date = When is <b>{ $title }</b> now? Type the new day and time, for example <i>fri 10:00</i>.
followups-help-followup = /followup — add a follow-up reminder (a review, an EEG, a blood test)
followups-help-reminders = /reminders — what's coming, with cancel and move buttons
followups-every-day = { $n ->
        [one] every day
       *[other] every { $n } days
    }
followups-every-week = { $n ->
        [one] every week
       *[other] every { $n } weeks
    }
followups-every-month = { $n ->
        [one] every month
       *[other] every { $n } months
    }
followups-every-year = { $n ->
        [one] every year
       *[other] every { $n } years
    }
