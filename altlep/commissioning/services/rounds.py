"""Creating and changing rounds and their phases."""

import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from altlep.commissioning.models import (
    PHASE_ORDER,
    BallotType,
    Phase,
    PhaseKind,
    Result,
    Round,
)
from altlep.core.audit import audit_record, snapshot


@dataclass(frozen=True)
class PhasePlan:
    kind: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class PhaseTemplate:
    """A usual shape for a round: how long each phase runs, in days, in order."""

    name: str
    label: str
    days: tuple[tuple[str, int], ...]


# Why these lengths: four weeks of ideas reach people through a month of newsletters, meetings
# and word of mouth; two weeks let officers cost the shortlist with real quotes; a two-week vote
# spans two weekends, when most people who work find the time; a week of results leaves room
# to count, publish and answer questions; a year of delivery is one financial year, in which
# small community projects are usually bought, built and reported on.
PHASE_TEMPLATES = {
    t.name: t
    for t in (
        PhaseTemplate(
            "standard",
            "Standard: ideas 4 weeks, assessment 2, vote 2, results 1, delivery 12 months",
            (("collect", 28), ("assess", 14), ("vote", 14), ("results", 7), ("delivery", 365)),
        ),
        PhaseTemplate(
            "short",
            "Short (a small fund): ideas 2 weeks, assessment 1, vote 1, results 1, "
            "delivery 6 months",
            (("collect", 14), ("assess", 7), ("vote", 7), ("results", 7), ("delivery", 182)),
        ),
    )
}


def phase_template_plans(*, template: str = "standard", today=None) -> list[PhasePlan]:
    """The template's phases from today: ideas open now, each later phase starting at 9 am
    (UK time) on its day, so that nobody's deadline falls in the night."""
    shape = PHASE_TEMPLATES[template]
    now = timezone.localtime()
    day = today or now.date()
    starts = now.replace(second=0, microsecond=0) if day == now.date() else _nine_am(day)
    plans = []
    for kind, days in shape.days:
        day += timedelta(days=days)
        plans.append(PhasePlan(kind, starts, _nine_am(day)))
        starts = plans[-1].ends_at
    return plans


def _nine_am(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


ROUND_FIELDS = [
    "title",
    "description",
    "budget_pence",
    "ballot_type",
    "max_choices",
    "budget_capped",
    "points_limit",
    "residents_only",
    "minimum_age",
    "rule",
    "completion",
    "ties",
]
# Settings that decide who could vote, what a ballot meant, or how it was counted: once the
# round is counted they must stay as the result and the exported ballots say.
COUNTED_FROZEN_FIELDS = [f for f in ROUND_FIELDS if f not in ("title", "description")]
# Phases that must stay over once the round is counted, so that voting never reopens.
PHASES_OVER_WHEN_COUNTED = ("collect", "assess", "vote")


def phases_check(phases: list[PhasePlan]) -> None:
    """Refuse phases that overlap, end before they start, repeat a kind, or run out of order."""
    errors = []
    kinds = [p.kind for p in phases]
    for kind in kinds:
        if kind not in PhaseKind.values:
            errors.append(f"“{kind}” is not a phase.")
    if len(set(kinds)) != len(kinds):
        errors.append("Each phase may appear only once.")
    for phase in phases:
        if phase.ends_at <= phase.starts_at:
            errors.append(f"{PhaseKind(phase.kind).label} must end after it starts.")
    ordered = sorted(phases, key=lambda p: p.starts_at)
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if later.starts_at < earlier.ends_at:
            errors.append(
                f"{PhaseKind(earlier.kind).label} and {PhaseKind(later.kind).label} overlap: "
                f"one must end before the other starts."
            )
    known = [p.kind for p in ordered if p.kind in PHASE_ORDER]
    if known != sorted(known, key=PHASE_ORDER.index):
        errors.append("Phases must run in order: collect, assess, vote, results, delivery.")
    if errors:
        raise ValidationError({"phases": errors})


def _settings_check(round_: Round) -> None:
    errors: dict[str, str] = {}
    if round_.budget_pence is None or round_.budget_pence <= 0:
        errors["budget_pence"] = "The budget must be more than zero."
    if round_.ballot_type == BallotType.CUMULATIVE and not round_.points_limit:
        errors["points_limit"] = "A cumulative ballot needs the number of points each voter has."
    if round_.ballot_type == BallotType.APPROVAL and round_.points_limit:
        errors["points_limit"] = "Points apply only to cumulative ballots."
    if errors:
        raise ValidationError(errors)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:200] or "round"
    slug, n = base, 2
    while Round.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _ensure_manager(actor, round_: Round | None) -> None:
    # actor None is the platform itself (an import of a past round, run by a command).
    if actor is not None and not actor.has_perm("commissioning.manage_round", round_):
        raise PermissionDenied("Only partnership officers create and change rounds.")


def counted_round_check(round_: Round, phases: list[PhasePlan], fields: dict) -> None:
    """Refuse what would change a counted round's result: reopening voting (or an earlier
    phase), dropping its vote, or changing who could vote, the ballot or the counting rule."""
    if not Result.objects.filter(round_id=round_.pk).exists():
        return
    errors: dict[str, list[str]] = {}
    now = timezone.now()
    if "vote" not in {p.kind for p in phases}:
        errors.setdefault("phases", []).append(
            "This round has been counted: its vote phase stays in its record."
        )
    for plan in phases:
        if plan.kind in PHASES_OVER_WHEN_COUNTED and plan.ends_at > now:
            errors.setdefault("phases", []).append(
                f"This round has been counted: {PhaseKind(plan.kind).label.lower()} cannot "
                "open again, so it must end in the past."
            )
    for name in COUNTED_FROZEN_FIELDS:
        if name in fields and fields[name] != getattr(round_, name):
            errors[name] = ["This round has been counted: this can no longer change."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_create(
    *, actor, phases: list[PhasePlan], seed: int | None = None, imported_from: str = "", **fields
) -> Round:
    """Create a round with its phases. The lot's seed is drawn now and recorded, so a count
    can be repeated by anyone with the exported ballots."""
    _ensure_manager(actor, None)
    phases_check(phases)
    round_ = Round(
        slug=_unique_slug(fields["title"]),
        seed=seed if seed is not None else secrets.randbelow(2**31),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        imported_from=imported_from,
        **{k: v for k, v in fields.items() if k in ROUND_FIELDS},
    )
    _settings_check(round_)
    round_.full_clean(exclude=["created_by"])
    round_.save()
    Phase.objects.bulk_create(
        Phase(round=round_, kind=p.kind, starts_at=p.starts_at, ends_at=p.ends_at) for p in phases
    )
    audit_record(
        actor=actor,
        action="round.create",
        instance=round_,
        after={**snapshot(round_), "phases": _phases_snapshot(phases)},
    )
    return round_


@transaction.atomic
def round_update(*, actor, round_: Round, phases: list[PhasePlan], **fields) -> Round:
    """Change a round's settings and phases. Ballot settings are frozen once voting has begun,
    because changing them would change the meaning of ballots already cast; once the round is
    counted, voting never reopens and nothing that decided the result changes."""
    _ensure_manager(actor, round_)
    # Locked as round_count locks it, so that a count and a change cannot pass each other.
    stored = Round.objects.select_for_update().get(pk=round_.pk)
    phases_check(phases)
    counted_round_check(stored, phases, fields)
    before = {**snapshot(round_), "phases": _phases_snapshot(_plans_of(round_))}
    if round_.ballots.exists():
        frozen = ["ballot_type", "max_choices", "budget_capped", "points_limit", "budget_pence"]
        changed = [f for f in frozen if f in fields and fields[f] != getattr(round_, f)]
        if changed:
            raise ValidationError(
                {f: "Ballots have been cast: this can no longer change." for f in changed}
            )
    for name, value in fields.items():
        if name in ROUND_FIELDS:
            setattr(round_, name, value)
    _settings_check(round_)
    round_.full_clean(exclude=["created_by"])
    round_.save()
    round_.phases.all().delete()
    Phase.objects.bulk_create(
        Phase(round=round_, kind=p.kind, starts_at=p.starts_at, ends_at=p.ends_at) for p in phases
    )
    audit_record(
        actor=actor,
        action="round.update",
        instance=round_,
        before=before,
        after={**snapshot(round_), "phases": _phases_snapshot(phases)},
    )
    return round_


def _plans_of(round_: Round) -> list[PhasePlan]:
    return [PhasePlan(p.kind, p.starts_at, p.ends_at) for p in round_.phases.all()]


def _phases_snapshot(phases: list[PhasePlan]) -> list[dict]:
    return [
        {"kind": p.kind, "starts_at": p.starts_at.isoformat(), "ends_at": p.ends_at.isoformat()}
        for p in phases
    ]


@transaction.atomic
def round_next_phase(*, actor, round_: Round) -> Round:
    """End the current phase now and start the next one (e.g. an officer closing the vote).

    The next phase keeps its planned end if that is still ahead; otherwise it gets the length
    it was planned with. Later phases move only if they would now overlap.
    """
    now = timezone.now()
    plans = sorted(_plans_of(round_), key=lambda p: PHASE_ORDER.index(p.kind))
    current = next((i for i, p in enumerate(plans) if p.starts_at <= now < p.ends_at), None)
    if current is None:
        upcoming = [i for i, p in enumerate(plans) if p.starts_at > now]
        if not upcoming:
            raise ValidationError("Every phase of this round is over.")
        start_index, ending = upcoming[0], []
    else:
        start_index, ending = current + 1, [current]
        plans[current] = PhasePlan(plans[current].kind, plans[current].starts_at, now)
    if start_index < len(plans):
        planned = plans[start_index]
        length = planned.ends_at - planned.starts_at
        plans[start_index] = PhasePlan(planned.kind, now, max(planned.ends_at, now + length))
        for i in range(start_index + 1, len(plans)):
            earlier, this = plans[i - 1], plans[i]
            if this.starts_at < earlier.ends_at:
                shift = earlier.ends_at - this.starts_at
                plans[i] = PhasePlan(this.kind, this.starts_at + shift, this.ends_at + shift)
    elif not ending:
        raise ValidationError("There is no next phase.")
    return round_update(
        actor=actor,
        round_=round_,
        phases=plans,
        **{name: getattr(round_, name) for name in ROUND_FIELDS},
    )
