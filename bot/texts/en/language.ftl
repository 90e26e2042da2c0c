## language

language-ask = 🌐 Which language should I write to you in?
language-set = ✅ From now on I'll write to you in English.
language-team_ask = 🌐 Which language should I write in, in the group of <b>{ $child }</b>?
language-team_set = ✅ In the group, I'll write about <b>{ $child }</b> in English from now on.
language-name-en = English
language-name-es = Español
language-name-ru = Русский
language-help-language = /language — the language I write to you in (and, for a guardian, the group's)

## The command menus (setMyCommands), one description per command

language-menu-start = Welcome and main menu
language-menu-help = What I can do
language-menu-newchild = Create a care team for a child
language-menu-team = Who is on the team
language-menu-invite = Invite someone to the team
language-menu-invites = Open invitations
language-menu-notify = How you hear the team's news
language-menu-child = Choose which child your commands are about
language-menu-link = Link this group to a child's team
language-menu-unlink = Unlink this group
language-menu-leave = Leave a care team
language-menu-deletechild = Erase all of a child's records
language-menu-e = Report an episode in one line, e.g. /e 10:15 45s face
language-menu-history = Episodes so far: /history 7d, 30d or all
language-menu-today = Today's episodes at a glance
language-menu-plan = The seizure action plan
language-menu-timer = Time a seizure; the team is alerted at the threshold
language-menu-followup = Add a follow-up reminder
language-menu-remind = Add a reminder in one line
language-menu-reminders = What's coming, with cancel and move
language-menu-meds = The current medicines (or on a date)
language-menu-med = Record a medicine started, changed or stopped
language-menu-doses = Today's doses and who gave them
language-menu-adherence = Doses given, late, skipped and missed
language-menu-digest = The digest: /digest 7d, 28d or 90d, or /digest schedule
language-menu-timezone = Your own time zone, for digests on your schedule
language-menu-export = The record as a PDF, CSV files or a FHIR bundle
language-menu-language = The language I write to you in
