"""The people's plan (amendments to the strategy, decided by the board) and the "research your
partnership" page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from altlep.governance import plan_text
from altlep.governance.models import (
    Decision,
    Group,
    GroupKind,
    Meeting,
    PlanAmendment,
    PrioritySector,
)
from altlep.governance.selectors.composition import sitting_seats
from altlep.governance.services import plan as services
from altlep.governance.views import refuse
from altlep.members.selectors import person_name


@require_http_methods(["GET", "POST"])
def plan(request):
    strategy = services.current_strategy()
    errors, data = {}, {}
    if request.method == "POST":
        if not request.user.has_perm("governance.propose_amendment"):
            raise PermissionDenied("Confirm your email address to propose an amendment.")
        data = request.POST
        try:
            amendment = services.amendment_propose(
                actor=request.user,
                section=data.get("section", ""),
                proposed_text=data.get("proposed_text", ""),
                reason=data.get("reason", ""),
            )
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {}
        else:
            messages.success(request, "Your amendment is proposed: members may now support it.")
            return redirect("governance:amendment", pk=amendment.pk)
    amendments = PlanAmendment.objects.select_related("decision", "proposer")
    return render(
        request,
        "governance/plan.html",
        {
            "strategy": strategy,
            "sections": plan_text.sections(strategy.body) if strategy else [],
            "amendments": [
                (a, person_name(viewer=request.user, person=a.proposer), a.supports.count())
                for a in amendments
            ],
            "versions": services.plan_versions(),
            "can_propose": request.user.has_perm("governance.propose_amendment"),
            "errors": errors,
            "data": data,
        },
    )


@require_http_methods(["GET", "POST"])
def amendment_detail(request, pk: int):
    amendment = get_object_or_404(PlanAmendment, pk=pk)
    if request.method == "POST":
        try:
            services.amendment_comment(
                actor=request.user, amendment=amendment, body=request.POST.get("body", "")
            )
        except ValidationError as error:
            refuse(request, error)
        return redirect("governance:amendment", pk=pk)
    strategy = services.current_strategy()
    current = dict(plan_text.sections(strategy.body)).get(amendment.section, "") if strategy else ""
    board_decisions = Decision.objects.filter(meeting__group__isnull=True).order_by("-id")[:20]
    return render(
        request,
        "governance/amendment.html",
        {
            "amendment": amendment,
            "proposer": person_name(viewer=request.user, person=amendment.proposer),
            "current": current,
            "supports": amendment.supports.count(),
            "comments": [
                (c, person_name(viewer=request.user, person=c.author))
                for c in amendment.comments.all()
            ],
            "can_support": request.user.has_perm("governance.support_amendment", amendment)
            and amendment.status == "open",
            "can_comment": request.user.has_perm("governance.comment_amendment", amendment),
            "can_decide": request.user.has_perm("governance.decide_amendment", amendment)
            and amendment.status == "open",
            "decisions": board_decisions,
        },
    )


@login_required
@require_POST
def support(request, pk: int):
    """Adds your support to an amendment of the people's plan."""
    amendment = get_object_or_404(PlanAmendment, pk=pk)
    try:
        services.amendment_support(actor=request.user, amendment=amendment)
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:amendment", pk=pk)


@login_required
@require_POST
def decide(request, pk: int):
    """Applies the board's recorded decision to an amendment of the plan."""
    amendment = get_object_or_404(PlanAmendment, pk=pk)
    decision = get_object_or_404(Decision, pk=request.POST.get("decision") or 0)
    try:
        services.amendment_decide(actor=request.user, amendment=amendment, decision=decision)
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:amendment", pk=pk)


def research(request):
    """Research your partnership: the first step the founding documents give a sector leader."""
    groups = Group.objects.filter(kind=GroupKind.SECTOR).select_related("convenor", "prospectus")
    return render(
        request,
        "governance/research.html",
        {
            "seats": sitting_seats(),
            "priorities": PrioritySector.objects.all(),
            "strategy": services.current_strategy(),
            "groups": [
                (g, getattr(g, "prospectus", None), g.memberships.filter(accepted=True).count())
                for g in groups
            ],
            "meetings": Meeting.objects.filter(starts_at__gte=timezone.now())
            .select_related("group")
            .order_by("starts_at")[:10],
        },
    )
