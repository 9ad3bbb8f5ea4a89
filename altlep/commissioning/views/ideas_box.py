"""Pages for the ideas box: its list, proposing an idea, and the officers' two decisions.

An idea's own page, its support and its comments are the round ideas' views (views/ideas.py),
which apply the box's rules to an idea with no round.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms_ideas import (
    BoxFilterForm,
    BringIntoRoundForm,
    DeclineForm,
    IdeaForm,
)
from altlep.commissioning.models import Idea
from altlep.commissioning.selectors import ideas_box as selectors
from altlep.commissioning.services import ideas as idea_services
from altlep.commissioning.services import ideas_box as services
from altlep.commissioning.views.ideas import PAGE_SIZE, refuse
from altlep.core.form_errors import form_errors_from


def box_list(request: HttpRequest) -> HttpResponse:
    districts = idea_services.district_choices()
    form = BoxFilterForm(
        request.GET or None, districts=districts, states=selectors.BOX_STATE_CHOICES
    )
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.BoxFilters(
        query=data.get("q", ""),
        category=data.get("category", ""),
        state=data.get("status", ""),
        district=data.get("district", ""),
        sort=data.get("sort") or "newest",
    )
    page = Paginator(selectors.box_idea_list(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query_string": query_without_page.urlencode(),
        "can_submit": request.user.has_perm("commissioning.submit_box_idea"),
    }
    template = "commissioning/_box_results.html" if request.htmx else "commissioning/box_list.html"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def box_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.submit_box_idea"):
        raise PermissionDenied(
            "Confirm your email address (follow the link we sent you) to propose an idea."
        )
    form = IdeaForm(request.POST or None, districts=idea_services.district_choices())
    if request.method == "POST" and form.is_valid():
        try:
            idea = idea_services.idea_submit(actor=request.user, round_=None, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Thank you: your idea is in the ideas box.")
            return redirect(idea)
    return render(request, "commissioning/box_form.html", {"form": form})


@login_required
@require_POST
def bring_into_round(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(Idea, pk=pk)
    if not request.user.has_perm("commissioning.bring_idea_into_round", idea):
        raise PermissionDenied("Only partnership officers bring ideas from the box into a round.")
    form = BringIntoRoundForm(request.POST, rounds=selectors.rounds_taking_ideas())
    if not form.is_valid():
        messages.error(request, "Choose a round that is taking ideas now.")
        return redirect(idea)
    try:
        services.idea_bring_into_round(
            actor=request.user, idea=idea, round_=form.cleaned_data["round"]
        )
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, f"The idea is now part of “{idea.round.title}”.")
    return redirect(idea)


@login_required
@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(Idea, pk=pk)
    if not request.user.has_perm("commissioning.decline_idea", idea):
        raise PermissionDenied("Only partnership officers decline ideas from the box.")
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the reason, up to 2,000 characters: it is shown publicly.")
        return redirect(idea)
    try:
        services.idea_decline(actor=request.user, idea=idea, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Declined, with your reason shown on the idea's page.")
    return redirect(idea)
