"""Care team screens."""
