"""A project's page (costs, pledges, outcome, delivery) and the officers' assessment of ideas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from altlep.commissioning.forms_ideas import (
    MergeForm,
    PledgeConfirmForm,
    ProjectForm,
    ReasonForm,
)
from altlep.commissioning.models import Idea
from altlep.commissioning.selectors import delivery as delivery_selectors
from altlep.commissioning.selectors import ideas as idea_selectors
from altlep.commissioning.selectors import projects as selectors
from altlep.commissioning.services import assessment as services
from altlep.core.form_errors import form_errors_from


def project_detail(request: HttpRequest, slug: str, ballot_id: str) -> HttpResponse:
    project = selectors.project_for_page(slug=slug, ballot_id=ballot_id)
    if project is None:
        raise Http404("No such project.")
    user = request.user
    funded = selectors.project_was_funded(project)
    context = {
        "project": project,
        "round": project.round,
        "idea": project.idea,
        "costs": selectors.project_costs(project),
        "contributions": selectors.project_contributions(project=project, viewer=user),
        "outcome": selectors.project_outcome(project),
        "funded": funded,
        "delivery": delivery_selectors.project_delivery(project) if funded else None,
        "can_pledge": user.has_perm("commissioning.pledge", project),
        "can_confirm": user.has_perm("commissioning.confirm_pledge", project),
        "can_update": user.has_perm("commissioning.update_delivery", project),
        "confirm_form": PledgeConfirmForm(),
    }
    return render(request, "commissioning/project_detail.html", context)


# Each assessment action: its form, the service it calls, and what to say when it is done.
ACTIONS = {
    "shortlist": (None, services.idea_shortlist, "Shortlisted."),
    "merge": (MergeForm, services.idea_merge, "Merged."),
    "not_feasible": (ReasonForm, services.idea_reject_as_not_feasible, "Marked not feasible."),
    "project": (ProjectForm, services.project_create, "The idea is now a project on the ballot."),
}


def _forms(idea: Idea, data=None, action: str = "") -> dict:
    targets = idea_selectors.idea_merge_targets(idea)
    return {
        "merge": MergeForm(data if action == "merge" else None, targets=targets, prefix="merge"),
        "not_feasible": ReasonForm(
            data if action == "not_feasible" else None, prefix="not_feasible"
        ),
        "project": ProjectForm(data if action == "project" else None, prefix="project"),
    }


@login_required
@require_http_methods(["GET", "POST"])
def idea_assess(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_object_or_404(Idea.objects.select_related("round"), pk=pk)
    if not request.user.has_perm("commissioning.assess_idea", idea):
        raise PermissionDenied("Ideas are assessed by officers in the assess phase.")
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST" and action not in ACTIONS:
        messages.error(request, "Choose an assessment action.")
        return redirect("commissioning:idea_assess", pk=idea.pk)
    forms = _forms(idea, request.POST, action)
    if action:
        form = forms.get(action)
        if form is None or form.is_valid():
            _, service, done = ACTIONS[action]
            try:
                result = service(
                    actor=request.user, idea=idea, **(form.cleaned_data if form else {})
                )
            except ValidationError as error:
                if form is None:
                    messages.error(request, " ".join(error.messages))
                else:
                    form_errors_from(form, error)
            else:
                messages.success(request, done)
                return redirect(result if action == "project" else idea)
    return render(
        request,
        "commissioning/idea_assess.html",
        {"idea": idea, "round": idea.round, "forms": forms},
        status=400 if action else 200,
    )
