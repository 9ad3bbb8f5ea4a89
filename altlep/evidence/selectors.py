"""Reads for the evidence pages: bodies, uploads, stored analyses, the review queue, LM3."""

from django.urls import reverse

from altlep.core.models import Partnership
from altlep.evidence.models import (
    Analysis,
    AnchorBody,
    RegisterUpload,
    SpendUpload,
    SupplierSurvey,
)
from altlep.evidence.store import open_store, store_path
from altlep.flows import gaps as engine_gaps
from altlep.flows import lm3 as engine_lm3
from altlep.members.models import Organisation

SCENARIOS = (0.1, 0.25, 0.5)


def partnership_area() -> tuple[str, list[str]]:
    partnership = Partnership.objects.current()
    if partnership is None:
        return "the partnership", []
    return partnership.name, list(partnership.area_codes)


def members_directory(area_codes: list[str]) -> list[dict]:
    """Members' organisations as the engine wants them: own size figures, district, SIC."""
    area = set(area_codes)
    return [
        {
            "name": org.name,
            "company_number": org.company_number,
            "size_band": org.size_band,
            "sic_codes": list(org.sic_codes or []),
            "district_code": org.district_code,
            "local": org.district_code in area,
        }
        for org in Organisation.objects.order_by("name")
    ]


def analysis_for(*, body: AnchorBody | None) -> Analysis | None:
    """The stored analysis of a body, or of the partnership (real data preferred)."""
    if body is not None:
        return Analysis.objects.filter(body=body).first()
    return Analysis.objects.filter(body__isnull=True).order_by("synthetic").first()


def surveys_for(*, body: AnchorBody | None) -> list[engine_lm3.SupplierSurvey]:
    found = SupplierSurvey.objects.all()
    if body is not None:
        found = found.filter(body=body)
    return [
        engine_lm3.SupplierSurvey(
            income_pence=s.income_pence,
            local_supplier_share=s.local_supplier_percent / 100,
            local_wage_share=s.local_wage_percent / 100,
            wage_share_of_costs=s.wage_percent_of_costs / 100,
        )
        for s in found
    ]


def lm3_for(*, body: AnchorBody | None, analysis: Analysis | None) -> dict | None:
    """LM3 with scenarios, from the stored analysis and the surveys returned so far."""
    if analysis is None or not analysis.result:
        return None
    return engine_lm3.from_analysis(
        analysis.result, surveys=surveys_for(body=body), scenarios=SCENARIOS
    )


def micro_members_for_leakage(*, area_codes: list[str]) -> list[Organisation]:
    """Local micro-enterprise members (for the "who could serve this" list)."""
    return list(
        Organisation.objects.in_districts(area_codes).filter(size_band="micro").order_by("name")
    )


def uploads_for(*, body: AnchorBody) -> list[SpendUpload]:
    return list(body.uploads.select_related("uploaded_by")[:20])


def review_queue() -> list[dict]:
    """Uncertain supplier matches waiting for a person to decide."""
    if not store_path().exists():
        return []
    with open_store() as store:
        rows = store.rows(
            "SELECT supplier_key, company_number, probability, supplier_name, register_name"
            " FROM review_queue ORDER BY probability DESC, supplier_key LIMIT 200"
        )
    return [
        {
            "supplier_key": k,
            "company_number": c,
            "probability": p,
            "supplier_name": s,
            "register_name": r,
        }
        for k, c, p, s, r in rows
    ]


def register_uploads() -> list[RegisterUpload]:
    """The latest uploads of the company register, newest first."""
    return list(RegisterUpload.objects.select_related("uploaded_by")[:20])


def _gap_action(reason: str, *, user, body: AnchorBody | None) -> dict | None:
    """The link that fixes a gap, for someone allowed to follow it; None for anyone else."""
    load_register = ("evidence.upload_register", None, "evidence:register_upload", ())
    actions = {
        engine_gaps.NO_REGISTER: load_register,
        engine_gaps.NO_POSTCODE: load_register,
        engine_gaps.AWAITING_REVIEW: ("evidence.review_matches", None, "evidence:review", ()),
        engine_gaps.NOT_A_COMPANY: ("evidence.submit_survey", None, "evidence:survey", ()),
    }
    if body is not None:
        corrected = ("evidence.upload_spend", body, "evidence:upload", (body.slug,))
        actions[engine_gaps.POSTCODE_UNKNOWN] = corrected
        actions[engine_gaps.NO_MATCH] = corrected
    labels = {
        "evidence:register_upload": "Load the Companies House register",
        "evidence:review": "Review the uncertain matches",
        "evidence:survey": "Ask them to answer the supplier survey",
        "evidence:upload": "Upload a corrected spend file",
    }
    if reason not in actions:
        return None
    perm, obj, name, args = actions[reason]
    if not user.has_perm(perm, obj):
        return None
    return {"url": reverse(name, args=args), "label": labels[name]}


def gaps_explained(*, result: dict, user, body: AnchorBody | None) -> dict | None:
    """The engine's account of unlocated and unmatched suppliers (how many, how much, why,
    how to fix), each fix with the link this person may follow; None for an analysis stored
    before the engine gave reasons."""
    found = result.get("gaps")
    if not found:
        return None
    economy = result["full"]["economy_pence"]

    def with_actions(part: dict) -> dict:
        reasons = [
            r | {"action": _gap_action(r["reason"], user=user, body=body)} for r in part["reasons"]
        ]
        share = round(part["pence"] / economy, 4) if economy else 0.0
        return part | {"reasons": reasons, "share": share}

    return {
        "register_companies": found["register_companies"],
        "economy_suppliers": found["economy_suppliers"],
        "unlocated": with_actions(found["unlocated"]),
        "unresolved": with_actions(found["unresolved"]),
        "register_action": _gap_action(engine_gaps.NO_REGISTER, user=user, body=body),
    }


def institutions_paid() -> list[str]:
    """NHS trusts, councils and universities that imported spend pays, by name: suggestions
    for naming an anchor institution, since no list of NHS trusts ships with the platform."""
    if not store_path().exists():
        return []
    with open_store() as store:
        if not store.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'suppliers'"
        ):
            return []
        rows = store.rows(
            "SELECT DISTINCT name FROM suppliers WHERE regexp_matches(upper(name), "
            "'NHS .*TRUST|FOUNDATION TRUST|HOSPITALS? TRUST|\\bCOUNCIL\\b|UNIVERSITY') "
            "ORDER BY name LIMIT 200"
        )
    return [name for (name,) in rows]
