"""Evidence pages: spend uploads with progress, dashboards and exports, the review queue,
LM3 with its scenarios and the supplier survey. Views parse input, ask rules, call one
service or selector, and render."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.evidence import charts, selectors, services
from altlep.evidence.forms import (
    AnchorBodyForm,
    DecisionForm,
    RegisterUploadForm,
    SurveyForm,
    UploadForm,
)
from altlep.evidence.models import AnchorBody, RegisterUpload, SpendUpload
from altlep.flows.report import to_csv, to_json


def index(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, body=None)


def body_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    return _dashboard(request, body=get_object_or_404(AnchorBody, slug=slug))


def _dashboard(request: HttpRequest, *, body: AnchorBody | None) -> HttpResponse:
    analysis = selectors.analysis_for(body=body)
    context = {
        "body": body,
        "bodies": AnchorBody.objects.all(),
        "analysis": analysis,
        "may_upload": body is not None and request.user.has_perm("evidence.upload_spend", body),
        "may_manage": request.user.has_perm("evidence.manage_bodies"),
        "uploads": selectors.uploads_for(body=body)
        if body and request.user.has_perm("evidence.upload_spend", body)
        else [],
    }
    if analysis and analysis.result:
        context["charts"] = charts.dashboard(analysis.result)
        context["gaps"] = selectors.gaps_explained(
            result=analysis.result, user=request.user, body=body
        )
        context["lm3"] = selectors.lm3_for(body=body, analysis=analysis)
    return render(request, "evidence/dashboard.html", context)


def export(request: HttpRequest, fmt: str, slug: str | None = None) -> HttpResponse:
    body = get_object_or_404(AnchorBody, slug=slug) if slug else None
    analysis = selectors.analysis_for(body=body)
    if analysis is None or fmt not in {"csv", "json"}:
        raise Http404("No analysis yet")
    result = dict(analysis.result, lm3=selectors.lm3_for(body=body, analysis=analysis))
    result["synthetic"] = analysis.synthetic
    text = to_csv(result) if fmt == "csv" else to_json(result)
    kind = "text/csv" if fmt == "csv" else "application/json"
    response = HttpResponse(text, content_type=f"{kind}; charset=utf-8")
    name = (body.slug if body else "partnership") + ("-synthetic" if analysis.synthetic else "")
    response["Content-Disposition"] = f'attachment; filename="money-flows-{name}.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(AnchorBody, slug=slug)
    if not request.user.has_perm("evidence.upload_spend", body):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        created = services.spend_upload_create(
            actor=request.user,
            body=body,
            spend_file=form.cleaned_data["spend_file"],
            ocds_file=form.cleaned_data.get("ocds_file"),
            column_map=form.cleaned_data.get("column_map") or None,
        )
        return redirect("evidence:upload_detail", pk=created.pk)
    return render(request, "evidence/upload.html", {"body": body, "form": form})


def _visible_upload(request: HttpRequest, pk: int) -> SpendUpload:
    found = get_object_or_404(SpendUpload.objects.select_related("body"), pk=pk)
    if not request.user.has_perm("evidence.view_upload", found):
        raise PermissionDenied
    return found


@login_required
def upload_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _visible_upload(request, pk)
    services.spend_upload_resume(actor=request.user, upload=shown)  # if its worker is gone
    return render(request, "evidence/upload_detail.html", {"upload": shown})


@login_required
def upload_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The status fragment htmx polls every second until the file is done or failed."""
    shown = _visible_upload(request, pk)
    services.spend_upload_resume(actor=request.user, upload=shown)  # if its worker is gone
    return render(request, "evidence/_upload_status.html", {"upload": shown})


@login_required
@require_http_methods(["GET", "POST"])
def register_upload(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.upload_register"):
        raise PermissionDenied
    form = RegisterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        created = services.register_upload_create(
            actor=request.user, register_file=form.cleaned_data["register_file"]
        )
        return redirect("evidence:register_upload_detail", pk=created.pk)
    return render(
        request,
        "evidence/register_upload.html",
        {"form": form, "uploads": selectors.register_uploads()},
    )


def _visible_register_upload(request: HttpRequest, pk: int) -> RegisterUpload:
    if not request.user.has_perm("evidence.view_register_upload"):
        raise PermissionDenied
    found = get_object_or_404(RegisterUpload, pk=pk)
    services.register_upload_resume(actor=request.user, upload=found)  # if its worker is gone
    return found


@login_required
def register_upload_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _visible_register_upload(request, pk)
    return render(request, "evidence/register_upload_detail.html", {"upload": shown})


@login_required
def register_upload_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The status fragment htmx polls every second until the register is loaded or failed."""
    shown = _visible_register_upload(request, pk)
    return render(request, "evidence/_register_status.html", {"upload": shown})


@login_required
@require_http_methods(["GET", "POST"])
def body_new(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.manage_bodies"):
        raise PermissionDenied
    _, area_codes = selectors.partnership_area()
    form = AnchorBodyForm(request.POST or None, area_codes=area_codes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if council := form.council_code():
                body = services.council_body_create(
                    actor=request.user,
                    district_code=council,
                    name=data["name"],
                    organisation=data["organisation"],
                    region_codes=data["region_codes"],
                )
            else:
                body = services.anchor_body_create(
                    actor=request.user,
                    name=data["name"],
                    kind=data["kind"],
                    organisation=data["organisation"],
                    home_codes=data["home_codes"],
                    region_codes=data["region_codes"],
                )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect("evidence:body", slug=body.slug)
    return render(
        request,
        "evidence/body_new.html",
        {"form": form, "institutions_paid": selectors.institutions_paid()},
    )


@login_required
def review(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.review_matches"):
        raise PermissionDenied
    return render(request, "evidence/review.html", {"queue": selectors.review_queue()})


@login_required
@require_POST
def review_decide(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.review_matches"):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That decision could not be read; please try again.")
        return redirect("evidence:review")
    data = form.cleaned_data
    services.match_decide(
        actor=request.user,
        supplier_key=data["supplier_key"],
        company_number=data["company_number"],
        supplier_name=data["supplier_name"],
        register_name=data["register_name"],
        accepted=data["verdict"] == "accept",
    )
    verdict = "accepted" if data["verdict"] == "accept" else "rejected"
    messages.success(
        request, f"Match for {data['supplier_name'] or data['supplier_key']} {verdict}."
    )
    return redirect("evidence:review")


@login_required
@require_POST
def refresh(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.review_matches"):
        raise PermissionDenied
    services.analyses_refresh(actor=request.user)
    messages.success(request, "Suppliers re-resolved and the dashboards refreshed.")
    return redirect("evidence:review")


def lm3(request: HttpRequest) -> HttpResponse:
    slug = request.GET.get("body") or None
    body = get_object_or_404(AnchorBody, slug=slug) if slug else None
    analysis = selectors.analysis_for(body=body)
    return render(
        request,
        "evidence/lm3.html",
        {
            "body": body,
            "bodies": AnchorBody.objects.all(),
            "analysis": analysis,
            "lm3": selectors.lm3_for(body=body, analysis=analysis),
            "gaps": selectors.gaps_explained(result=analysis.result, user=request.user, body=body)
            if analysis
            else None,
            "surveys": len(selectors.surveys_for(body=body)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("evidence.submit_survey"):
        raise PermissionDenied
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.supplier_survey_submit(
                actor=request.user,
                supplier_name=data["supplier_name"],
                body=data["body"],
                income_pence=int(data["income_pounds"] * Decimal(100)),
                local_supplier_percent=data["local_supplier_percent"],
                local_wage_percent=data["local_wage_percent"],
                wage_percent_of_costs=data["wage_percent_of_costs"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Thank you: your answers now count in the LM3 figures.")
            return redirect("evidence:lm3")
    return render(request, "evidence/survey.html", {"form": form})
