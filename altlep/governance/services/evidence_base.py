"""Writes for a group's evidence base: cited items, and the member survey (written by the
convenor, answered by the group's businesses, each answer checked against its question)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from altlep.core.audit import audit_record, snapshot
from altlep.governance.models import (
    EvidenceItem,
    EvidenceKind,
    Group,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)
from altlep.governance.services import ensure_allowed


def evidence_add(
    *,
    actor,
    group: Group,
    kind: str,
    title: str,
    source: str,
    figure: str = "",
    source_date: datetime.date | None = None,
    url: str = "",
    document=None,
    sector=None,
    survey: Survey | None = None,
) -> EvidenceItem:
    """Add a cited item to the group's evidence base: every item names its source."""
    ensure_allowed(actor, "add_evidence", group, "Only the group's members add evidence.")
    errors = {}
    if kind not in EvidenceKind.values:
        errors["kind"] = "Choose what kind of evidence this is."
    if not title.strip():
        errors["title"] = "Give the evidence a title."
    if not source.strip():
        errors["source"] = "Say where it comes from: every item is cited."
    if kind == EvidenceKind.FIGURE and not figure.strip():
        errors["figure"] = "Give the figure."
    if kind == EvidenceKind.SECTOR and sector is None:
        errors["sector"] = "Choose the sector."
    if kind == EvidenceKind.SURVEY and (survey is None or survey.group_id != group.pk):
        errors["survey"] = "Choose one of the group's surveys."
    if document is not None and document.group_id != group.pk:
        errors["document"] = "Choose one of the group's documents."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = EvidenceItem.objects.create(
            group=group,
            kind=kind,
            title=title.strip(),
            source=source.strip(),
            figure=figure.strip(),
            source_date=source_date,
            url=url,
            document=document,
            sector=sector,
            survey=survey,
            added_by=actor,
        )
        audit_record(actor=actor, action="evidence_item.add", instance=item, after=snapshot(item))
    return item


def survey_create(*, actor, group: Group, title: str, intro: str, questions: list[dict]) -> Survey:
    """The convenor writes a survey: questions of kind number (with a range) or choice."""
    ensure_allowed(actor, "write_survey", group, "Only the group's convenor writes surveys.")
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = ["Give the survey a title."]
    if not questions:
        errors["questions"] = ["Ask at least one question."]
    for n, q in enumerate(questions, start=1):
        if not str(q.get("text", "")).strip():
            errors.setdefault("questions", []).append(f"question {n}: write the question")
        if q.get("kind") not in QuestionKind.values:
            errors.setdefault("questions", []).append(f"question {n}: number or choice")
        if q.get("kind") == QuestionKind.CHOICE and len(q.get("choices") or []) < 2:
            errors.setdefault("questions", []).append(f"question {n}: give at least two choices")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        survey = Survey.objects.create(
            group=group, title=title.strip(), intro=intro.strip(), status=SurveyStatus.OPEN
        )
        for n, q in enumerate(questions):
            SurveyQuestion.objects.create(
                survey=survey,
                text=q["text"].strip(),
                kind=q["kind"],
                min_value=q.get("min_value"),
                max_value=q.get("max_value"),
                choices=list(q.get("choices") or []),
                order=n,
            )
        audit_record(actor=actor, action="survey.create", instance=survey, after=snapshot(survey))
    return survey


def survey_close(*, actor, survey: Survey) -> Survey:
    ensure_allowed(actor, "write_survey", survey.group, "Only the group's convenor closes it.")
    with transaction.atomic():
        survey.status = SurveyStatus.CLOSED
        survey.save(update_fields=["status"])
        audit_record(actor=actor, action="survey.close", instance=survey, after=snapshot(survey))
    return survey


def survey_answer(*, actor, survey: Survey, answers: dict[int, str]) -> SurveyResponse:
    """A business member answers once; each answer checked (numbers in range, a listed choice).
    `answers` maps question id → the answer as typed."""
    ensure_allowed(
        actor, "answer_survey", survey, "Only the group's businesses answer, while it is open."
    )
    errors: dict[str, str] = {}
    clean: list[tuple[SurveyQuestion, int | None, str]] = []
    for q in survey.questions.all():
        raw = str(answers.get(q.pk, "")).strip()
        field = f"q{q.pk}"
        if raw == "":
            continue  # a question may be left unanswered
        if q.kind == QuestionKind.NUMBER:
            try:
                number = int(raw.replace(",", ""))
            except ValueError:
                errors[field] = f"“{q.text}”: {raw!r} is not a whole number"
                continue
            if (q.min_value is not None and number < q.min_value) or (
                q.max_value is not None and number > q.max_value
            ):
                errors[field] = (
                    f"“{q.text}”: {number} is out of range ({q.min_value}–{q.max_value})"
                )
                continue
            clean.append((q, number, ""))
        else:
            if raw not in q.choices:
                errors[field] = f"“{q.text}”: choose one of {', '.join(q.choices)}"
                continue
            clean.append((q, None, raw))
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(survey=survey, respondent=actor)
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question=q, number=n, choice=c) for q, n, c in clean
            )
            # The audit entry records that they answered, never what: answers are shown only
            # in aggregate.
            audit_record(actor=actor, action="survey.answer", instance=survey)
    except IntegrityError:
        raise ValidationError("You have answered this survey already.") from None
    return response
