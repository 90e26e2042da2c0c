## plan

plan-title = <b>{ $child }'s seizure action plan</b>
plan-empty = No plan written yet.
plan-threshold = 🚨 Reports of { $duration } or more, or severe with an injury, are urgent and carry this plan.
plan-how_to_change = To change it: <code>/plan set</code> and the plan, or <code>/plan threshold 3m</code>.
plan-saved_plan = ✅ Saved. The plan is shown with every urgent report.
plan-saved_threshold = ✅ Saved. The new threshold counts from the next report.
plan-usage = Say <code>/plan</code> to read it, <code>/plan set</code> and the plan to write it, or <code>/plan threshold 3m</code>.
plan-bad_text = Write the plan after <code>/plan set</code>, in up to { $limit } characters. Nothing was changed.
plan-bad_threshold = Give the threshold as a time from 30s to 30m, e.g. <code>/plan threshold 3m</code>. Nothing was changed.
plan-help-plan = /plan — the seizure action plan and when a report is urgent
