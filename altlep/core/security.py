"""A Content-Security-Policy on every response: the site runs only its own scripts and styles,
from its own static files, so a script that slipped into a page (or an uploaded file) cannot
run. No page has inline script, event-handler attributes or style attributes; htmx is told not
to inject its indicator styles or evaluate code (see base.html's htmx-config)."""

from django.conf import settings

DEFAULT_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Adds the policy unless a view set a stricter one of its own (uploads do)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "ALTLEP_CONTENT_SECURITY_POLICY", DEFAULT_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
