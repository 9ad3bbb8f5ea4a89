"""Writes for the evidence app: anchor bodies, spend uploads and their processing, analyses,
review decisions and supplier surveys. Each checks its rule and writes the audit log."""

import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from altlep.core import districts
from altlep.core.audit import audit_record, snapshot
from altlep.evidence import selectors, workers
from altlep.evidence.models import (
    Analysis,
    AnchorBody,
    FileUpload,
    MatchDecision,
    RegisterStage,
    RegisterUpload,
    SpendUpload,
    SupplierSurvey,
    UploadStatus,
)
from altlep.evidence.store import open_store, uploads_dir
from altlep.flows.analysis import analyse
from altlep.flows.classify import Area, classify
from altlep.flows.errors import FlowsInputError
from altlep.flows.ocds import read_ocds
from altlep.flows.register import unpack_register
from altlep.flows.resolve import decide, resolution_counts, resolve
from altlep.flows.spend import file_digest


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(perm)


def anchor_body_create(
    *,
    actor,
    name: str,
    kind: str = "council",
    organisation=None,
    home_codes: list[str] | None = None,
    region_codes: list[str] | None = None,
) -> AnchorBody:
    """Add an anchor institution (officers only)."""
    _require(actor, "evidence.manage_bodies")
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the body's name."})
    unknown = sorted(
        c for c in [*(home_codes or []), *(region_codes or [])] if not districts.is_known(c)
    )
    if unknown:
        raise ValidationError({"home_codes": f"Unknown district codes: {', '.join(unknown)}."})
    if AnchorBody.objects.filter(name=name).exists():
        raise ValidationError({"name": "A body with this name already exists."})
    body = AnchorBody.objects.create(
        name=name,
        slug=slugify(name)[:200] or "body",
        kind=kind,
        organisation=organisation,
        home_codes=sorted(home_codes or []),
        region_codes=sorted(region_codes or []),
    )
    audit_record(
        actor=actor, action="evidence.anchor_body_create", instance=body, after=snapshot(body)
    )
    return body


def council_body_create(
    *,
    actor,
    district_code: str,
    name: str = "",
    organisation=None,
    region_codes: list[str] | None = None,
) -> AnchorBody:
    """Add the council of one district as an anchor institution, chosen by name: called
    "<district> Council" unless named, local on its own dashboard to its own district, and
    regional to the partnership's other districts unless a region is given."""
    if not districts.is_known(district_code):
        raise ValidationError({"institution": f"Unknown district: {district_code}."})
    _, area_codes = selectors.partnership_area()
    return anchor_body_create(
        actor=actor,
        name=name.strip() or f"{districts.name(district_code)} Council",
        kind="council",
        organisation=organisation,
        home_codes=[district_code],
        region_codes=region_codes or [c for c in area_codes if c != district_code],
    )


def _save_file(source, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / Path(name).name
    with target.open("wb") as out:
        if isinstance(source, Path):
            with source.open("rb") as handle:
                shutil.copyfileobj(handle, out)
        else:
            for chunk in source.chunks():
                out.write(chunk)
    return target


def spend_upload_create(
    *,
    actor,
    body: AnchorBody,
    spend_file,
    ocds_file=None,
    synthetic: bool = False,
    background: bool = True,
    column_map: dict[str, str] | None = None,
) -> SpendUpload:
    """Store an uploaded spend file (a Django UploadedFile or a Path) and queue its processing
    in a background thread, started once the upload record is committed (or process it now).
    `column_map` (field → header) overrides the detected columns."""
    _require(actor, "evidence.upload_spend", body)
    name = Path(getattr(spend_file, "name", "spend.csv")).name
    upload = SpendUpload.objects.create(
        body=body,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        original_name=name,
        synthetic=synthetic,
        column_map=dict(column_map or {}),
    )
    folder = uploads_dir() / str(upload.pk)
    stored = _save_file(spend_file, folder, name)
    upload.stored_path = str(stored)
    upload.bytes_total = stored.stat().st_size
    fields = ["stored_path", "bytes_total"]
    if ocds_file is not None:
        ocds_name = Path(getattr(ocds_file, "name", "awards.json")).name
        upload.ocds_name = ocds_name
        upload.ocds_path = str(_save_file(ocds_file, folder / "ocds", ocds_name))
        fields += ["ocds_name", "ocds_path"]
    upload.save(update_fields=fields)
    audit_record(
        actor=actor, action="evidence.spend_upload_create", instance=upload, after=snapshot(upload)
    )
    # Tests (whose transactions never commit) set ALTLEP_EVIDENCE_SYNC to process in line.
    if background and not getattr(settings, "ALTLEP_EVIDENCE_SYNC", False):
        transaction.on_commit(lambda: _start(upload.pk))
    else:
        spend_upload_process(upload_id=upload.pk)
    return upload


def _start(upload_id: int) -> None:
    workers.start(
        model=SpendUpload, upload_id=upload_id, claim=str(upload_id), process=spend_upload_process
    )


def _in_thread(upload_id: int) -> None:
    workers.run(
        model=SpendUpload, upload_id=upload_id, claim=str(upload_id), process=spend_upload_process
    )


def spend_upload_resume(*, actor, upload: SpendUpload) -> bool:
    """Start processing again an upload whose worker is gone (the server restarted while it
    was queued or being processed); True when it was restarted. Safe to call from any page
    that shows the upload: a live worker, in this process or another, keeps its claim."""
    if not workers.orphaned(upload, claim=str(upload.pk)):
        return False
    audit_record(actor=actor, action="evidence.spend_upload_resume", instance=upload)
    _start(upload.pk)
    return True


def _fail(upload: FileUpload, error: Exception) -> None:
    upload.status = UploadStatus.FAILED
    upload.error = f"{error} — nothing was imported from this file."
    if isinstance(error, FlowsInputError):
        upload.error_file = error.path
        upload.error_line = error.line
        upload.error_column = error.column or ""
    upload.finished_at = timezone.now()
    upload.save(
        update_fields=[
            "status",
            "error",
            "error_file",
            "error_line",
            "error_column",
            "finished_at",
        ]
    )


SET_ASIDE_SHOWN = 500  # rows kept on the upload record; the store keeps every one


def _shown_report(report, *, name: str) -> dict:
    """The reader's report for the upload page, naming the file as the uploader knows it."""
    if report is None:
        return {}
    shown = report.to_dict()
    shown["path"] = name
    shown["set_aside_count"] = len(shown["set_aside"])
    shown["set_aside"] = shown["set_aside"][:SET_ASIDE_SHOWN]
    shown["skipped_count"] = len(shown["skipped"])
    shown["skipped"] = shown["skipped"][:SET_ASIDE_SHOWN]
    return shown


def spend_upload_process(*, upload_id: int) -> SpendUpload:
    """Import, resolve and analyse one upload; a bad file fails with the engine's error
    (file, line, column) and imports nothing."""
    upload = SpendUpload.objects.select_related("body").get(pk=upload_id)
    SpendUpload.objects.filter(pk=upload_id).update(status=UploadStatus.PROCESSING)
    last = [0.0]

    def progress(read: int) -> None:
        now = time.monotonic()
        if now - last[0] > 0.3:
            last[0] = now
            SpendUpload.objects.filter(pk=upload_id).update(bytes_read=read)

    try:
        with open_store() as store:
            result = store.import_spend(
                Path(upload.stored_path),
                body=upload.body.name,
                override=upload.column_map or None,
                synthetic=upload.synthetic,
                progress=progress,
            )
            if upload.ocds_path:
                path = Path(upload.ocds_path)
                upload.awards = store.import_awards(
                    list(read_ocds(path)), source=upload.ocds_name, digest=file_digest(path)
                )
            summary = resolve(store)
            _refresh(store)
    except FlowsInputError as error:
        # Name the file as the uploader knows it, not where the server keeps it.
        shown = upload.ocds_name if error.path == upload.ocds_path else upload.original_name
        _fail(
            upload,
            FlowsInputError(error.problem, path=shown, line=error.line, column=error.column),
        )
        return upload
    except Exception as error:  # noqa: BLE001 - any failure is reported on the page
        _fail(upload, error)
        return upload
    upload.status = UploadStatus.DONE
    upload.rows = result.rows
    upload.credits = result.credits
    upload.redacted = result.redacted
    upload.skipped = result.skipped_duplicates
    upload.already_imported = result.already_imported
    upload.mapping = result.mapping
    upload.report = _shown_report(result.report, name=upload.original_name)
    upload.resolution = summary.describe()
    upload.bytes_read = upload.bytes_total
    upload.finished_at = timezone.now()
    upload.save()
    return upload


def register_upload_create(*, actor, register_file, background: bool = True) -> RegisterUpload:
    """Store an uploaded Companies House BasicCompanyData file (CSV or its zip; an
    UploadedFile or a Path) and queue its loading, as spend uploads are queued."""
    _require(actor, "evidence.upload_register")
    name = Path(getattr(register_file, "name", "BasicCompanyData.csv")).name
    upload = RegisterUpload.objects.create(
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        original_name=name,
    )
    stored = _save_file(register_file, uploads_dir() / _register_claim(upload.pk), name)
    upload.stored_path = str(stored)
    upload.bytes_total = stored.stat().st_size
    upload.save(update_fields=["stored_path", "bytes_total"])
    audit_record(
        actor=actor,
        action="evidence.register_upload_create",
        instance=upload,
        after=snapshot(upload),
    )
    if background and not getattr(settings, "ALTLEP_EVIDENCE_SYNC", False):
        transaction.on_commit(lambda: _start_register(upload.pk))
    else:
        register_upload_process(upload_id=upload.pk)
    return upload


def _register_claim(upload_id: int) -> str:
    return f"register-{upload_id}"


def _start_register(upload_id: int) -> None:
    workers.start(
        model=RegisterUpload,
        upload_id=upload_id,
        claim=_register_claim(upload_id),
        process=register_upload_process,
    )


def register_upload_resume(*, actor, upload: RegisterUpload) -> bool:
    """Restart a register upload whose worker died (see spend_upload_resume)."""
    if not workers.orphaned(upload, claim=_register_claim(upload.pk)):
        return False
    audit_record(actor=actor, action="evidence.register_upload_resume", instance=upload)
    _start_register(upload.pk)
    return True


# Where each stage sits in the overall progress bar: reading the file is most of the wait.
STAGE_SPANS = {
    RegisterStage.UNPACKING: (0, 20),
    RegisterStage.LOADING: (20, 85),
    RegisterStage.RESOLVING: (85, 95),
    RegisterStage.ANALYSING: (95, 99),
}


def _reporter(upload_id: int, stage: str):
    """A progress callback (fraction 0-1 of the stage) that writes at most ~3 times a second."""
    low, high = STAGE_SPANS[stage]
    RegisterUpload.objects.filter(pk=upload_id).update(stage=stage, progress=low)
    last = [0.0]

    def report(fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] > 0.3:
            last[0] = now
            done = low + int((high - low) * min(max(fraction, 0.0), 1.0))
            RegisterUpload.objects.filter(pk=upload_id).update(progress=done)

    return report


def register_upload_process(*, upload_id: int) -> RegisterUpload:
    """Unpack (a zip), load the register in one transaction, re-resolve every supplier and
    refresh the dashboards; a bad file fails naming file, line and field, loading nothing."""
    upload = RegisterUpload.objects.get(pk=upload_id)
    RegisterUpload.objects.filter(pk=upload_id).update(status=UploadStatus.PROCESSING)
    stored = Path(upload.stored_path)
    shown = upload.original_name
    try:
        with open_store() as store:
            before = resolution_counts(store)
            csv_path = unpack_register(
                stored,
                stored.parent / "unpacked",
                progress=_reporter(upload_id, RegisterStage.UNPACKING),
            )
            if csv_path != stored:
                shown = f"{upload.original_name} › {csv_path.name}"
            loading = _reporter(upload_id, RegisterStage.LOADING)
            companies = store.import_register_file(csv_path, progress=lambda p: loading(p / 100))
            _reporter(upload_id, RegisterStage.RESOLVING)
            resolve(store)
            _reporter(upload_id, RegisterStage.ANALYSING)
            _refresh(store)
            after = resolution_counts(store)
    except FlowsInputError as error:
        _fail(
            upload, FlowsInputError(error.problem, path=shown, line=error.line, column=error.column)
        )
        return upload
    except Exception as error:  # noqa: BLE001 - any failure is reported on the page
        _fail(upload, error)
        return upload
    finally:
        # The store holds the register now (or nothing, after a failure): the file, often
        # gigabytes, is not kept.
        shutil.rmtree(stored.parent, ignore_errors=True)
    upload.status = UploadStatus.DONE
    upload.stage = RegisterStage.DONE
    upload.progress = 100
    upload.companies = companies
    upload.before = before
    upload.after = after
    upload.bytes_read = upload.bytes_total
    upload.finished_at = timezone.now()
    upload.save()
    return upload


def _refresh(store) -> None:
    """Re-classify and re-analyse every body (each against its own home area) and the
    partnership, storing the results for the dashboards."""
    name, area_codes = selectors.partnership_area()
    directory = selectors.members_directory(area_codes)
    synthetic_bodies = {
        b for (b,) in store.rows("SELECT DISTINCT body FROM imports WHERE synthetic")
    }
    in_store = set(store.bodies())
    for body in AnchorBody.objects.filter(name__in=in_store):
        home = body.home_codes or area_codes
        classify(
            store, Area(body.name, frozenset(home), frozenset(body.region_codes)), members=directory
        )
        local = [dict(m, local=m["district_code"] in set(home)) for m in directory]
        Analysis.objects.update_or_create(
            body=body,
            defaults={
                "result": analyse(store, body=body.name, members=local),
                "synthetic": body.name in synthetic_bodies,
            },
        )
    regions = set()
    for body in AnchorBody.objects.all():
        regions |= set(body.region_codes) | set(body.home_codes)
    classify(
        store,
        Area(name, frozenset(area_codes), frozenset(regions - set(area_codes))),
        members=directory,
    )
    # Generated (demo) spend is never mixed with real spend: the partnership's figures are its
    # real bodies' where there are any, otherwise the generated ones, labelled so.
    real = sorted(set(in_store) - synthetic_bodies)
    result = analyse(store, body=real or None, members=directory)
    result["body"] = name
    synthetic = bool(in_store) and not real
    Analysis.objects.filter(body__isnull=True).exclude(synthetic=synthetic).delete()
    Analysis.objects.update_or_create(body=None, synthetic=synthetic, defaults={"result": result})


def analyses_refresh(*, actor) -> None:
    """Re-run resolution and the analyses (after review decisions or directory changes)."""
    _require(actor, "evidence.review_matches")
    with open_store() as store:
        resolve(store)
        _refresh(store)


def match_decide(
    *,
    actor,
    supplier_key: str,
    company_number: str,
    accepted: bool,
    supplier_name: str = "",
    register_name: str = "",
) -> MatchDecision:
    """Accept or reject an uncertain match; remembered by the engine on every later run."""
    _require(actor, "evidence.review_matches")
    decision = MatchDecision.objects.create(
        supplier_key=supplier_key,
        supplier_name=supplier_name,
        company_number=company_number,
        register_name=register_name,
        accepted=accepted,
        decided_by=actor,
    )
    with open_store() as store:
        decide(
            store,
            supplier_key=supplier_key,
            company_number=company_number,
            accepted=accepted,
            decided_by=str(actor.pk),
        )
    audit_record(
        actor=actor, action="evidence.match_decide", instance=decision, after=snapshot(decision)
    )
    return decision


def supplier_survey_submit(
    *,
    actor,
    supplier_name: str,
    income_pence: int,
    local_supplier_percent: int,
    local_wage_percent: int,
    wage_percent_of_costs: int = 50,
    body: AnchorBody | None = None,
) -> SupplierSurvey:
    """Record a supplier's LM3 survey answers."""
    _require(actor, "evidence.submit_survey")
    for field, value in (
        ("local_supplier_percent", local_supplier_percent),
        ("local_wage_percent", local_wage_percent),
        ("wage_percent_of_costs", wage_percent_of_costs),
    ):
        if not 0 <= value <= 100:
            raise ValidationError({field: "Give a percentage from 0 to 100."})
    if income_pence <= 0:
        raise ValidationError({"income_pence": "Give the income you received, above £0."})
    survey = SupplierSurvey.objects.create(
        body=body,
        supplier_name=supplier_name.strip(),
        income_pence=income_pence,
        local_supplier_percent=local_supplier_percent,
        local_wage_percent=local_wage_percent,
        wage_percent_of_costs=wage_percent_of_costs,
        submitted_by=actor,
    )
    audit_record(
        actor=actor,
        action="evidence.supplier_survey_submit",
        instance=survey,
        after=snapshot(survey),
    )
    return survey
