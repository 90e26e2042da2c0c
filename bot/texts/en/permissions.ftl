## permissions

permissions-role-guardian = guardian
permissions-role-caregiver = caregiver
permissions-role-educator = educator
permissions-role-clinician = clinician
permissions-a_role-guardian = a guardian
permissions-a_role-caregiver = a caregiver
permissions-a_role-educator = an educator
permissions-a_role-clinician = a clinician
permissions-refused-set_plan = Only a guardian or a clinician can change the action plan.
permissions-refused-change_medication = Only a guardian or a clinician can record medication changes.
permissions-refused-record_dose = Only a guardian, a caregiver or an educator can record doses given.
permissions-refused-follow_ups = Only a guardian, a caregiver or a clinician can manage follow-up reminders.
permissions-refused-digest = Only a guardian, a caregiver or a clinician can get digests.
permissions-refused-export = Only a guardian or a clinician can export records.
permissions-refused-invite = Only a guardian can invite people to the team.
permissions-refused-manage_members = Only a guardian can change roles or remove people from the team.
permissions-refused-link_group = Only a guardian can link or unlink the team group.
permissions-refused-delete_child = Only a guardian can delete a child's records.
