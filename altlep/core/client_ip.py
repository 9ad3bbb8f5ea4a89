"""The visitor's network address, as throttling counts it (django-axes and django-ratelimit
both ask here), so that one setting says how far to trust X-Forwarded-For."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR; behind ALTLEP_PROXY_COUNT trusted proxies, the address the outermost of
    them saw (entries further left in X-Forwarded-For are the visitor's to forge)."""
    proxies = getattr(settings, "ALTLEP_PROXY_COUNT", 0)
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
