"""The demo's story: Lily's care team over a fortnight (or fewer days), as a list of timed steps.

The milestones keep their places in the story however long it is: the team is made on
the first day, the medicine changes in the middle, the digest and the exports come on
the last. Each morning brings a series of jerks, fewer once the dose is higher.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.demo import scenes
from bot.demo.scenes import DOCTOR, GRANDPA, MUM, TEACHER, Act, says

ZONE = "Europe/London"
MEDICINE = "levetiracetam"
BEFORE = (12, 9, 14, 11, 10, 13, 9)  # jerks each morning on the first dose
AFTER = (8, 6, 5, 4, 4, 3, 2)  # and once it is higher


@dataclass(frozen=True)
class Step:
    """Something people do on ``day`` (1 is the first) at local ``time``; ``title`` heads it."""

    day: int
    time: str
    title: str
    act: Act


@dataclass(frozen=True)
class Plan:
    """On which day of a story ``days`` long each milestone falls."""

    days: int
    first: date

    def day(self, share: float) -> int:
        """The day ``share`` of the way through the story (0 the first day, 1 the last)."""
        return 1 + round(share * (self.days - 1))

    def school_day(self, share: float) -> int:
        """The weekday nearest ``share`` of the way through, for what happens at school."""
        wanted = self.day(share)
        days = sorted(range(2, self.days), key=lambda d: (abs(d - wanted), d))
        return next((d for d in days if self.weekday(d) < 5), days[0] if days else wanted)

    def weekday(self, day: int) -> int:
        return (self.first + timedelta(days=day - 1)).weekday()

    def date(self, day: int) -> date:
        return self.first + timedelta(days=day - 1)


def story(days: int, first: date) -> list[Step]:
    """Every step of a story ``days`` long (3 to 14) starting on ``first``, in time order."""
    if not 3 <= days <= 14:
        raise ValueError("the story lasts 3 to 14 days")
    plan = Plan(days, first)
    steps = [*_first_morning(plan), *_mornings(plan), *_doses(plan), *_events(plan)]
    return sorted(steps, key=lambda step: (step.day, step.time))


def _first_morning(plan: Plan) -> list[Step]:
    return [
        Step(1, "09:00", "Anna sets up Lily's care team", scenes.create_team),
        Step(1, "09:05", "Anna links the family's Telegram group", scenes.link_group),
        Step(1, "09:10", "Anna invites the teacher, Grandpa and the neurologist", scenes.invite),
        Step(1, "09:30", "Each joins through the link Anna sent", scenes.join),
        Step(
            1,
            "09:40",
            "Anna records Lily's medicine",
            says(MUM, f"/med start {MEDICINE} 250 mg 08:00 20:00", in_group=True),
        ),
        Step(
            1,
            "09:45",
            "Dr Lee asks for a weekly digest, due on the story's last morning",
            scenes.digest_on(plan.weekday(plan.days)),
        ),
        Step(
            1,
            "10:00",
            "Anna books the EEG",
            says(MUM, f"/followup {plan.date(_eeg_day(plan)):%Y-%m-%d} 14:30 EEG at City Hospital"),
        ),
    ]


def _eeg_day(plan: Plan) -> int:
    return max(2, _change_day(plan) - 2)


def _change_day(plan: Plan) -> int:
    """Four days before the end, so the last digest's week shows the dose before and after."""
    return max(2, plan.days - 4)


def _mornings(plan: Plan) -> list[Step]:
    """Each morning's series of jerks on waking, from Anna, or from Grandpa Joe in the group;
    and before the dose is raised, some evenings bring a short episode too."""
    steps = []
    for day in range(1, plan.days + 1):
        counts = BEFORE if day <= _change_day(plan) else AFTER
        count = counts[(day - 1) % len(counts)]
        line = f"/e {count} jerks 7:00-7:30 on waking"
        if day == 1:
            steps.append(Step(1, "09:50", "Anna reports this morning's jerks", says(MUM, line)))
        elif day % 3 == 0:
            steps.append(Step(day, "07:40", "", says(GRANDPA, line, in_group=True)))
        else:
            steps.append(Step(day, "07:35", "", says(MUM, line)))
        if day % 2 == 0 and day <= _change_day(plan):
            steps.append(Step(day, "17:20", "", says(MUM, "/e 20s arms tired, at home")))
    return steps


def _doses(plan: Plan) -> list[Step]:
    """Anna answers each reminder, except one evening's: that dose is missed."""
    missed = max(2, _change_day(plan) - 1)
    steps = []
    for day in range(1, plan.days + 1):
        if day > 1:
            steps.append(Step(day, "08:05", "", scenes.dose_answered(MUM, "08:00")))
        if day == missed:
            steps.append(
                Step(
                    day,
                    "21:10",
                    "Nobody answered the evening dose: Grandpa Joe sees the alert",
                    scenes.missed_dose_seen(GRANDPA),
                )
            )
        elif day < plan.days:  # the story ends on the last morning
            steps.append(Step(day, "20:10", "", scenes.dose_answered(MUM, "20:00")))
    return steps


def _events(plan: Plan) -> list[Step]:
    last = plan.days
    change = _change_day(plan)
    return [
        Step(
            plan.school_day(0.15),
            "10:40",
            "At school, Ms Park reports in one line in the group",
            says(TEACHER, "/e 2m cluster arms school tired", in_group=True),
        ),
        Step(
            plan.day(0.3),
            "19:10",
            "Grandpa Joe reports with the buttons",
            scenes.guided_report,
        ),
        Step(
            _eeg_day(plan),
            "17:00",
            "Back from the EEG, Anna tells the team it happened",
            scenes.followup_done,
        ),
        Step(change, "18:30", "A longer seizure: Anna times it", scenes.timed_seizure),
        Step(
            change,
            "21:30",
            "Dr Lee raises the dose",
            says(
                DOCTOR,
                f"/med change {MEDICINE} 375 mg from tomorrow reason more jerks on waking",
            ),
        ),
        Step(
            plan.school_day(0.8),
            "11:15",
            "Ms Park reports from class, privately",
            says(TEACHER, "/e 30s arms in class"),
        ),
        Step(
            last,
            "08:20",
            "Dr Lee reads the digest, acknowledges it and replies",
            scenes.digest_read,
        ),
        Step(last, "09:00", "Anna exports Lily's record", scenes.export(MUM, "pdf")),
        Step(last, "09:05", "", scenes.export(MUM, "csv")),
        Step(last, "09:10", "Dr Lee takes it for the hospital", scenes.export(DOCTOR, "fhir")),
    ]
