"""Follow-ups: appointments, tests and reminders, and their timed notices."""
