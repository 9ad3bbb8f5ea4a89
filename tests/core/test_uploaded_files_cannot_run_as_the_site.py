"""An uploaded HTML or SVG file never runs as the site: papers and group documents accept only
the types a paper needs, recognised by content, and every upload is served back as an
attachment with `nosniff` (and a sandboxing policy), never inline."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from altlep.governance.models import GroupDocument, Paper
from altlep.governance.services.groups import group_create, group_document_add
from altlep.governance.services.meetings import paper_add
from tests.factories import UserFactory
from tests.governance.helpers import board_meeting

pytestmark = pytest.mark.django_db

HTML = b"<!doctype html><script>fetch('/profile/')</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _docx(member: str = "word/document.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(member, "<w:document/>")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(officer):
    return board_meeting(officer)


@pytest.mark.parametrize(
    "name, content",
    [
        ("agenda.html", HTML),
        ("chart.svg", SVG),
        ("agenda.pdf", HTML),  # HTML renamed to look like a paper
        ("notes.txt", SVG),  # markup renamed to look like text
        ("report.docx", _docx("evil/index.html")),  # a zip that is no Word document
        ("slides.pdf", b"\x89PNG\r\n\x1a\n"),  # an image calling itself a PDF
    ],
)
def test_a_paper_that_is_not_what_a_paper_needs_is_refused(officer, meeting, name, content):
    with pytest.raises(ValidationError) as refused:
        paper_add(
            actor=officer,
            meeting=meeting,
            title="Agenda",
            file=SimpleUploadedFile(name, content, content_type="application/pdf"),
        )
    assert "file" in refused.value.message_dict
    assert not Paper.objects.exists()


def test_the_meeting_page_refuses_an_html_paper_with_a_clear_message(client, officer, meeting):
    client.force_login(officer)
    response = client.post(
        reverse("governance:paper_add", args=[meeting.pk]),
        {"title": "Agenda", "file": SimpleUploadedFile("agenda.html", HTML)},
        follow=True,
    )
    assert "is not a type of file we accept" in response.content.decode()
    assert not Paper.objects.exists()


def test_the_group_page_refuses_an_svg_document(client, officer):
    convenor = UserFactory()
    group = group_create(
        actor=officer, name="Food group", kind="sector", purpose="Food.", convenor=convenor
    )
    client.force_login(convenor)
    client.post(
        reverse("governance:document_add", args=[group.slug]),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", SVG)},
    )
    assert not GroupDocument.objects.exists()
    with pytest.raises(ValidationError):
        group_document_add(
            actor=convenor, group=group, title="Logo", file=SimpleUploadedFile("logo.svg", SVG)
        )


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("budget.pdf", PDF, "application/pdf"),
        (
            "budget.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("budget.txt", "Budget: £10,000 for repair cafés\n".encode(), "text/plain"),
    ],
)
def test_an_accepted_paper_is_served_as_an_attachment_with_nosniff(
    client, officer, meeting, name, content, content_type
):
    paper = paper_add(
        actor=officer, meeting=meeting, title="Budget", file=SimpleUploadedFile(name, content)
    )
    response = client.get(paper.href)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize("name, content", [("old.html", HTML), ("old.svg", SVG)])
def test_an_html_or_svg_file_already_stored_is_only_ever_a_download(
    client, officer, meeting, name, content
):
    # Files uploaded before the rules existed stay on disk; they must not run either.
    stored = default_storage.save(f"governance/papers/{name}", ContentFile(content))
    Paper.objects.create(meeting=meeting, title="An old paper", file=stored)
    response = client.get(default_storage.url(stored))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_paths_outside_the_uploads_are_not_served(client):
    assert client.get("/media/../settings.py").status_code == 404
    assert client.get(reverse("media", args=["../../etc/passwd"])).status_code == 404
    assert client.get(reverse("media", args=["governance/papers/none.pdf"])).status_code == 404


def test_a_file_that_no_record_holds_is_not_served(client):
    stored = default_storage.save("governance/papers/orphan.pdf", ContentFile(PDF))
    assert client.get(default_storage.url(stored)).status_code == 404
