## timer

timer-keyboard_timer = ⏱ Seizure timer
timer-live = ⏱ <b>{ $elapsed }</b> — seizure timer for <b>{ $child }</b>
timer-started = Started at { $time } by { $name }.
timer-will_alert = At { $threshold } I'll alert the whole team.
timer-alerted = 🚨 Past { $threshold }: the team has been alerted.
timer-plan_title = <b>Action plan:</b>
timer-no_plan = There is no action plan on file. Follow the emergency instructions from { $child }'s doctor; if in doubt, call emergency services.
timer-alert = 
    🚨 <b>{ $child }: seizure still going after { $elapsed }</b>
    Timer started at { $time } by { $name }.
timer-button_stop = ⏹ Stop
timer-button_cancel = ✖️ Cancel
timer-cancelled = Timer cancelled — nothing was saved.
timer-expired = ⏱ This timer ran for an hour and stopped by itself — nothing was saved. Send /episode to report the episode.
timer-already_running = ⏱ { $name } started a timer { $elapsed } ago, and it is still running. Use its Stop button.
timer-not_running = This timer has already stopped.
timer-someone = someone
timer-help-timer = /timer — time a seizure; the team is alerted at the emergency threshold
