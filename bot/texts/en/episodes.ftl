## episodes

episodes-in_future = That time is in the future, so nothing was saved. Use a time that has passed, e.g. /e 10:15 45s mild face
episodes-window_backwards = That window ends before it starts, so nothing was saved. E.g. /e 12 jerks 7:00-7:30
episodes-bad_duration = An episode can last from a second to a day, so nothing was saved. E.g. /e 10:15 45s mild face
episodes-bad_count = A count goes from 1 to 1000, so nothing was saved. E.g. /e 10:15 12 jerks arms
episodes-not_understood = I couldn't save that as an episode, so nothing was saved. E.g. /e 10:15 45s mild face
episodes-gone = That episode has been deleted.
episodes-refused_change = Only the person who reported it or a guardian can change this episode.
episodes-too_late_to_undo = It's too late to undo (10 minutes have passed). Use 🗑 Delete instead.
episodes-only_reporter_undoes = Only the person who reported it can undo it.
episodes-already_answered = That's already been answered.
episodes-open_private_chat = To correct it, open a private chat with me and press Start, then tap ✏️ Correct again.
episodes-held_expired = That report waited too long for an answer and wasn't saved. Please send it again.
episodes-already_saved = You just sent this same report — it's saved once, not twice. If it was another episode, send it with its time, e.g. /e 10:15 45s
episodes-head = ⚡ <b>{ $child }</b> — episode { $when }
episodes-head_urgent = 🚨 <b>URGENT: { $child }</b> — episode { $when }
episodes-today_at = at { $time }
episodes-yesterday_at = yesterday at { $time }
episodes-day_at = on { $day } at { $time }
episodes-window = { $start }–{ $end }
episodes-at = 📍 { $setting }
episodes-triggers = trigger: { $triggers }
episodes-rescue = 💊 Rescue: { $medicine }
episodes-rescue_unnamed = 💊 Rescue medicine given
episodes-injury = injured
episodes-notes = 📝 { $notes }
episodes-attached = 📎 { $files }
episodes-attachment-photo = photo
episodes-attachment-video = video
episodes-attachment-video_note = round video
episodes-attachment-voice = voice message
episodes-attachment-file = file
episodes-reporter = 👤 { $name } ({ $role })
episodes-reporter_gone = 👤 someone who has left the team
episodes-seen_by = seen by { $observer }
episodes-also_seen_by = also seen by { $names }
episodes-late = entered { $delay } later
episodes-context = 📊 Today { $today } · this week { $this_week } · last week { $last_week }
episodes-edited = (edited)
episodes-plan_title = <b>Action plan</b>
episodes-no_plan = No action plan yet. A guardian or clinician can add one with /plan set …
episodes-saved = ✅ Saved and shared with { $child }'s team.
episodes-saved_urgent = 🚨 Saved. The team and every guardian have been alerted.
episodes-not_shared = Saved, not shared with the team yet.
episodes-held = Saved, not shared yet: { $name } reported an episode { $when } too. Is it the same one?
episodes-merged = 👍 Got it: added to { $name }'s report as a second observer. The team heard about it once.
episodes-undone = ↩️ Undone: the episode { $when } is removed.
episodes-undone_notice = ↩️ { $name } took back the report of { $child }'s episode { $when }.
episodes-delete_confirm = Delete this episode? The team will see it's gone. The log keeps a copy.
episodes-deleted = 🗑 Deleted the episode { $when }.
episodes-deleted_notice = 🗑 { $name } deleted the report of { $child }'s episode { $when }.
episodes-corrected = ✏️ Corrected.
episodes-corrected_notice = ✏️ { $name } corrected a report:
episodes-correct_prompt = 
    Send the corrected report in one line, as it should read. Now it reads:
    <code>{ $line }</code>
episodes-correct_prompt_sent = I've sent you a private message: type the corrected report there.
episodes-details_prompt = Add what you know:
episodes-details_complete = Thanks, that's everything I ask for.
episodes-button_undo = ↩️ Undo
episodes-button_details = ➕ Add details
episodes-button_correct = ✏️ Correct
episodes-button_delete = 🗑 Delete
episodes-button_delete_yes = Yes, delete it
episodes-button_keep = Keep it
episodes-button_same = Yes, the same one
episodes-button_different = No, another one
episodes-button_share = 📣 Share with the team
episodes-button_done = ✓ Done
episodes-button_back = ‹ Back to the list
episodes-duration-seconds = { $n } s
episodes-duration-minutes = { $n } min
episodes-duration-hours = { $n } h
episodes-count-jerks = { $n ->
        [one] { $n } jerk
       *[other] { $n } jerks
    }
episodes-count-about = about { $n ->
        [one] { $n } jerk
       *[other] { $n } jerks
    }
episodes-count-range = { $low }–{ $high ->
        [one] { $high } jerk
       *[other] { $high } jerks
    }
episodes-count-under = under { $n ->
        [one] { $n } jerk
       *[other] { $n } jerks
    }
episodes-lasted-range = { $low }–{ $high }
episodes-lasted-under = under { $high }
episodes-lasted-over = over { $low }
episodes-kind-single_jerk = single jerk
episodes-kind-cluster = cluster
episodes-kind-fall = fall
episodes-kind-absence = absence
episodes-kind-generalized = generalized seizure
episodes-kind-other = other
episodes-body-arms = arms
episodes-body-left_arm = left arm
episodes-body-right_arm = right arm
episodes-body-legs = legs
episodes-body-left_leg = left leg
episodes-body-right_leg = right leg
episodes-body-face = face
episodes-body-head_neck = head and neck
episodes-body-trunk = trunk
episodes-body-whole_body = whole body
episodes-body-left_side = left side
episodes-body-right_side = right side
episodes-intensity-mild = mild
episodes-intensity-moderate = moderate
episodes-intensity-severe = severe
episodes-setting-home = at home
episodes-setting-school = at school
episodes-setting-outside = outside
episodes-setting-car = in the car
episodes-setting-sleep = in sleep
episodes-setting-waking = on waking
episodes-trigger-fatigue = tired
episodes-trigger-stress = stressed
episodes-trigger-poor_sleep = poor sleep
episodes-trigger-illness = ill
episodes-trigger-missed_dose = missed dose
episodes-trigger-flashing_lights = flashing lights
episodes-trigger-startle = startled
episodes-trigger-excitement = excited
episodes-trigger-exertion = exertion
episodes-button_intensity-mild = Mild
episodes-button_intensity-moderate = Moderate
episodes-button_intensity-severe = Severe
episodes-button_setting-home = 🏠 Home
episodes-button_setting-school = 🏫 School
episodes-button_setting-outside = 🌳 Outside
episodes-button_setting-car = 🚗 Car
episodes-button_setting-sleep = 😴 Asleep
episodes-button_setting-waking = 🌅 Waking
episodes-button_trigger-fatigue = Tired
episodes-button_trigger-stress = Stressed
episodes-button_trigger-poor_sleep = Poor sleep
episodes-button_trigger-illness = Ill
episodes-button_trigger-missed_dose = Missed dose
episodes-button_trigger-excitement = Excited
episodes-help-e = /e — report an episode in one line, e.g. /e 10:15 45s mild face
