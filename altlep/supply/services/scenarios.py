"""Writes for local-alternative scenarios: an officer saves one, then publishes it."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.evidence.models import AnchorBody
from altlep.evidence.selectors import analysis_for, surveys_for
from altlep.supply import alternatives
from altlep.supply.models import Scenario
from altlep.supply.services import ensure_allowed


def scenario_figures(*, body: AnchorBody, category: str, percent) -> dict:
    """The figures of a scenario on the body's stored analysis; a ValidationError naming the
    field for a percentage outside 0–100 or a category that does not leak."""
    analysis = analysis_for(body=body)
    if analysis is None or not analysis.result:
        raise ValidationError({"body": f"{body.name} has no spend analysis yet."})
    try:
        figures = alternatives.scenario(
            analysis.result, category=category, percent=percent, surveys=surveys_for(body=body)
        )
    except KeyError as error:
        raise ValidationError({"category": str(error.args[0])}) from error
    except ValueError as error:
        raise ValidationError(
            {"percent": "The share to move is a whole percentage from 0 to 100."}
        ) from error
    leaking = alternatives.leaking_amount(analysis.result, category)
    return figures.as_dict() | {
        "category_leaking_pence": leaking,
        "synthetic": analysis.synthetic,
    }


def scenario_save(
    *, actor, body: AnchorBody, category: str, percent: int, note: str = ""
) -> Scenario:
    ensure_allowed(actor, "save_scenario", None, "Only partnership officers save scenarios.")
    figures = scenario_figures(body=body, category=category, percent=percent)
    with transaction.atomic():
        scenario = Scenario.objects.create(
            body=body,
            category=category,
            percent=percent,
            figures=figures,
            note=note.strip(),
            created_by=actor,
        )
        audit_record(
            actor=actor, action="scenario.save", instance=scenario, after=snapshot(scenario)
        )
    return scenario


def scenario_publish(*, actor, scenario: Scenario) -> Scenario:
    ensure_allowed(actor, "publish_scenario", scenario, "Officers publish scenarios, once each.")
    with transaction.atomic():
        before = snapshot(scenario)
        scenario.published = True
        scenario.save(update_fields=["published"])
        audit_record(
            actor=actor,
            action="scenario.publish",
            instance=scenario,
            before=before,
            after=snapshot(scenario),
        )
    return scenario
