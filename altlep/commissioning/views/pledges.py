"""Pages for co-production pledges: members pledge; officers confirm and value."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.commissioning.forms_ideas import PledgeConfirmForm, PledgeForm
from altlep.commissioning.models import Pledge
from altlep.commissioning.selectors import projects as selectors
from altlep.commissioning.services import pledges as services
from altlep.commissioning.views.ideas import refuse
from altlep.core.form_errors import form_errors_from
from altlep.members.models import Organisation


@login_required
@require_http_methods(["GET", "POST"])
def pledge_create(request: HttpRequest, slug: str, ballot_id: str) -> HttpResponse:
    project = selectors.project_for_page(slug=slug, ballot_id=ballot_id)
    if project is None:
        raise Http404("No such project.")
    if not request.user.has_perm("commissioning.pledge", project):
        raise PermissionDenied("Confirmed members may pledge until the vote closes.")
    organisations = Organisation.objects.filter(affiliations__member=request.user).distinct()
    form = PledgeForm(request.POST or None, organisations=list(organisations.order_by("name")))
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_create(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Thank you for your pledge. An officer will confirm it.")
            return redirect(project)
    return render(
        request,
        "commissioning/pledge_form.html",
        {"form": form, "project": project, "round": project.round},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def pledge_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(Pledge.objects.select_related("project__round"), pk=pk)
    if not request.user.has_perm("commissioning.confirm_pledge", pledge.project):
        raise PermissionDenied("Officers confirm pledges during the assess and vote phases.")
    form = PledgeConfirmForm(request.POST)
    if not form.is_valid():
        refuse(request, ValidationError(form.errors["value_pence"]))
        return redirect(pledge.project)
    try:
        services.pledge_confirm(
            actor=request.user, pledge=pledge, value_pence=form.cleaned_data["value_pence"]
        )
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Pledge confirmed: it now comes off the project's net cost.")
    return redirect(pledge.project)
