"""Survey answers are aggregated so that no business can be identified: four answers show
nothing, five show the aggregate."""

import pytest
from django.core.exceptions import ValidationError

from altlep.governance.models import GroupMembership
from altlep.governance.selectors.evidence_base import survey_results
from altlep.governance.services.evidence_base import survey_answer, survey_create
from tests.factories import UserFactory


@pytest.fixture
def survey(people):
    return survey_create(
        actor=people.convenor,
        group=people.group,
        title="Our businesses",
        intro="",
        questions=[
            {
                "text": "How many people work for you?",
                "kind": "number",
                "min_value": 0,
                "max_value": 500,
            },
            {"text": "Do you export?", "kind": "choice", "choices": ["Yes", "No"]},
        ],
    )


def _answer(survey, people, n):
    questions = list(survey.questions.all())
    for i in range(n):
        who = UserFactory()
        GroupMembership.objects.create(group=people.group, member=who, accepted=True)
        survey_answer(
            actor=who,
            survey=survey,
            answers={questions[0].pk: str(i + 1), questions[1].pk: "Yes" if i % 2 else "No"},
        )


def test_four_answers_show_nothing(survey, people):
    _answer(survey, people, 4)
    results = survey_results(survey)
    assert [r["shown"] for r in results] == [False, False]
    assert all(r["aggregate"] is None for r in results)


def test_five_answers_show_the_aggregate(survey, people):
    _answer(survey, people, 5)
    number, choice = survey_results(survey)
    assert number["aggregate"] == {"answers": 5, "total": 15, "mean": 3.0}
    assert choice["aggregate"]["counts"] == {"Yes": 2, "No": 3}


def test_an_answer_out_of_range_names_the_question_and_nothing_is_kept(survey, people):
    q = survey.questions.first()
    with pytest.raises(ValidationError) as error:
        survey_answer(actor=people.business, survey=survey, answers={q.pk: "9000"})
    assert "out of range" in str(error.value)
    assert survey.responses.count() == 0


def test_a_business_answers_only_once(survey, people):
    q = survey.questions.first()
    survey_answer(actor=people.business, survey=survey, answers={q.pk: "3"})
    with pytest.raises(ValidationError):
        survey_answer(actor=people.business, survey=survey, answers={q.pk: "3"})
