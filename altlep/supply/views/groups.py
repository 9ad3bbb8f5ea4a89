"""Buying groups: propose a joint purchase, pledge quantities, close with the outcome."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.core.form_errors import form_errors_from
from altlep.supply import selectors
from altlep.supply.forms import BuyingGroupForm, CloseGroupForm, PledgeForm
from altlep.supply.models import BuyingGroup
from altlep.supply.services import groups as services
from altlep.supply.views import affiliated_organisations, refuse, require


def group_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_buying_groups", None, "Buying groups are public.")
    groups = [(g, selectors.buying_group_totals(g)) for g in BuyingGroup.objects.all()]
    return render(request, "supply/groups.html", {"groups": groups})


@login_required
@require_http_methods(["GET", "POST"])
def group_new(request: HttpRequest) -> HttpResponse:
    require(request, "propose_buying_group", None, "Confirmed members propose buying groups.")
    form = BuyingGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.buying_group_propose(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, "Buying group proposed: organisations can now pledge.")
            return redirect(group)
    return render(
        request,
        "supply/group_new.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


def group(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(BuyingGroup.objects.select_related("organiser"), pk=pk)
    require(request, "view_buying_groups", found, "Buying groups are public.")
    pledge_form = None
    if request.user.has_perm("supply.pledge_to_buying_group", found):
        pledge_form = PledgeForm(organisations=affiliated_organisations(request.user))
    return render(
        request,
        "supply/group.html",
        {
            "group": found,
            "totals": selectors.buying_group_totals(found),
            "pledges": found.pledges.select_related("organisation"),
            "pledge_form": pledge_form,
            "close_form": CloseGroupForm()
            if request.user.has_perm("supply.close_buying_group", found)
            else None,
        },
    )


@login_required
@require_POST
def group_pledge(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(BuyingGroup, pk=pk)
    require(request, "pledge_to_buying_group", found, "Pledges are taken while the group is open.")
    form = PledgeForm(request.POST, organisations=affiliated_organisations(request.user))
    if not form.is_valid():
        refuse(request, ValidationError([e for es in form.errors.values() for e in es]))
        return redirect(found)
    try:
        services.buying_group_pledge(actor=request.user, group=found, **form.cleaned_data)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Pledge recorded.")
    return redirect(found)


@login_required
@require_POST
def group_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(BuyingGroup, pk=pk)
    require(request, "close_buying_group", found, "The organiser closes an open buying group.")
    form = CloseGroupForm(request.POST)
    if not form.is_valid():
        refuse(request, ValidationError([e for es in form.errors.values() for e in es]))
        return redirect(found)
    try:
        services.buying_group_close(actor=request.user, group=found, **form.cleaned_data)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(request, "Buying group closed and its outcome recorded.")
    return redirect(found)
