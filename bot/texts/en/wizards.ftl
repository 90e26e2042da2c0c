## wizards

wizards-expired = That question has timed out. Please start again.
wizards-nothing_waiting = I'm not waiting for an answer from you right now. Send /help to see what I can do.
