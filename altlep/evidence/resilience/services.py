"""Writes for resilience: principle sets and their adoption by a board decision, indicators,
periods, entered readings, assessments, imported scorecards and emission factors. Each checks
its rule, validates before saving anything, and writes the audit log."""

from __future__ import annotations

import csv
import datetime
import io
import json
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.evidence.models import (
    Assessment,
    Direction,
    EmissionFactor,
    EmissionFactorSet,
    ImportedScorecard,
    Indicator,
    IndicatorEntry,
    Period,
    Principle,
    PrincipleSet,
    Source,
    Theme,
)
from altlep.evidence.resilience.arithmetic import ScorecardShapeError, check_scorecard
from altlep.evidence.resilience.registry import INDICATORS


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(f"evidence.{perm}", obj):
        raise PermissionDenied(perm)


def _number(raw, field: str) -> Decimal:
    if isinstance(raw, bool):
        raise ValidationError({field: "Give a number."})
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: f"{raw!r} is not a number."}) from None
    if not value.is_finite():
        raise ValidationError({field: f"{raw!r} is not a number."})
    return value


def principle_set_create(*, actor, title: str = "Our resilience principles") -> PrincipleSet:
    """A new draft version, copying the principles and indicators of the latest one."""
    _require(actor, "manage_principles")
    with transaction.atomic():
        latest = PrincipleSet.objects.order_by("-version").first()
        new = PrincipleSet.objects.create(
            version=(latest.version + 1) if latest else 1, title=title.strip() or "Our principles"
        )
        if latest:
            for p in latest.principles.all():
                indicators = list(p.indicators.all())
                p.pk, p.principle_set = None, new
                p.save()
                for ind in indicators:
                    ind.pk, ind.principle = None, p
                    ind.save()
        audit_record(actor=actor, action="principle_set_create", instance=new, after=snapshot(new))
    return new


def _draft(principle_set: PrincipleSet) -> None:
    if principle_set.adopted:
        raise ValidationError(
            f"Version {principle_set.version} was adopted by a board decision and cannot change: "
            "start a new version."
        )


def principle_add(
    *, actor, principle_set: PrincipleSet, theme: str, title: str, text: str = ""
) -> Principle:
    _require(actor, "manage_principles")
    _draft(principle_set)
    if theme not in Theme.values:
        raise ValidationError({"theme": f"{theme!r} is not one of the five themes."})
    if not title.strip():
        raise ValidationError({"title": "A principle needs a title."})
    with transaction.atomic():
        principle = Principle.objects.create(
            principle_set=principle_set,
            theme=theme,
            title=title.strip(),
            text=text.strip(),
            order=principle_set.principles.count(),
        )
        audit_record(
            actor=actor, action="principle_add", instance=principle, after=snapshot(principle)
        )
    return principle


def indicator_add(
    *,
    actor,
    principle: Principle,
    name: str,
    direction: str,
    target,
    source: str,
    unit: str = "%",
    computed_key: str = "",
) -> Indicator:
    """An indicator with a direction, a numeric target and a source (computed from a
    registered path, or entered with evidence)."""
    _require(actor, "manage_principles")
    _draft(principle.principle_set)
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "An indicator needs a name."
    if direction not in Direction.values:
        errors["direction"] = "Say whether higher or lower is better."
    if not source:
        errors["source"] = "Say where the figure comes from: computed or entered with evidence."
    elif source not in Source.values:
        errors["source"] = f"{source!r} is not a source: computed or entered."
    elif source == Source.COMPUTED and computed_key not in INDICATORS:
        errors["computed_key"] = f"{computed_key!r} is not a computed indicator the platform has."
    elif source == Source.ENTERED and computed_key:
        errors["computed_key"] = "An entered indicator has no computed source."
    try:
        value = _number(target, "target")
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        ind = Indicator.objects.create(
            principle=principle,
            name=name.strip(),
            direction=direction,
            target=value,
            unit=unit.strip() or "%",
            source=source,
            computed_key=computed_key,
        )
        audit_record(actor=actor, action="indicator_add", instance=ind, after=snapshot(ind))
    return ind


def principle_set_adopt(*, actor, principle_set: PrincipleSet, decision) -> PrincipleSet:
    """Record that a carried board decision adopted this version."""
    _require(actor, "manage_principles")
    _draft(principle_set)
    if decision is None or not decision.carried:
        raise ValidationError({"decision": "Only a carried board decision adopts principles."})
    if decision.meeting.group_id:
        raise ValidationError({"decision": "That is a group's decision, not the board's."})
    if PrincipleSet.objects.filter(adopted_by=decision).exists():
        raise ValidationError({"decision": "That decision already adopted another version."})
    if not Indicator.objects.filter(principle__principle_set=principle_set).exists():
        raise ValidationError("Add principles with indicators before adopting them.")
    before = snapshot(principle_set)
    with transaction.atomic():
        principle_set.adopted_by = decision
        principle_set.adopted_on = decision.meeting.starts_at.date()
        principle_set.save(update_fields=["adopted_by", "adopted_on"])
        audit_record(
            actor=actor,
            action="principle_set_adopt",
            instance=principle_set,
            before=before,
            after=snapshot(principle_set),
        )
    return principle_set


def period_create(*, actor, name: str, starts_on: datetime.date, ends_on: datetime.date) -> Period:
    _require(actor, "manage_principles")
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "A period ends after it starts."})
    if Period.objects.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).exists():
        raise ValidationError({"starts_on": "That period overlaps one already defined."})
    if not name.strip() or Period.objects.filter(name=name.strip()).exists():
        raise ValidationError({"name": "Give the period a name not used before."})
    with transaction.atomic():
        period = Period.objects.create(name=name.strip(), starts_on=starts_on, ends_on=ends_on)
        audit_record(actor=actor, action="period_create", instance=period, after=snapshot(period))
    return period


def indicator_enter(
    *, actor, indicator: Indicator, period: Period, value, evidence: str
) -> IndicatorEntry:
    """A reading for an entered indicator, with its evidence (one per period; replaces)."""
    _require(actor, "enter_indicator", indicator)
    if indicator.source != Source.ENTERED:
        raise ValidationError("This indicator is computed from the platform's data.")
    number = _number(value, "value")
    if not evidence.strip():
        raise ValidationError({"evidence": "Say where the figure comes from."})
    with transaction.atomic():
        entry, _ = IndicatorEntry.objects.update_or_create(
            indicator=indicator,
            period=period,
            defaults={"value": number, "evidence": evidence.strip(), "entered_by": actor},
        )
        audit_record(actor=actor, action="indicator_enter", instance=entry, after=snapshot(entry))
    return entry


def assessment_add(
    *, actor, principle: Principle, initiative: str, expected_effect: str, project=None
) -> Assessment:
    _require(actor, "assess_initiative", principle)
    if not (initiative.strip() or project):
        raise ValidationError({"initiative": "Name the initiative."})
    if not expected_effect.strip():
        raise ValidationError({"expected_effect": "Say what it is expected to do."})
    with transaction.atomic():
        a = Assessment.objects.create(
            principle=principle,
            initiative=initiative.strip() or project.title,
            project=project,
            expected_effect=expected_effect.strip(),
            assessed_by=actor,
        )
        audit_record(actor=actor, action="assessment_add", instance=a, after=snapshot(a))
    return a


def scorecard_import(*, actor, raw: bytes | str, name: str = "the file") -> ImportedScorecard:
    """Import another area's exported scorecard JSON; refused whole if not of our shape."""
    _require(actor, "import_scorecard")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise ValidationError(
            f"{name}{f', line {line}' if line else ''}: not JSON ({getattr(error, 'msg', error)})"
        ) from None
    try:
        check_scorecard(data, name=name)
    except ScorecardShapeError as error:
        raise ValidationError(str(error)) from None
    with transaction.atomic():
        imported, _ = ImportedScorecard.objects.update_or_create(
            area=data["area"].strip(),
            period=data["period"].strip(),
            defaults={"data": data, "imported_by": actor},
        )
        audit_record(
            actor=actor,
            action="scorecard_import",
            instance=imported,
            after={"area": imported.area, "period": imported.period},
        )
    return imported


# The layout of the UK government's published supply-chain emission factors by industry
# (Defra/DESNZ, "UK and England's carbon footprint": conversion factors by SIC code; and
# Annex 13 of the 2012 Guidelines to Defra/DECC's GHG Conversion Factors for Company
# Reporting): one row per SIC code or group, its product description, kg CO2e per £ spent.
FACTOR_COLUMNS = {
    "sic": ("sic code", "sic", "sic code(s)", "sic codes"),
    "description": ("product category", "description", "sic description", "industry"),
    "factor": ("kg co2e per £", "kgco2e per £", "total ghg kg co2e per £", "kg co2e per gbp"),
}


def emission_factors_import(
    *, actor, raw: bytes, name: str, source: str, year: int, category_map: dict | None = None
) -> EmissionFactorSet:
    """Import a table of emission factors by industry (CSV); the whole file or nothing."""
    _require(actor, "import_emission_factors")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{name}: not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    where = {}
    for key, names in FACTOR_COLUMNS.items():
        found = [i for i, h in enumerate(header) if h in names]
        if not found:
            raise ValidationError(
                f"{name}, line 1: no column for '{key}' (expected one of: {', '.join(names)})"
            )
        where[key] = found[0]
    rows = []
    for line, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        sic = row[where["sic"]].strip() if len(row) > where["sic"] else ""
        if not sic:
            raise ValidationError(f"{name}, line {line}, field 'SIC code': empty")
        if any(sic == r[0] for r in rows):
            raise ValidationError(f"{name}, line {line}, field 'SIC code': {sic} appears twice")
        raw_factor = row[where["factor"]].strip() if len(row) > where["factor"] else ""
        try:
            factor = Decimal(raw_factor)
        except InvalidOperation:
            raise ValidationError(
                f"{name}, line {line}, field '{header[where['factor']]}': "
                f"{raw_factor!r} is not a number"
            ) from None
        if factor < 0 or not factor.is_finite():
            raise ValidationError(
                f"{name}, line {line}, field '{header[where['factor']]}': must not be negative"
            )
        rows.append((sic, row[where["description"]].strip(), factor))
    if not rows:
        raise ValidationError(f"{name}: no factors found")
    with transaction.atomic():
        factor_set = EmissionFactorSet.objects.create(
            name=name, source=source, year=year, category_map=category_map or {}, imported_by=actor
        )
        EmissionFactor.objects.bulk_create(
            [
                EmissionFactor(
                    factor_set=factor_set, sic_code=s, description=d, kg_co2e_per_pound=f
                )
                for s, d, f in rows
            ]
        )
        audit_record(
            actor=actor,
            action="emission_factors_import",
            instance=factor_set,
            after={**snapshot(factor_set), "factors": len(rows)},
        )
    return factor_set
