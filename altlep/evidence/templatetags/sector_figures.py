"""`thousands`: a count with thousands separators (1,240), for the sector pages."""

from django import template

register = template.Library()


@register.filter
def thousands(value) -> str:
    if value is None or value == "":
        return ""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)
