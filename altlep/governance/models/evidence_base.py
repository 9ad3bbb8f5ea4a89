"""A group's evidence base: figures, documents, sector sizes and a survey of its members'
businesses whose answers are shown only in aggregate."""

from django.conf import settings
from django.db import models


class EvidenceKind(models.TextChoices):
    FIGURE = "figure", "A figure"
    DOCUMENT = "document", "A document"
    SECTOR = "sector", "The sector's size"
    SURVEY = "survey", "A survey of members"


class EvidenceItem(models.Model):
    group = models.ForeignKey("governance.Group", on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    title = models.CharField(max_length=200)
    figure = models.CharField(max_length=200, blank=True, help_text="e.g. 1,240 businesses")
    source = models.CharField(max_length=300)
    source_date = models.DateField(null=True, blank=True)
    url = models.URLField(blank=True)
    document = models.ForeignKey(
        "governance.GroupDocument", null=True, blank=True, on_delete=models.SET_NULL
    )
    sector = models.ForeignKey(
        "evidence.SectorDefinition", null=True, blank=True, on_delete=models.PROTECT
    )
    survey = models.ForeignKey("governance.Survey", null=True, blank=True, on_delete=models.CASCADE)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", "Being written"
    OPEN = "open", "Open for answers"
    CLOSED = "closed", "Closed"


class Survey(models.Model):
    group = models.ForeignKey("governance.Group", on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    status = models.CharField(max_length=8, choices=SurveyStatus.choices, default="draft")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    NUMBER = "number", "A number"
    CHOICE = "choice", "One of a list"


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=8, choices=QuestionKind.choices)
    min_value = models.IntegerField(null=True, blank=True)
    max_value = models.IntegerField(null=True, blank=True)
    choices = models.JSONField(default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "respondent"], name="answer_survey_once")
        ]

    def __str__(self) -> str:
        return f"{self.respondent} answered {self.survey}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    number = models.BigIntegerField(null=True, blank=True)
    choice = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"answer to {self.question}"
