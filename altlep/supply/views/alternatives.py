"""Local alternatives to leaking spend, and scenarios of moving it to local micro-enterprises."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.core.form_errors import form_errors_from
from altlep.evidence.models import AnchorBody
from altlep.supply import alternatives as engine
from altlep.supply import selectors
from altlep.supply.charts import scenario_charts as chart
from altlep.supply.forms import ScenarioForm
from altlep.supply.models import Scenario
from altlep.supply.services import scenarios as services
from altlep.supply.views import refuse, require


def index(request: HttpRequest) -> HttpResponse:
    require(request, "view_alternatives", None, "The evidence is public.")
    scenarios = [
        s
        for s in Scenario.objects.select_related("body")
        if request.user.has_perm("supply.view_scenario", s)
    ]
    return render(
        request,
        "supply/alternatives.html",
        {"bodies": selectors.bodies_with_leakage(), "scenarios": scenarios},
    )


@require_http_methods(["GET", "POST"])
def category(request: HttpRequest, slug: str) -> HttpResponse:
    """One leaking category of one body: who pays outside, local suppliers who could serve,
    and a scenario an officer can preview and save."""
    require(request, "view_alternatives", None, "The evidence is public.")
    body = get_object_or_404(AnchorBody, slug=slug)
    name = request.GET.get("category") or request.POST.get("category", "")
    entry = selectors.leaking_category(body, name)
    if entry is None:
        raise Http404("No such leaking category.")
    if request.method == "POST":
        form = ScenarioForm(request.POST)
    else:
        form = ScenarioForm(request.GET if "percent" in request.GET else None)
    figures = None
    if form.is_bound and form.is_valid():
        try:
            figures = services.scenario_figures(
                body=body, category=name, percent=form.cleaned_data["percent"]
            )
            if request.method == "POST":
                require(request, "save_scenario", None, "Only partnership officers save scenarios.")
                saved = services.scenario_save(
                    actor=request.user,
                    body=body,
                    category=name,
                    percent=form.cleaned_data["percent"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, "Scenario saved. Publish it when it is ready.")
                return redirect(saved)
        except ValidationError as error:
            form_errors_from(form, error)
            figures = None
    return render(
        request,
        "supply/category.html",
        {
            "body": body,
            "entry": entry,
            "divisions": engine.divisions_for(name),
            "matches": selectors.alternatives_for(name),
            "form": form,
            "figures": figures,
            "charts": chart(figures) if figures else None,
            "can_save": request.user.has_perm("supply.save_scenario"),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def scenario(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Scenario.objects.select_related("body", "created_by"), pk=pk)
    require(request, "view_scenario", found, "This scenario is not published yet.")
    return render(
        request,
        "supply/scenario.html",
        {
            "scenario": found,
            "f": found.figures,
            "charts": chart(found.figures),
            "can_publish": request.user.has_perm("supply.publish_scenario", found),
        },
    )


@login_required
@require_POST
def scenario_publish(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Scenario, pk=pk)
    require(request, "publish_scenario", found, "Officers publish scenarios, once each.")
    try:
        services.scenario_publish(actor=request.user, scenario=found)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Scenario published.")
    return redirect(found)
