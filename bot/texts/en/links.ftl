## links

links-choose_child = Which child's team should this group belong to?
links-linked = This group is now <b>{ $child }</b>'s care team group. Team news will appear here.
links-unlinked = This group is no longer linked to <b>{ $child }</b>'s care team.
links-already_linked = This group is already linked to a child's care team.
links-child_has_group = That child's team already has a group. Send /unlink there first.
links-nothing_to_link = To link a group you need to be the guardian of a care team that has no group yet. Create a team in a private chat with me: /newchild
links-not_linked = This group isn't linked to a care team.
links-only_in_groups_link = Send /link inside the group you want to link (add me to it first).
links-only_in_groups_unlink = Send /unlink inside the team group you want to unlink.
links-help-link = /link — link this group to a child's care team
links-help-unlink = /unlink — unlink this group from its team
