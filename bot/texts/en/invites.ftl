## invites

invites-choose_role = Who are you inviting to <b>{ $child }</b>'s team?
invites-link = 
    Here is a one-time invitation to <b>{ $child }</b>'s care team, as <b>{ $a_role }</b>:

    { $url }

    Send it to one person. It works once, within 7 days.
invites-sent_privately = I've sent the invitation link to { $name } in a private chat.
invites-joined = 
    Welcome to <b>{ $child }</b>'s care team! You joined as <b>{ $a_role }</b>.

    Send /help to see what you can do, and /notify to choose how you hear the team's news.
invites-joined_notice = 👋 { $name } joined { $child }'s care team as { $a_role }.
invites-unknown = I don't recognise this invitation link. Check that you opened all of it, or ask a guardian for a new one.
invites-expired = This invitation has expired (they last 7 days). Ask a guardian for a new one.
invites-used = This invitation has already been used — each link works only once. Ask a guardian for a new one.
invites-revoked = This invitation was cancelled by a guardian. Ask them for a new one if you should be on the team.
invites-already_member = You're already on this care team — nothing to do.
invites-not_open = That invitation is no longer open.
invites-list_title = <b>Open invitations for { $child }</b>
invites-list_line = { $n }. { $role } — valid until { $until }
invites-list_empty = There are no open invitations for <b>{ $child }</b>. Make one with /invite.
invites-button_revoke = ✖️ Cancel invitation { $n }
invites-revoked_done = Invitation cancelled.
invites-only_in_private = Invitation links work like keys, so I only make them in our private chat. Open it and send /invite there.
invites-button_open_private = Open a private chat
invites-role_button-guardian = 👪 Parent or guardian
invites-role_button-caregiver = 🧡 Other caregiver (family, nanny)
invites-role_button-educator = 🏫 Teacher or educator
invites-role_button-clinician = 🩺 Doctor, nurse or therapist
invites-help-invite = /invite — invite someone to the team
invites-help-invites = /invites — open invitations, to cancel one
