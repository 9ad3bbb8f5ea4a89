"""Template helpers shared by every app."""

from django import template
from django.contrib.staticfiles import finders

register = template.Library()


@register.simple_tag
def vendor_asset_available(path: str) -> bool:
    """Whether a vendored asset (installed from npm by `make`) is present, so pages that include
    it never point at a missing file when the site was installed with plain `pip install .`."""
    return finders.find(path) is not None


@register.filter
def pounds(pence: int | None) -> str:
    """Format integer pence as pounds: 123456 → "£1,234.56"; None → "not given"."""
    if pence is None:
        return "not given"
    whole, part = divmod(int(pence), 100)
    return f"£{whole:,}" if part == 0 else f"£{whole:,}.{part:02d}"


@register.filter
def minutes(delta) -> int:
    """A timedelta in whole minutes (e.g. how long logging in is paused)."""
    return int(delta.total_seconds() // 60)
