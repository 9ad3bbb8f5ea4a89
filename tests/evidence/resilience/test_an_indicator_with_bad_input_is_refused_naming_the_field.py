"""An indicator with no source, an unknown computed source, or a target that is not a number
is refused naming the field; nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from altlep.evidence.models import Indicator
from altlep.evidence.resilience import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def principle(officer):
    draft = services.principle_set_create(actor=officer)
    return services.principle_add(
        actor=officer, principle_set=draft, theme="environment", title="Cut emissions"
    )


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"source": ""}, "source"),
        ({"source": "guessed"}, "source"),
        ({"target": "forty"}, "target"),
        ({"target": "NaN"}, "target"),
        ({"target": True}, "target"),
        ({"direction": "sideways"}, "direction"),
        ({"source": "computed", "computed_key": "altlep.nowhere.made_up"}, "computed_key"),
        ({"name": " "}, "name"),
    ],
)
def test_bad_input_names_the_field(officer, principle, fields, field):
    values = {
        "name": "Emissions of spend",
        "direction": "lower",
        "target": "500",
        "source": "entered",
        **fields,
    }
    with pytest.raises(ValidationError) as caught:
        services.indicator_add(actor=officer, principle=principle, **values)
    assert field in caught.value.message_dict
    assert not Indicator.objects.exists()
