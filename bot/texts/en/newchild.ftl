## newchild

newchild-ask_name = Let's set up a care team. What's the child's first name? A nickname is enough.
newchild-ask_zone = Which time zone does <b>{ $child }</b> live in? Tap one, or type a city (Paris), a zone (Europe/Paris) or an offset (UTC+2).
newchild-ask_year = Last question, optional: what year was <b>{ $child }</b> born? It helps the doctors. Type it, or tap Skip.
newchild-button_skip = Skip
newchild-button_cancel = Cancel
newchild-cancelled = OK, I didn't create anything.
newchild-done = 
    <b>{ $child }</b>'s care team is ready, and you're its guardian.

    Next:
    1. Add me to your family's Telegram group and send /link there.
    2. Invite the others with /invite.
newchild-button_invite = ✉️ Invite someone
newchild-bad_name = Please send just the child's first name or a nickname (up to 40 letters).
newchild-bad_zone = I don't know that time zone. Type a city like Paris, a zone like Europe/Paris, or an offset like UTC+2.
newchild-bad_offset = Please use a whole-hour offset like UTC+2, or type the city instead (for example Kolkata).
newchild-bad_year = Please type a year like 2019, or tap Skip.
newchild-in_private = Let's do that in a private chat, so the group isn't flooded with questions.
newchild-button_open_private = Open a private chat
newchild-help-newchild = /newchild — create a care team for a child
