"""Doses: reminders, answers, who is responsible, outcomes and adherence."""
