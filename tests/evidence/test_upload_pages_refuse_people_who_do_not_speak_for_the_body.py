import pytest
from django.urls import reverse

from tests.evidence.conftest import upload_fixture


def test_a_member_who_does_not_speak_for_the_body_gets_403_on_upload(client, body, member):
    client.force_login(member)
    assert client.get(reverse("evidence:upload", args=[body.slug])).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, body):
    response = client.get(reverse("evidence:upload", args=[body.slug]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_another_member_cannot_see_an_uploads_status(client, body, anchor_officer, member):
    upload = upload_fixture(actor=anchor_officer, body=body)
    client.force_login(member)
    assert client.get(reverse("evidence:upload_detail", args=[upload.pk])).status_code == 403
    assert client.get(reverse("evidence:upload_status", args=[upload.pk])).status_code == 403


@pytest.mark.parametrize("name", ["evidence:review", "evidence:body_new"])
def test_officer_pages_refuse_an_anchors_people(client, body, anchor_officer, name):
    client.force_login(anchor_officer)
    assert client.get(reverse(name)).status_code == 403


def test_the_review_decision_refuses_a_non_officer(client, anchor_officer, body):
    client.force_login(anchor_officer)
    response = client.post(
        reverse("evidence:review_decide"),
        {"supplier_key": "X", "company_number": "1", "verdict": "accept"},
    )
    assert response.status_code == 403
