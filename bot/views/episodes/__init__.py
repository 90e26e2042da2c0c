"""Episode screens."""
