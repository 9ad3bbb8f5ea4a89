"""Every service that changes data writes the audit log: actor, action, object, before/after."""

import pytest
from django.core.exceptions import ValidationError

from altlep.core.models import AuditEntry
from altlep.members import services

pytestmark = pytest.mark.django_db


def test_listing_an_organisation_is_audited_with_its_actor(member):
    organisation = services.organisation_create(
        actor=member,
        details=services.OrganisationDetails(
            name="Lune Joinery", legal_form="sole_trader", postcode="LA1 1AA", employees=2
        ),
    )
    entry = AuditEntry.objects.get(action="organisation.create")
    assert entry.actor == member
    assert entry.object_type == "members.organisation"
    assert entry.object_id == str(organisation.pk)
    assert entry.before is None and entry.after["name"] == "Lune Joinery"
    assert AuditEntry.objects.filter(action="affiliation.add", actor=member).exists()


def test_an_update_records_before_and_after(member, organisation):
    services.organisation_update(
        actor=member,
        organisation=organisation,
        details=services.OrganisationDetails(
            name=organisation.name, legal_form="ltd", postcode="PR1 2HE", employees=30
        ),
    )
    entry = AuditEntry.objects.get(action="organisation.update")
    assert entry.before["employees"] == 4 and entry.after["employees"] == 30


def test_an_update_that_changes_nothing_writes_no_entry(member, organisation):
    details = services.OrganisationDetails(
        name=organisation.name,
        legal_form=organisation.legal_form,
        postcode=organisation.postcode,
        sic_codes=organisation.sic_codes,
        employees=organisation.employees,
        turnover_pence=organisation.turnover_pence,
        balance_sheet_pence=organisation.balance_sheet_pence,
    )
    services.organisation_update(actor=member, organisation=organisation, details=details)
    assert not AuditEntry.objects.filter(action="organisation.update").exists()


def test_the_audit_log_never_holds_passwords():
    services.member_register(
        email="x@example.org", display_name="X", password="a long good passphrase"
    )
    entry = AuditEntry.objects.get(action="member.register")
    assert "password" not in entry.after


def test_a_refused_change_leaves_no_audit_entry(member):
    with pytest.raises(ValidationError):
        services.organisation_create(
            actor=member,
            details=services.OrganisationDetails(name="Bad", legal_form="ltd", postcode="nope"),
        )
    assert not AuditEntry.objects.exists()
