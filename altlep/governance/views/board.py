"""The public overview, the board and its composition, the constitution, seating."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.governance.forms import AppointForm, ConstitutionForm
from altlep.governance.models import Seat
from altlep.governance.selectors import composition, registers
from altlep.governance.services import board as board_services
from altlep.governance.services.constitution import constitution_update
from altlep.governance.views import refuse, show_refusal


def overview(request):
    context = composition.board_composition()
    context["decisions"] = registers.decision_list()[:5]
    context["meetings"] = registers.meeting_list(board_only=True)[:5]
    context["groups"] = registers.group_list(viewer=request.user)
    return render(request, "governance/overview.html", context)


def board(request):
    context = composition.board_composition()
    if request.user.has_perm("governance.view_flags"):
        context["flags"] = composition.governance_flags()
    context["can_appoint"] = request.user.has_perm("governance.appoint_seat")
    context["appoint_form"] = AppointForm()
    return render(request, "governance/board.html", context)


@login_required
@require_POST
def appoint(request):
    if not request.user.has_perm("governance.appoint_seat"):
        raise PermissionDenied("Only officers seat board members.")
    form = AppointForm(request.POST)
    if form.is_valid():
        try:
            seat = board_services.seat_appoint(actor=request.user, **form.cleaned_data)
            messages.success(request, f"{seat.member} now sits on the board.")
        except ValidationError as error:
            refuse(request, error)
    else:
        messages.error(request, "Choose a member and a seat category.")
    return redirect("governance:board")


@login_required
@require_POST
def seat_end(request, pk: int):
    seat = get_object_or_404(Seat, pk=pk)
    if not request.user.has_perm("governance.end_seat", seat):
        raise PermissionDenied("Only officers, or the member themself, may end a seat.")
    try:
        board_services.seat_end(
            actor=request.user, seat=seat, reason=request.POST.get("reason", "resigned")
        )
        messages.success(request, f"{seat.member}'s seat has ended.")
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:board")


@require_http_methods(["GET", "POST"])
def constitution(request):
    current = composition.current_constitution()
    can_change = request.user.has_perm("governance.change_constitution")
    form = ConstitutionForm(request.POST or None, instance=current) if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied("Only officers may change the constitution.")
        if form.is_valid():
            changes = {k: v for k, v in form.cleaned_data.items() if k != "confirm"}
            try:
                constitution_update(
                    actor=request.user, changes=changes, confirm=form.cleaned_data["confirm"]
                )
                messages.success(request, "The constitution has been changed.")
                return redirect("governance:constitution")
            except ValidationError as error:
                show_refusal(request, form, error)
    return render(
        request,
        "governance/constitution.html",
        {
            "constitution": current,
            "form": form,
            "problems": composition.constitution_problems(current),
        },
    )
