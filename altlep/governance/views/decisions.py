"""The decisions register and the register of interests: pages, recording, feed and exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_http_methods

from altlep.core.exports import csv_response
from altlep.governance.forms import DecisionForm, InterestForm
from altlep.governance.models import Decision, Meeting
from altlep.governance.selectors import registers
from altlep.governance.services import decisions as services
from altlep.governance.views import show_refusal


def decision_list(request):
    return render(
        request, "governance/decision_list.html", {"decisions": registers.decision_list()}
    )


def decision_detail(request, pk: int):
    decision = get_object_or_404(registers.decision_list(), pk=pk)
    return render(request, "governance/decision.html", {"decision": decision})


@login_required
@require_http_methods(["GET", "POST"])
def decision_record(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk, group__isnull=True)
    if not request.user.has_perm("governance.record_decision", meeting):
        raise PermissionDenied("Only officers record board decisions.")
    context = registers.decision_form_context(meeting=meeting)
    form = DecisionForm(request.POST or None, items=meeting.items.all(), voters=context["voters"])
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_record(
                actor=request.user,
                meeting=meeting,
                item=form.cleaned_data["item"],
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                votes=form.votes(),
            )
            messages.success(request, "The decision is recorded in the register.")
            return redirect(meeting)
        except ValidationError as error:
            show_refusal(request, form, error)
    return render(
        request, "governance/decision_form.html", {"form": form, "meeting": meeting, **context}
    )


def interest_list(request):
    return render(
        request,
        "governance/interest_list.html",
        {
            "interests": registers.interest_list(),
            "can_declare": request.user.has_perm("governance.declare_interest"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def interest_declare(request):
    if not request.user.has_perm("governance.declare_interest"):
        raise PermissionDenied("Only board members declare interests in the register.")
    items = registers.agenda_items_for_interest(member=request.user)
    initial = {"item": request.GET.get("item")} if request.GET.get("item") else None
    form = InterestForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.interest_declare(actor=request.user, **form.cleaned_data)
            messages.success(request, "Your interest is in the public register.")
            return redirect("governance:interests")
        except ValidationError as error:
            show_refusal(request, form, error)
    return render(request, "governance/form.html", {"form": form, "heading": "Declare an interest"})


def decisions_csv(request):
    return csv_response(registers.decision_rows(), "decisions.csv")


def decisions_json(request):
    return JsonResponse(
        {"decisions": registers.decision_rows()},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


def interests_csv(request):
    return csv_response(registers.interest_rows(), "interests.csv")


def interests_json(request):
    return JsonResponse(
        {"interests": registers.interest_rows()},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


class DecisionFeed(Feed):
    """Atom feed of the decisions register."""

    feed_type = Atom1Feed
    title = "Board decisions"
    subtitle = "Every decision of the partnership's board, with how each member voted."

    def link(self):
        return reverse("governance:decisions")

    def items(self):
        return registers.decision_list()[:50]

    def item_title(self, item: Decision):
        return item.title

    def item_description(self, item: Decision):
        recused = [str(v.member) for v in item.votes.all() if v.choice == "recused"]
        tally = item.tally()
        text = (
            f"{item.text}\n\nOutcome: {'carried' if item.carried else 'not carried'} "
            f"(for {tally['for']}, against {tally['against']}, abstain {tally['abstain']})."
        )
        if recused:
            text += f" Recused (declared interest): {', '.join(recused)}."
        return text

    def item_pubdate(self, item: Decision):
        return item.recorded_at

    def item_updateddate(self, item: Decision):
        return item.recorded_at
