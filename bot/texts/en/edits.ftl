## edits

edits-not_read = I don't read edited messages, so nothing changed. To fix a report, tap ✏️ Correct under it or send a new /e line; to run a command again, send it again.
edits-too_late = That report is more than 48 hours old, so editing it changed nothing. Open it in /history and tap ✏️ Correct.
