"""The demo's money flows: the area's anchors' generated spend, labelled as demo data, and
beside it the real West Yorkshire council files when the shared data has them, never mixed
into the partnership's figures."""

import pytest

from altlep.demo import area
from altlep.demo import evidence as demo
from altlep.demo.organisations import KIRKLEES_COUNCIL, NHS_TRUST, PostcodeBook
from altlep.evidence.models import Analysis, AnchorBody
from tests.factories import OrganisationFactory, PartnershipFactory

KIRKLEES_BODY, NHS_BODY = (b.name for b in demo.DEMO_BODIES)


@pytest.fixture
def no_shared_data(monkeypatch, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(empty))


@pytest.fixture
def west_yorkshire(db, member):
    """The demo's area, its anchors, a local micro-enterprise in web design and a national IT
    firm that the anchors' IT spend leaks to."""
    partnership = PartnershipFactory(name=area.PARTNERSHIP_NAME, area_codes=sorted(area.DISTRICTS))
    book = PostcodeBook()
    for name, where in ((KIRKLEES_COUNCIL, "Kirklees"), (NHS_TRUST, "Wakefield")):
        OrganisationFactory(
            name=name,
            legal_form="public",
            postcode=book.of(area.place(where))[0],
            created_by=member,
        )
    OrganisationFactory(
        name="Holmfirth Web Studio Ltd",
        company_number="99000001",
        postcode=book.of(area.place("Holmfirth"))[0],
        sic_codes=["62012"],
        created_by=member,
    )
    OrganisationFactory(
        name="Metro IT Solutions Ltd",
        company_number="99000002",
        postcode=book.of(area.place("the City"))[0],
        sic_codes=["62020"],
        employees=900,
        turnover_pence=90_000_000_00,
        balance_sheet_pence=40_000_000_00,
        created_by=member,
    )
    return partnership


def test_without_shared_data_the_anchors_generated_spend_is_analysed_and_labelled_so(
    client, west_yorkshire, officer, no_shared_data
):
    assert demo.demo_evidence(officer=officer) is True
    assert set(AnchorBody.objects.values_list("name", flat=True)) == {KIRKLEES_BODY, NHS_BODY}
    kirklees = AnchorBody.objects.get(name=KIRKLEES_BODY)
    assert kirklees.organisation.name == KIRKLEES_COUNCIL
    assert kirklees.home_codes == [area.KIRKLEES]
    analysis = Analysis.objects.get(body=kirklees)
    assert analysis.synthetic
    assert analysis.result["full"]["flows_pence"]["local"] > 0
    assert analysis.result["full"]["public_body_pence"] > 0
    # The local web studio (SIC 62012) could serve the IT spend leaking to Metro IT (62020).
    could_serve = {m["name"] for row in analysis.result["leakage"] for m in row["could_serve"]}
    assert "Holmfirth Web Studio Ltd" in could_serve
    assert Analysis.objects.get(body__isnull=True).synthetic
    assert "Synthetic data" in client.get(f"/evidence/bodies/{kirklees.slug}/").content.decode()
    assert "Synthetic data" in client.get("/evidence/").content.decode()
    assert "Synthetic data" in client.get(f"/evidence/lm3/?body={kirklees.slug}").content.decode()


def test_the_demo_money_flows_are_loaded_once(west_yorkshire, officer, no_shared_data):
    assert demo.demo_evidence(officer=officer) is True
    assert demo.demo_evidence(officer=officer) is False
    assert AnchorBody.objects.count() == 2
    assert all(b.uploads.count() == 1 for b in AnchorBody.objects.all())


def test_with_shared_data_the_real_council_files_are_analysed_beside_and_apart(
    client, west_yorkshire, officer
):
    from tests.shared_data import require_shared

    for real in demo.REAL_BODIES:
        require_shared(*real.file)
    assert demo.demo_evidence(officer=officer) is True
    real_names = {r.name for r in demo.REAL_BODIES}
    assert set(AnchorBody.objects.values_list("name", flat=True)) == real_names | {
        KIRKLEES_BODY,
        NHS_BODY,
    }
    real_lines = 0
    for real in demo.REAL_BODIES:
        body = AnchorBody.objects.get(name=real.name)
        upload = body.uploads.get()
        assert body.home_codes == [real.district] and not upload.synthetic
        analysis = Analysis.objects.get(body=body)
        assert not analysis.synthetic and analysis.result["lines"] == upload.rows > 1000
        real_lines += upload.rows
    assert Analysis.objects.get(body__name=KIRKLEES_BODY).synthetic
    # The partnership's figures are the real councils' spend alone, shown as real.
    partnership = Analysis.objects.get(body__isnull=True)
    assert not partnership.synthetic and partnership.result["lines"] == real_lines
    assert "Synthetic data" not in client.get("/evidence/").content.decode()


def test_the_demo_uploads_show_rows_set_aside_and_the_footer_skipped(
    west_yorkshire, officer, no_shared_data
):
    from altlep.evidence.models import SpendUpload

    demo.demo_evidence(officer=officer)
    for upload in SpendUpload.objects.filter(synthetic=True):
        assert [row["reason"] for row in upload.set_aside] == [
            "the amount “TBC” is not a number"
        ] * 2
        assert [skip["reason"].split(" (")[0] for skip in upload.skipped_lines] == [
            "a total row",
            "a note",
        ]
