"""Forms for uploads, anchor bodies, review decisions and the supplier survey."""

from decimal import Decimal

from django import forms

from altlep.evidence.models import BodyKind
from altlep.members.models import Organisation

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class UploadForm(forms.Form):
    spend_file = forms.FileField(
        label="Spend file (CSV)",
        help_text='A "spend over £500" or £25k spend CSV as you publish it.',
    )
    ocds_file = forms.FileField(
        label="Contract awards (OCDS JSON, optional)",
        required=False,
        help_text="A Contracts Finder release or record package.",
    )

    def clean_spend_file(self):
        upload = self.cleaned_data["spend_file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 200 MB.")
        return upload


MAX_REGISTER_BYTES = 4 * 1024**3


class RegisterUploadForm(forms.Form):
    register_file = forms.FileField(
        label="Companies House register (BasicCompanyData CSV or zip)",
        help_text="The free “Basic Company Data” download from Companies House: the single "
        "file, or one part at a time (each part adds its companies to those already loaded).",
    )

    def clean_register_file(self):
        upload = self.cleaned_data["register_file"]
        if upload.size > MAX_REGISTER_BYTES:
            raise forms.ValidationError("The file is larger than 4 GB.")
        if not upload.name.lower().endswith((".csv", ".zip")):
            raise forms.ValidationError(
                f"{upload.name} is not a CSV or zip file; upload BasicCompanyData as published."
            )
        return upload


class AnchorBodyForm(forms.Form):
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=BodyKind.choices)
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text="Its entry in the organisations directory: its officers may upload spend.",
    )
    home_codes = forms.CharField(
        required=False,
        label="Home districts",
        help_text="Comma-separated ONS district codes counted as local on its own dashboard "
        "(empty: the partnership area).",
    )
    region_codes = forms.CharField(
        required=False, label="Region districts", help_text="Comma-separated ONS district codes."
    )

    @staticmethod
    def codes(text: str) -> list[str]:
        return sorted({c.strip().upper() for c in (text or "").split(",") if c.strip()})


class DecisionForm(forms.Form):
    supplier_key = forms.CharField(max_length=300, widget=forms.HiddenInput)
    company_number = forms.CharField(max_length=12, widget=forms.HiddenInput)
    supplier_name = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    register_name = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    verdict = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])


class SurveyForm(forms.Form):
    supplier_name = forms.CharField(max_length=200, label="Your business's name")
    body = forms.ModelChoiceField(
        queryset=None, required=False, label="Which anchor institution paid you?"
    )
    income_pounds = forms.DecimalField(
        min_value=Decimal("0.01"),
        max_digits=14,
        decimal_places=2,
        label="Income from that institution in the year (£)",
    )
    wage_percent_of_costs = forms.IntegerField(
        min_value=0,
        max_value=100,
        initial=50,
        label="Share of your spending that goes on wages (%)",
    )
    local_wage_percent = forms.IntegerField(
        min_value=0,
        max_value=100,
        label="Share of your wage bill paid to staff who live in the area (%)",
    )
    local_supplier_percent = forms.IntegerField(
        min_value=0,
        max_value=100,
        label="Share of your other spending with suppliers in the area (%)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from altlep.evidence.models import AnchorBody

        self.fields["body"].queryset = AnchorBody.objects.all()
