## digest

digest-title = 📋 <b>{ $child }: { $first } – { $last }</b>
digest-compared = { $days ->
        [one] { $days } day, compared with the day before
       *[other] { $days } days, compared with the { $days } days before
    } ({ $first } – { $last }).
digest-record_start = ℹ️ The record starts on { $day }: the period before is not complete.
digest-bad_period = A digest covers 7, 14, 28 or 90 days: for example <code>/digest 90</code>.
digest-better_title = <b>Better or worse?</b>
digest-episodes = Episodes: { $now } ({ $before })
digest-episode_days = Days with episodes: { $now } of { $days } ({ $before })
digest-before = before { $before }, { $change }
digest-before_none = none before
digest-up = +{ $percent }%
digest-down = −{ $percent }%
digest-same = no change
digest-small = ℹ️ Small numbers: a change this size can be chance.
digest-free_days = Seizure-free days: { $days } (longest run { $run } in a row)
digest-jerks = Jerks a day, { $days ->
        [one] on the one day with a count
       *[other] on the { $days } days with a count
    }: median { $median }, most { $most }
digest-severity = Clusters ({ $size }+ in { $hours } h): { $clusters } · { $threshold } or longer: { $long } · rescue medicine: { $rescue }
digest-where_title = <b>Where and when</b>
digest-part = { $label } { $n }
digest-triggers = Triggers: { $triggers }
digest-no_triggers = No triggers noted.
digest-after_doses = Within 24 h after a dose not given: { $episodes } ({ $doses ->
        [one] { $doses } dose not given
       *[other] { $doses } doses not given
    })
digest-changes_title = <b>Is the new dose working?</b>
digest-no_changes = No medication changes in this period.
digest-change = { $day } <b>{ $name }</b> { $before } → { $after }
digest-change_started = { $day } <b>{ $name }</b> started at { $after }
digest-change_stopped = { $day } <b>{ $name }</b> stopped
digest-titration = (titration, { $steps })
digest-windows = Per 28 days: { $before } in the { $before_days ->
        [one] { $before_days } day
       *[other] { $before_days } days
    } before, { $after } in the { $after_days } after
digest-window_before = Per 28 days: { $before } in the { $before_days ->
        [one] { $before_days } day
       *[other] { $before_days } days
    } before
digest-under_way = Titration under way ({ $steps } so far): not judged yet.
digest-steps = { $n ->
        [one] { $n } step
       *[other] { $n } steps
    }
digest-responder = ✅ Half as many or fewer: a 50% responder.
digest-not_responder = Fewer than half as many: not a 50% responder.
digest-too_soon = Less than 28 days after it: too soon to judge.
digest-cut_short = Another change came within 28 days: not judged.
digest-short_before = Less than 28 days on the dose before: not judged.
digest-none_before = No episodes before it: nothing to halve.
digest-more_changes = … and { $n } more not shown.
digest-doses_title = <b>Are doses being given?</b>
digest-no_doses = No doses recorded in this period.
digest-dose_line = <b>{ $name }</b>: { $given }% given · { $on_time } on time, { $late } late, { $skipped } skipped, { $missed } missed
digest-more_medicines = … and { $n } more not shown: { $given }% of their doses given.
digest-trust_title = <b>How complete is the record?</b>
digest-silent = Days with nothing recorded by anyone: { $days } of { $of }
digest-witnessed = Witnessed (timed, seen by someone named, or reported twice): { $n } of { $of }
digest-delay = Median time from episode to entry: { $delay }
digest-reporters = Reported by { $reporters }
digest-followups_title = <b>Next follow-ups</b>
digest-no_followups = None planned.
digest-followup = { $when } { $title }
digest-caption_frequency = Episodes { $now } ({ $before }) · days with episodes { $days } ({ $days_before })
digest-caption_severity = Clusters { $clusters } · { $threshold } or longer { $long } · rescue medicine { $rescue }
digest-caption_doses = Doses given { $given }%
digest-caption_silent = days with nothing recorded { $silent }
digest-place-home = 🏠 home
digest-place-school = 🏫 school
digest-place-other = other
digest-place-unknown = place not said
digest-time-night = night
digest-time-morning = morning
digest-time-afternoon = afternoon
digest-time-evening = evening
digest-time-waking = on waking
digest-time-sleep = in sleep
digest-reporter-parents = parents
digest-reporter-school = school
digest-reporter-others = others
digest-chart-title = { $child }: episodes per day, { $first } – { $last }
digest-chart-episodes = episodes
digest-chart-no_episodes = No episodes recorded
digest-chart-no_medicines = No regular medicines
digest-chart-change = medication change
digest-chart-missed = dose missed
digest-chart-skipped = dose skipped
digest-chart-stopped = { $name } stopped
digest-chart-place-home = home
digest-chart-place-school = school
digest-chart-place-other = other
digest-chart-place-unknown = not said
digest-send-late = ⏰ Late: this digest was due { $when }.
digest-send-button_ack = ✅ Acknowledge
digest-send-button_reply = 💬 Reply to the team
digest-send-in_private = 📋 { $child }'s digest is private: ask me for it in our chat with /digest. A guardian can let it show here with /digest schedule.
digest-send-button_private = Open our chat
digest-send-read = ✅ { $name } ({ $role }) has read { $child }'s digest for { $first } – { $last }.
digest-send-read_thanks = Thanks: the team knows you've read it.
digest-send-read_already = The team already knows you've read this digest.
digest-send-group_refused = Only a guardian can choose whether digests show in the group.
digest-schedule-title = 🗞 <b>{ $child }'s digest for you</b>
digest-schedule-now = Now: { $when } (your time, { $zone }). Next: { $next }.
digest-schedule-none = Now: no scheduled digest. /digest gives you one whenever you ask.
digest-schedule-weekly = every { $weekday } at { $hour }
digest-schedule-monthly = every 4 weeks on { $weekday } at { $hour }
digest-schedule-zone_hint = Not your time zone? Set yours with /timezone.
digest-schedule-saved = ✅ Saved.
digest-schedule-off = ✅ No more scheduled digests of { $child }. /digest gives you one whenever you ask.
digest-schedule-group_on = 👥 /digest shows the figures in the team group.
digest-schedule-group_off = 👥 /digest in the team group points to the private chat.
digest-schedule-ask_day = Which day should { $child }'s digest come?
digest-schedule-ask_hour = At what time on { $weekday }s (your time, { $zone })?
digest-schedule-button_weekly = 📅 Every week
digest-schedule-button_monthly = 🗓 Every 4 weeks
digest-schedule-button_off = ✖️ No scheduled digest
digest-schedule-button_group_on = 👥 Show digests in the group
digest-schedule-button_group_off = 👥 Keep digests out of the group
digest-schedule-button_back = ‹ Back
digest-schedule-default_set = 🗞 Your digest of { $child } comes { $when } (your time, { $zone }): change it with /digest schedule.
digest-schedule-no_digests = Digests are for guardians, caregivers and clinicians, so you'll hear only urgent alerts.
digest-note-to_team = 💬 Write your message to { $child }'s team: your next message here goes to them, as from you.
digest-note-to_member = 💬 Write your answer to { $name }: your next message here goes to them, as from you.
digest-note-relayed = 
    💬 <b>{ $name }</b> ({ $role }) about { $child }:
    { $text }
digest-note-answered = 
    💬 <b>{ $name }</b> ({ $role }) answers about { $child }:
    { $text }
digest-note-button_answer = ↩️ Answer { $name }
digest-note-button_reply = ↩️ Reply to the team
digest-note-button_stop = Cancel
digest-note-sent_team = ✅ Sent to { $child }'s team.
digest-note-sent_member = ✅ Sent to { $name }.
digest-note-stopped = OK, nothing sent.
digest-note-sent_privately = I've written to you in our private chat.
digest-note-empty = Your message is empty: write it as text.
digest-note-too_long = That's longer than I can pass on in one message ({ $most } characters): please send it in parts.
digest-note-unreachable = They can't get private messages from me yet: write to them in the team group.
digest-note-only_guardians = Only a guardian can answer notes to the team.
digest-note-needs_start = Open a private chat with me and press Start first: you'll write your message there.
digest-help-digest = /digest — the digest: /digest 7d, 28d or 90d; /digest schedule to get it regularly
