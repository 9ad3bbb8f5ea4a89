"""The public directory of local suppliers and its filters."""

from django.urls import reverse

from tests.supply.factories import supplier


def _names(response):
    return [e.profile.organisation.name for e in response.context["entries"]]


def test_filters_by_division_size_social_economy_and_distance(client, partnership, cpv):
    supplier("Preston Sparks Ltd", ["45310000"], postcode="PR2 9YJ", employees=3)
    supplier("Lancaster Caterers CIC", ["55520000"], postcode="LA1 1HP", legal_form="cic")
    supplier(
        "Blackburn Builders Ltd",
        ["45300000"],
        postcode="BB1 1LP",
        employees=60,
        turnover_pence=9_000_000_00,
        balance_sheet_pence=4_000_000_00,
    )
    url = reverse("supply:directory")
    assert _names(client.get(url)) == [
        "Blackburn Builders Ltd",
        "Lancaster Caterers CIC",
        "Preston Sparks Ltd",
    ]
    assert _names(client.get(url, {"division": "45"})) == [
        "Blackburn Builders Ltd",
        "Preston Sparks Ltd",
    ]
    assert _names(client.get(url, {"size_band": "micro", "division": "45"})) == [
        "Preston Sparks Ltd"
    ]
    assert _names(client.get(url, {"social": "on"})) == ["Lancaster Caterers CIC"]
    near = client.get(url, {"postcode": "PR1 2HE", "within_km": "20"})
    assert _names(near) == ["Preston Sparks Ltd", "Blackburn Builders Ltd"]


def test_an_unknown_postcode_is_refused_on_the_field(client, partnership, cpv):
    response = client.get(reverse("supply:directory"), {"postcode": "PR1 9ZZ"})
    assert response.status_code == 400
    assert "not in the ONS Postcode Directory" in response.context["form"].errors["postcode"][0]


def test_find_explains_why_a_firm_is_not_listed(client, partnership, cpv):
    supplier("Preston Sparks Ltd", ["45310000"])
    supplier("Preston Bakery Ltd", ["15811000"])
    response = client.get(
        reverse("supply:find"),
        {"cpv_codes": "45310000", "postcode": "PR1 2HE", "explain": "preston-bakery-ltd"},
    )
    assert [m.supplier.name for m in response.context["matches"]] == ["Preston Sparks Ltd"]
    explained = response.context["explained"]
    assert not explained.listed
    assert "Offers nothing close to what is needed" in response.content.decode()


def test_a_distance_without_a_postcode_asks_for_one(client, partnership, cpv):
    response = client.get(reverse("supply:directory"), {"within_km": "10"})
    assert response.status_code == 400
    assert response.context["form"].errors["postcode"] == [
        "Give a postcode to measure the distance from."
    ]
