"""Pages for ideas: the list with filters, submitting, an idea's page, support and comments.

Views parse input, ask rules.py, call one service or selector, and render.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms_ideas import (
    BringIntoRoundForm,
    CommentForm,
    DeclineForm,
    IdeaFilterForm,
    IdeaForm,
    SupportForm,
)
from altlep.commissioning.models import Comment, Idea, Round
from altlep.commissioning.rules import idea_rule
from altlep.commissioning.selectors import ideas as selectors
from altlep.commissioning.selectors.ideas_box import rounds_taking_ideas
from altlep.commissioning.services import ideas as services
from altlep.core.form_errors import form_errors_from

PAGE_SIZE = 20


def may(user, action: str, idea: Idea) -> bool:
    """Whether rules.py lets the user take `action` on the idea, under its round's rules or,
    while it has no round, the ideas box's."""
    return user.has_perm(f"commissioning.{idea_rule(action, idea)}", idea)


def refuse(request: HttpRequest, error: ValidationError) -> None:
    """Show a service's refusal as a message on the page the user returns to."""
    for message in error.messages:
        messages.error(request, message)


def idea_list(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    districts = services.district_choices()
    form = IdeaFilterForm(request.GET or None, districts=districts)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.IdeaFilters(
        query=data.get("q", ""),
        category=data.get("category", ""),
        status=data.get("status", ""),
        district=data.get("district", ""),
        sort=data.get("sort") or "newest",
    )
    page = Paginator(selectors.idea_list(round_=round_, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "round": round_,
        "form": form,
        "page": page,
        "query_string": query_without_page.urlencode(),
        "district_names": dict(districts),
        "can_submit": request.user.has_perm("commissioning.submit_idea", round_),
    }
    template = (
        "commissioning/_idea_results.html" if request.htmx else "commissioning/idea_list.html"
    )
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def idea_create(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    if not request.user.has_perm("commissioning.submit_idea", round_):
        raise PermissionDenied(
            "Ideas can be submitted by confirmed members while the round collects them."
        )
    form = IdeaForm(request.POST or None, districts=services.district_choices())
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_submit(actor=request.user, round_=round_, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Thank you: your idea is submitted.")
            return redirect(idea)
    return render(request, "commissioning/idea_form.html", {"form": form, "round": round_})


def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An idea's page, at /ideas/<pk>/ for ideas from the box and under commissioning/ for
    ideas put to a round; either address leads to the idea."""
    idea = selectors.idea_for_page(pk)
    if idea is None:
        raise Http404("No such idea.")
    if request.path != idea.get_absolute_url():
        return redirect(idea)
    user = request.user
    can_support = may(user, "support_idea", idea) and not idea.hidden
    context = {
        "idea": idea,
        "round": idea.round,
        "author_name": selectors.person_name(viewer=user, person=idea.author),
        "life": selectors.idea_life(idea),
        "comments": [] if idea.hidden else selectors.idea_comments(idea=idea, viewer=user),
        "comment_form": CommentForm(),
        "can_comment": may(user, "comment_idea", idea) and not idea.hidden,
        "can_support": can_support,
        "supported": can_support and selectors.idea_supported_by(idea=idea, member=user),
        "can_moderate": user.has_perm("commissioning.moderate", idea),
        # A box idea is assessed once it is in a round (has_perm alone lets superusers through).
        "can_assess": idea.round_id is not None
        and user.has_perm("commissioning.assess_idea", idea),
        **_box_decisions(user, idea),
    }
    return render(request, "commissioning/idea_detail.html", context)


def _box_decisions(user, idea: Idea) -> dict:
    """The officers' forms for a box idea: bring it into a round, or decline it."""
    if idea.hidden:
        return {}
    decisions = {}
    if user.has_perm("commissioning.bring_idea_into_round", idea):
        decisions["bring_form"] = BringIntoRoundForm(rounds=rounds_taking_ideas())
    if user.has_perm("commissioning.decline_idea", idea):
        decisions["decline_form"] = DeclineForm()
    return decisions


@login_required
@require_POST
def idea_support(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(Idea, pk=pk)
    if not may(request.user, "support_idea", idea):
        raise PermissionDenied("This idea is not open for support now.")
    form = SupportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose whether to support the idea or withdraw your support.")
        return redirect(idea)
    service = (
        services.idea_support
        if form.cleaned_data["action"] == "support"
        else services.idea_unsupport
    )
    try:
        service(actor=request.user, idea=idea)
    except ValidationError as error:
        refuse(request, error)
    else:
        supported = form.cleaned_data["action"] == "support"
        messages.success(
            request, "You support this idea." if supported else "Your support is withdrawn."
        )
    return redirect(idea)


@login_required
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(Idea, pk=pk)
    if not may(request.user, "comment_idea", idea):
        raise PermissionDenied("This idea is not open for comments now.")
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write something before posting.")
        return redirect(idea)
    parent_pk = form.cleaned_data["parent"]
    parent = Comment.objects.filter(pk=parent_pk).first() if parent_pk else None
    if parent_pk and parent is None:
        messages.error(request, "The comment you replied to no longer exists.")
        return redirect(idea)
    try:
        comment = services.comment_add(
            actor=request.user, idea=idea, body=form.cleaned_data["body"], parent=parent
        )
    except ValidationError as error:
        refuse(request, error)
        return redirect(idea)
    messages.success(request, "Your comment is posted.")
    return redirect(f"{idea.get_absolute_url()}#comment-{comment.pk}")
