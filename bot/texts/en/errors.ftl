## errors

errors-generic = Something went wrong on my side. Please try again.
errors-unexpected = Sorry, something went wrong on my side. Please try again in a moment.
errors-database_unavailable = I couldn't save that just now — nothing was recorded. Please try again in a minute.
errors-saving_later = I couldn't save this yet — I'll save it as soon as I can and tell you.
errors-saved_after_all = Saved after all — it went through.
errors-not_a_member = You're not on this child's care team. Ask a guardian for an invitation.
errors-forbidden = Only a { $roles } can do that.
errors-expired_button = This button has expired.
