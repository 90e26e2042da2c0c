## start

start-welcome = 
    Hello { $name }! I'm <b>CareCircle</b>.

    I keep the people around a child with myoclonus in one place: parents, teachers and doctors.
    • Report an episode in seconds, and the whole team sees it.
    • Keep track of medicines, doses and changes.
    • Get reminders for appointments, EEGs and blood tests.
    • Give the neurologist a clear summary.

    What would you like to do?
start-button_new_team = ➕ Create a care team
start-button_invitation = ✉️ I have an invitation
start-button_help = ❓ Help
start-invitation_hint = Open the invitation link you were sent — it brings you straight back here and adds you to the team.
start-group_hello = 
    Hello everyone! I'm <b>CareCircle</b>. I help this group look after a child with myoclonus: episode reports, medicines, reminders and summaries for the doctors.

    A guardian can link this group to the child's care team with /link.
