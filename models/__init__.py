"""CareCircle's relational schema; importing this package registers every table."""

from models.audit import AuditLogIsAppendOnly, Event
from models.base import Base, UTCDateTime
from models.digest import DigestCadence, DigestRead, DigestSubscription
from models.episode import Episode, EpisodeCopy, EpisodeKind, Intensity
from models.followup import Followup, FollowupStatus
from models.inbox import InboxUpdate
from models.medication import (
    ChangeAction,
    DoseDuty,
    DoseLog,
    DoseReminder,
    DoseStatus,
    Medication,
    MedicationChange,
    Titration,
    TitrationStatus,
)
from models.outbox import Outbox, OutboxFile, OutboxStatus
from models.reminder import Reminder, ReminderKind, ReminderStatus
from models.team import (
    Child,
    GroupStranger,
    Invite,
    Membership,
    NotifyPreference,
    Person,
    Role,
    TeamChat,
)
from models.timer import Timer, TimerStatus
from models.wizard import ProcessedUpdate, WizardState

__all__ = [
    "AuditLogIsAppendOnly",
    "Base",
    "ChangeAction",
    "Child",
    "DigestCadence",
    "DigestRead",
    "DigestSubscription",
    "DoseDuty",
    "DoseLog",
    "DoseReminder",
    "DoseStatus",
    "Episode",
    "EpisodeCopy",
    "EpisodeKind",
    "Event",
    "InboxUpdate",
    "Followup",
    "FollowupStatus",
    "Intensity",
    "Invite",
    "Medication",
    "MedicationChange",
    "Membership",
    "NotifyPreference",
    "Outbox",
    "OutboxFile",
    "OutboxStatus",
    "Person",
    "ProcessedUpdate",
    "Reminder",
    "ReminderKind",
    "ReminderStatus",
    "Role",
    "TeamChat",
    "GroupStranger",
    "Titration",
    "TitrationStatus",
    "Timer",
    "TimerStatus",
    "UTCDateTime",
    "WizardState",
]
