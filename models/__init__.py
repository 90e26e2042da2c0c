"""CareCircle's relational schema; importing this package registers every table."""

from models.audit import AuditLogIsAppendOnly, Event
from models.base import Base, UTCDateTime
from models.episode import Episode, EpisodeKind, Intensity
from models.medication import ChangeAction, DoseLog, DoseStatus, Medication, MedicationChange
from models.outbox import Outbox, OutboxStatus
from models.reminder import Reminder, ReminderKind, ReminderStatus
from models.team import Child, Invite, Membership, NotifyPreference, Person, Role, TeamChat
from models.wizard import ProcessedUpdate, WizardState

__all__ = [
    "AuditLogIsAppendOnly",
    "Base",
    "ChangeAction",
    "Child",
    "DoseLog",
    "DoseStatus",
    "Episode",
    "EpisodeKind",
    "Event",
    "Intensity",
    "Invite",
    "Medication",
    "MedicationChange",
    "Membership",
    "NotifyPreference",
    "Outbox",
    "OutboxStatus",
    "Person",
    "ProcessedUpdate",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "Role",
    "TeamChat",
    "UTCDateTime",
    "WizardState",
]
