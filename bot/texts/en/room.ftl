## room

room-stranger_joined = 👤 <b>{ $name }</b> joined <b>{ $child }</b>'s group but is not on the care team. Until you decide, news about { $child } comes to the team privately, not in the group.
room-stranger_stayed = 👤 <b>{ $name }</b> is off <b>{ $child }</b>'s care team but still in its group. Until they leave it, news about { $child } comes to the team privately, not in the group.
room-button_invite = ➕ Invite as…
room-button_remove = 🚪 Remove from the group
room-held = 🔒 Someone here is not on { $child }'s care team, so news about { $child } goes to the team privately until a guardian decides.
room-freed = 🔓 Everyone here is on { $child }'s care team again: the team's news comes back to this group.
room-removing = 🚪 I'm removing <b>{ $name }</b> from { $child }'s group. They can be invited again later.
room-not_admin = I can't remove <b>{ $name }</b>: I'm not an admin of { $child }'s group. Remove them yourself (tap the group's name, then { $name }, then Remove), or make me an admin (the group's name → Administrators → Add admin → me): then I can remove people who are not on the team, and give each new member a one-use link to join. Until they leave, news comes to the team privately.
room-invite_role = Invite <b>{ $name }</b> to { $child }'s care team as…
room-already_gone = That person is no longer in the group.
room-member_out = <b>{ $name }</b> left { $child }'s Telegram group but is still on the care team: their news about { $child } now comes to them privately.
room-member_back = <b>{ $name }</b> is back in { $child }'s group.
room-lost = I'm no longer in { $child }'s group, so it is unlinked from the care team. Until you link a group again (/link inside it), the team's news about { $child } comes to each of you privately.
room-moved = { $child }'s group became a supergroup; its link to the care team moved with it, nothing to do.
room-removed_you = You are no longer on { $child }'s care team, so I won't send you news about { $child } any more.
room-join_link = Join { $child }'s team group with this link (it works once, for you): { $url }
room-join_later = A guardian will add you to { $child }'s team group.
room-admin_tip = Tip: make me an admin of this group (the group's name → Administrators → Add admin → me), so I can remove people who are not on the team and give each new member a one-use link to join.
room-topic_set = News about { $child } will go to this topic.
room-topic_general = News about { $child } will go to the General topic. To use another topic, send /topic inside it.
room-topic_no_forum = This group has no topics: news about { $child } goes to the chat.
room-help-topic = /topic — send the team's news to this forum topic
