"""`{{ pence|pounds }}`: integer pence shown as £1,234.56."""

from django import template

register = template.Library()


@register.filter
def pounds(pence) -> str:
    if pence is None:
        return ""
    sign = "−" if pence < 0 else ""
    return f"{sign}£{abs(pence) / 100:,.2f}"
