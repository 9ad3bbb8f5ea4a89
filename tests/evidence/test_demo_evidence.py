import pytest

from altlep.demo import evidence as demo
from altlep.evidence.models import Analysis, AnchorBody


@pytest.fixture
def no_shared_data(monkeypatch, tmp_path):
    monkeypatch.setenv("ALTLEP_SHARED_DATA", str(tmp_path / "absent"))


def test_without_shared_data_the_demo_analyses_a_synthetic_file_labelled_so(
    client, partnership, officer, member, no_shared_data
):
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="Ribble Cakes", created_by=member)
    assert demo.demo_evidence(officer=officer) is True
    body = AnchorBody.objects.get()
    assert body.name == demo.SYNTHETIC_BODY
    analysis = Analysis.objects.get(body=body)
    assert analysis.synthetic and analysis.result["lines"] == 600
    assert analysis.result["full"]["flows_pence"]["local"] > 0
    # Ribble Cakes (SIC 62012) could serve the IT spend leaking to Metro IT Solutions (62020).
    could_serve = {m["name"] for row in analysis.result["leakage"] for m in row["could_serve"]}
    assert "Ribble Cakes" in could_serve
    assert "Synthetic data" in client.get(f"/evidence/bodies/{body.slug}/").content.decode()
    assert "Synthetic data" in client.get("/evidence/").content.decode()
    assert "Synthetic data" in client.get(f"/evidence/lm3/?body={body.slug}").content.decode()


def test_the_demo_is_idempotent(partnership, officer, no_shared_data):
    assert demo.demo_evidence(officer=officer) is True
    assert demo.demo_evidence(officer=officer) is False
    assert AnchorBody.objects.count() == 1
    assert AnchorBody.objects.get().uploads.count() == 1


def test_with_shared_data_the_demo_analyses_calderdales_real_spend(partnership, officer):
    from tests.shared_data import require_shared

    require_shared(*demo.REAL_FILE)
    assert demo.demo_evidence(officer=officer) is True
    body = AnchorBody.objects.get()
    assert body.name == demo.REAL_BODY and body.home_codes == [demo.CALDERDALE]
    analysis = Analysis.objects.get(body=body)
    assert not analysis.synthetic
    assert analysis.result["lines"] > 1000
