"""Forms for rounds (settings and phases) and for importing a pabulib file."""

from decimal import Decimal

from django import forms
from django.utils import timezone

from altlep.commissioning.models import (
    BallotType,
    Completion,
    CountRule,
    PhaseKind,
    TieBreak,
)
from altlep.commissioning.services.rounds import PhasePlan

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class RoundForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    budget = forms.DecimalField(
        label="Budget (£)",
        min_value=Decimal("0.01"),
        max_digits=14,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    ballot_type = forms.ChoiceField(label="Ballot", choices=BallotType.choices)
    max_choices = forms.IntegerField(
        label="Most projects a voter may tick",
        required=False,
        min_value=1,
        help_text="Approval ballots; leave empty for no limit.",
    )
    budget_capped = forms.BooleanField(
        label="Ticked projects may not cost more than the budget", required=False
    )
    points_limit = forms.IntegerField(
        label="Points each voter shares out",
        required=False,
        min_value=1,
        help_text="Cumulative ballots only.",
    )
    residents_only = forms.BooleanField(
        label="Only residents of the area may vote (by postcode)", required=False
    )
    minimum_age = forms.IntegerField(
        label="Voters confirm they are at least this old",
        required=False,
        min_value=1,
        max_value=120,
    )
    rule = forms.ChoiceField(label="Counting rule", choices=CountRule.choices)
    completion = forms.ChoiceField(label="Completion (Equal Shares)", choices=Completion.choices)
    ties = forms.ChoiceField(label="Ties", choices=TieBreak.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in PhaseKind:
            self.fields[f"{kind.value}_starts"] = forms.DateTimeField(
                label=f"{kind.label}: starts",
                required=False,
                widget=_DATETIME,
                input_formats=["%Y-%m-%dT%H:%M"],
            )
            self.fields[f"{kind.value}_ends"] = forms.DateTimeField(
                label=f"{kind.label}: ends",
                required=False,
                widget=_DATETIME,
                input_formats=["%Y-%m-%dT%H:%M"],
            )

    def clean(self):
        cleaned = super().clean()
        for kind in PhaseKind:
            start, end = cleaned.get(f"{kind.value}_starts"), cleaned.get(f"{kind.value}_ends")
            if bool(start) != bool(end):
                self.add_error(
                    f"{kind.value}_ends" if start else f"{kind.value}_starts",
                    "Give both the start and the end, or neither.",
                )
        return cleaned

    def phases(self) -> list[PhasePlan]:
        plans = []
        for kind in PhaseKind:
            start = self.cleaned_data.get(f"{kind.value}_starts")
            end = self.cleaned_data.get(f"{kind.value}_ends")
            if start and end:
                plans.append(PhasePlan(kind.value, start, end))
        return plans

    def settings(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "budget_pence": int(data["budget"] * 100),
            "ballot_type": data["ballot_type"],
            "max_choices": data["max_choices"],
            "budget_capped": data["budget_capped"],
            "points_limit": data["points_limit"],
            "residents_only": data["residents_only"],
            "minimum_age": data["minimum_age"],
            "rule": data["rule"],
            "completion": data["completion"],
            "ties": data["ties"],
        }

    @staticmethod
    def initial_phases(plans: list[PhasePlan]) -> dict:
        """The phase fields' initial values for these plans, in UK time."""
        initial = {}
        for plan in plans:
            initial[f"{plan.kind}_starts"] = timezone.localtime(plan.starts_at)
            initial[f"{plan.kind}_ends"] = timezone.localtime(plan.ends_at)
        return initial

    @classmethod
    def initial_from(cls, round_) -> dict:
        local = timezone.localtime
        initial = {
            "title": round_.title,
            "description": round_.description,
            "budget": Decimal(round_.budget_pence) / 100,
            "ballot_type": round_.ballot_type,
            "max_choices": round_.max_choices,
            "budget_capped": round_.budget_capped,
            "points_limit": round_.points_limit,
            "residents_only": round_.residents_only,
            "minimum_age": round_.minimum_age,
            "rule": round_.rule,
            "completion": round_.completion,
            "ties": round_.ties,
        }
        for phase in round_.phases.all():
            initial[f"{phase.kind}_starts"] = local(phase.starts_at)
            initial[f"{phase.kind}_ends"] = local(phase.ends_at)
        return initial


class ImportForm(forms.Form):
    file = forms.FileField(label="pabulib file (.pb)")
    title = forms.CharField(label="Title for the round", max_length=200, required=False)
