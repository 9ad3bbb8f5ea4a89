"""An officer uploads the Companies House register from the web: the page shows its progress,
it completes, and the suppliers it names are matched and located on the dashboards."""

import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from altlep.core.models import AuditEntry
from altlep.evidence import services
from altlep.evidence.models import Analysis, RegisterUpload, UploadStatus
from altlep.evidence.store import open_store, uploads_dir
from altlep.flows import gaps
from tests.evidence.conftest import FIXTURES, upload_fixture


def _wait_until_finished(upload: RegisterUpload) -> RegisterUpload:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        upload.refresh_from_db()
        if upload.finished:
            break
        time.sleep(0.2)
    return upload


def _unlocated_reasons(body) -> set[str]:
    result = Analysis.objects.get(body=body).result
    return {r["reason"] for r in result["gaps"]["unlocated"]["reasons"]}


@pytest.mark.django_db(transaction=True)  # the worker thread reads what the request committed
def test_the_register_upload_shows_progress_completes_and_changes_the_resolution(
    client, settings, body, officer
):
    upload_fixture(actor=officer, body=body, name="spend_no_postcodes.csv")
    assert _unlocated_reasons(body) == {gaps.NO_REGISTER}
    settings.ALTLEP_EVIDENCE_SYNC = False  # a real background worker, as on the site
    client.force_login(officer)
    with open_store():  # the worker waits for the store while we look at its progress
        with (FIXTURES / "register_small.csv").open("rb") as handle:
            response = client.post(reverse("evidence:register_upload"), {"register_file": handle})
        upload = RegisterUpload.objects.get()
        assert response.url == reverse("evidence:register_upload_detail", args=[upload.pk])
        page = client.get(response.url).content.decode()
        assert "<progress" in page and 'hx-trigger="every 1s"' in page
        assert "Refresh to see progress" in page
    upload = _wait_until_finished(upload)
    assert upload.status == UploadStatus.DONE, upload.error
    assert upload.companies == 3
    # Preston Bakers, Mancunian Print and London Consulting are found by name.
    assert (upload.before["matched"], upload.after["matched"]) == (0, 3)
    assert upload.after["located"] == upload.before["located"] + 3
    page = client.get(reverse("evidence:register_upload_status", args=[upload.pk])).content
    assert "hx-trigger" not in page.decode() and "3 companies loaded" in page.decode()
    # Mr J Smith alone is left, and the reason is no longer the missing register.
    assert _unlocated_reasons(body) == {gaps.NO_MATCH}
    assert not (uploads_dir() / f"register-{upload.pk}" / "register_small.csv").exists()
    assert AuditEntry.objects.filter(action="evidence.register_upload_create").exists()


def test_a_companies_house_zip_is_unpacked_and_loaded(body, officer, tmp_path):
    upload_fixture(actor=officer, body=body, name="spend_no_postcodes.csv")
    archive = tmp_path / "BasicCompanyDataAsOneFile-2026-12-01.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(FIXTURES / "register_small.csv", "BasicCompanyDataAsOneFile-2026-12-01.csv")
    upload = services.register_upload_create(actor=officer, register_file=archive, background=False)
    upload.refresh_from_db()
    assert upload.status == UploadStatus.DONE and upload.companies == 3
    assert upload.after["matched"] == 3


def test_a_damaged_register_names_file_line_and_field_and_loads_nothing(client, body, officer):
    upload_fixture(actor=officer, body=body, name="spend_no_postcodes.csv")
    client.force_login(officer)
    damaged = SimpleUploadedFile(
        "BasicCompanyData-part1.csv", (FIXTURES / "register_damaged.csv").read_bytes()
    )
    response = client.post(reverse("evidence:register_upload"), {"register_file": damaged})
    upload = RegisterUpload.objects.get()
    assert upload.status == UploadStatus.FAILED
    assert (upload.error_file, upload.error_line, upload.error_column) == (
        "BasicCompanyData-part1.csv",
        3,
        "CompanyNumber",
    )
    page = client.get(response.url).content.decode()
    assert "nothing was imported" in page and "CompanyNumber" in page
    with open_store() as store:
        assert store.scalar("SELECT count(*) FROM register") == 0
    assert _unlocated_reasons(body) == {gaps.NO_REGISTER}


def test_a_file_that_is_not_csv_or_zip_is_refused_by_the_form(client, officer):
    client.force_login(officer)
    page = client.post(
        reverse("evidence:register_upload"),
        {"register_file": SimpleUploadedFile("register.pdf", b"%PDF-1.4")},
    ).content.decode()
    assert "register.pdf is not a CSV or zip file" in page
    assert not RegisterUpload.objects.exists()


def test_members_who_are_not_officers_cannot_reach_the_register_pages(client, member):
    client.force_login(member)
    assert client.get(reverse("evidence:register_upload")).status_code == 403
