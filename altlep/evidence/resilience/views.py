"""Resilience pages: the principles (drafting and adoption), the scorecard per period with its
JSON export, entering readings, assessing initiatives and importing other areas' scorecards."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from altlep.core.models import Partnership
from altlep.evidence.models import Indicator, Period, Principle, PrincipleSet, Source
from altlep.evidence.resilience import forms, selectors, services


def _deny_unless(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, msgs in error.message_dict.items():
            form.add_error(field if field in form.fields else None, msgs)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
def principles(request: HttpRequest) -> HttpResponse:
    """The principles in force and, for officers, the draft being written."""
    _deny_unless(request, "evidence.view_scorecard")
    may_manage = request.user.has_perm("evidence.manage_principles")
    draft = selectors.latest_draft()
    decisions = []
    if may_manage:
        from altlep.governance.models import Decision

        decisions = Decision.objects.filter(
            carried=True, meeting__group__isnull=True, principle_set__isnull=True
        ).select_related("meeting")
    principle_form = forms.PrincipleForm(prefix="p")
    indicator_form = forms.IndicatorForm(
        prefix="i", principles=draft.principles.all() if draft else ()
    )
    adopt_form = forms.AdoptForm(prefix="a", decisions=decisions)
    period_form = forms.PeriodForm(prefix="t")
    if request.method == "POST":
        _deny_unless(request, "evidence.manage_principles")
        action = request.POST.get("action")
        if action == "principle":
            principle_form = forms.PrincipleForm(request.POST, prefix="p")
        elif action == "indicator":
            indicator_form = forms.IndicatorForm(
                request.POST, prefix="i", principles=draft.principles.all() if draft else ()
            )
        elif action == "adopt":
            adopt_form = forms.AdoptForm(request.POST, prefix="a", decisions=decisions)
        elif action == "period":
            period_form = forms.PeriodForm(request.POST, prefix="t")
        try:
            if action == "new_version":
                services.principle_set_create(actor=request.user)
                messages.success(request, "A new draft version was started.")
                return redirect("evidence:principles")
            if action == "period":
                if period_form.is_valid():
                    services.period_create(actor=request.user, **period_form.cleaned_data)
                    messages.success(request, "The period is added.")
                    return redirect("evidence:principles")
            elif draft is None:
                raise ValidationError("Start a draft version first.")
            elif action == "principle":
                if principle_form.is_valid():
                    services.principle_add(
                        actor=request.user, principle_set=draft, **principle_form.cleaned_data
                    )
                    return redirect("evidence:principles")
            elif action == "indicator":
                if indicator_form.is_valid():
                    data = dict(indicator_form.cleaned_data)
                    principle = get_object_or_404(
                        Principle, pk=data.pop("principle"), principle_set=draft
                    )
                    services.indicator_add(actor=request.user, principle=principle, **data)
                    return redirect("evidence:principles")
            elif action == "adopt":
                if adopt_form.is_valid():
                    decision = decisions.get(pk=adopt_form.cleaned_data["decision"])
                    services.principle_set_adopt(
                        actor=request.user, principle_set=draft, decision=decision
                    )
                    messages.success(request, f"Version {draft.version} is adopted and in force.")
                    return redirect("evidence:principles")
        except ValidationError as error:
            target = {
                "principle": principle_form,
                "indicator": indicator_form,
                "adopt": adopt_form,
                "period": period_form,
            }.get(action)
            if target is not None and target.is_bound:
                _errors(target, error)
            else:
                messages.error(request, " ".join(error.messages))
    return render(
        request,
        "evidence/resilience/principles.html",
        {
            "in_force": selectors.principles_in_force(),
            "draft": draft,
            "versions": PrincipleSet.objects.all(),
            "periods": Period.objects.all(),
            "may_manage": may_manage,
            "principle_form": principle_form,
            "indicator_form": indicator_form,
            "adopt_form": adopt_form,
            "period_form": period_form,
        },
    )


def scorecard(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _deny_unless(request, "evidence.view_scorecard")
    chosen = request.GET.get("period", "")
    if pk is None and chosen.isdigit():
        return redirect("evidence:scorecard_period", pk=int(chosen))
    periods = list(Period.objects.all())
    period = get_object_or_404(Period, pk=pk) if pk else (periods[-1] if periods else None)
    card = selectors.scorecard(period) if period else None
    return render(
        request,
        "evidence/resilience/scorecard.html",
        {
            "period": period,
            "periods": periods,
            "card": card,
            "comparisons": selectors.comparisons(card) if card else [],
            "may_enter": request.user.has_perm("evidence.enter_indicator"),
            "may_assess": request.user.has_perm("evidence.assess_initiative"),
            "may_import": request.user.has_perm("evidence.import_scorecard"),
        },
    )


def scorecard_export(request: HttpRequest, pk: int) -> HttpResponse:
    _deny_unless(request, "evidence.view_scorecard")
    period = get_object_or_404(Period, pk=pk)
    card = selectors.scorecard(period)
    if card is None:
        return JsonResponse({"error": "No principles have been adopted yet."}, status=404)
    partnership = Partnership.objects.current()
    data = selectors.export(card, area=partnership.name if partnership else "Alternative LEP")
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="scorecard-{period.name}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def indicator_enter(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk, source=Source.ENTERED)
    _deny_unless(request, "evidence.enter_indicator", indicator)
    form = forms.EntryForm(request.POST or None, periods=Period.objects.all())
    if request.method == "POST" and form.is_valid():
        try:
            period = get_object_or_404(Period, pk=form.cleaned_data["period"])
            services.indicator_enter(
                actor=request.user,
                indicator=indicator,
                period=period,
                value=form.cleaned_data["value"],
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, f"Recorded {indicator.name} for {period.name}.")
            return redirect("evidence:scorecard_period", pk=period.pk)
    return render(request, "evidence/resilience/enter.html", {"indicator": indicator, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest) -> HttpResponse:
    _deny_unless(request, "evidence.assess_initiative")
    in_force = selectors.principles_in_force()
    if in_force is None:
        messages.info(request, "Initiatives are assessed against adopted principles: none yet.")
        return redirect("evidence:principles")
    from altlep.commissioning.models import Project

    principles_qs = in_force.principles.all()
    form = forms.AssessmentForm(
        request.POST or None, principles=principles_qs, projects=Project.objects.all()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.assessment_add(
                actor=request.user,
                principle=get_object_or_404(
                    Principle, pk=data["principle"], principle_set=in_force
                ),
                initiative=data["initiative"],
                expected_effect=data["expected_effect"],
                project=Project.objects.filter(pk=data["project"]).first()
                if data["project"]
                else None,
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, "The initiative is assessed against the principle.")
            return redirect("evidence:scorecard")
    return render(request, "evidence/resilience/assess.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def scorecard_import(request: HttpRequest) -> HttpResponse:
    _deny_unless(request, "evidence.import_scorecard")
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            imported = services.scorecard_import(
                actor=request.user, raw=upload.read(), name=upload.name
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request, f"Imported {imported.area}'s scorecard for {imported.period}."
            )
            return redirect("evidence:scorecard")
    return render(request, "evidence/resilience/import.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def emission_factors(request: HttpRequest) -> HttpResponse:
    """An officer imports the government's emission factors by industry."""
    _deny_unless(request, "evidence.import_emission_factors")
    form = forms.EmissionFactorsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            factor_set = services.emission_factors_import(
                actor=request.user,
                raw=data["file"].read(),
                name=data["name"],
                source=data["source"],
                year=data["year"],
                category_map=data["category_map"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"Imported {factor_set.factors.count()} factors.")
            return redirect("evidence:scorecard")
    from altlep.evidence.models import EmissionFactorSet

    return render(
        request,
        "evidence/resilience/emission_factors.html",
        {"form": form, "sets": EmissionFactorSet.objects.all()},
    )
