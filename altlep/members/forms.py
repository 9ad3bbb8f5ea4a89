"""Forms: they parse and check input shapes; services decide and write."""

import re
from decimal import Decimal

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from altlep.geo import postcodes
from altlep.members import identifiers, sic
from altlep.members.models import Role, SizeBandField, Visibility
from altlep.members.sectors import LegalForm, Sector
from altlep.members.services import OrganisationDetails


class RegistrationForm(forms.Form):
    email = forms.EmailField(label="Email address", help_text="You log in with this address.")
    display_name = forms.CharField(
        label="Your name", max_length=100, help_text="How other members will see you."
    )
    password1 = forms.CharField(
        label="Password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters, not all numbers, and not a common password.",
    )
    password2 = forms.CharField(
        label="Password again", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        help_text="Optional. Tells us which district you live or work in.",
    )
    interests = forms.CharField(
        label="Interests",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. What would you like the partnership to do?",
    )
    visibility = forms.ChoiceField(
        label="Who can see you in the members directory",
        choices=Visibility.choices,
        initial=Visibility.MEMBERS,
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", "The two passwords are not the same.")
        return cleaned


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "unconfirmed": (
            "Please confirm your email address first: we have sent you a new confirmation link."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.email_confirmed:
            self.unconfirmed_user = user
            raise forms.ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")


class ProfileForm(forms.Form):
    display_name = forms.CharField(label="Your name", max_length=100)
    postcode = forms.CharField(label="Postcode", required=False, max_length=10)
    interests = forms.CharField(
        label="Interests", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label="Who can see you in the members directory",
        choices=Visibility.choices,
        widget=forms.RadioSelect,
    )


def _pence(pounds: Decimal | None) -> int | None:
    return None if pounds is None else int((pounds * 100).to_integral_value())


def _money_field(label: str, help_text: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class OrganisationForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    legal_form = forms.ChoiceField(label="Legal form", choices=LegalForm.choices)
    postcode = forms.CharField(
        label="Registered postcode",
        max_length=10,
        help_text="We use it to find the local authority district.",
    )
    company_number = forms.CharField(
        label="Company number",
        required=False,
        max_length=12,
        help_text="Companies House number, e.g. 01234567 or SC123456.",
    )
    charity_number = forms.CharField(label="Charity number", required=False, max_length=14)
    society_number = forms.CharField(
        label="Society number",
        required=False,
        max_length=10,
        help_text="For co-operative and community benefit societies (FCA register).",
    )
    sic_codes = forms.CharField(
        label="SIC 2007 codes",
        required=False,
        max_length=100,
        help_text="Five-digit codes, separated by commas or spaces, e.g. 62012, 74100.",
    )
    employees = forms.IntegerField(
        label="Employees",
        required=False,
        min_value=0,
        help_text="Average number, headcount.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    turnover = _money_field("Turnover (£)", "Annual turnover in pounds, if known.")
    balance_sheet = _money_field("Balance sheet total (£)", "Gross assets in pounds, if known.")
    description = forms.CharField(
        label="What the organisation does",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    website = forms.URLField(label="Website", required=False, assume_scheme="https")

    # Field-level checks use the same functions as the service, so a form shows every problem
    # at once; the service checks again because it is also called from the admin and the demo.
    def clean_postcode(self) -> str:
        try:
            return postcodes.locate(self.cleaned_data["postcode"]).postcode
        except postcodes.PostcodeError as error:
            raise forms.ValidationError(str(error)) from error

    def _identifier(self, name: str, normalise) -> str:
        raw = self.cleaned_data[name].strip()
        if not raw:
            return ""
        try:
            return normalise(raw)
        except identifiers.IdentifierError as error:
            raise forms.ValidationError(str(error)) from error

    def clean_company_number(self) -> str:
        return self._identifier("company_number", identifiers.normalise_company_number)

    def clean_charity_number(self) -> str:
        return self._identifier("charity_number", identifiers.normalise_charity_number)

    def clean_society_number(self) -> str:
        return self._identifier("society_number", identifiers.normalise_society_number)

    def clean_sic_codes(self) -> list[str]:
        codes = [c for c in re.split(r"[\s,;]+", self.cleaned_data["sic_codes"]) if c]
        unknown = [c for c in codes if not sic.is_valid(c)]
        if unknown:
            raise forms.ValidationError(
                f"Not SIC 2007 codes: {', '.join(unknown)}. Use the five-digit codes."
            )
        return codes

    def details(self) -> OrganisationDetails:
        data = self.cleaned_data
        return OrganisationDetails(
            name=data["name"],
            legal_form=data["legal_form"],
            postcode=data["postcode"],
            company_number=data["company_number"],
            charity_number=data["charity_number"],
            society_number=data["society_number"],
            description=data["description"],
            website=data["website"],
            sic_codes=data["sic_codes"],
            employees=data["employees"],
            turnover_pence=_pence(data["turnover"]),
            balance_sheet_pence=_pence(data["balance_sheet"]),
        )

    @classmethod
    def initial_from(cls, organisation) -> dict:
        return {
            "name": organisation.name,
            "legal_form": organisation.legal_form,
            "postcode": organisation.postcode,
            "company_number": organisation.company_number,
            "charity_number": organisation.charity_number,
            "society_number": organisation.society_number,
            "sic_codes": ", ".join(organisation.sic_codes),
            "employees": organisation.employees,
            "turnover": None
            if organisation.turnover_pence is None
            else Decimal(organisation.turnover_pence) / 100,
            "balance_sheet": None
            if organisation.balance_sheet_pence is None
            else Decimal(organisation.balance_sheet_pence) / 100,
            "description": organisation.description,
            "website": organisation.website,
        }


class NewOrganisationForm(OrganisationForm):
    role = forms.ChoiceField(label="Your role in it", choices=Role.choices)


class SectorOverrideForm(forms.Form):
    sector = forms.ChoiceField(
        label="Sector",
        choices=[("", "Follow the legal form"), *Sector.choices],
        required=False,
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    size_band = forms.ChoiceField(
        label="Size", required=False, choices=[("", "Any size"), *SizeBandField.choices]
    )
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "Any sector"), *Sector.choices]
    )
    sic_section = forms.ChoiceField(label="Industry (SIC section)", required=False, choices=())
    in_area = forms.ChoiceField(
        label="Where",
        required=False,
        choices=[("", "Anywhere"), ("yes", "In our area"), ("no", "Outside our area")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sic_section"].choices = [
            ("", "Any industry"),
            *((letter, f"{letter} – {title}") for letter, title in sic.sections().items()),
        ]


class MemberSearchForm(forms.Form):
    q = forms.CharField(
        label="Search by name or interest",
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
