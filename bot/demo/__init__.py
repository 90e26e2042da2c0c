"""`carecircle demo`: one care team's fortnight played through the sandbox and the real bot."""


class StoryStuck(RuntimeError):
    """The bot did not answer as the story expected; the message says what was missing."""
