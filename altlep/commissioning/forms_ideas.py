"""Forms for ideas, moderation, assessment, pledges and delivery. They parse the shape of input
(pounds into pence, dates); the services decide. Field names match the services' arguments so
a service's ValidationError lands on the right field."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

from altlep.commissioning.models import DeliveryStatus, IdeaStatus, PledgeKind
from altlep.commissioning.services.ideas import CATEGORIES

POUNDS_HELP = "In pounds, e.g. 250 or 1,250.50."


class PoundsField(forms.CharField):
    """An amount typed in pounds ("£1,250.50"), cleaned to whole pence (125050)."""

    def __init__(self, *, allow_zero: bool = False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault("help_text", POUNDS_HELP)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "maxlength": "20"}

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        if len(text) > 20:
            raise forms.ValidationError("That amount is too long.")
        cleaned = re.sub(r"[£,\s]", "", text)
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise forms.ValidationError(
                f"“{text}” is not an amount of money: enter pounds, like 250 or 1,250.50."
            ) from None
        if not amount.is_finite():
            raise forms.ValidationError(f"“{text}” is not an amount of money.")
        if amount < 0:
            raise forms.ValidationError("The amount cannot be negative.")
        if amount == 0 and not self.allow_zero:
            raise forms.ValidationError("The amount must be more than £0.")
        if amount != amount.quantize(Decimal("0.01")):
            raise forms.ValidationError("Give at most two decimal places (pence).")
        if amount > Decimal("1000000000"):
            raise forms.ValidationError("That amount is too large.")
        return int(amount * 100)


def _category_choices(blank: str | None = None):
    choices = [(c, c) for c in CATEGORIES]
    return [("", blank), *choices] if blank else choices


class IdeaForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(
        label="Describe your idea",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What should the partnership commission, for whom, and why?",
    )
    category = forms.ChoiceField(label="Category", choices=_category_choices())
    district_code = forms.ChoiceField(label="District", required=False)
    rough_cost_pence = PoundsField(
        label="Rough cost (£)",
        required=False,
        help_text="Optional. Your best guess in pounds, e.g. 5,000. Officers cost it properly.",
    )
    own_contribution = forms.CharField(
        label="What would you contribute yourself?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional. Time, skills, materials, a venue…",
    )

    def __init__(self, *args, districts: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district_code"].choices = [("", "The whole area"), *districts]


class IdeaFilterForm(forms.Form):
    q = forms.CharField(
        label="Search ideas",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    category = forms.ChoiceField(label="Category", required=False)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *IdeaStatus.choices]
    )
    district = forms.ChoiceField(label="District", required=False)
    sort = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("newest", "Newest first"), ("support", "Most supported first")],
    )

    def __init__(self, *args, districts: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _category_choices("Any category")
        self.fields["district"].choices = [("", "Any district"), *districts]


class CommentForm(forms.Form):
    body = forms.CharField(label="Your comment", widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SupportForm(forms.Form):
    action = forms.ChoiceField(choices=[("support", "Support"), ("withdraw", "Withdraw")])


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with it?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A moderator will read your report. You do not need to be signed in.",
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label="Public reason for hiding",
        help_text="Shown in place of the content.",
        max_length=500,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason (public)", widget=forms.Textarea(attrs={"rows": 2}))


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label="Merge into", queryset=None, empty_label="Choose an idea")
    reason = forms.CharField(label="Reason (public)", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = targets


class ProjectForm(forms.Form):
    cost_pence = PoundsField(label="Cost (£)", help_text="The officers' costing, in pounds.")
    feasibility_notes = forms.CharField(
        label="Feasibility notes", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PledgeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What will you pledge?", choices=PledgeKind.choices, widget=forms.RadioSelect
    )
    amount_pence = PoundsField(label="Amount (£)", required=False, help_text="For money pledges.")
    hours = forms.IntegerField(
        label="Hours",
        required=False,
        min_value=1,
        max_value=100_000,
        help_text="For volunteer hours: a whole number.",
        error_messages={
            "invalid": "Hours must be a whole number.",
            "min_value": "Hours must be at least 1.",
        },
    )
    description = forms.CharField(
        label="Details",
        required=False,
        max_length=300,
        help_text="What materials or which venue, or anything the officers should know.",
    )
    organisation = forms.ChoiceField(label="Pledge on behalf of", required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["organisation"].choices = [("", "Myself")] + [
            (key, o.name) for key, o in self.organisations.items()
        ]
        if not organisations:
            self.fields["organisation"].widget = forms.HiddenInput()

    def clean_organisation(self):
        return self.organisations.get(self.cleaned_data["organisation"])


class PledgeConfirmForm(forms.Form):
    value_pence = PoundsField(
        label="Value (£)", required=False, allow_zero=True, help_text="For in-kind pledges."
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label="Milestone", max_length=200)
    due = forms.DateField(
        label="Due", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class DeliveryUpdateForm(forms.Form):
    body = forms.CharField(label="Update", widget=forms.Textarea(attrs={"rows": 4}))
    status = forms.ChoiceField(label="Status", choices=DeliveryStatus.choices)
    spend_to_date_pence = PoundsField(
        label="Spend to date (£)", allow_zero=True, help_text="Total spent so far, in pounds."
    )


class BoxFilterForm(IdeaFilterForm):
    """The round list's filters, with where a box idea stands in place of its round status."""

    def __init__(self, *args, states: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].label = "Where it stands"
        self.fields["status"].choices = [("", "Anywhere"), *states]


class BringIntoRoundForm(forms.Form):
    round = forms.ModelChoiceField(
        label="Bring it into", queryset=None, empty_label="Choose a round taking ideas"
    )

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label="Why not (shown publicly)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The proposer, supporters and anyone reading the idea will see this.",
    )
