"""Finding partners for a lot, forming a consortium, inviting, answering, the agreement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from altlep.core.form_errors import form_errors_from
from altlep.members.models import Organisation
from altlep.procurement.models import Lot
from altlep.supply import selectors
from altlep.supply.forms import ConsortiumForm, InviteForm
from altlep.supply.models import Consortium, ConsortiumMember
from altlep.supply.services import consortia as services
from altlep.supply.views import managed_organisations, refuse, require


def _lot(lot_id: int) -> Lot:
    return get_object_or_404(Lot.objects.select_related("opportunity__buyer"), pk=lot_id)


@require_http_methods(["GET", "POST"])
def lot_partners(request: HttpRequest, lot_id: int) -> HttpResponse:
    """Local firms that could bid for a lot together, and the form to start a consortium."""
    require(request, "find_suppliers", None, "Anyone may look for partners.")
    lot = _lot(lot_id)
    can_form = request.user.has_perm("supply.form_consortium", lot)
    form = None
    if can_form:
        form = ConsortiumForm(
            request.POST or None,
            organisations=managed_organisations(request.user),
            initial={"name": f"{lot.title} consortium"},
        )
    if request.method == "POST":
        require(
            request,
            "form_consortium",
            lot,
            "Someone who speaks for an organisation may form a consortium where the buyer allows.",
        )
        if form.is_valid():
            try:
                consortium = services.consortium_create(
                    actor=request.user, lot=lot, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, "Consortium formed. Now invite the partners you need.")
                return redirect(consortium)
    return render(
        request,
        "supply/lot_partners.html",
        {
            "lot": lot,
            "opportunity": lot.opportunity,
            "matches": selectors.partners_for_lot(lot),
            "form": form,
            "mine": [c for c in selectors.consortia_for(request.user) if c.lot_id == lot.pk],
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def consortium(request: HttpRequest, pk: int) -> HttpResponse:
    """Coverage, combined conditions and the gap-closing firms; the lead invites here."""
    found = get_object_or_404(
        Consortium.objects.select_related("lot__opportunity__buyer", "lead"), pk=pk
    )
    require(request, "view_consortium", found, "Only the consortium's members see its page.")
    can_manage = request.user.has_perm("supply.manage_consortium", found)
    taken = found.members.values_list("organisation_id", flat=True)
    form = None
    if can_manage:
        invitees = Organisation.objects.filter(supplier_profile__isnull=False).exclude(pk__in=taken)
        initial = {"organisation": request.GET.get("invite")} if request.GET.get("invite") else {}
        form = InviteForm(request.POST or None, organisations=invitees, initial=initial)
    if request.method == "POST":
        require(request, "manage_consortium", found, "Only the lead may invite members.")
        if form.is_valid():
            try:
                place = services.consortium_invite(
                    actor=request.user, consortium=found, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, f"{place.organisation.name} is invited.")
                return redirect(found)
    invite_slugs = {}
    if form is not None:
        invite_slugs = dict(form.fields["organisation"].queryset.values_list("slug", "pk"))
    analysis = selectors.consortium_analysis(found)
    for entry in analysis["gap_cover"]:
        entry["invite_pk"] = invite_slugs.get(entry["slug"])
    return render(
        request,
        "supply/consortium.html",
        {
            "consortium": found,
            "lot": found.lot,
            "a": analysis,
            "form": form,
            "answerable": [
                p
                for p in analysis["invited"]
                if request.user.has_perm("supply.respond_to_invitation", p)
            ],
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
def invitation_respond(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(
        ConsortiumMember.objects.select_related("consortium", "organisation"), pk=pk
    )
    accept = request.POST.get("answer") == "accept"
    try:
        services.consortium_respond(actor=request.user, place=place, accept=accept)
    except ValidationError as error:
        refuse(request, error)
    else:
        messages.success(
            request,
            f"{place.organisation.name} has {'joined' if accept else 'declined'} "
            f"{place.consortium.name}.",
        )
    return redirect(place.consortium)


@login_required
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """A plain outline of the consortium agreement: roles, shares, liability, exit."""
    found = get_object_or_404(
        Consortium.objects.select_related("lot__opportunity__buyer", "lead"), pk=pk
    )
    require(request, "view_consortium", found, "Only the consortium's members see its agreement.")
    members = list(found.members.select_related("organisation").exclude(status="declined"))
    total = sum(m.work_share_percent for m in members)
    return render(
        request,
        "supply/agreement.html",
        {"consortium": found, "lot": found.lot, "members": members, "total_share": total},
    )


def my_consortia(request: HttpRequest) -> HttpResponse:
    """Lots open to consortia (for anyone), and this person's consortia and invitations."""
    require(request, "find_suppliers", None, "Anyone may look for partners.")
    return render(
        request,
        "supply/my_consortia.html",
        {
            "lots": selectors.lots_open_to_consortia(),
            "consortia": selectors.consortia_for(request.user),
            "invitations": selectors.invitations_for(request.user),
        },
    )
