"""Pages for moderation: anyone reports an idea or comment; moderators hide or dismiss."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms_ideas import HideForm, ReportForm
from altlep.commissioning.models import Comment, ContentReport, Idea
from altlep.commissioning.selectors import ideas as selectors
from altlep.commissioning.services import moderation as services
from altlep.commissioning.views.ideas import refuse
from altlep.core.form_errors import form_errors_from


def _report(request: HttpRequest, *, idea: Idea | None = None, comment: Comment | None = None):
    target = idea or comment
    if not request.user.has_perm("commissioning.report_content", target):
        # Hidden content is indistinguishable from absent content.
        raise Http404("Nothing to report here.")
    back = (
        idea.get_absolute_url()
        if idea
        else f"{comment.idea.get_absolute_url()}#comment-{comment.pk}"
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.content_report(
                actor=request.user, idea=idea, comment=comment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Thank you: a moderator will look at your report.")
            return redirect(back)
    return render(
        request,
        "commissioning/moderation_report.html",
        {"form": form, "idea": idea, "comment": comment, "back": back},
    )


@require_http_methods(["GET", "POST"])
def idea_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _report(request, idea=get_object_or_404(Idea, pk=pk))


@require_http_methods(["GET", "POST"])
def comment_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _report(
        request, comment=get_object_or_404(Comment.objects.select_related("idea"), pk=pk)
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.moderate"):
        raise PermissionDenied("Only moderators see the moderation queue.")
    return render(
        request,
        "commissioning/moderation.html",
        {"reports": selectors.moderation_queue(), "hide_form": HideForm()},
    )


def _hide(request: HttpRequest, target, service, **kwargs) -> HttpResponse:
    if not request.user.has_perm("commissioning.moderate", target):
        raise PermissionDenied("Only moderators may hide content.")
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give a public reason for hiding it.")
    else:
        try:
            service(actor=request.user, reason=form.cleaned_data["reason"], **kwargs)
        except ValidationError as error:
            refuse(request, error)
        else:
            messages.success(request, "Hidden, with your reason shown in its place.")
    return redirect(_safe_next(request) or reverse("commissioning:moderation"))


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


@login_required
@require_POST
def idea_hide(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(Idea, pk=pk)
    return _hide(request, idea, services.idea_hide, idea=idea)


@login_required
@require_POST
def comment_hide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    return _hide(request, comment, services.comment_hide, comment=comment)


@login_required
@require_POST
def report_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(ContentReport, pk=pk)
    if not request.user.has_perm("commissioning.moderate", report):
        raise PermissionDenied("Only moderators may dismiss reports.")
    try:
        services.report_dismiss(actor=request.user, report=report)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Report dismissed.")
    return redirect("commissioning:moderation")
