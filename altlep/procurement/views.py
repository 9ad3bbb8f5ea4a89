"""Procurement pages. Views parse input, call one service or selector, and render."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_http_methods, require_POST

from altlep.members.models import Organisation
from altlep.members.rules import MANAGING_ROLES
from altlep.procurement import ocds_out, selectors
from altlep.procurement.forms import (
    AnswerForm,
    CapabilitiesForm,
    ClarificationForm,
    FilterForm,
    InterestForm,
    LotForm,
    OpportunityForm,
    to_pence,
)
from altlep.procurement.models import Clarification, Lot, Opportunity, OpportunityStatus
from altlep.procurement.notice import check_opportunity
from altlep.procurement.services import clarifications as clarification_services
from altlep.procurement.services import opportunities as services
from altlep.procurement.services.capabilities import cpv_capabilities_set


def _refusal(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            mapped = {
                "estimated_value_pence": "estimated_value",
                "minimum_turnover_pence": "minimum_turnover",
                "value_pence": "value",
                "insurance_requirements": "insurance_when",
            }.get(field, field)
            form.add_error(mapped if mapped in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def opportunity_list(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    listed = selectors.opportunity_list(
        q=filters.get("q") or "",
        division=filters.get("division") or "",
        value_band=filters.get("value_band") or "",
        deadline_before=filters.get("deadline_before"),
        has_lots=bool(filters.get("has_lots")),
        min_score=filters.get("min_score"),
    )
    return render(
        request,
        "procurement/opportunity_list.html",
        {
            "form": form,
            "listed": listed,
            "buyers": selectors.buyers_for(request.user),
            "drafts": selectors.drafts_for(request.user),
            "alerts": selectors.alerts_for(request.user),
            "managed": selectors.managed_by(request.user),
        },
    )


def opportunity_detail(request, pk: int):
    opportunity = get_object_or_404(Opportunity.objects.select_related("buyer"), pk=pk)
    if not request.user.has_perm("procurement.view_opportunity", opportunity):
        raise Http404("No such opportunity.")
    context = selectors.opportunity_page(opportunity)
    user = request.user
    managed = (
        Organisation.objects.filter(
            affiliations__member=user, affiliations__role__in=MANAGING_ROLES
        ).distinct()
        if user.is_authenticated
        else Organisation.objects.none()
    )
    context.update(
        can_change=user.has_perm("procurement.change_opportunity", opportunity),
        can_answer=user.has_perm("procurement.answer_clarification", opportunity),
        can_ask=user.has_perm("procurement.ask_clarification", opportunity),
        can_record_interest=user.has_perm("procurement.record_interest", opportunity),
        ask_form=ClarificationForm(),
        interest_form=InterestForm(organisations=managed),
        answer_form=AnswerForm(),
        is_draft=opportunity.status == OpportunityStatus.DRAFT,
    )
    return render(request, "procurement/opportunity_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request, slug: str):
    buyer = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("procurement.publish_for_buyer", buyer):
        raise PermissionDenied("Only the buyer's officers draft opportunities for it.")
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            values = form.service_values()
            opportunity = services.opportunity_draft(
                actor=request.user,
                buyer=buyer,
                title=values.pop("title"),
                description=values.pop("description"),
                cpv_codes=values.pop("cpv_codes"),
                **values,
            )
            messages.success(request, "Draft saved. Check it below before you publish.")
            return redirect("procurement:opportunity", pk=opportunity.pk)
        except ValidationError as error:
            _refusal(form, error)
    return render(request, "procurement/opportunity_form.html", {"form": form, "buyer": buyer})


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request, pk: int):
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("procurement.change_opportunity", opportunity):
        raise PermissionDenied("Only the buyer's officers change it.")
    form = OpportunityForm(request.POST or None, initial=OpportunityForm.initial_for(opportunity))
    if request.method == "POST" and form.is_valid():
        try:
            services.opportunity_update(
                actor=request.user, opportunity=opportunity, **form.service_values()
            )
            messages.success(request, "Draft updated; the check below is rerun.")
            return redirect("procurement:opportunity", pk=opportunity.pk)
        except ValidationError as error:
            _refusal(form, error)
    return render(
        request,
        "procurement/opportunity_form.html",
        {"form": form, "buyer": opportunity.buyer, "opportunity": opportunity},
    )


@login_required
@require_http_methods(["GET", "POST"])
def lot_add(request, pk: int):
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("procurement.change_opportunity", opportunity):
        raise PermissionDenied("Only the buyer's officers change it.")
    form = LotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.lot_add(
                actor=request.user,
                opportunity=opportunity,
                title=form.cleaned_data["title"],
                value_pence=to_pence(form.cleaned_data["value"]),
                cpv_codes=[c for c in form.cleaned_data["cpv_codes"].split(",") if c.strip()],
                delivery_postcode=form.cleaned_data["delivery_postcode"],
                delivery_district_code=form.cleaned_data["delivery_district_code"],
            )
            messages.success(request, "Lot added.")
            return redirect("procurement:opportunity", pk=opportunity.pk)
        except ValidationError as error:
            _refusal(form, error)
    return render(request, "procurement/lot_form.html", {"form": form, "opportunity": opportunity})


@login_required
@require_POST
def opportunity_publish(request, pk: int):
    """Publishes a draft opportunity (the check is shown on the page first)."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("procurement.publish_for_buyer", opportunity.buyer):
        raise PermissionDenied("Only the buyer's officers publish for it.")
    try:
        services.opportunity_publish(actor=request.user, opportunity=opportunity)
        messages.success(request, "Published. Organisations it fits have been alerted.")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("procurement:opportunity", pk=opportunity.pk)


@login_required
@require_POST
def opportunity_revise(request, pk: int):
    """Starts a revised draft of a published opportunity."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("procurement.change_opportunity", opportunity):
        raise PermissionDenied("Only the buyer's officers revise it.")
    try:
        revised = services.opportunity_revise(actor=request.user, opportunity=opportunity)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("procurement:opportunity", pk=opportunity.pk)
    messages.success(request, "A revised draft: change it, then publish it to replace the first.")
    return redirect("procurement:opportunity_edit", pk=revised.pk)


@login_required
@require_POST
def opportunity_status(request, pk: int):
    """Closes, awards or cancels an opportunity."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("procurement.change_opportunity", opportunity):
        raise PermissionDenied("Only the buyer's officers change it.")
    try:
        services.opportunity_set_status(
            actor=request.user, opportunity=opportunity, status=request.POST.get("status", "")
        )
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("procurement:opportunity", pk=opportunity.pk)


@login_required
@require_POST
def clarification_ask(request, pk: int):
    """Asks a public clarification question about an open opportunity."""
    opportunity = get_object_or_404(Opportunity, pk=pk)
    if not request.user.has_perm("procurement.ask_clarification", opportunity):
        raise PermissionDenied("Sign in to ask about an open opportunity.")
    form = ClarificationForm(request.POST)
    if form.is_valid():
        try:
            clarification_services.clarification_ask(
                actor=request.user, opportunity=opportunity, question=form.cleaned_data["question"]
            )
            messages.success(request, "Your question is sent; the answer will appear here.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, "Write your question.")
    return redirect("procurement:opportunity", pk=opportunity.pk)


@login_required
@require_POST
def clarification_answer(request, pk: int):
    """Lets the buyer's officer answer a clarification question in public."""
    clarification = get_object_or_404(Clarification.objects.select_related("opportunity"), pk=pk)
    if not request.user.has_perm("procurement.answer_clarification", clarification.opportunity):
        raise PermissionDenied("Only the buyer's officers answer clarifications.")
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            clarification_services.clarification_answer(
                actor=request.user, clarification=clarification, answer=form.cleaned_data["answer"]
            )
            messages.success(request, "Answer published.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("procurement:opportunity", pk=clarification.opportunity_id)


@login_required
@require_POST
def lot_interest(request, pk: int):
    """Records an organisation's interest in bidding for a lot."""
    lot = get_object_or_404(Lot.objects.select_related("opportunity"), pk=pk)
    if not request.user.has_perm("procurement.record_interest", lot.opportunity):
        raise PermissionDenied("Owner-managers record interest in lots of open opportunities.")
    managed = Organisation.objects.filter(
        affiliations__member=request.user, affiliations__role__in=MANAGING_ROLES
    ).distinct()
    form = InterestForm(request.POST, organisations=managed)
    if form.is_valid():
        try:
            clarification_services.lot_interest_record(
                actor=request.user, lot=lot, organisation=form.cleaned_data["organisation"]
            )
            messages.success(request, f"Interest recorded in lot {lot.number}.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, "Choose an organisation you manage.")
    return redirect("procurement:opportunity", pk=lot.opportunity_id)


def ocds_package(request, slug: str):
    buyer = get_object_or_404(Organisation, slug=slug)
    package = ocds_out.package_for(buyer, base_url=request.build_absolute_uri("/").rstrip("/"))
    if not package["releases"]:
        raise Http404("This buyer has published no opportunities.")
    return HttpResponse(
        json.dumps(package, indent=1, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )


class OpportunityFeed(Feed):
    feed_type = Atom1Feed
    title = "Open opportunities"
    subtitle = "Contracts to bid for, newest first, with their micro-friendliness score."

    def link(self):
        return reverse("procurement:list")

    def items(self):
        return selectors.open_opportunities().order_by("-terms__publication_at", "-pk")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        result = check_opportunity(item)
        return f"{item.buyer.name}. {item.description} (Micro-friendliness score: {result.score})"

    def item_link(self, item):
        return reverse("procurement:opportunity", args=[item.pk])

    def item_pubdate(self, item):
        return getattr(getattr(item, "terms", None), "publication_at", None)


@login_required
@require_http_methods(["GET", "POST"])
def capabilities(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("procurement.declare_capabilities", organisation):
        raise PermissionDenied("Only those who manage an organisation say what it supplies.")
    current = ", ".join(organisation.cpv_capabilities.values_list("cpv_code_id", flat=True))
    form = CapabilitiesForm(request.POST or None, initial={"codes": current})
    if request.method == "POST" and form.is_valid():
        codes = [c.strip() for c in form.cleaned_data["codes"].split(",") if c.strip()]
        try:
            cpv_capabilities_set(actor=request.user, organisation=organisation, codes=codes)
            messages.success(request, "Saved: you will be alerted to opportunities under these.")
            return redirect("procurement:list")
        except ValidationError as error:
            form.add_error("codes", error.messages)
    return render(
        request,
        "procurement/capabilities.html",
        {"form": form, "organisation": organisation},
    )
