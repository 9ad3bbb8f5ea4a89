"""A page not found, a permission refused or a form address visited is logged as one line,
with no traceback; a server error keeps its traceback."""

import logging

import pytest
from django.urls import reverse

from altlep.core.log_filters import ExpectedRefusalsOnOneLine

pytestmark = pytest.mark.django_db


def _request_lines(caplog) -> list[str]:
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    return [formatter.format(r) for r in caplog.records if r.name == "django.request"]


@pytest.mark.parametrize(
    "address,status",
    [
        ("/no/such/page/", 404),
        ("/commissioning/no-such-round/", 404),
        ("/commissioning/new/", 403),
        ("/governance/board/appoint/", 405),
    ],
)
def test_an_expected_refusal_is_logged_on_one_line(client, member, caplog, address, status):
    client.force_login(member)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(address)
    assert response.status_code == status
    lines = _request_lines(caplog)
    assert len(lines) == 1, lines
    assert "\n" not in lines[0] and "Traceback" not in lines[0]
    assert lines[0].startswith("WARNING django.request ") and address in lines[0]


def test_a_server_error_keeps_its_traceback():
    try:
        raise RuntimeError("broken")
    except RuntimeError as error:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: /",
            (),
            (type(error), error, error.__traceback__),
        )
    record.status_code = 500
    assert ExpectedRefusalsOnOneLine().filter(record)
    assert "Traceback" in logging.Formatter().format(record)


def test_the_refused_visitor_still_sees_the_reason(client, member):
    client.force_login(member)
    response = client.get(reverse("commissioning:round_create"))
    assert "Only partnership officers create rounds." in response.content.decode()
