"""The one scheduler behind every timed message: rows in ``reminder``, a handler per kind.

A feature installs a handler for its kind when the Application is built, and schedules
rows in its own transaction::

    async def remind_dose(session: AsyncSession, fired: scheduling.Fired) -> None:
        ...  # enqueue messages; they commit with the row's "sent" mark

    scheduling.install({"dose.reminder": remind_dose})  # in the feature's register(app)
    await scheduling.schedule(session, "dose.reminder", due_at, f"dose:{med.id}", {...},
                              child_id=child.id, timezone=child.timezone,
                              recurrence=Recurrence("daily"))

``cancel(session, key_prefix)`` withdraws what is not sent yet. The ``Dispatcher``
claims due rows atomically and runs the handlers; see ``dispatcher`` and ``claims``.
"""

from bot.scheduling.dispatcher import DISPATCHER_KEY, Dispatcher
from bot.scheduling.registry import LATE_AFTER, Fired, Handler, install, kinds
from bot.scheduling.store import cancel, schedule

__all__ = [
    "DISPATCHER_KEY",
    "LATE_AFTER",
    "Dispatcher",
    "Fired",
    "Handler",
    "cancel",
    "install",
    "kinds",
    "schedule",
]
