"""Forms for the partnership: choosing its area as a former LEP's districts or one by one."""

from django import forms
from django.core.exceptions import ValidationError

from altlep.core import districts
from altlep.core.areas.selectors import (
    HOW_TO_IMPORT,
    AreaLookupMissing,
    lep_current_districts,
    lep_named,
    leps,
)
from altlep.core.models import Partnership

BY_LEP = "lep"
BY_DISTRICT = "districts"


def _district_choices() -> list[tuple[str, str]]:
    named = sorted(districts.all_districts().items(), key=lambda cn: (cn[1], cn[0]))
    return [(code, f"{name} ({code})") for code, name in named]


class PartnershipAreaForm(forms.ModelForm):
    """The partnership's name and description, and its area chosen one of two ways.

    The chosen codes and a description of the choice land in `cleaned_data["area_codes"]` and
    `cleaned_data["area_description"]`; saving them is the service's job, not the form's.
    """

    area_method = forms.ChoiceField(
        label="Choose the area",
        choices=[
            (BY_LEP, "as the districts of a former LEP"),
            (BY_DISTRICT, "district by district"),
        ],
        widget=forms.RadioSelect,
        initial=BY_DISTRICT,
    )
    lep = forms.ChoiceField(label="Former LEP", required=False)
    min_share = forms.FloatField(
        label="Least share of a district inside the LEP",
        min_value=0.0,
        max_value=1.0,
        initial=0.0,
        required=False,
        help_text="0 takes every district with any LSOA in the LEP; 0.5 only those mostly in it.",
    )
    district_codes = forms.MultipleChoiceField(
        label="Districts", required=False, widget=forms.SelectMultiple(attrs={"size": 15})
    )

    class Meta:
        model = Partnership
        fields = ["name", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices are read per form, so a lookup imported a minute ago is offered at once.
        with_districts = [lep for lep in leps() if lep.lsoa_count]
        self.fields["lep"].choices = [("", "—")] + [
            (f"{lep.vintage}:{lep.code}", lep.label) for lep in with_districts
        ]
        if not with_districts:
            self.fields["lep"].help_text = f"No LEP lookups imported yet: {HOW_TO_IMPORT}."
        self.fields["district_codes"].choices = _district_choices()
        if self.instance.pk:
            self.fields["district_codes"].initial = list(self.instance.area_codes)

    def clean(self):
        data = super().clean()
        if data.get("area_method") == BY_LEP:
            self._clean_lep(data)
        elif data.get("area_method") == BY_DISTRICT:
            codes = data.get("district_codes") or []
            if not codes and "district_codes" not in self.errors:
                self.add_error("district_codes", "Choose at least one district.")
            data["area_codes"] = list(codes)
            data["area_description"] = "chosen district by district"
        return data

    def _clean_lep(self, data: dict) -> None:
        choice = data.get("lep")
        if not choice:
            self.add_error("lep", "Choose a former LEP, or choose the area district by district.")
            return
        vintage, code = choice.split(":", 1)
        try:
            codes = lep_current_districts(code, vintage, min_share=data.get("min_share") or 0.0)
        except AreaLookupMissing as error:
            raise ValidationError(str(error)) from error
        if not codes:
            self.add_error("min_share", "No district of that LEP has so large a share.")
            return
        unknown = [c for c in codes if not districts.is_known(c)]
        if unknown:
            # A district recoded after our names table was written: say so rather than fail later.
            self.add_error(
                "lep",
                f"This LEP now covers districts missing from our list of "
                f"names ({', '.join(unknown)}); choose the others district by "
                "district and report the missing codes.",
            )
            return
        lep = lep_named(code, vintage)
        data["area_codes"] = codes
        data["area_description"] = f"the districts of the former {lep.name if lep else code} LEP"
