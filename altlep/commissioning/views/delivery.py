"""Delivery: the public progress page of a round, and officers' milestones and updates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms_ideas import DeliveryUpdateForm, MilestoneForm
from altlep.commissioning.models import Milestone, Round
from altlep.commissioning.selectors import delivery as selectors
from altlep.commissioning.selectors.projects import project_for_page
from altlep.commissioning.services import delivery as services
from altlep.commissioning.views.ideas import refuse
from altlep.core.form_errors import form_errors_from

REFUSED = "Only officers update delivery, and only of projects funded in published results."


def delivery(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = get_object_or_404(Round, slug=slug)
    rows = selectors.round_delivery(round_)
    return render(
        request,
        "commissioning/delivery.html",
        {"round": round_, "rows": rows, "chart": selectors.spend_chart(rows)},
    )


def _funded_project(request: HttpRequest, slug: str, ballot_id: str):
    project = project_for_page(slug=slug, ballot_id=ballot_id)
    if project is None:
        raise Http404("No such project.")
    if not request.user.has_perm("commissioning.update_delivery", project):
        raise PermissionDenied(REFUSED)
    return project


def _form_page(request, *, form_class, service, slug, ballot_id, template, done):
    project = _funded_project(request, slug, ballot_id)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, done)
            return redirect(project)
    return render(
        request,
        template,
        {"form": form, "project": project, "round": project.round},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, slug: str, ballot_id: str) -> HttpResponse:
    return _form_page(
        request,
        form_class=MilestoneForm,
        service=services.milestone_add,
        slug=slug,
        ballot_id=ballot_id,
        template="commissioning/delivery_milestone_form.html",
        done="Milestone added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_post(request: HttpRequest, slug: str, ballot_id: str) -> HttpResponse:
    return _form_page(
        request,
        form_class=DeliveryUpdateForm,
        service=services.delivery_update_post,
        slug=slug,
        ballot_id=ballot_id,
        template="commissioning/delivery_update_form.html",
        done="Update posted.",
    )


@login_required
@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(Milestone.objects.select_related("project__round"), pk=pk)
    if not request.user.has_perm("commissioning.update_delivery", milestone.project):
        raise PermissionDenied(REFUSED)
    try:
        services.milestone_mark_done(actor=request.user, milestone=milestone)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, f"“{milestone.title}” is done.")
    return redirect(milestone.project)
