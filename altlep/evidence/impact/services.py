"""Writes for impact reports: an organisation files its report for a period (figures the
platform knows pre-filled with lineage), and a network publishes its aggregate."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.evidence.impact import selectors
from altlep.evidence.impact.aggregate import network_figures
from altlep.evidence.models import (
    ImpactNetwork,
    ImpactReport,
    NetworkReport,
    Outcome,
    SpendLine,
    SvmTheme,
)

WHOLE_FIELDS = (
    "spend_pence",
    "contracts_won_pence",
    "apprenticeships",
    "volunteer_hours",
    "people_supported",
    "emissions_kg",
    "waste_kg",
)


# Unknown is not zero: left empty, these stay empty.
OPTIONAL_FIELDS = ("local_spend_pence", "lm3")


def _shown(key: str, value) -> str:
    return f"£{value / 100:,.2f}" if key.endswith("_pence") else f"{value}"


def _lineage(known: dict, values: dict) -> dict:
    """Where each figure came from: the platform's lineage where the figure filed is the one
    it filled in; where the organisation changed it or entered what the platform lacks, say so."""
    out = {}
    for key, lineage in known["lineage"].items():
        filed = values.get(key)
        if filed == known["values"][key]:
            out[key] = f"filled in by the platform from {lineage}"
        else:
            had = _shown(key, known["values"][key])
            out[key] = f"entered by the organisation; the platform had {had} from {lineage}"
    for key, why in known["gaps"].items():
        if values.get(key):
            out[key] = f"entered by the organisation (the platform could not fill it: {why})"
    return out


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(f"evidence.{perm}", obj):
        raise PermissionDenied(perm)


def _figure(raw, field: str, *, whole: bool = True, top: Decimal | None = None) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: f"{raw!r} is not a number."}) from None
    if not value.is_finite():
        raise ValidationError({field: f"{raw!r} is not a number."})
    if value < 0:
        raise ValidationError({field: "Must not be negative."})
    if top is not None and value > top:
        raise ValidationError({field: f"Must be between 0 and {top}."})
    if whole and value != value.to_integral_value():
        raise ValidationError({field: "Must be a whole number."})
    return value


def report_file(
    *,
    actor,
    organisation,
    starts_on: datetime.date,
    ends_on: datetime.date,
    figures: dict,
    spend: list[dict] = (),
    outcomes: list[dict] = (),
    evidence: str = "",
) -> ImpactReport:
    """File an organisation's report. Everything is checked first; nothing is saved on error."""
    _require(actor, "file_impact_report", organisation)
    errors: dict[str, list[str]] = {}

    def bad(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if ends_on < starts_on:
        bad("ends_on", "A period ends after it starts.")
    elif ImpactReport.objects.filter(
        organisation=organisation, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).exists():
        bad("starts_on", f"{organisation} has already reported a period overlapping this one.")
    values: dict = {}
    for field in ("jobs", *WHOLE_FIELDS):
        try:
            v = _figure(figures.get(field, 0) or 0, field, whole=field != "jobs")
            values[field] = v if field == "jobs" else int(v)
        except ValidationError as e:
            for m in e.message_dict[field]:
                bad(field, m)
    for field in OPTIONAL_FIELDS:
        raw = figures.get(field)
        if raw is None or str(raw).strip() == "":
            values[field] = None
            continue
        try:
            v = _figure(
                raw, field, whole=field != "lm3", top=Decimal(3) if field == "lm3" else None
            )
            if field == "lm3" and v < 1:
                raise ValidationError({field: "An LM3 is between 1 and 3."})
            values[field] = v if field == "lm3" else int(v)
        except ValidationError as e:
            for m in e.message_dict[field]:
                bad(field, m)
    lines = []
    for i, s in enumerate(spend, start=1):
        try:
            amount = int(_figure(s.get("amount_pence", 0), f"spend line {i}: amount"))
        except ValidationError as e:
            for k, ms in e.message_dict.items():
                bad(k, ms[0])
            continue
        if not (s.get("supplier_name") or "").strip():
            bad(f"spend line {i}: supplier", "Name the supplier.")
            continue
        lines.append((s, amount))
    outs = []
    for i, o in enumerate(outcomes, start=1):
        where = f"outcome {i}"
        try:
            theme = o.get("theme")
            if theme not in SvmTheme.values:
                raise ValidationError({f"{where}: theme": "Choose a Social Value Model mission."})
            row = {
                "quantity": int(_figure(o.get("quantity", 0), f"{where}: quantity")),
                "value_pence": int(_figure(o.get("value_pence", 0) or 0, f"{where}: value")),
            }
            for k in ("deadweight_percent", "attribution_percent", "drop_off_percent"):
                row[k] = _figure(
                    o.get(k, 0) or 0,
                    f"{where}: {k.replace('_percent', '').replace('_', '-')}",
                    whole=False,
                    top=Decimal(100),
                )
            row["years"] = int(_figure(o.get("years", 1) or 1, f"{where}: years"))
            if not (o.get("description") or "").strip():
                raise ValidationError({f"{where}: description": "Describe the outcome."})
            if row["value_pence"] and not (o.get("evidence") or "").strip():
                raise ValidationError({f"{where}: evidence": "A value claimed needs its evidence."})
        except ValidationError as e:
            for k, ms in e.message_dict.items():
                bad(k, ms[0])
            continue
        outs.append((o, theme, row))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = ImpactReport.objects.create(
            organisation=organisation,
            starts_on=starts_on,
            ends_on=ends_on,
            evidence=evidence.strip(),
            lineage=_lineage(
                selectors.prefill(organisation=organisation, starts_on=starts_on, ends_on=ends_on),
                values,
            ),
            submitted_by=actor,
            **values,
        )
        SpendLine.objects.bulk_create(
            [
                SpendLine(
                    report=report,
                    supplier=s.get("supplier"),
                    supplier_name=s["supplier_name"].strip(),
                    amount_pence=amount,
                    local=bool(s.get("local")),
                )
                for s, amount in lines
            ]
        )
        Outcome.objects.bulk_create(
            [
                Outcome(
                    report=report,
                    theme=theme,
                    description=o["description"].strip(),
                    evidence=(o.get("evidence") or "").strip(),
                    **row,
                )
                for o, theme, row in outs
            ]
        )
        audit_record(
            actor=actor, action="impact_report_file", instance=report, after=snapshot(report)
        )
    return report


def network_report_publish(
    *, actor, network: ImpactNetwork, starts_on: datetime.date, ends_on: datetime.date
) -> NetworkReport:
    """Publish the network's aggregate of its members' reports within the period."""
    _require(actor, "publish_network_report", network)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "A period ends after it starts."})
    if NetworkReport.objects.filter(
        network=network, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).exists():
        raise ValidationError(
            {"starts_on": "The network has already published a report overlapping this period."}
        )
    reports = selectors.member_reports(network=network, starts_on=starts_on, ends_on=ends_on)
    if not reports:
        raise ValidationError("No member has filed a report for this period yet.")
    figures = network_figures(reports)
    figures["members"] = sorted(r.organisation for r in reports)
    with transaction.atomic():
        published = NetworkReport.objects.create(
            network=network,
            starts_on=starts_on,
            ends_on=ends_on,
            figures=figures,
            published_by=actor,
        )
        audit_record(
            actor=actor, action="network_report_publish", instance=published, after=figures
        )
    return published
