"""`{% follow_button thing %}`: the follow / stop following form, one line on any page."""

from django import template

from altlep.notify import selectors

register = template.Library()


def follow_context(user, thing, next_url: str) -> dict:
    return {
        "thing": thing,
        "kind": selectors.kind_of(thing),
        "following": selectors.is_following(member=user, thing=thing),
        "can_follow": user.has_perm("notify.follow", thing),
        "signed_in": user.is_authenticated,
        "next": next_url,
    }


@register.inclusion_tag("notify/follow_button.html", takes_context=True)
def follow_button(context, thing) -> dict:
    request = context["request"]
    return {
        **follow_context(request.user, thing, request.get_full_path()),
        "csrf_token": context.get("csrf_token"),
    }
