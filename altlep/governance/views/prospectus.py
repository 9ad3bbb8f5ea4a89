"""A sector group's evidence base, member survey and prospectus (web page, versions, diff,
comments, sign-off, publication, PDF, and sending an initiative on as an idea)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from altlep.evidence.models import SectorDefinition
from altlep.governance.models import (
    AgendaItem,
    EvidenceKind,
    Group,
    Initiative,
    Prospectus,
    ProspectusSection,
    ResilienceTheme,
    Survey,
)
from altlep.governance.selectors.evidence_base import evidence_base, survey_results
from altlep.governance.services import evidence_base as evidence_services
from altlep.governance.services import prospectus as services
from altlep.governance.views import refuse


def _group(slug: str) -> Group:
    return get_object_or_404(Group, slug=slug)


def _prospectus(group: Group) -> Prospectus:
    found = Prospectus.objects.filter(group=group).first()
    if found is None:
        raise Http404("This group has no prospectus yet.")
    return found


def _errors(error: ValidationError) -> dict:
    return error.message_dict if hasattr(error, "error_dict") else {"all": error.messages}


# --- the evidence base -----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def evidence(request, slug: str):
    group = _group(slug)
    user = request.user
    errors, data = {}, {}
    if request.method == "POST":
        if not user.has_perm("governance.add_evidence", group):
            raise PermissionDenied("Only the group's members add evidence.")
        data = request.POST
        try:
            raw_date = data.get("source_date", "")
            sector = None
            if data.get("sector"):
                sector = SectorDefinition.objects.filter(pk=data["sector"]).first()
            evidence_services.evidence_add(
                actor=user,
                group=group,
                kind=data.get("kind", ""),
                title=data.get("title", ""),
                source=data.get("source", ""),
                figure=data.get("figure", ""),
                source_date=datetime.date.fromisoformat(raw_date) if raw_date else None,
                url=data.get("url", ""),
                sector=sector,
            )
        except ValueError:
            errors = {"source_date": ["Give the date as YYYY-MM-DD."]}
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, "Added to the evidence base.")
            return redirect("governance:group_evidence", slug=slug)
    context = evidence_base(group)
    context.update(
        group=group,
        errors=errors,
        data=data,
        kinds=[k for k in EvidenceKind.choices if k[0] != EvidenceKind.SURVEY],
        sectors=SectorDefinition.objects.current().order_by("name"),
        can_add=user.has_perm("governance.add_evidence", group),
        can_survey=user.has_perm("governance.write_survey", group),
    )
    return render(request, "governance/evidence_base.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def survey_new(request, slug: str):
    group = _group(slug)
    if not request.user.has_perm("governance.write_survey", group):
        raise PermissionDenied("Only the group's convenor writes surveys.")
    errors, data = {}, request.POST if request.method == "POST" else {}
    if request.method == "POST":
        questions = []
        for n in range(1, 6):
            text = data.get(f"q{n}_text", "").strip()
            if not text:
                continue
            kind = data.get(f"q{n}_kind", "number")
            question = {"text": text, "kind": kind}
            if kind == "choice":
                question["choices"] = [
                    c.strip() for c in data.get(f"q{n}_choices", "").split(",") if c.strip()
                ]
            else:
                for bound in ("min", "max"):
                    raw = data.get(f"q{n}_{bound}", "").strip()
                    question[f"{bound}_value"] = int(raw) if raw.lstrip("-").isdigit() else None
            questions.append(question)
        try:
            survey = evidence_services.survey_create(
                actor=request.user,
                group=group,
                title=data.get("title", ""),
                intro=data.get("intro", ""),
                questions=questions,
            )
            evidence_services.evidence_add(
                actor=request.user,
                group=group,
                kind=EvidenceKind.SURVEY,
                title=survey.title,
                source=f"Survey of the members of {group.name}",
                survey=survey,
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            return redirect("governance:survey", slug=slug, pk=survey.pk)
    return render(
        request,
        "governance/survey_new.html",
        {"group": group, "errors": errors, "data": data, "rows": range(1, 6)},
    )


@require_http_methods(["GET", "POST"])
def survey_detail(request, slug: str, pk: int):
    group = _group(slug)
    survey = get_object_or_404(Survey, pk=pk, group=group)
    errors = {}
    if request.method == "POST":
        if not request.user.has_perm("governance.answer_survey", survey):
            raise PermissionDenied("Only the group's businesses answer, while it is open.")
        answers = {q.pk: request.POST.get(f"q{q.pk}", "") for q in survey.questions.all()}
        try:
            evidence_services.survey_answer(actor=request.user, survey=survey, answers=answers)
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, "Thank you: your answers are in.")
            return redirect("governance:survey", slug=slug, pk=pk)
    answered = (
        request.user.is_authenticated and survey.responses.filter(respondent=request.user).exists()
    )
    return render(
        request,
        "governance/survey.html",
        {
            "group": group,
            "survey": survey,
            "results": survey_results(survey),
            "responses": survey.responses.count(),
            "threshold": 5,
            "errors": errors,
            "can_answer": request.user.has_perm("governance.answer_survey", survey)
            and not answered,
            "answered": answered,
        },
    )


# --- the prospectus --------------------------------------------------------------------------


def _prospectus_context(request, group: Group, prospectus: Prospectus) -> dict:
    user = request.user
    sections = prospectus.sections.prefetch_related(
        "initiatives__comments__author", "initiatives__evidence", "initiatives__idea"
    )
    signed = prospectus.signoffs.filter(version=prospectus.version).select_related("member")
    return {
        "group": group,
        "prospectus": prospectus,
        "sections": sections,
        "signed": signed,
        "to_sign": services.still_to_sign(prospectus),
        "versions": services.versions(prospectus),
        "themes": ResilienceTheme.choices,
        "evidence_items": group.evidence.all(),
        "can_edit": user.has_perm("governance.edit_prospectus", prospectus),
        "can_comment": user.has_perm("governance.comment_initiative", prospectus),
        "can_sign": user.has_perm("governance.sign_off_prospectus", prospectus)
        and not signed.filter(member=user.pk).exists(),
        "can_publish": user.has_perm("governance.publish_prospectus", prospectus),
        "can_send": user.has_perm("governance.send_initiative", prospectus),
        "is_published_version": prospectus.published_version == prospectus.version,
        "board_items": AgendaItem.objects.filter(
            public=True, meeting__group__isnull=True, meeting__starts_at__gte=timezone.now()
        ).select_related("meeting"),
    }


@require_http_methods(["GET", "POST"])
def prospectus_page(request, slug: str):
    group = _group(slug)
    prospectus = Prospectus.objects.filter(group=group).first()
    if prospectus is None:
        if request.method == "POST":
            try:
                services.prospectus_start(
                    actor=request.user,
                    group=group,
                    title=request.POST.get("title", ""),
                    summary=request.POST.get("summary", ""),
                )
            except PermissionDenied:
                raise
            except ValidationError as error:
                refuse(request, error)
            return redirect("governance:prospectus", slug=slug)
        return render(
            request,
            "governance/prospectus_start.html",
            {
                "group": group,
                "can_start": request.user.has_perm("governance.edit_prospectus", group),
            },
        )
    if not request.user.has_perm("governance.view_prospectus", prospectus):
        raise PermissionDenied("The prospectus is still a draft of the group's members.")
    if request.method == "POST":
        raise PermissionDenied("The group has a prospectus already.")
    if not request.user.has_perm("governance.view_draft_prospectus", prospectus):
        # The public reads the version the group published, not the draft being written.
        return render(
            request,
            "governance/prospectus_published.html",
            {
                "group": group,
                "prospectus": prospectus,
                "blocks": blocks(services.version_text(prospectus, prospectus.published_version)),
            },
        )
    return render(
        request, "governance/prospectus.html", _prospectus_context(request, group, prospectus)
    )


@login_required
@require_POST
def section_save(request, slug: str):
    """Adds or changes a section of the group's prospectus."""
    group = _group(slug)
    prospectus = _prospectus(group)
    section = None
    if request.POST.get("section"):
        section = get_object_or_404(
            ProspectusSection, pk=request.POST["section"], prospectus=prospectus
        )
    try:
        services.section_save(
            actor=request.user,
            prospectus=prospectus,
            section=section,
            title=request.POST.get("title", ""),
            body=request.POST.get("body", ""),
        )
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:prospectus", slug=slug)


def _pence(raw: str) -> int | None:
    raw = raw.replace(",", "").replace("£", "").strip()
    if not raw:
        return None
    try:
        return round(float(raw) * 100)
    except ValueError:
        raise ValidationError({"cost": f"{raw!r} is not an amount of pounds"}) from None


@login_required
@require_POST
def initiative_save(request, slug: str):
    """Adds or changes an initiative of the group's prospectus."""
    group = _group(slug)
    prospectus = _prospectus(group)
    section = get_object_or_404(
        ProspectusSection, pk=request.POST.get("section") or 0, prospectus=prospectus
    )
    initiative = None
    if request.POST.get("initiative"):
        initiative = get_object_or_404(Initiative, pk=request.POST["initiative"], section=section)
    data = request.POST
    try:
        jobs = data.get("jobs_expected", "").strip()
        services.initiative_save(
            actor=request.user,
            section=section,
            initiative=initiative,
            title=data.get("title", ""),
            what=data.get("what", ""),
            lead=data.get("lead", ""),
            theme=data.get("theme", ""),
            cost_pence=_pence(data.get("cost", "")),
            jobs_expected=int(jobs) if jobs.isdigit() else None,
            skills_expected=data.get("skills_expected", ""),
            evidence=list(group.evidence.filter(pk__in=data.getlist("evidence"))),
        )
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:prospectus", slug=slug)


@login_required
@require_POST
def initiative_comment(request, slug: str, pk: int):
    """Adds a comment to an initiative of the group's prospectus."""
    group = _group(slug)
    initiative = get_object_or_404(Initiative, pk=pk, section__prospectus__group=group)
    try:
        services.initiative_comment(
            actor=request.user, initiative=initiative, body=request.POST.get("body", "")
        )
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:prospectus", slug=slug)


@login_required
@require_POST
def sign_off(request, slug: str):
    """Signs off the current version of the group's prospectus."""
    prospectus = _prospectus(_group(slug))
    try:
        services.prospectus_sign_off(actor=request.user, prospectus=prospectus)
        messages.success(request, f"You signed off version {prospectus.version}.")
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:prospectus", slug=slug)


@login_required
@require_POST
def publish(request, slug: str):
    """Publishes the signed-off version of the group's prospectus."""
    prospectus = _prospectus(_group(slug))
    try:
        services.prospectus_publish(actor=request.user, prospectus=prospectus)
        messages.success(request, f"Version {prospectus.version} is published.")
    except ValidationError as error:
        refuse(request, error)
    return redirect("governance:prospectus", slug=slug)


@login_required
@require_POST
def send_as_idea(request, slug: str, pk: int):
    """Sends an initiative of the prospectus to the partnership's ideas box."""
    group = _group(slug)
    initiative = get_object_or_404(Initiative, pk=pk, section__prospectus__group=group)
    try:
        idea = services.initiative_send_as_idea(actor=request.user, initiative=initiative)
    except ValidationError as error:
        refuse(request, error)
        return redirect("governance:prospectus", slug=slug)
    messages.success(request, f"“{initiative.title}” is now an idea in the ideas box.")
    return redirect(idea.get_absolute_url())


@login_required
@require_POST
def send_as_paper(request, slug: str, pk: int):
    """Sends an initiative of the prospectus to a board meeting as the paper for an item."""
    group = _group(slug)
    initiative = get_object_or_404(Initiative, pk=pk, section__prospectus__group=group)
    item = get_object_or_404(AgendaItem, pk=request.POST.get("item") or 0)
    try:
        services.initiative_send_as_paper(actor=request.user, initiative=initiative, item=item)
    except ValidationError as error:
        refuse(request, error)
        return redirect("governance:prospectus", slug=slug)
    messages.success(request, f"“{initiative.title}” is a paper for {item.meeting}.")
    return redirect(item.meeting.get_absolute_url())


def versions(request, slug: str):
    group = _group(slug)
    prospectus = _prospectus(group)
    if not request.user.has_perm("governance.view_draft_prospectus", prospectus):
        raise PermissionDenied("Drafts are the group's; the published version is public.")
    found = services.versions(prospectus)
    numbers = [v["number"] for v in found]
    new = _int(request.GET.get("new"), numbers[-1])
    old = _int(request.GET.get("old"), max(new - 1, numbers[0]))
    try:
        diff = services.version_diff(prospectus, old, new)
    except ValidationError as error:
        raise Http404(error.messages[0]) from error
    return render(
        request,
        "governance/prospectus_versions.html",
        {
            "group": group,
            "prospectus": prospectus,
            "versions": found,
            "old": old,
            "new": new,
            "diff": diff,
        },
    )


def _int(raw, default: int) -> int:
    return int(raw) if raw and str(raw).isdigit() else default


def prospectus_pdf(request, slug: str):
    """The published version as a PDF (WeasyPrint, with the fonts Debian installs)."""
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    group = _group(slug)
    prospectus = _prospectus(group)
    if prospectus.published_version is None:
        raise Http404("The prospectus has not been published yet.")
    text = services.version_text(prospectus, prospectus.published_version)
    html = render_to_string(
        "governance/prospectus_pdf.html",
        {"group": group, "prospectus": prospectus, "blocks": blocks(text)},
    )
    # The stylesheet is read from the app's static files (no inline styles anywhere).
    css = CSS(filename=finders.find("governance/prospectus-pdf.css"))
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(stylesheets=[css])
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{group.slug}-prospectus.pdf"'
    return response


def blocks(text: str) -> list[tuple[str, str]]:
    """A version's text as (h2 | h3 | p, text) blocks, its title line left out."""
    out = []
    for line in text.splitlines()[1:]:
        if line.startswith("### "):
            out.append(("h3", line[4:]))
        elif line.startswith("## "):
            out.append(("h2", line[3:]))
        elif line.strip():
            out.append(("p", line))
    return out
