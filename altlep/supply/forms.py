"""Forms for the supply pages. They parse the shape of input (pounds into pence, lists of
codes, times); the services decide. Field names match the services' arguments."""

import re

from django import forms
from django.utils import timezone

from altlep.commissioning.forms_ideas import PoundsField
from altlep.members.models import SizeBandField
from altlep.members.sectors import Sector
from altlep.supply.models import BuyingGroupKind, ResourceKind


def split_list(text: str) -> list[str]:
    """Items typed one a line, or separated by commas or semicolons."""
    return [p.strip() for p in re.split(r"[\n,;]+", text or "") if p.strip()]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="Name or capability", required=False, max_length=100)
    size_band = forms.ChoiceField(
        label="Size", required=False, choices=[("", "Any size")] + list(SizeBandField.choices)
    )
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "Any sector")] + list(Sector.choices)
    )
    division = forms.ChoiceField(label="What they offer (CPV division)", required=False)
    postcode = forms.CharField(label="Near postcode", required=False, max_length=10)
    within_km = forms.IntegerField(label="Within (km)", required=False, min_value=1, max_value=1000)
    social = forms.BooleanField(label="Social economy only", required=False)

    def __init__(self, *args, divisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].choices = [("", "Anything")] + [
            (d, f"{d}: {label}") for d, label in divisions
        ]


class ProfileForm(forms.Form):
    cpv_codes = forms.CharField(
        label="CPV codes of what you offer",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="8-digit CPV 2008 codes, one a line or separated by commas, e.g. 55520000.",
    )
    capabilities = forms.CharField(
        label="What you do, in your own words", widget=forms.Textarea(attrs={"rows": 4})
    )
    serves_radius_km = forms.IntegerField(
        label="How far you travel (km from your postcode)",
        required=False,
        help_text="Leave empty if you serve anywhere.",
    )
    max_contract_pence = PoundsField(label="Largest contract you can take", required=False)
    lead_time_days = forms.IntegerField(label="Usual lead time (days)", required=False)
    years_trading = forms.IntegerField(label="Years trading", required=False)
    certifications = forms.CharField(
        label="Certifications and accreditations",
        required=False,
        help_text="One a line, e.g. ISO 9001, Food Hygiene Rating 5.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    public_liability_pence = PoundsField(label="Public liability insurance cover", required=False)
    employers_liability_pence = PoundsField(
        label="Employer's liability insurance cover", required=False
    )
    welcomes_consortia = forms.BooleanField(label="We welcome consortium work", required=False)
    welcomes_subcontracting = forms.BooleanField(
        label="We welcome subcontracting work", required=False
    )

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        insurance = []
        for kind, field in (
            ("public liability", "public_liability_pence"),
            ("employer's liability", "employers_liability_pence"),
        ):
            if data.pop(field) is not None:
                insurance.append({"kind": kind, "cover_pence": self.cleaned_data[field]})
        data["insurance"] = insurance
        data["cpv_codes"] = split_list(data["cpv_codes"])
        data["certifications"] = split_list(data["certifications"])
        return data


class NeedForm(forms.Form):
    cpv_codes = forms.CharField(
        label="CPV codes needed",
        required=False,
        max_length=300,
        help_text="8-digit codes separated by commas, e.g. 55520000.",
    )
    words = forms.CharField(label="Or describe the need in words", required=False, max_length=200)
    postcode = forms.CharField(label="Delivery postcode", required=False, max_length=10)
    value_pence = PoundsField(label="Contract value", required=False)


class ConsortiumForm(forms.Form):
    name = forms.CharField(label="Name of the consortium", max_length=200)
    lead = forms.ModelChoiceField(label="Lead organisation", queryset=None)
    role = forms.CharField(label="What the lead will do", max_length=200)
    work_share_percent = forms.IntegerField(label="Lead's share of the work (%)", initial=50)
    liability = forms.ChoiceField(
        label="Liability",
        choices=[("lead", "The lead holds the contract"), ("joint", "Joint and several")],
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = organisations


class InviteForm(forms.Form):
    organisation = forms.ModelChoiceField(label="Organisation to invite", queryset=None)
    role = forms.CharField(label="Their role", max_length=200)
    work_share_percent = forms.IntegerField(label="Their share of the work (%)", initial=0)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ScenarioForm(forms.Form):
    percent = forms.IntegerField(
        label="Share of this category to move to local micro-enterprises (%)", initial=25
    )
    note = forms.CharField(
        label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BuyingGroupForm(forms.Form):
    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=BuyingGroupKind.choices)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    unit = forms.CharField(label="Unit", max_length=50, help_text="e.g. MWh a year, licences.")
    threshold_quantity = forms.IntegerField(label="Quantity that makes it worth buying")
    price_alone_pence = PoundsField(label="Price of one unit bought alone")
    price_together_pence = PoundsField(label="Expected price of one unit bought together")


class PledgeForm(forms.Form):
    organisation = forms.ModelChoiceField(label="For", queryset=None)
    quantity = forms.IntegerField(label="Quantity")

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CloseGroupForm(forms.Form):
    outcome = forms.CharField(label="Outcome", widget=forms.Textarea(attrs={"rows": 2}))
    achieved_price_pence = PoundsField(label="Price achieved per unit", required=False)


class ResourceForm(forms.Form):
    owner = forms.ModelChoiceField(label="Shared by", queryset=None)
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=ResourceKind.choices)
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    availability = forms.CharField(required=False, max_length=200, help_text="e.g. weekdays 8–6.")
    price_per_hour_pence = PoundsField(label="Price per hour", required=False, allow_zero=True)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organisations

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["price_per_hour_pence"] = data["price_per_hour_pence"] or 0
        return data


class BookingForm(forms.Form):
    borrower = forms.ModelChoiceField(label="Booking for", queryset=None)
    starts_at = forms.DateTimeField(
        label="From", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label="Until", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borrower"].queryset = organisations

    def clean(self):
        data = super().clean()
        for field in ("starts_at", "ends_at"):
            value = data.get(field)
            if value is not None and timezone.is_naive(value):
                data[field] = timezone.make_aware(value)
        return data
