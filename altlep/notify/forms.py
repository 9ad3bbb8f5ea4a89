from django import forms

from altlep.notify.models import FOLLOWABLE_KINDS, Frequency


class FollowForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k, k) for k in FOLLOWABLE_KINDS])
    pk = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[("follow", "Follow"), ("unfollow", "Stop following")])
    next = forms.CharField(required=False)


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label="Email me what changed in what I follow",
        choices=[
            (Frequency.DAILY, "Daily"),
            (Frequency.WEEKLY, "Weekly"),
            (Frequency.NONE, "Never (no emails)"),
        ],
        widget=forms.RadioSelect,
    )
