## exports

exports-choose_format = 
    📤 <b>Export { $child }'s record</b>
    Which file?
exports-format_pdf = 📄 PDF report
exports-format_csv = 📊 CSV files (zip)
exports-format_fhir = 🏥 FHIR R4 (hospital systems)
exports-about_pdf = A report to print or send to a doctor: the digest, every episode, the medicines and the doses.
exports-about_csv = One spreadsheet file per kind of record, with a README that explains each column.
exports-about_fhir = A FHIR R4 bundle for a hospital record system or a registry.
exports-choose_period = 
    { $about }

    Which period?
exports-period_28 = Last 28 days
exports-period_90 = Last 90 days
exports-period_365 = Last 12 months
exports-period_all = Everything
exports-choose_name = 
    Should the FHIR file carry { $child }'s name?
    Without it, { $child } is known only by a code, and no one on the team is named. Notes, reasons and titles go as they were typed.
exports-name_without = Without names (safer)
exports-name_with = With names
exports-button_back = ‹ Back
exports-preparing = 📤 The { $format } of { $child }'s record, { $first } – { $last }, comes as a file below in a moment.
exports-sent = 📎 { $child }'s record, { $first } – { $last }, as { $format }. Made { $made }.
exports-too_large = That file would be { $size } MB, more than the { $limit } MB Telegram takes, so I didn't send it. Choose a shorter period, or ask whoever runs CareCircle for <code>carecircle export</code>.
exports-failed = I couldn't send the file just now. Please ask again with /export in a minute.
exports-only_in_private = Exports hold { $child }'s health records, so I only send them in our private chat. Open it and send /export there.
exports-button_open_private = Open a private chat
exports-name_guardians_only = Only a guardian can put the child's name in a FHIR file.
exports-unknown_child = there is no child with id { $child_id }
exports-bad_dates = the period runs backwards: { $first } is after { $last }
exports-format_name-pdf = PDF report
exports-format_name-csv = CSV files
exports-format_name-fhir = FHIR bundle
exports-help-export = /export — the record as a PDF report, CSV files or a FHIR bundle (in private)
exports-pdf-title = { $child } · { $first } – { $last }
exports-pdf-made = Made by CareCircle on { $made }
exports-pdf-page = Page { $page } of { $pages }
exports-pdf-digest_title = Digest
exports-pdf-episodes_title = Episodes ({ $n })
exports-pdf-no_episodes = No episodes recorded in this period.
exports-pdf-medicines_title = Medication changes ({ $n })
exports-pdf-no_changes = No medication changes in this period.
exports-pdf-adherence_title = Doses given
exports-pdf-no_doses = No doses recorded in this period.
exports-pdf-when = When
exports-pdf-what = What was seen
exports-pdf-where = Where, why
exports-pdf-rescue = Rescue
exports-pdf-reported = Reported by
exports-pdf-notes = Notes: { $notes }
exports-pdf-seen_by = seen by { $observer }
exports-pdf-also = also { $names }
exports-pdf-effective = From
exports-pdf-medicine = Medicine
exports-pdf-change = Change
exports-pdf-why = Why
exports-pdf-who = Who
exports-pdf-started = started: { $after }
exports-pdf-stopped = stopped (was { $before })
exports-pdf-changed = 
    { $before }
    → { $after }
exports-pdf-by_plan = titration plan
exports-pdf-someone = someone
exports-pdf-scheduled = Scheduled
exports-pdf-given = Given
exports-pdf-late = Late
exports-pdf-skipped = Skipped
exports-pdf-missed = Missed
exports-pdf-percent = % given
exports-pdf-role = { $name } ({ $role })
exports-csv-readme = 
    CareCircle export: { $child }, { $first } to { $last }, made { $made }.

    One CSV file per kind of record, UTF-8, comma-separated, with a header row. Times are ISO 8601
    in { $child }'s time zone ({ $timezone }) with its offset from UTC. Lists and the audit payload are
    JSON; true and false are written as such; an empty cell means none. Episodes, doses and audit
    events are those of the period; medication changes are those that take effect in it (and, when
    the period ends today, those planned after it); the team and the follow-ups are listed whole.
    Deleted episodes are left out. "person_id" columns refer to members.csv.
exports-csv-columns-episodes-id = The episode's number in CareCircle.
exports-csv-columns-episodes-occurred_at = When it happened (the start of a series).
exports-csv-columns-episodes-window_end_at = For a series of jerks counted over a while: when that while ended.
exports-csv-columns-episodes-duration_seconds = How long it lasted, in seconds.
exports-csv-columns-episodes-jerk_count = For a series: how many jerks were counted.
exports-csv-columns-episodes-kind = single_jerk, cluster, fall, absence, generalized or other.
exports-csv-columns-episodes-body_parts = Where on the body (JSON list: arms, left_arm, face, whole_body, …).
exports-csv-columns-episodes-intensity = mild, moderate or severe.
exports-csv-columns-episodes-awareness = Awareness during the episode, as recorded.
exports-csv-columns-episodes-setting = Where or when: home, school, car, outside, sleep, waking, or the words used.
exports-csv-columns-episodes-triggers = What seemed to set it off (JSON list: fatigue, stress, poor_sleep, illness, …).
exports-csv-columns-episodes-rescue_medication = The rescue medicine given, if any.
exports-csv-columns-episodes-injury = true if an injury was reported.
exports-csv-columns-episodes-observer = Who saw it, as the reporter wrote it.
exports-csv-columns-episodes-notes = The reporter's notes, in full.
exports-csv-columns-episodes-source = How it was entered: line (one typed line), wizard (buttons) or timer (timed live).
exports-csv-columns-episodes-attachments = How many photos, videos or voice notes were sent with it (not in this export).
exports-csv-columns-episodes-reporter_person_id = Who reported it (members.csv).
exports-csv-columns-episodes-reporter_name = The reporter's name.
exports-csv-columns-episodes-reporter_role = The reporter's role on the team.
exports-csv-columns-episodes-same_episode_as = If set, this is a second report of that episode: a second observer, not another episode.
exports-csv-columns-episodes-entered_at = When the report was entered.
exports-csv-columns-episodes-corrected_at = When the report was last corrected.
exports-csv-columns-medication_changes-id = The change's number in CareCircle.
exports-csv-columns-medication_changes-medication_id = The course of medicine it changes.
exports-csv-columns-medication_changes-medicine = The medicine's generic name.
exports-csv-columns-medication_changes-medicine_as_typed = The name as it was typed (a brand, for example).
exports-csv-columns-medication_changes-action = start, adjust or stop.
exports-csv-columns-medication_changes-dose_amount = The dose it sets (empty: unchanged).
exports-csv-columns-medication_changes-dose_unit = The unit of that dose (empty: unchanged).
exports-csv-columns-medication_changes-times = The times of day it sets, in the child's time zone (JSON list; empty: unchanged; [] as needed).
exports-csv-columns-medication_changes-reason = Why, as recorded.
exports-csv-columns-medication_changes-effective_at = When it takes effect.
exports-csv-columns-medication_changes-before = The dosing just before it (derived from the changes).
exports-csv-columns-medication_changes-after = The dosing from then on (derived from the changes).
exports-csv-columns-medication_changes-recorded_by_person_id = Who recorded it (members.csv); empty for a titration step.
exports-csv-columns-medication_changes-recorded_by_name = Their name.
exports-csv-columns-medication_changes-recorded_role = Their role when they recorded it.
exports-csv-columns-medication_changes-titration_id = The titration plan it belongs to, if any.
exports-csv-columns-medication_changes-recorded_at = When it was recorded.
exports-csv-columns-dose_log-id = The dose record's number in CareCircle.
exports-csv-columns-dose_log-medication_id = The course of medicine (medication_changes.csv).
exports-csv-columns-dose_log-medicine = The medicine's name.
exports-csv-columns-dose_log-scheduled_at = When the dose was due.
exports-csv-columns-dose_log-dose_amount = The dose due then (derived from the changes).
exports-csv-columns-dose_log-dose_unit = Its unit.
exports-csv-columns-dose_log-status = given, skipped or missed (no answer within an hour).
exports-csv-columns-dose_log-outcome = given, late (given more than 30 minutes after its time), skipped or missed.
exports-csv-columns-dose_log-recorded_by_person_id = Who answered (members.csv); empty for a missed dose.
exports-csv-columns-dose_log-recorded_by_name = Their name.
exports-csv-columns-dose_log-recorded_at = When it was answered, or marked missed.
exports-csv-columns-dose_log-acknowledged_by_person_id = Who acknowledged a missed dose.
exports-csv-columns-dose_log-acknowledged_by_name = The name of who acknowledged it.
exports-csv-columns-dose_log-acknowledged_at = When the missed dose was acknowledged.
exports-csv-columns-followups-id = The follow-up's number in CareCircle.
exports-csv-columns-followups-kind = followup (an appointment), test, dose or custom (a reminder).
exports-csv-columns-followups-title = What it is, as typed.
exports-csv-columns-followups-due_at = Its next (or only) time.
exports-csv-columns-followups-timezone = The time zone it is kept in.
exports-csv-columns-followups-recurrence = How it repeats, if it does (e.g. every 3 months).
exports-csv-columns-followups-status = active, done or cancelled.
exports-csv-columns-followups-created_by_person_id = Who added it (members.csv).
exports-csv-columns-followups-created_by_name = Their name.
exports-csv-columns-followups-created_at = When it was added.
exports-csv-columns-members-membership_id = The membership's number in CareCircle.
exports-csv-columns-members-person_id = The person's number, used by the other files.
exports-csv-columns-members-first_name = First name, as on Telegram.
exports-csv-columns-members-last_name = Last name, as on Telegram.
exports-csv-columns-members-username = Telegram username.
exports-csv-columns-members-role = guardian, caregiver, educator or clinician.
exports-csv-columns-members-notify = How they hear the team's news: group, private or digest.
exports-csv-columns-members-joined_at = When they joined the team.
exports-csv-columns-members-left_at = When they left it, if they did.
exports-csv-columns-audit_log-id = The event's number in CareCircle's append-only audit log.
exports-csv-columns-audit_log-at = When it happened.
exports-csv-columns-audit_log-kind = What happened (episode.corrected, medication.changed, export.made, …).
exports-csv-columns-audit_log-actor_person_id = Who did it (members.csv); empty for the bot itself or the command line.
exports-csv-columns-audit_log-actor_name = Their name.
exports-csv-columns-audit_log-payload = The details, as JSON.
