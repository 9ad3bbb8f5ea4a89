"""Forms for principles, indicators, periods, entries, assessments and imports."""

from django import forms

from altlep.evidence.models import Direction, Source, Theme
from altlep.evidence.resilience.registry import choices


class PrincipleForm(forms.Form):
    theme = forms.ChoiceField(choices=Theme.choices)
    title = forms.CharField(max_length=200)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class IndicatorForm(forms.Form):
    principle = forms.TypedChoiceField(coerce=int, choices=())
    name = forms.CharField(max_length=200)
    direction = forms.ChoiceField(choices=Direction.choices)
    target = forms.CharField(max_length=30, help_text="A number, e.g. 40 for 40%.")
    unit = forms.CharField(max_length=20, initial="%")
    source = forms.ChoiceField(choices=[("", "Choose…"), *Source.choices], required=False)
    computed_key = forms.ChoiceField(required=False, label="Computed from")

    def __init__(self, *args, principles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principle"].choices = [(p.pk, p.title) for p in principles]
        self.fields["computed_key"].choices = [("", "(entered with evidence)"), *choices()]


class AdoptForm(forms.Form):
    decision = forms.TypedChoiceField(
        coerce=int, choices=(), label="Board decision that adopted them"
    )

    def __init__(self, *args, decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (d.pk, f"{d.title} ({d.meeting.starts_at:%-d %b %Y})") for d in decisions
        ]


class PeriodForm(forms.Form):
    name = forms.CharField(max_length=60)
    starts_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


class EntryForm(forms.Form):
    period = forms.TypedChoiceField(coerce=int, choices=())
    value = forms.CharField(max_length=30)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.pk, p.name) for p in periods]


class AssessmentForm(forms.Form):
    principle = forms.TypedChoiceField(coerce=int, choices=())
    initiative = forms.CharField(max_length=200, required=False, help_text="Or choose a project.")
    project = forms.TypedChoiceField(coerce=int, choices=(), required=False, empty_value=None)
    expected_effect = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, principles=(), projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["principle"].choices = [(p.pk, p.title) for p in principles]
        self.fields["project"].choices = [("", "(none)")] + [(p.pk, p.title) for p in projects]


class ImportForm(forms.Form):
    file = forms.FileField(label="Scorecard JSON exported by another partnership")


class EmissionFactorsForm(forms.Form):
    file = forms.FileField(label="Conversion factors by industry (CSV)")
    name = forms.CharField(max_length=200, initial="Supply-chain emission factors by SIC code")
    source = forms.CharField(
        max_length=500,
        initial="Defra/DESNZ, UK and England's carbon footprint: conversion factors by SIC code",
    )
    year = forms.IntegerField(min_value=1990, max_value=2100)
    category_map = forms.CharField(
        required=False,
        label="Spend categories and the industry each buys from",
        help_text="One a line: spend category = SIC code as in the file, e.g. Catering = 56",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_category_map(self) -> dict:
        found = {}
        for number, line in enumerate(self.cleaned_data["category_map"].splitlines(), start=1):
            if not line.strip():
                continue
            category, sep, code = line.rpartition("=")
            if not sep or not category.strip() or not code.strip():
                raise forms.ValidationError(f"Line {number}: write it as “category = SIC code”.")
            found[category.strip()] = code.strip()
        return found
