"""Constitutions that cannot work are refused, naming the rule, and nothing changes."""

import pytest
from django.core.exceptions import ValidationError

from altlep.governance.models import Constitution
from altlep.governance.selectors.composition import constitution_problems, current_constitution
from altlep.governance.services.constitution import constitution_update

pytestmark = pytest.mark.django_db


def test_the_default_constitution_matches_the_founding_texts_and_works():
    c = current_constitution()
    assert c.voting_seats == 9 and c.micro_majority and c.social_min >= 1
    assert c.councillor_max >= 1 and c.sme_max <= 2
    assert constitution_problems(c) == []


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        (
            {"micro_min": 5, "sme_min": 2, "social_min": 2, "resident_min": 1},
            "minimums fit the board",
        ),
        ({"voting_seats": 4, "micro_min": 3, "social_min": 2}, "minimums fit the board"),
        ({"micro_max": 4}, "micro-enterprise majority"),
        (
            {"micro_min": 0, "sme_min": 2, "sme_max": 3, "social_min": 3, "social_max": 3},
            "micro-enterprise majority",
        ),
        ({"social_min": 3, "social_max": 2}, "minimum not above maximum"),
        ({"voting_seats": 0, "micro_min": 0, "social_min": 0}, "board size"),
    ],
)
def test_an_unworkable_constitution_is_refused_naming_the_rule(officer, changes, rule):
    with pytest.raises(ValidationError) as refused:
        constitution_update(actor=officer, changes=changes)
    assert any(rule in message for message in refused.value.messages)
    assert not Constitution.objects.exists()


def test_a_majority_rule_is_fine_when_it_can_be_met(officer):
    c = constitution_update(actor=officer, changes={"voting_seats": 11, "micro_min": 6})
    assert c.pk and c.voting_seats == 11 and c.majority == 6


def test_a_field_that_is_not_part_of_the_constitution_is_refused(officer):
    with pytest.raises(ValidationError, match="Not part of the constitution: colour"):
        constitution_update(actor=officer, changes={"colour": "red"})
