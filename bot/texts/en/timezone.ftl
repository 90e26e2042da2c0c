## timezone

timezone-title = 🕰 Your time zone: <b>{ $zone }</b>{ $whose }. Digests on your schedule come on this clock.
timezone-childs = { " " }({ $child }'s)
timezone-ask = Pick yours, or type it, e.g. <code>/timezone Europe/Paris</code>.
timezone-button_reset = Use my child's zone
timezone-saved = ✅ Saved: your time zone is <b>{ $zone }</b>{ $whose }.
timezone-help-timezone = /timezone — your own time zone, for digests on your schedule
