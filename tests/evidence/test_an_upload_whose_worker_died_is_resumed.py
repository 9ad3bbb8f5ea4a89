"""A restart kills the thread processing an upload; the next look at the upload resumes it,
unless a live worker (in this process or another) still holds it."""

import shutil
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from altlep.evidence import services
from altlep.evidence.models import SpendUpload, UploadStatus
from altlep.evidence.store import uploads_dir, worker_claim
from tests.evidence.conftest import FIXTURES


def _stranded(body, *, age: timedelta = timedelta(minutes=5)) -> SpendUpload:
    """An upload left 'processing' by a worker that no longer exists."""
    upload = SpendUpload.objects.create(
        body=body, original_name="spend_small.csv", status=UploadStatus.PROCESSING
    )
    folder = uploads_dir() / str(upload.pk)
    folder.mkdir(parents=True)
    stored = shutil.copy(FIXTURES / "spend_small.csv", folder / "spend_small.csv")
    SpendUpload.objects.filter(pk=upload.pk).update(
        stored_path=str(stored), created_at=timezone.now() - age
    )
    return SpendUpload.objects.get(pk=upload.pk)


@pytest.mark.django_db(transaction=True)
def test_viewing_a_stranded_upload_resumes_it_in_the_background(client, body, anchor_officer):
    upload = _stranded(body)
    client.force_login(anchor_officer)
    client.get(reverse("evidence:upload_status", args=[upload.pk]))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        upload.refresh_from_db()
        if upload.status not in (UploadStatus.QUEUED, UploadStatus.PROCESSING):
            break
        time.sleep(0.2)
    assert upload.status == UploadStatus.DONE
    assert upload.rows == 6


def test_an_upload_a_live_worker_holds_is_not_started_again(body, anchor_officer):
    upload = _stranded(body)
    with worker_claim(upload.pk) as mine:
        assert mine
        assert not services.spend_upload_resume(actor=anchor_officer, upload=upload)


@pytest.mark.django_db(transaction=True)  # the worker closes its database connection
def test_a_second_worker_leaves_a_claimed_upload_alone(body):
    upload = _stranded(body)
    with worker_claim(upload.pk):
        services._in_thread(upload.pk)
    upload.refresh_from_db()
    assert upload.status == UploadStatus.PROCESSING and upload.rows == 0


def test_a_just_queued_upload_is_left_to_the_worker_about_to_start(body, anchor_officer):
    upload = _stranded(body, age=timedelta(seconds=1))
    assert not services.spend_upload_resume(actor=anchor_officer, upload=upload)


def test_a_finished_upload_is_never_resumed(body, anchor_officer):
    upload = _stranded(body)
    SpendUpload.objects.filter(pk=upload.pk).update(status=UploadStatus.DONE)
    upload.refresh_from_db()
    assert not services.spend_upload_resume(actor=anchor_officer, upload=upload)
