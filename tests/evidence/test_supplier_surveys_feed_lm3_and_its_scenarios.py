from django.urls import reverse

from altlep.evidence.models import SupplierSurvey
from tests.evidence.conftest import upload_fixture


def test_a_member_answers_the_supplier_survey(client, member, body):
    client.force_login(member)
    response = client.post(
        reverse("evidence:survey"),
        {
            "supplier_name": "Preston Bakers",
            "body": body.pk,
            "income_pounds": "3000",
            "wage_percent_of_costs": "50",
            "local_wage_percent": "80",
            "local_supplier_percent": "40",
        },
    )
    assert response.status_code == 302
    survey = SupplierSurvey.objects.get()
    assert survey.income_pence == 3_000_00 and survey.local_wage_percent == 80


def test_a_percentage_over_100_is_refused(client, member):
    client.force_login(member)
    response = client.post(
        reverse("evidence:survey"),
        {
            "supplier_name": "X",
            "income_pounds": "10",
            "wage_percent_of_costs": "50",
            "local_wage_percent": "180",
            "local_supplier_percent": "40",
        },
    )
    assert response.status_code == 200 and not SupplierSurvey.objects.exists()


def test_the_lm3_page_shows_scenarios_using_the_surveys(client, member, body, anchor_officer):
    upload_fixture(actor=anchor_officer, body=body)
    page = client.get(reverse("evidence:lm3") + f"?body={body.slug}").content.decode()
    assert "assumed 25%" in page
    assert "If 10% of the leaking spend moved to local micro-enterprises, LM3 would be" in page
    SupplierSurvey.objects.create(
        body=body,
        supplier_name="Preston Bakers",
        income_pence=3_000_00,
        local_supplier_percent=40,
        local_wage_percent=80,
        wage_percent_of_costs=50,
    )
    page = client.get(reverse("evidence:lm3") + f"?body={body.slug}").content.decode()
    # round 1 £8,750, round 2 £3,750 local, re-spend 60% → round 3 £2,250: LM3 = 1.686
    assert "1.686" in page and "1 supplier survey" in page
