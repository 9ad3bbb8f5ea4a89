"""Applications move through their states; each move is emailed to the person it concerns."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from altlep.skills.models import ApplicationStatus, PlacementStatus
from altlep.skills.services import applications as services
from tests.factories import UserFactory
from tests.skills.factories import make_application, make_apprenticeship, make_placement

pytestmark = pytest.mark.django_db


def offer(application):
    owner = application.placement.owner
    for step in ("shortlisted", "interview", "offered"):
        services.application_move(actor=owner, application=application, to=step)
    application.refresh_from_db()
    return application


def test_applying_tells_the_owner_manager_by_email(django_capture_on_commit_callbacks):
    placement = make_placement()
    with django_capture_on_commit_callbacks(execute=True):
        make_application(placement)
    assert [m.to for m in mail.outbox] == [[placement.owner.email]]
    assert "New application" in mail.outbox[0].subject


def test_shortlist_interview_offer_accept_fills_the_placement_and_closes_the_others(
    django_capture_on_commit_callbacks,
):
    placement = make_placement()
    chosen = make_application(placement)
    other = make_application(placement)
    with django_capture_on_commit_callbacks(execute=True):
        offer(chosen)
        services.application_answer(actor=chosen.applicant, application=chosen, accept=True)
    placement.refresh_from_db()
    other.refresh_from_db()
    assert placement.status == PlacementStatus.FILLED
    assert placement.apprenticeship.milestones.get().kind == "start"
    assert other.status == ApplicationStatus.UNSUCCESSFUL
    told = {(m.to[0], m.subject.split(":")[0]) for m in mail.outbox}
    assert (chosen.applicant.email, "[Apprenticeships] Offered") in told
    assert (other.applicant.email, "[Apprenticeships] Placement closed") in told
    assert (placement.owner.email, "[Apprenticeships] Offer accepted") in told


def test_an_application_to_a_filled_placement_is_refused():
    apprenticeship = make_apprenticeship()
    with pytest.raises(ValidationError) as caught:
        make_application(apprenticeship.placement)
    assert "filled" in caught.value.message_dict["placement"][0]


def test_an_offer_cannot_skip_the_interview():
    application = make_application(make_placement())
    with pytest.raises(ValidationError):
        services.application_move(
            actor=application.placement.owner, application=application, to="offered"
        )


def test_the_owner_manager_cannot_accept_on_the_applicants_behalf():
    application = offer(make_application(make_placement()))
    with pytest.raises(PermissionDenied):
        services.application_answer(
            actor=application.placement.owner, application=application, accept=True
        )


def test_an_officer_cannot_move_an_application_either(officer):
    application = make_application(make_placement())
    with pytest.raises(PermissionDenied):
        services.application_move(actor=officer, application=application, to="shortlisted")


def test_declining_leaves_the_placement_open():
    application = offer(make_application(make_placement()))
    services.application_answer(actor=application.applicant, application=application, accept=False)
    application.placement.refresh_from_db()
    assert application.placement.status == PlacementStatus.OPEN


@pytest.mark.parametrize("steps", [[], ["shortlisted"], ["shortlisted", "interview"]])
def test_the_applicant_can_withdraw_at_any_point(steps):
    application = make_application(make_placement())
    for step in steps:
        services.application_move(
            actor=application.placement.owner, application=application, to=step
        )
    services.application_withdraw(actor=application.applicant, application=application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_withdrawing_after_accepting_reopens_the_placement():
    apprenticeship = make_apprenticeship()
    application = apprenticeship.application
    services.application_withdraw(actor=application.applicant, application=application)
    apprenticeship.placement.refresh_from_db()
    assert apprenticeship.placement.status == PlacementStatus.OPEN


def test_consent_to_share_is_required_and_nothing_is_saved_without_it():
    placement = make_placement()
    with pytest.raises(ValidationError) as caught:
        make_application(placement, consent_to_share=False)
    assert "consent_to_share" in caught.value.message_dict
    assert placement.applications.count() == 0


def test_applying_twice_is_refused():
    placement = make_placement()
    applicant = UserFactory()
    make_application(placement, applicant)
    with pytest.raises(ValidationError):
        make_application(placement, applicant)
