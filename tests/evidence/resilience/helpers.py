"""Resilience test set-ups: principles adopted by a board decision, periods, an analysis."""

import datetime

from altlep.evidence.models import Analysis
from altlep.evidence.resilience import services
from altlep.governance.services.decisions import decision_record
from tests.governance.factories import board
from tests.governance.helpers import board_meeting

COMPUTED = "altlep.evidence.resilience.computed."


def adopting_decision(officer, title: str = "Adopt our resilience principles"):
    seats = board(micro=3, sme=0, social=1)
    meeting = board_meeting(officer, "Board")
    return decision_record(
        actor=officer,
        meeting=meeting,
        title=title,
        text="Agreed.",
        votes={s.member: "for" for s in seats},
    )


def draft_principles(officer):
    draft = services.principle_set_create(actor=officer)
    keep = services.principle_add(
        actor=officer,
        principle_set=draft,
        theme="investment",
        title="Keep money local",
        text="Anchor spend stays in the area.",
    )
    services.indicator_add(
        actor=officer,
        principle=keep,
        name="Local share of anchor spend",
        direction="higher",
        target="40",
        source="computed",
        computed_key=COMPUTED + "anchor_local_share",
    )
    open_ = services.principle_add(
        actor=officer, principle_set=draft, theme="engagement", title="Decide in the open"
    )
    services.indicator_add(
        actor=officer,
        principle=open_,
        name="Residents who trust the partnership",
        direction="higher",
        target="60",
        source="entered",
    )
    return draft


def adopted_principles(officer):
    draft = draft_principles(officer)
    return services.principle_set_adopt(
        actor=officer, principle_set=draft, decision=adopting_decision(officer)
    )


def period(officer, name="2025-26", start=(2025, 4, 1), end=(2026, 3, 31)):
    return services.period_create(
        actor=officer,
        name=name,
        starts_on=datetime.date(*start),
        ends_on=datetime.date(*end),
    )


def analysis(*, months, micro_share=0.2, social_share=0.1, categories=()):
    """A stored partnership analysis with these months [(month, economy, local)]."""
    economy = sum(e for _, e, _ in months)
    local = sum(lo for _, _, lo in months)
    return Analysis.objects.create(
        body=None,
        synthetic=False,
        result={
            "full": {
                "economy_pence": economy,
                "flows_pence": {
                    "local": local,
                    "regional": economy - local,
                    "national": 0,
                    "unknown": 0,
                },
                "micro_share": micro_share,
                "social_share": social_share,
            },
            "months": [
                {"month": m, "economy_pence": e, "local_pence": lo, "local_share": lo / e}
                for m, e, lo in months
            ],
            "categories": [{"category": c, "pence": p} for c, p in categories],
        },
    )
