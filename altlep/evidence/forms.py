"""Forms for uploads, anchor bodies, review decisions and the supplier survey."""

from decimal import Decimal

from django import forms

from altlep.core import districts
from altlep.evidence.models import BodyKind
from altlep.flows.columns import FIELDS as SPEND_FIELDS
from altlep.members.models import Organisation

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class UploadForm(forms.Form):
    spend_file = forms.FileField(
        label="Spend file (CSV, .xlsx or .ods)",
        help_text='A "spend over £500" or £25k spend file as you publish it.',
    )
    column_map = forms.CharField(
        label="Column mapping (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only if the columns were detected wrongly: one per line, field = column "
        "header as in your file, e.g. “amount = Net” or “supplier_name = Paid To”. Fields: "
        + ", ".join(SPEND_FIELDS)
        + ".",
    )
    ocds_file = forms.FileField(
        label="Contract awards (OCDS JSON, optional)",
        required=False,
        help_text="A Contracts Finder release or record package.",
    )

    def clean_column_map(self) -> dict[str, str]:
        mapping = {}
        for number, text in enumerate(self.cleaned_data["column_map"].splitlines(), start=1):
            if not text.strip():
                continue
            name, equals, header = text.partition("=")
            name = name.strip().lower().replace(" ", "_")
            if not equals or not header.strip():
                raise forms.ValidationError(f"Line {number} is not “field = column header”.")
            if name not in SPEND_FIELDS:
                raise forms.ValidationError(
                    f"Line {number}: “{name}” is not a field; fields are {', '.join(SPEND_FIELDS)}."
                )
            mapping[name] = header.strip()
        return mapping

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


OTHER_INSTITUTION = "other"


def _by_name(codes) -> list[tuple[str, str]]:
    return sorted(((c, districts.name(c)) for c in codes), key=lambda cn: (cn[1], cn[0]))


class AnchorBodyForm(forms.Form):
    """An anchor institution chosen by name: one of the area's councils, or any other
    institution (an NHS trust, a university) named in full. Districts are picked by name."""

    institution = forms.ChoiceField(label="Which institution?")
    name = forms.CharField(
        max_length=200,
        required=False,
        label="Its name",
        help_text="For a council chosen above, leave empty to use the name shown there. For "
        "another institution, give its full name as it publishes it, e.g. “Calderdale and "
        "Huddersfield NHS Foundation Trust”: no list of NHS trusts ships with the platform, "
        "so names already paid in imported spend are suggested as you type.",
        widget=forms.TextInput(attrs={"list": "institutions-paid", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        choices=BodyKind.choices,
        initial=BodyKind.NHS_TRUST,
        required=False,
        label="What kind of institution (when not a council chosen above)",
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text="Its entry in the organisations directory: its officers may upload spend.",
    )
    home_codes = forms.MultipleChoiceField(
        required=False,
        label="Its home districts",
        widget=forms.CheckboxSelectMultiple,
        help_text="Spend with suppliers here counts as local on its own dashboard. A council's "
        "own district when none is ticked; for another institution, none ticked means the whole "
        "partnership area.",
    )
    region_codes = forms.MultipleChoiceField(
        required=False,
        label="Districts of the wider region",
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text="Spend here counts as regional rather than national. For a council, the "
        "partnership's other districts when none is chosen.",
    )

    def __init__(self, *args, area_codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        area = _by_name(area_codes)
        self.fields["institution"].choices = [
            *((f"council:{code}", f"{name} Council") for code, name in area),
            (OTHER_INSTITUTION, "Another institution (an NHS trust, a university…), named below"),
        ]
        self.fields["home_codes"].choices = area
        self.fields["region_codes"].choices = _by_name(districts.all_districts())

    def council_code(self) -> str | None:
        """The district of the council chosen, or None for another institution."""
        choice = self.cleaned_data.get("institution", "")
        return choice.removeprefix("council:") if choice.startswith("council:") else None

    def clean(self):
        data = super().clean()
        if data.get("institution") == OTHER_INSTITUTION:
            if not (data.get("name") or "").strip():
                self.add_error("name", "Give the institution's name.")
            if not data.get("kind"):
                self.add_error("kind", "Say what kind of institution it is.")
        return data


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
