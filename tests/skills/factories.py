"""Test data for apprenticeships, made through the services as people make it."""

import datetime

from altlep.skills.models import Standard, StandardVersion
from altlep.skills.services import applications, fund, placements
from tests.factories import OrganisationFactory, UserFactory

START = datetime.date(2026, 9, 7)


def make_standard(reference="ST0116", *, level=4, route="Digital", band=18_000_00, **fields):
    existing = Standard.objects.filter(reference=reference).first()
    if existing:
        return existing
    standard = Standard.objects.create(
        reference=reference,
        title=fields.pop("title", f"Standard {reference}"),
        level=level,
        route=route,
        typical_duration_months=fields.pop("typical_duration_months", 24),
        status="Approved for delivery",
        approved_on=fields.pop("approved_on", datetime.date(2014, 11, 12)),
        **fields,
    )
    StandardVersion.objects.create(standard=standard, version="1.0", max_funding_pence=band)
    return standard


def make_owner(**org):
    owner = UserFactory()
    organisation = OrganisationFactory(created_by=owner, **org)
    return owner, organisation


def make_placement(*, owner=None, organisation=None, standard=None, **fields):
    if owner is None:
        owner, organisation = make_owner()
    values = {
        "title": "Junior web developer",
        "workplace_postcode": "PR1 2HE",
        "hours_per_week": 30,
        "hourly_wage_pence": 900,
        "start_date": START,
        "learning": "Building and testing web applications for local clients.",
    }
    values.update(fields)
    return placements.placement_offer(
        actor=owner,
        organisation=organisation,
        standard=standard or make_standard(),
        **values,
    )


def make_application(placement, applicant=None, **fields):
    values = {
        "statement": "I build websites for my football club.",
        "availability": "From September; interviews on weekday afternoons.",
        "consent_to_share": True,
    }
    values.update(fields)
    return applications.application_submit(
        actor=applicant or UserFactory(), placement=placement, **values
    )


def make_apprenticeship(placement=None):
    placement = placement or make_placement()
    application = make_application(placement)
    for step in ("shortlisted", "interview", "offered"):
        applications.application_move(actor=placement.owner, application=application, to=step)
    applications.application_answer(
        actor=application.applicant, application=application, accept=True
    )
    application.refresh_from_db()
    return application.apprenticeship


def make_fund(officer, *, budget_pence=10_000_00, monthly_pence=200_00, **rates):
    from altlep.commissioning.models import Round

    round_ = Round.objects.first()
    if round_ is None:
        round_ = _make_round()
    return fund.fund_create(
        actor=officer,
        name=rates.pop("name", "Teaching fund 2026"),
        budget_pence=budget_pence,
        monthly_pence=monthly_pence,
        start_pence=rates.pop("start_pence", 500_00),
        three_months_pence=rates.pop("three_months_pence", 300_00),
        completion_pence=rates.pop("completion_pence", 1_000_00),
        round=round_,
    )


def _make_round():
    from altlep.commissioning.models import Round

    return Round.objects.create(
        title="Skills round", slug="skills-round", budget_pence=50_000_00, seed=1
    )
