"""The digest email: plain text with an HTML twin, one unsubscribe link, absolute addresses."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from altlep.core.models import Partnership
from altlep.notify.models import Frequency
from altlep.notify.selectors import Told, grouped
from altlep.notify.tokens import unsubscribe_token


def absolute(path: str) -> str:
    return path if "://" in path else f"{settings.ALTLEP_SITE_URL}{path}"


def unsubscribe_url(member) -> str:
    return absolute(reverse("notify:unsubscribe", args=[unsubscribe_token(member.pk)]))


def digest_subject(*, count: int) -> str:
    partnership = Partnership.objects.current()
    name = partnership.name if partnership else "Alternative LEP"
    changes = "1 change" if count == 1 else f"{count} changes"
    return f"{name}: {changes} in what you follow"


def digest_message(*, member, told: list[Told], frequency: str) -> EmailMultiAlternatives:
    sections = [
        {
            "title": str(follow.thing),
            "kind": follow.kind,
            "url": absolute(follow.thing.get_absolute_url()),
            "lines": [
                {"text": change.text, "url": absolute(change.url), "times": times}
                for change, times in lines
            ],
        }
        for follow, lines in grouped(told)
    ]
    unsubscribe = unsubscribe_url(member)
    context = {
        "member": member,
        "sections": sections,
        "period": "day" if frequency == Frequency.DAILY else "week",
        "settings_url": absolute(reverse("notify:settings")),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=digest_subject(count=len(told)),
        body=render_to_string("notify/digest_email.txt", context),
        to=[member.email],
        headers={
            # One-click unsubscribe (RFC 8058): mail clients POST to the same signed link.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("notify/digest_email.html", context), "text/html")
    return message
