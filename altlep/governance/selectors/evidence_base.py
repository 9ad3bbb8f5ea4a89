"""Reads for a group's evidence base and its survey results under disclosure control."""

from altlep.governance import disclosure
from altlep.governance.models import Group, QuestionKind, Survey


def survey_results(survey: Survey) -> list[dict]:
    """Each question with its aggregate, or `shown: False` below the threshold of five."""
    out = []
    for q in survey.questions.prefetch_related("answers"):
        answers = list(q.answers.all())
        if q.kind == QuestionKind.NUMBER:
            found = disclosure.aggregate_numbers(
                [a.number for a in answers if a.number is not None]
            )
        else:
            found = disclosure.aggregate_choices([a.choice for a in answers if a.choice], q.choices)
        out.append({"question": q, "aggregate": found, "shown": found is not None})
    return out


def evidence_base(group: Group) -> dict:
    items = list(group.evidence.select_related("document", "sector", "survey"))
    surveys = [
        {"survey": s, "results": survey_results(s), "responses": s.responses.count()}
        for s in group.surveys.all()
    ]
    return {"items": items, "surveys": surveys, "threshold": disclosure.THRESHOLD}
