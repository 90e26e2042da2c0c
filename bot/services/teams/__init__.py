"""Care teams: children, members, invitations, group links, people, permissions."""
