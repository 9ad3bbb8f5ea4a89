"""Forms for filing an impact report (figures, spend lines, outcomes) and publishing a
network's report."""

from django import forms

from altlep.evidence.models import SvmTheme

FIGURES = [
    ("jobs", "Jobs (full-time equivalent)"),
    ("local_spend_pounds", "Local spend: suppliers and staff in the area (£)"),
    ("lm3", "Local Multiplier 3 (LM3) of your income"),
    ("contracts_won_pounds", "Value of contracts won (£)"),
    ("apprenticeships", "Apprenticeships"),
    ("volunteer_hours", "Volunteer hours"),
    ("people_supported", "People supported"),
    ("emissions_kg", "Emissions (kg CO2e, estimated from spend)"),
    ("waste_kg", "Waste (kg)"),
]


# Unknown is not zero: these start empty and stay empty unless someone knows them.
OPTIONAL = {"local_spend_pounds", "lm3"}


class ReportForm(forms.Form):
    starts_on = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    ends_on = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Where the figures you entered come from.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in FIGURES:
            # Text, not number inputs, so a bad figure reaches the service and its message.
            self.fields[name] = forms.CharField(
                label=label, required=False, initial="" if name in OPTIONAL else "0"
            )


class SpendForm(forms.Form):
    supplier_name = forms.CharField(max_length=200, required=False, label="Supplier")
    amount_pounds = forms.CharField(max_length=20, required=False, label="Amount (£)")
    local = forms.BooleanField(required=False, label="Local supplier")


class OutcomeForm(forms.Form):
    theme = forms.ChoiceField(
        choices=[("", "(none)"), *SvmTheme.choices],
        required=False,
        label="Social Value Model mission",
    )
    description = forms.CharField(max_length=300, required=False)
    quantity = forms.CharField(max_length=12, required=False, initial="0")
    value_pounds = forms.CharField(
        max_length=20, required=False, initial="0", label="Value per year (£)"
    )
    deadweight_percent = forms.CharField(
        max_length=8, required=False, initial="0", label="Deadweight (%)"
    )
    attribution_percent = forms.CharField(
        max_length=8, required=False, initial="0", label="Attribution to others (%)"
    )
    drop_off_percent = forms.CharField(
        max_length=8, required=False, initial="0", label="Drop-off each later year (%)"
    )
    years = forms.CharField(max_length=3, required=False, initial="1", label="Years it lasts")
    evidence = forms.CharField(max_length=2000, required=False)


SpendFormSet = forms.formset_factory(SpendForm, extra=3)
OutcomeFormSet = forms.formset_factory(OutcomeForm, extra=2)


class PublishForm(forms.Form):
    starts_on = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    ends_on = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
