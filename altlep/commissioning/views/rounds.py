"""Rounds: the list, a round's page, and officers creating and editing rounds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms import RoundForm
from altlep.commissioning.models import Round
from altlep.commissioning.selectors import rounds as round_selectors
from altlep.commissioning.services.rounds import (
    PHASE_TEMPLATES,
    phase_template_plans,
    round_next_phase,
    round_update,
)
from altlep.commissioning.services.rounds import round_create as create_round
from altlep.core.form_errors import form_errors_from


def round_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "commissioning/round_list.html",
        {
            "rounds": round_selectors.round_summaries(),
            "can_manage": request.user.has_perm("commissioning.manage_round"),
            "can_import": request.user.has_perm("commissioning.import_round"),
        },
    )


def round_detail(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    return render(
        request,
        "commissioning/round_detail.html",
        round_selectors.round_page(round_=round_, viewer=request.user),
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.manage_round"):
        raise PermissionDenied("Only partnership officers create rounds.")
    template = request.GET.get("template", "standard")
    if template not in PHASE_TEMPLATES:
        template = "standard"
    initial = {"rule": "mes", "completion": "add1u", "ties": "lowest-cost"}
    initial.update(RoundForm.initial_phases(phase_template_plans(template=template)))
    form = RoundForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = create_round(actor=request.user, phases=form.phases(), **form.settings())
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, f"{round_.title} is created.")
            return redirect(round_)
    return render(
        request,
        "commissioning/round_form.html",
        {
            "form": form,
            "creating": True,
            "templates": PHASE_TEMPLATES.values(),
            "template": PHASE_TEMPLATES[template],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    if not request.user.has_perm("commissioning.manage_round", round_):
        raise PermissionDenied("Only partnership officers change rounds.")
    form = RoundForm(request.POST or None, initial=RoundForm.initial_from(round_))
    if request.method == "POST" and form.is_valid():
        try:
            round_update(actor=request.user, round_=round_, phases=form.phases(), **form.settings())
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(round_)
    return render(
        request,
        "commissioning/round_form.html",
        {"form": form, "creating": False, "round": round_},
    )


@login_required
@require_POST
def next_phase(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    if not request.user.has_perm("commissioning.manage_round", round_):
        raise PermissionDenied("Only partnership officers move a round on.")
    try:
        round_next_phase(actor=request.user, round_=round_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        phase = round_.phase_at()
        messages.success(
            request, f"Moved on: now {phase.get_kind_display().lower()}." if phase else "Moved on."
        )
    return redirect(round_)
