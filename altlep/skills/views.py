"""Apprenticeship pages. Views parse input, call one service or selector, and render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from altlep.core.exports import csv_response
from altlep.flows.report import bars_svg
from altlep.skills import forms, selectors
from altlep.skills.funding import RULES
from altlep.skills.models import (
    Application,
    Apprenticeship,
    Claim,
    Placement,
    PlacementStatus,
    TeachingFund,
)
from altlep.skills.services import applications, fund, placements
from altlep.skills.threesixty import grants_package


def _refuse(request, form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _flash(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def placement_list(request):
    if not request.user.has_perm("skills.view_placements"):
        raise PermissionDenied
    form = forms.SearchForm(request.GET or None, routes=selectors.routes())
    found, problem = [], ""
    if form.is_valid():
        data = form.cleaned_data
        found, problem = selectors.placement_search(
            text=data["q"],
            level=data["level"],
            route=data["route"],
            near=data["near"],
            within_km=data["within_km"],
            micro_only=data["micro_only"],
        )
        if problem:
            form.add_error("near", problem)
    elif not form.is_bound:
        found, _ = selectors.placement_search()
    return render(
        request,
        "skills/placement_list.html",
        {
            "form": form,
            "found": found,
            "can_offer": request.user.has_perm("skills.offer_placement"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def placement_create(request):
    if not request.user.has_perm("skills.offer_placement"):
        raise PermissionDenied("Owner-managers of a listed business offer placements.")
    form = forms.PlacementForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            placement = placements.placement_offer(actor=request.user, **form.cleaned_data)
            messages.success(request, "Your placement is open for applications.")
            return redirect(placement)
        except ValidationError as error:
            _refuse(request, form, error)
    return render(request, "skills/form.html", {"form": form, "heading": "Offer an apprenticeship"})


def placement_detail(request, pk: int):
    placement = get_object_or_404(
        Placement.objects.select_related("standard", "organisation", "owner"), pk=pk
    )
    user = request.user
    manages = user.has_perm("skills.manage_placement", placement)
    mine = None
    if user.is_authenticated:
        mine = placement.applications.filter(applicant=user).first()
    context = {
        "placement": placement,
        "manages": manages,
        "mine": mine,
        "can_apply": (
            user.has_perm("skills.apply")
            and placement.status == PlacementStatus.OPEN
            and mine is None
            and placement.owner_id != user.pk
        ),
        "apply_form": forms.ApplicationForm(),
        "applications": selectors.applications_for(placement) if manages else None,
        "apprenticeship": getattr(placement, "apprenticeship", None),
    }
    return render(request, "skills/placement.html", context)


@require_POST
def placement_withdraw(request, pk: int):
    """Withdraw an open placement."""
    placement = get_object_or_404(Placement, pk=pk)
    try:
        placements.placement_withdraw(actor=request.user, placement=placement)
        messages.success(request, "The placement is withdrawn.")
    except ValidationError as error:
        _flash(request, error)
    return redirect(placement)


@login_required
@require_http_methods(["GET", "POST"])
def apply(request, pk: int):
    placement = get_object_or_404(Placement, pk=pk)
    if not request.user.has_perm("skills.apply", placement):
        raise PermissionDenied("Confirm your email address to apply.")
    form = forms.ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = applications.application_submit(
                actor=request.user, placement=placement, **form.cleaned_data
            )
            messages.success(request, "Your application is sent. The owner-manager is told.")
            return redirect(application)
        except ValidationError as error:
            _refuse(request, form, error)
    return render(
        request,
        "skills/apply.html",
        {"form": form, "placement": placement},
    )


def _application(request, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("placement__organisation", "applicant"), pk=pk
    )
    if not request.user.has_perm("skills.view_application", application):
        raise PermissionDenied("Only the applicant, the owner-manager and officers see this.")
    return application


@login_required
def application_detail(request, pk: int):
    application = _application(request, pk)
    user = request.user
    return render(
        request,
        "skills/application.html",
        {
            "application": application,
            "move_form": forms.MoveForm()
            if user.has_perm("skills.move_application", application) and application.is_open
            else None,
            "can_answer": user.has_perm("skills.answer_offer", application)
            and application.status == "offered",
            "can_withdraw": user.has_perm("skills.withdraw_application", application)
            and application.status not in {"withdrawn", "declined", "unsuccessful"},
            "can_erase": user.has_perm("skills.erase_application", application)
            and application.erased_at is None,
        },
    )


@require_POST
def application_move(request, pk: int):
    """Shortlist, invite to interview, offer or turn down an application."""
    application = _application(request, pk)
    form = forms.MoveForm(request.POST)
    if form.is_valid():
        try:
            applications.application_move(
                actor=request.user, application=application, to=form.cleaned_data["to"]
            )
            messages.success(request, "Done: the applicant is told by email.")
        except ValidationError as error:
            _flash(request, error)
    return redirect(application)


@require_POST
def application_answer(request, pk: int):
    """Accept or decline an offer."""
    application = _application(request, pk)
    try:
        applications.application_answer(
            actor=request.user, application=application, accept=request.POST.get("accept") == "yes"
        )
        messages.success(request, "Your answer is sent to the owner-manager.")
    except ValidationError as error:
        _flash(request, error)
    return redirect(application)


@require_POST
def application_withdraw(request, pk: int):
    """Withdraw your application."""
    application = _application(request, pk)
    try:
        applications.application_withdraw(actor=request.user, application=application)
        messages.success(request, "Your application is withdrawn.")
    except ValidationError as error:
        _flash(request, error)
    return redirect(application)


@require_POST
def application_erase(request, pk: int):
    """Erase the personal data in an application."""
    application = _application(request, pk)
    try:
        applications.application_erase(actor=request.user, application=application)
        messages.success(request, "The application's personal data is erased.")
    except ValidationError as error:
        _flash(request, error)
        return redirect(application)
    return redirect("skills:placements")


@login_required
def mine(request):
    return render(
        request,
        "skills/mine.html",
        {
            "applications": selectors.applications_of(request.user),
            "placements": selectors.placements_of(request.user),
        },
    )


def apprenticeship_detail(request, pk: int):
    apprenticeship = get_object_or_404(
        Apprenticeship.objects.select_related("placement__organisation", "placement__standard"),
        pk=pk,
    )
    user = request.user
    can_claim = user.has_perm("skills.claim_payment", apprenticeship)
    return render(
        request,
        "skills/apprenticeship.html",
        {
            "apprenticeship": apprenticeship,
            "milestones": apprenticeship.milestones.all(),
            "claims": apprenticeship.claims.select_related("fund") if can_claim else None,
            "claim_form": forms.ClaimForm(funds=TeachingFund.objects.all(), prefix="claim")
            if can_claim
            else None,
            "milestone_form": forms.MilestoneForm(prefix="milestone")
            if user.has_perm("skills.record_milestone", apprenticeship)
            else None,
            "end_form": forms.EndForm(prefix="end")
            if user.has_perm("skills.end_apprenticeship", apprenticeship)
            and apprenticeship.status == "in_progress"
            else None,
        },
    )


@require_POST
def claim_add(request, pk: int):
    """Claim a teaching payment from the fund."""
    apprenticeship = get_object_or_404(Apprenticeship, pk=pk)
    form = forms.ClaimForm(request.POST, funds=TeachingFund.objects.all(), prefix="claim")
    if form.is_valid():
        try:
            fund.claim_submit(
                actor=request.user, apprenticeship=apprenticeship, **form.cleaned_data
            )
            messages.success(request, "Your claim is sent for an officer's approval.")
        except ValidationError as error:
            _flash(request, error)
    else:
        _flash(request, ValidationError(list(form.errors.values())))
    return redirect(apprenticeship)


@require_POST
def milestone_add(request, pk: int):
    """Record a milestone of an apprenticeship."""
    apprenticeship = get_object_or_404(Apprenticeship, pk=pk)
    form = forms.MilestoneForm(request.POST, prefix="milestone")
    if form.is_valid():
        try:
            fund.milestone_record(
                actor=request.user, apprenticeship=apprenticeship, **form.cleaned_data
            )
            messages.success(request, "Milestone recorded.")
        except ValidationError as error:
            _flash(request, error)
    return redirect(apprenticeship)


@require_POST
def apprenticeship_end(request, pk: int):
    """Record that an apprenticeship was completed or ended early."""
    apprenticeship = get_object_or_404(Apprenticeship, pk=pk)
    form = forms.EndForm(request.POST, prefix="end")
    if form.is_valid():
        try:
            fund.apprenticeship_end(
                actor=request.user, apprenticeship=apprenticeship, **form.cleaned_data
            )
            messages.success(request, "Recorded.")
        except ValidationError as error:
            _flash(request, error)
    return redirect(apprenticeship)


@login_required
def fund_detail(request, slug: str):
    teaching_fund = get_object_or_404(TeachingFund, slug=slug)
    if not request.user.has_perm("skills.manage_fund"):
        raise PermissionDenied("Officers manage the teaching fund.")
    return render(
        request,
        "skills/fund.html",
        {
            "fund": teaching_fund,
            "pending": selectors.pending_claims(teaching_fund),
            "ledger": teaching_fund.ledger.select_related("claim__apprenticeship__placement"),
        },
    )


@require_POST
def claim_decide(request, pk: int):
    """Approve (pay) or reject a teaching-fund claim."""
    claim = get_object_or_404(Claim.objects.select_related("fund"), pk=pk)
    try:
        fund.claim_decide(
            actor=request.user, claim=claim, approve=request.POST.get("approve") == "yes"
        )
        messages.success(request, "Decided.")
    except ValidationError as error:
        _flash(request, error)
    return redirect("skills:fund", slug=claim.fund.slug)


def dashboard(request):
    if not request.user.has_perm("skills.view_dashboard"):
        raise PermissionDenied
    figures = selectors.dashboard()
    return render(
        request,
        "skills/dashboard.html",
        {
            "d": figures,
            "funds": TeachingFund.objects.all(),
            "totals_svg": mark_safe(
                bars_svg(
                    [
                        ("Offered", figures.offered),
                        ("Filled", figures.filled),
                        ("Completed", figures.completed),
                    ],
                    title="Placements offered, filled and completed",
                )
            ),
            "size_svg": mark_safe(
                bars_svg(
                    [(label, offered) for label, offered, _, _ in figures.by_size],
                    title="Placements offered by size of employer",
                )
            ),
            "level_svg": mark_safe(
                bars_svg(
                    [(label, offered) for label, offered, _ in figures.by_level],
                    title="Placements offered by level",
                )
            ),
        },
    )


def dashboard_csv(request):
    if not request.user.has_perm("skills.view_dashboard"):
        raise PermissionDenied
    figures = selectors.dashboard()
    rows = [
        {
            "measure": "placements",
            "group": "all",
            "offered": figures.offered,
            "filled": figures.filled,
            "completed": figures.completed,
        },
    ]
    rows += [
        {"measure": "size band", "group": label, "offered": o, "filled": f, "completed": c}
        for label, o, f, c in figures.by_size
    ]
    rows += [
        {"measure": "level", "group": label, "offered": o, "filled": f, "completed": ""}
        for label, o, f in figures.by_level
    ]
    rows += [
        {"measure": "route", "group": label, "offered": o, "filled": f, "completed": ""}
        for label, o, f in figures.by_route
    ]
    rows.append(
        {"measure": "fund payments (pence)", "group": "all", "offered": figures.budget_pence,
         "filled": figures.paid_pence, "completed": figures.payments}
    )  # fmt: skip
    return csv_response(rows, "apprenticeships.csv")


def grants_json(request):
    if not request.user.has_perm("skills.view_dashboard"):
        raise PermissionDenied
    return JsonResponse(grants_package(), json_dumps_params={"indent": 1, "ensure_ascii": False})


def funding_rules(request):
    return render(request, "skills/funding_rules.html", {"rules": RULES})
