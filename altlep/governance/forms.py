"""Forms parse input only; every rule is checked by the services."""

from django import forms

from altlep.core.uploads import UploadFormField
from altlep.governance.models import Category, Constitution, GroupKind
from altlep.governance.models.elections import StvRule
from altlep.governance.services.constitution import FIELDS as CONSTITUTION_FIELDS
from altlep.members.models import User

VOTE_CHOICES = [
    ("", "Did not vote"),
    ("for", "For"),
    ("against", "Against"),
    ("abstain", "Abstain"),
]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def when_field(label: str, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class ConstitutionForm(forms.ModelForm):
    confirm = forms.BooleanField(
        required=False, label="Apply even if seats on the sitting board are affected"
    )

    class Meta:
        model = Constitution
        fields = CONSTITUTION_FIELDS


class AppointForm(forms.Form):
    member = forms.ModelChoiceField(queryset=User.objects.confirmed(), label="Member")
    category = forms.ChoiceField(choices=Category.choices, label="Seat category")


class ElectionForm(forms.Form):
    title = forms.CharField(max_length=200)
    category = forms.ChoiceField(choices=Category.choices, label="Seat category")
    seats = forms.IntegerField(min_value=1, max_value=50, label="Seats to fill")
    rule = forms.ChoiceField(choices=StvRule.choices, label="Counting rule")


class NominationForm(forms.Form):
    statement = forms.CharField(widget=forms.Textarea, label="Your statement to the voters")


class BallotForm(forms.Form):
    """One rank box per candidate: 1 for the first choice, 2 for the next; blank to leave out."""

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        for n in nominations:
            self.fields[f"rank_{n.pk}"] = forms.IntegerField(
                required=False, min_value=1, label=f"Rank for {n.member}"
            )

    def ranks(self) -> dict:
        return {
            key.removeprefix("rank_"): value
            for key, value in self.data.items()
            if key.startswith("rank_") and str(value).strip()
        }


class MeetingForm(forms.Form):
    title = forms.CharField(max_length=200)
    starts_at = when_field("Starts at")
    ends_at = when_field("Ends at", required=False)
    location = forms.CharField(max_length=200, required=False)


class AgendaItemForm(forms.Form):
    title = forms.CharField(max_length=200, label="Item title")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    public = forms.BooleanField(required=False, initial=True, label="Public item")


class PaperForm(forms.Form):
    title = forms.CharField(max_length=200, label="Paper title")
    url = forms.URLField(required=False, label="Link")
    file = UploadFormField(required=False, label="Or upload a file")


class MinutesForm(forms.Form):
    minutes = forms.CharField(widget=forms.Textarea)


class AttendanceForm(forms.Form):
    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in members}
        for m in members:
            self.fields[f"attend_{m.pk}"] = forms.ChoiceField(
                required=False,
                label=f"Attendance: {m}",
                choices=[
                    ("", "Not recorded"),
                    ("present", "Present"),
                    ("apologies", "Apologies"),
                    ("absent", "Absent"),
                ],
            )

    def statuses(self) -> dict:
        return {
            self.members[key.removeprefix("attend_")]: value
            for key, value in self.cleaned_data.items()
            if value
        }


class InterestForm(forms.Form):
    item = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Agenda item",
        help_text="Leave empty for a general entry in the register.",
    )
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label="Interest")

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda i: f"{i.meeting}: {i.title}"


class DecisionForm(forms.Form):
    item = forms.ModelChoiceField(queryset=None, required=False, label="Agenda item")
    title = forms.CharField(max_length=200)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="Decision text")

    def __init__(self, *args, items, voters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.voters = {str(m.pk): m for m in voters}
        for m in voters:
            self.fields[f"vote_{m.pk}"] = forms.ChoiceField(
                required=False, choices=VOTE_CHOICES, label=f"Vote: {m}"
            )

    def votes(self) -> dict:
        return {
            self.voters[key.removeprefix("vote_")]: value
            for key, value in self.cleaned_data.items()
            if key.startswith("vote_") and value
        }


class GroupForm(forms.Form):
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=GroupKind.choices)
    purpose = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    convenor = forms.ModelChoiceField(queryset=User.objects.confirmed())


class JoinForm(forms.Form):
    note = forms.CharField(max_length=300, required=False, label="Why you want to join")
    local_authority = forms.BooleanField(
        required=False, label="I join as a local-authority counterpart"
    )


class DocumentForm(forms.Form):
    title = forms.CharField(max_length=200, label="Document title")
    url = forms.URLField(required=False, label="Link")
    file = UploadFormField(required=False, label="Or upload a file")


class StrategyForm(forms.Form):
    title = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea, label="Strategy")
    sectors = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        label="Priority sectors",
        help_text="One a line: the sector, a colon, and why it is a priority.",
    )

    def sector_pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for line in self.cleaned_data["sectors"].splitlines():
            name, _, why = line.partition(":")
            if name.strip():
                pairs.append((name.strip(), why.strip()))
        return pairs
