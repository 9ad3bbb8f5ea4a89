"""Impact pages: filing an organisation's report, reading it, and a network's published
report (web, PDF, CSV, JSON) comparing periods."""

import io
import json
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from altlep import safe_csv
from altlep.evidence.impact import forms, selectors, services
from altlep.evidence.models import ImpactNetwork, ImpactReport, SvmTheme
from altlep.members.models import Organisation


def _deny_unless(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _pence(raw: str | None):
    """Pounds typed by a person → pence; anything else goes to the service to refuse by name."""
    text = (raw or "0").strip().replace(",", "").lstrip("£") or "0"
    try:
        return int(Decimal(text) * 100)
    except (InvalidOperation, ValueError):
        return text


def _labelled(by_key: dict) -> list[tuple[str, str]]:
    return [(selectors.LABELS.get(k, k.replace("_", " ")), v) for k, v in by_key.items()]


def index(request: HttpRequest) -> HttpResponse:
    _deny_unless(request, "evidence.view_impact")
    mine = []
    if request.user.is_authenticated:
        mine = [
            o
            for o in Organisation.objects.filter(affiliations__member=request.user).distinct()
            if request.user.has_perm("evidence.file_impact_report", o)
        ]
    return render(
        request,
        "evidence/impact/index.html",
        {
            "networks": ImpactNetwork.objects.prefetch_related("members"),
            "mine": mine,
            "reports": ImpactReport.objects.select_related("organisation")[:50],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_file(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    _deny_unless(request, "evidence.file_impact_report", organisation)
    data = request.POST or None
    form = forms.ReportForm(data)
    spend = forms.SpendFormSet(data, prefix="spend")
    outcomes = forms.OutcomeFormSet(data, prefix="outcome")
    known = None
    if request.method == "POST" and form.is_valid() and spend.is_valid() and outcomes.is_valid():
        c = form.cleaned_data
        figures = {name: c.get(name) for name, _ in forms.FIGURES}
        figures["contracts_won_pence"] = _pence(figures.pop("contracts_won_pounds"))
        local = (figures.pop("local_spend_pounds") or "").strip()
        figures["local_spend_pence"] = _pence(local) if local else None
        names = {o.name.lower(): o for o in Organisation.objects.all()}
        lines = [
            {
                "supplier_name": s["supplier_name"],
                "supplier": names.get(s["supplier_name"].strip().lower()),
                "amount_pence": _pence(s["amount_pounds"]),
                "local": s["local"],
            }
            for s in spend.cleaned_data
            if s and (s.get("supplier_name") or s.get("amount_pounds"))
        ]
        figures["spend_pence"] = sum(
            x["amount_pence"] for x in lines if isinstance(x["amount_pence"], int)
        )
        outs = [
            {**o, "value_pence": _pence(o.get("value_pounds"))}
            for o in outcomes.cleaned_data
            if o and (o.get("theme") or o.get("description"))
        ]
        try:
            report = services.report_file(
                actor=request.user,
                organisation=organisation,
                starts_on=c["starts_on"],
                ends_on=c["ends_on"],
                figures=figures,
                spend=lines,
                outcomes=outs,
                evidence=c["evidence"],
            )
        except ValidationError as error:
            for field, msgs in (
                error.message_dict.items()
                if hasattr(error, "error_dict")
                else [(None, error.messages)]
            ):
                form.add_error(
                    None, [f"{field}: {m}" if field and field != "__all__" else m for m in msgs]
                )
        else:
            messages.success(request, "Your impact report is filed.")
            return redirect("evidence:impact_report", pk=report.pk)
    elif request.method == "GET" and request.GET.get("starts_on") and request.GET.get("ends_on"):
        f = forms.PublishForm(request.GET)
        if f.is_valid():
            known = selectors.prefill(organisation=organisation, **f.cleaned_data)
            initial = {**f.cleaned_data}
            for k, v in known["values"].items():
                if k.endswith("_pence"):
                    initial[k.removesuffix("_pence") + "_pounds"] = f"{v / 100:.2f}"
                else:
                    initial[k] = v
            form = forms.ReportForm(initial=initial)
            known = {
                "filled": _labelled(known["lineage"]),
                "gaps": _labelled(known["gaps"]),
            }
    return render(
        request,
        "evidence/impact/file.html",
        {
            "organisation": organisation,
            "form": form,
            "spend": spend,
            "outcomes": outcomes,
            "known": known,
        },
    )


def report(request: HttpRequest, pk: int) -> HttpResponse:
    _deny_unless(request, "evidence.view_impact")
    r = get_object_or_404(ImpactReport.objects.select_related("organisation"), pk=pk)
    return render(
        request,
        "evidence/impact/report.html",
        {
            "r": r,
            "f": selectors.organisation_report(r),
            "outcomes": r.outcomes.all(),
            "lines": r.spend_lines.all(),
            "lineage": _labelled(r.lineage),
        },
    )


ROWS = [
    ("members_reporting", "Members reporting"),
    ("jobs", "Jobs (FTE)"),
    ("spend_pence", "Spend outside the network"),
    ("local_spend_pence", "Of which with local suppliers"),
    ("spend_between_members_pence", "Spend between members (counted once)"),
    ("ties_between_members", "Trading ties between members"),
    ("contracts_won_pence", "Contracts won"),
    ("apprenticeships", "Apprenticeships"),
    ("volunteer_hours", "Volunteer hours"),
    ("people_supported", "People supported"),
    ("outcomes_net_pence", "Net social value of outcomes"),
    ("lm3_by_member", "LM3 of members who answered the LM3 survey"),
    ("emissions_kg", "Emissions (kg CO2e)"),
    ("waste_kg", "Waste (kg)"),
]


def _shown(key: str, value) -> str:
    if value is None or value == "":
        return "–"
    if key.endswith("_pence"):
        return f"£{value / 100:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _cell(key: str, figures: dict, names: dict) -> str:
    if key == "lm3_by_member":
        by_member = figures.get(key) or {}
        return "; ".join(f"{names.get(i, i)}: {v:.2f}" for i, v in by_member.items()) or "–"
    return _shown(key, figures.get(key))


def _network_context(network: ImpactNetwork) -> dict:
    reports = selectors.published(network)
    names = {str(o.pk): o.name for o in network.members.all()}
    themes = dict(SvmTheme.choices)
    for rep in reports:
        rep.member_names = [names.get(i, i) for i in rep.figures.get("members", [])]
        rep.theme_rows = [
            (themes.get(k, k), v) for k, v in sorted(rep.figures.get("outcomes", {}).items())
        ]
    latest = reports[0] if reports else None
    earlier = reports[1] if len(reports) > 1 else None
    table = [
        (
            label,
            _cell(key, latest.figures, names) if latest else "",
            _cell(key, earlier.figures, names) if earlier else "",
        )
        for key, label in ROWS
    ]
    return {
        "network": network,
        "reports": reports,
        "latest": latest,
        "earlier": earlier,
        "table": table,
        "names": names,
    }


@require_http_methods(["GET", "POST"])
def network_report(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(ImpactNetwork, slug=slug)
    _deny_unless(request, "evidence.view_impact")
    may_publish = request.user.has_perm("evidence.publish_network_report", network)
    form = forms.PublishForm(request.POST or None)
    if request.method == "POST":
        _deny_unless(request, "evidence.publish_network_report", network)
        if form.is_valid():
            try:
                services.network_report_publish(
                    actor=request.user, network=network, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, "The network's report is published.")
                return redirect("evidence:impact_network", slug=network.slug)
    context = _network_context(network)
    return render(
        request,
        "evidence/impact/network.html",
        {**context, "rows": ROWS, "form": form, "may_publish": may_publish},
    )


def network_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    network = get_object_or_404(ImpactNetwork, slug=slug)
    _deny_unless(request, "evidence.view_impact")
    context = _network_context(network)
    if fmt == "json":
        data = {
            "network": network.name,
            "reports": [
                {
                    "starts_on": r.starts_on.isoformat(),
                    "ends_on": r.ends_on.isoformat(),
                    **r.figures,
                }
                for r in context["reports"]
            ],
        }
        response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
    elif fmt == "csv":
        out = io.StringIO()
        w = safe_csv.writer(out)
        w.writerow(["period", *[label for _, label in ROWS]])
        for r in context["reports"]:
            w.writerow(
                [
                    f"{r.starts_on} to {r.ends_on}",
                    *[
                        _cell(k, r.figures, context["names"])
                        if k == "lm3_by_member"
                        else r.figures.get(k, "")
                        for k, _ in ROWS
                    ],
                ]
            )
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "pdf":
        from django.contrib.staticfiles import finders
        from weasyprint import CSS, HTML

        html = render_to_string("evidence/impact/network_pdf.html", {**context, "rows": ROWS})
        # The stylesheet is read from the app's static files (no inline styles anywhere).
        css = CSS(filename=finders.find("evidence/impact-pdf.css"))
        pdf = HTML(string=html).write_pdf(stylesheets=[css])
        response = HttpResponse(pdf, content_type="application/pdf")
    else:
        raise Http404("Formats: json, csv, pdf")
    response["Content-Disposition"] = f'attachment; filename="{network.slug}-impact.{fmt}"'
    return response
