"""Factories for test data. Organisations are made through the service, as users make them."""

import factory

from altlep.core.models import Partnership
from altlep.members import services
from altlep.members.models import Role, User, Visibility


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = "Test Partnership"
    area_description = "the districts of the former Lancashire LEP"
    area_codes = factory.LazyFunction(list)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    visibility = Visibility.MEMBERS
    email_confirmed = True
    password = factory.PostGenerationMethodCall("set_password", "a long test passphrase")

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.Factory):
    """Builds OrganisationDetails and lists them through `organisation_create`."""

    class Meta:
        model = services.OrganisationDetails

    name = factory.Sequence(lambda n: f"Organisation {n} Ltd")
    legal_form = "ltd"
    postcode = "PR1 2HE"  # Preston, inside the Lancashire LEP area
    sic_codes = factory.LazyFunction(lambda: ["62012"])
    employees = 4
    turnover_pence = 200_000_00
    balance_sheet_pence = 50_000_00

    @classmethod
    def _create(cls, model_class, *args, created_by=None, role=Role.OWNER_MANAGER, **kwargs):
        details = model_class(*args, **kwargs)
        actor = created_by or UserFactory()
        return services.organisation_create(actor=actor, details=details, role=role)
