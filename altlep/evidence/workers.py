"""The background worker every upload uses (spend files and the company register alike): a
thread started once the upload is committed, a claim that keeps a second worker off it, and
resumption of an upload whose worker died with a restart."""

import threading
from collections.abc import Callable
from datetime import timedelta

from django.db import close_old_connections, connection
from django.utils import timezone

from altlep.evidence.models import FileUpload, UploadStatus
from altlep.evidence.store import worker_claim

PENDING = (UploadStatus.QUEUED, UploadStatus.PROCESSING)
# An upload this old and still pending, with no worker holding it, lost its worker (a restart)
ORPHANED_AFTER = timedelta(seconds=10)


def start(*, model: type[FileUpload], upload_id: int, claim: str, process: Callable) -> None:
    """Process the upload in a daemon thread (the page polls its progress meanwhile)."""
    threading.Thread(
        target=run,
        kwargs={"model": model, "upload_id": upload_id, "claim": claim, "process": process},
        daemon=True,
    ).start()


def run(*, model: type[FileUpload], upload_id: int, claim: str, process: Callable) -> None:
    """Process the upload here unless another worker holds it or it is already finished."""
    close_old_connections()
    try:
        with worker_claim(claim) as mine:
            pending = model.objects.filter(pk=upload_id, status__in=PENDING).exists()
            if mine and pending:
                process(upload_id=upload_id)
    finally:
        connection.close()


def orphaned(upload: FileUpload, *, claim: str) -> bool:
    """Whether a pending upload has lost its worker: old enough, and nobody holds its claim."""
    if upload.status not in PENDING or timezone.now() - upload.created_at < ORPHANED_AFTER:
        return False
    with worker_claim(claim) as free:
        return free
