"""Forms parse input only (pounds to pence, codes to lists); every rule is in the services."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from altlep.procurement.models import AuthorityKind, ContractKind, Procedure
from altlep.procurement.notice import terms_of
from altlep.procurement.selectors import VALUE_BANDS


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"


def pounds(label: str, required: bool = False, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal(0),
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
    )


def to_pence(value: Decimal | None) -> int | None:
    return None if value is None else int(value * 100)


class OpportunityForm(forms.Form):
    title = forms.CharField(max_length=300)
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), help_text="What is wanted, in plain language."
    )
    cpv_codes = forms.CharField(
        label="CPV codes",
        required=False,
        help_text="8-digit CPV 2008 codes, separated by commas (e.g. 90911200).",
    )
    estimated_value = pounds("Estimated value (£)")
    value_includes_vat = forms.BooleanField(
        label="The estimate includes VAT", required=False, initial=True
    )
    authority_kind = forms.ChoiceField(label="Kind of buyer", choices=AuthorityKind.choices)
    contract_kind = forms.ChoiceField(
        label="Goods, services or works", choices=ContractKind.choices
    )
    procedure = forms.ChoiceField(choices=Procedure.choices)
    no_lots_reason = forms.CharField(
        label="Why it is not divided into lots",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required by s.18 of the Procurement Act 2023 with fewer than two lots.",
    )
    below_threshold_notice_reference = forms.CharField(
        label="Find a Tender notice reference", required=False, max_length=100
    )
    planned_procurement_notice_on = forms.DateField(
        label="Planned procurement notice published on", required=False, widget=DateInput()
    )
    clarification_deadline = forms.DateTimeField(
        label="Clarification deadline", required=False, widget=DateTimeInput()
    )
    tender_deadline = forms.DateTimeField(label="Tender deadline", widget=DateTimeInput())
    award_on = forms.DateField(label="Expected award", required=False, widget=DateInput())
    contract_start = forms.DateField(label="Contract start", required=False, widget=DateInput())
    contract_end = forms.DateField(label="Contract end", required=False, widget=DateInput())
    minimum_turnover = pounds("Minimum yearly turnover asked (£)")
    minimum_years_trading = forms.IntegerField(
        label="Minimum years trading", required=False, min_value=0
    )
    insurance_kind = forms.CharField(label="Insurance asked (kind)", required=False)
    insurance_cover = pounds("Insurance cover (£)")
    insurance_when = forms.ChoiceField(
        label="Insurance required",
        choices=[("award", "Only of the winner, at award"), ("tender", "With the tender")],
        required=False,
    )
    accreditations = forms.CharField(
        required=False, help_text="Accreditations asked, separated by commas."
    )
    audited_accounts_required = forms.BooleanField(
        label="Audited accounts demanded of every bidder", required=False
    )
    payment_terms_days = forms.IntegerField(label="Payment terms (days)", min_value=0, initial=30)
    subcontract_payment_terms_days = forms.IntegerField(
        label="Subcontract payment terms (days)", min_value=0, initial=30
    )
    weight_price = forms.IntegerField(
        label="Price weight (%)", min_value=0, max_value=100, initial=40
    )
    weight_quality = forms.IntegerField(
        label="Quality weight (%)", min_value=0, max_value=100, initial=50
    )
    weight_social_value = forms.IntegerField(
        label="Social value weight (%)", min_value=0, max_value=100, initial=10
    )
    suitable_for_sme = forms.BooleanField(label="Suitable for SMEs", required=False, initial=True)
    suitable_for_vcse = forms.BooleanField(label="Suitable for VCSEs", required=False, initial=True)
    consortia_welcome = forms.BooleanField(label="Consortia welcome", required=False, initial=True)
    subcontracting_welcome = forms.BooleanField(
        label="Subcontracting welcome", required=False, initial=True
    )

    def service_values(self) -> dict:
        """The cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        insurance = []
        if data.pop("insurance_kind", ""):
            insurance.append(
                {
                    "kind": self.cleaned_data["insurance_kind"],
                    "cover_pence": to_pence(data.get("insurance_cover")) or 0,
                    "when": data.get("insurance_when") or "award",
                }
            )
        data.pop("insurance_cover", None)
        data.pop("insurance_when", None)
        data["insurance_requirements"] = insurance
        data["estimated_value_pence"] = to_pence(data.pop("estimated_value"))
        data["minimum_turnover_pence"] = to_pence(data.pop("minimum_turnover"))
        data["accreditations"] = [a.strip() for a in data["accreditations"].split(",") if a.strip()]
        data["cpv_codes"] = [c.strip() for c in data["cpv_codes"].split(",") if c.strip()]
        return data

    @classmethod
    def initial_for(cls, opportunity) -> dict:
        terms = terms_of(opportunity)
        initial = {name: getattr(terms, name, None) for name in cls.base_fields}
        for name in cls.base_fields:
            if hasattr(opportunity, name) and name != "cpv_codes":
                initial[name] = getattr(opportunity, name)
        initial["cpv_codes"] = ", ".join(c.code for c in opportunity.cpv_codes.all())
        if opportunity.estimated_value_pence is not None:
            initial["estimated_value"] = Decimal(opportunity.estimated_value_pence) / 100
        if opportunity.minimum_turnover_pence is not None:
            initial["minimum_turnover"] = Decimal(opportunity.minimum_turnover_pence) / 100
        if opportunity.insurance_requirements:
            first = opportunity.insurance_requirements[0]
            initial["insurance_kind"] = first.get("kind")
            initial["insurance_cover"] = Decimal(first.get("cover_pence") or 0) / 100
            initial["insurance_when"] = first.get("when")
        initial["accreditations"] = ", ".join(opportunity.accreditations or [])
        return {k: v for k, v in initial.items() if v is not None}


class LotForm(forms.Form):
    title = forms.CharField(max_length=300)
    value = pounds("Value (£)")
    cpv_codes = forms.CharField(label="CPV codes", required=False)
    delivery_postcode = forms.CharField(label="Delivery postcode", required=False, max_length=8)
    delivery_district_code = forms.ChoiceField(
        label="Or delivered across a district", required=False, choices=()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from altlep.core import districts
        from altlep.core.models import Partnership

        partnership = Partnership.objects.current()
        codes = partnership.area_codes if partnership else []
        self.fields["delivery_district_code"].choices = [("", "No district")] + [
            (code, districts.name(code)) for code in codes
        ]


class ClarificationForm(forms.Form):
    question = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Your question")


class AnswerForm(forms.Form):
    answer = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Answer")


class InterestForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label="For the organisation")

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class FilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    division = forms.RegexField(
        label="CPV division", regex=r"^\d{2}$", required=False, help_text="Two digits, e.g. 90."
    )
    value_band = forms.ChoiceField(
        label="Value",
        required=False,
        choices=[("", "Any value")] + [(k, k.replace("-", " to ")) for k in VALUE_BANDS],
    )
    deadline_before = forms.DateField(label="Closing by", required=False, widget=DateInput())
    has_lots = forms.BooleanField(label="Divided into lots", required=False)
    min_score = forms.IntegerField(
        label="Minimum micro-friendliness score", required=False, min_value=0, max_value=100
    )


class CapabilitiesForm(forms.Form):
    codes = forms.CharField(
        label="CPV codes your organisation supplies",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="8-digit CPV 2008 codes, separated by commas: you are alerted to "
        "opportunities under them.",
    )
