## medications

medications-dosing = { $amount } { $unit } at { $times }
medications-dosing_as_needed = { $amount } { $unit } as needed
medications-not_taken = not taken
medications-stopped = stopped
medications-typed_as = { $name } (typed as { $typed })
medications-from_day = from { $day }
medications-from_moment = from { $day }, { $time }
medications-by = { $name } ({ $role })
medications-by_plan = the titration plan
medications-someone = someone
medications-not_taken_then = { $name } isn't on the regimen at that time. See /meds.
medications-no_difference = That's what { $name } is already. Give a new dose or new times.
medications-already_taken = { $name } is already on the regimen. To change it: <code>/med change { $name } { $example } from tomorrow</code>
medications-already_taken_unknown = { $name } is already on the regimen. To change it, send /med change { $name } with the new dose or times.
medications-not_on_regimen = { $name } isn't on the regimen. See /meds, or start it: <code>/med start { $name } { $example }</code>
medications-not_on_regimen_unknown = { $name } isn't on the regimen. See /meds, or start it with /med start { $name }, its dose and its times.
medications-changed_meanwhile = Someone recorded another change meanwhile, so I didn't record this one. Check /meds and send it again.
medications-no_plan = { $name } has no titration plan to pause or resume.
medications-no_plan_left = That titration plan has ended.
medications-who_usage = Say which time and who, for example: <code>/med who 12:30 educator</code>
medications-who_bad_time = “{ $time }” isn't a time of day. Use 08:00 or 12:30.
medications-bad_day = I couldn't read the date “{ $day }”. Use the form 2026-11-01, for example <code>/meds 2026-11-01</code>.
medications-who_unknown = I don't know “{ $word }”: use guardians, caregivers, educators or the first name of someone on the team who records doses.
medications-relay-title_start = 💊 <b>{ $child }: new medicine</b>
medications-relay-title_adjust = 💊 <b>{ $child }: dose change</b>
medications-relay-title_stop = 💊 <b>{ $child }: medicine stopped</b>
medications-relay-line = { $name }: { $old } → <b>{ $new }</b>
medications-relay-when = When: { $when }
medications-relay-why = Why: { $reason }
medications-relay-recorded_by = Recorded by { $by }
medications-relay-plan = 📈 Plan: { $step } every { $days ->
        [one] day
       *[other] { $days } days
    } up to { $target }:
medications-relay-plan_step = • { $amount } { $day }
medications-relay-plan_more = • … { $count ->
        [one] { $count } more step
       *[other] { $count } more steps
    }
medications-relay-plan_ended = The titration plan to { $target } has ended.
medications-relay-step_title = 📈 <b>{ $child }: titration step</b>
medications-relay-step_next = Next: { $amount } { $day }.
medications-relay-step_last = That was the last step: the target dose is reached.
medications-confirm-title = Please check before I record this:
medications-confirm-unknown_name = ⚠️ I don't know the medicine “{ $name }”. I'll keep the name as typed.
medications-confirm-spelling = ⚠️ I read “{ $typed }” as { $name }.
medications-confirm-dose_ratio_up = ⚠️ That's { $ratio }× the current dose: { $old } → { $new }.
medications-confirm-dose_ratio_down = ⚠️ That's { $ratio } of the current dose: { $old } → { $new }.
medications-confirm-unit = ⚠️ The unit changes: { $old } → { $new }.
medications-confirm-dose_above = ⚠️ That is { $daily }, above the usual maximum for { $name } (about { $limit } a day).
medications-confirm-dose_below = ⚠️ That is { $daily }, far below the usual dose of { $name } (at least about { $limit } a day).
medications-confirm-target_above = ⚠️ The plan's target is { $daily }, above the usual maximum for { $name } (about { $limit } a day).
medications-confirm-per_day = { $amount } a day
medications-confirm-per_day_liquid = { $amount } a day as the { $strength } mg/ml liquid
medications-confirm-stop = ⚠️ This stops { $name } ({ $dosing }) { $when }, and its dose reminders.
medications-confirm-question = Confirm?
medications-confirm-button_yes = ✅ Yes, record it
medications-confirm-button_cancel = ✖️ Cancel
medications-confirm-cancelled = OK, nothing was recorded.
medications-regimen-title_now = 💊 <b>{ $child }'s medicines</b> — now
medications-regimen-title_on = 💊 <b>{ $child }'s medicines</b> — on { $day }
medications-regimen-empty = No medicines on the regimen.
medications-regimen-entry = • <b>{ $name }</b>: { $dosing }
medications-regimen-since = { "   " }since { $day }
medications-regimen-changed = { "   " }last change { $day }: { $old } → { $new }
medications-regimen-why = { "   " }why: { $reason }
medications-regimen-by = { "   " }recorded by { $by }
medications-regimen-plan_active = { "   " }📈 { $step } every { $days ->
        [one] day
       *[other] { $days } days
    } up to { $target }; next: { $amount } { $day }
medications-regimen-plan_paused = { "   " }⏸ titration paused at this dose (target { $target })
medications-regimen-planned_title = Coming up:
medications-regimen-planned_line = • { $when }: { $name } { $old } → { $new }
medications-regimen-button_pause = ⏸ Pause { $name } titration
medications-regimen-button_resume = ▶️ Resume { $name } titration
medications-plan-paused = ⏸ <b>{ $child }</b>: the { $name } titration is paused at { $dosing }. { $by } paused it; resume with /med resume { $name }.
medications-plan-resumed = ▶️ <b>{ $child }</b>: the { $name } titration goes on. Next: { $amount } { $day }. ({ $by })
medications-guide-menu = What would you like to record for <b>{ $child }</b>?
medications-guide-button_start = ➕ Start a medicine
medications-guide-button_change = ✏️ Change a dose or times
medications-guide-button_stop = ⏹ Stop a medicine
medications-guide-button_cancel = ✖️ Cancel
medications-guide-ask_start = Type the medicine, the dose and the times. For example: <code>levetiracetam 250 mg 08:00 20:00</code> or <code>valproate 5 ml twice daily</code>
medications-guide-pick_change = Which medicine changes?
medications-guide-pick_stop = Which medicine stops?
medications-guide-ask_change = What changes for <b>{ $name }</b> (now { $dosing })? Type the new dose and/or times, and when. For example: <code>{ $example } from tomorrow</code> or <code>08:00 12:30 20:00</code>
medications-guide-ask_change_unknown = What changes for <b>{ $name }</b> (now { $dosing })? Type the new dose and/or times, and when. For example: <code>08:00 12:30 20:00</code>
medications-guide-ask_stop = Why does <b>{ $name }</b> stop? Type the reason, or tap Skip.
medications-guide-button_skip = Skip
medications-guide-nothing_to_pick = There's no medicine on the regimen yet. Start one first.
medications-guide-in_private = 
    Send the change in one line here, for example:
    <code>/med start levetiracetam 250 mg 08:00 20:00</code>
    <code>/med change levetiracetam 500 mg from tomorrow</code>
    <code>/med stop clonazepam reason drowsiness</code>
    Or let me guide you in a private chat.
medications-guide-button_open_private = Open a private chat
medications-guide-tap_a_button = Tap one of the buttons above, or send /med to start again.
medications-who-title = 👥 <b>Who is reminded of { $child }'s doses</b>
medications-who-line = { $time }: { $who }
medications-who-default = { " " }(default)
medications-who-nobody = nobody on the team can record doses yet
medications-who-hint = Change it with, for example, <code>/med who 12:30 educator</code> or <code>/med who 20:00 Anna</code>; <code>/med who 12:30 default</code> goes back to guardians and caregivers.
medications-who-empty = No dose times yet.
medications-weight-ask = ⚖️ That dose is per kg of weight. How much does <b>{ $child }</b> weigh now? Type it in kg, for example <i>22.5</i>.
medications-weight-ask_again = ⚖️ That dose is per kg of weight. <b>{ $child }</b> weighed { $weight } kg on { $day }: how much now? Type it in kg, for example <i>22.5</i>.
medications-weight-needed_in_group = Doses in mg/kg/day are worked out from the child's weight, and I have none from the last 3 months. Record it with <code>/med weight 22.5</code> (in kg), then send the line again.
medications-weight-unreadable = I couldn't read that as a weight. Type it in kg, for example <i>22.5</i>.
medications-weight-out_of_range = A weight is between { $low } and { $high } kg. Type it in kg, for example <i>22.5</i>.
medications-weight-dose_too_small = That dose works out at less than 0.0001 mg each time. Check the figure per kg.
medications-weight-plan_too_small = The titration steps work out too small to record in mg. Give the plan in mg, for example <code>increase by 50 mg every 7 days to 300 mg</code>.
medications-weight-worked_out = ⚖️ { $per_kg } mg/kg/day × { $weight } kg = { $daily } mg a day, { $dose } mg { $how }.
medications-weight-worked_out_rounded = ⚖️ { $per_kg } mg/kg/day × { $weight } kg = { $daily } mg a day, about { $dose } mg { $how } (rounded).
medications-weight-weighed = ⚖️ Weight recorded { $day }. If it has changed, record it with <code>/med weight</code> and the new weight, then send the line again.
medications-weight-once = once daily
medications-weight-twice = twice daily
medications-weight-times = { $count } times daily
medications-weight-as_needed = each time, as needed
medications-weight-relay = ⚖️ { $per_kg } mg/kg/day × { $weight } kg
medications-weight-shown = ⚖️ <b>{ $child }</b> weighs { $weight } kg (recorded { $day }). Doses in mg/kg/day are worked out from it. To update it: <code>/med weight 23.5</code>
medications-weight-none = ⚖️ No weight recorded for <b>{ $child }</b>. Record it with <code>/med weight 22.5</code> (in kg).
medications-weight-saved = ⚖️ Recorded: <b>{ $child }</b> weighs { $weight } kg. Doses in mg/kg/day are worked out from it; doses already recorded don't change.
medications-bedtime-shown = 🌙 <b>{ $child }</b>'s bedtime is { $time }: “at night” and “at bedtime” in /med mean { $time }. To change it: <code>/med bedtime 19:30</code>
medications-bedtime-saved = 🌙 <b>{ $child }</b>'s bedtime is now { $time }: “at night” and “at bedtime” in /med mean { $time }. Doses already set keep their times.
medications-bedtime-unreadable = I couldn't read that as a time of day. Example: <code>/med bedtime 19:30</code>
medications-help-meds = /meds — the current medicines (or on a date: /meds 2026-11-01)
medications-help-med = /med — record a medicine started, changed or stopped (and /med bedtime, /med weight)
