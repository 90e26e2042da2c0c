"""Episodes: reporting, changing, reading, the guided report, the timer, the plan."""
