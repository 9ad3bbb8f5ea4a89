from django import template

register = template.Library()


@register.filter
def percent(share) -> str:
    """0.3125 → "31.3%"."""
    return "" if share is None else f"{float(share):.1%}"
