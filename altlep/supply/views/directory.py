"""The supplier directory, a supplier's entry and its editing, and "find suppliers for a need"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from altlep.core.form_errors import form_errors_from
from altlep.geo.postcodes import PostcodeError, locate
from altlep.members.models import Organisation
from altlep.supply import cpv, selectors
from altlep.supply.forms import DirectoryFilterForm, NeedForm, ProfileForm, split_list
from altlep.supply.models import SupplierProfile
from altlep.supply.services import profiles as services
from altlep.supply.views import require


def directory(request: HttpRequest) -> HttpResponse:
    require(request, "view_directory", None, "The directory is public.")
    form = DirectoryFilterForm(request.GET or None, divisions=selectors.divisions_offered())
    entries, near = [], None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        if data.get("within_km") and not data.get("postcode"):
            form.add_error("postcode", "Give a postcode to measure the distance from.")
        if data.get("postcode"):
            try:
                near = locate(data["postcode"])
            except PostcodeError as error:
                form.add_error("postcode", str(error))
        if not form.errors:
            entries = selectors.directory(
                q=data.get("q", ""),
                size_band=data.get("size_band", ""),
                sector=data.get("sector", ""),
                division=data.get("division", ""),
                near=near,
                within_km=data.get("within_km"),
                social_only=bool(data.get("social")),
            )
    return render(
        request,
        "supply/directory.html",
        {"form": form, "entries": entries, "near": near},
        status=400 if form.errors else 200,
    )


def supplier(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, "view_directory", None, "The directory is public.")
    profile = get_object_or_404(selectors.profiles(), organisation__slug=slug)
    return render(
        request,
        "supply/supplier.html",
        {
            "profile": profile,
            "org": profile.organisation,
            "can_edit": request.user.has_perm("supply.list_supplier", profile.organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def supplier_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(
        request,
        "list_supplier",
        organisation,
        "Only someone who speaks for the organisation may list what it offers.",
    )
    profile = SupplierProfile.objects.filter(organisation=organisation).first()
    initial = {"welcomes_consortia": True, "welcomes_subcontracting": True}
    if profile:
        insurance = {i["kind"]: i["cover_pence"] for i in profile.insurance}
        initial = {
            "cpv_codes": ", ".join(c.code for c in profile.cpv_codes.all()),
            "capabilities": profile.capabilities,
            "serves_radius_km": profile.serves_radius_km,
            "max_contract_pence": _pounds(profile.max_contract_pence),
            "lead_time_days": profile.lead_time_days,
            "years_trading": profile.years_trading,
            "certifications": "\n".join(profile.certifications),
            "public_liability_pence": _pounds(insurance.get("public liability")),
            "employers_liability_pence": _pounds(insurance.get("employer's liability")),
            "welcomes_consortia": profile.welcomes_consortia,
            "welcomes_subcontracting": profile.welcomes_subcontracting,
        }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.supplier_profile_save(
                actor=request.user, organisation=organisation, **form.service_arguments()
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, f"{organisation.name} is listed in the supplier directory.")
            return redirect("supply:supplier", slug=organisation.slug)
    return render(
        request,
        "supply/supplier_edit.html",
        {"form": form, "org": organisation},
        status=400 if form.is_bound and form.errors else 200,
    )


def _pounds(pence):
    return None if pence is None else f"{pence / 100:.2f}"


def find(request: HttpRequest) -> HttpResponse:
    """Find suppliers for a need; `?explain=<slug>` says why one firm is or is not listed."""
    require(request, "find_suppliers", None, "Anyone may search for suppliers.")
    form = NeedForm(request.GET or None)
    matches, explained, need = None, None, None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        codes = []
        for raw in split_list(data["cpv_codes"]):
            try:
                codes.append(cpv.clean(raw))
            except ValueError as error:
                form.add_error("cpv_codes", str(error))
        if not codes and not data["words"].strip() and not form.errors:
            form.add_error("cpv_codes", "Give CPV codes or describe the need in words.")
        if not form.errors:
            try:
                need = selectors.need_from(
                    cpv_codes=codes,
                    words=data["words"],
                    postcode=data["postcode"],
                    value_pence=data["value_pence"],
                )
            except PostcodeError as error:
                form.add_error("postcode", str(error))
        if need is not None:
            matches = selectors.find_suppliers(need)
            slug = request.GET.get("explain", "")
            if slug:
                profile = selectors.profiles().filter(organisation__slug=slug).first()
                if profile is not None:
                    explained = selectors.explain(need, profile)
    return render(
        request,
        "supply/find.html",
        {
            "form": form,
            "matches": matches,
            "explained": explained,
            "all_profiles": selectors.profiles() if matches is not None else [],
            "query": request.GET.urlencode(),
        },
        status=400 if form.errors else 200,
    )
