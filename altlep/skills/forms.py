"""Forms for apprenticeships: they parse input; the services decide."""

from decimal import Decimal

from django import forms

from altlep.members.models import Organisation, Role
from altlep.skills.models import ApplicationStatus, ClaimKind, MilestoneKind, Standard


class PoundsField(forms.DecimalField):
    """Pounds and pence in, integer pence out."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 9)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)

    def clean(self, value):
        pounds = super().clean(value)
        return None if pounds is None else int(pounds * 100)


class PlacementForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none())
    standard = forms.ModelChoiceField(
        queryset=Standard.objects.all(), help_text="The apprenticeship standard it follows."
    )
    title = forms.CharField(max_length=200, label="Job title")
    workplace_postcode = forms.CharField(max_length=8, label="Workplace postcode")
    hours_per_week = forms.IntegerField(min_value=1, max_value=48, label="Hours a week")
    hourly_wage_pence = PoundsField(
        label="Hourly wage (£)",
        help_text="At least the apprentice minimum wage in force on the start date.",
    )
    start_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    learning = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="What the apprentice will learn on the job",
    )
    training_provider = forms.CharField(
        max_length=200, required=False, help_text="Leave blank if you will teach it all yourself."
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            affiliations__member=owner, affiliations__role=Role.OWNER_MANAGER
        ).distinct()


class ApplicationForm(forms.Form):
    statement = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        label="Why you would like this apprenticeship",
    )
    availability = forms.CharField(
        max_length=300, help_text="When you could start, and when you could come to interview."
    )
    consent_to_share = forms.BooleanField(
        required=False,
        label="I agree that the owner-manager may see my application and contact me about it",
    )


class MoveForm(forms.Form):
    to = forms.ChoiceField(
        choices=[
            (ApplicationStatus.SHORTLISTED, "Shortlist"),
            (ApplicationStatus.INTERVIEW, "Invite to interview"),
            (ApplicationStatus.OFFERED, "Offer the apprenticeship"),
            (ApplicationStatus.UNSUCCESSFUL, "Turn down"),
        ]
    )


class ClaimForm(forms.Form):
    fund = forms.ModelChoiceField(queryset=None, empty_label=None, label="Teaching fund")
    kind = forms.ChoiceField(choices=ClaimKind.choices, label="What you are claiming for")
    month = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="For a month of training: any day in that month.",
    )
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What you taught, reviews held, the apprentice's log.",
    )

    def __init__(self, *args, funds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds


class MilestoneForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            (MilestoneKind.REVIEW, MilestoneKind.REVIEW.label),
            (MilestoneKind.EPA, MilestoneKind.EPA.label),
            (MilestoneKind.JOB, MilestoneKind.JOB.label),
        ]
    )
    reached_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Date")
    note = forms.CharField(max_length=300, required=False)


class EndForm(forms.Form):
    ended_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="End date")
    completed = forms.TypedChoiceField(
        choices=[("yes", "Completed"), ("no", "Ended early")],
        coerce=lambda v: v == "yes",
        label="How it ended",
    )


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search")
    level = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any level")] + [(n, f"Level {n}") for n in range(2, 8)],
    )
    route = forms.ChoiceField(required=False)
    near = forms.CharField(required=False, max_length=8, label="Near postcode")
    within_km = forms.TypedChoiceField(
        required=False,
        coerce=float,
        empty_value=None,
        label="Within",
        choices=[("", "Any distance"), ("5", "5 km"), ("10", "10 km"), ("25", "25 km")],
    )
    micro_only = forms.BooleanField(required=False, label="Micro-enterprises only")

    def __init__(self, *args, routes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = [("", "Any route")] + [(r, r) for r in routes]
