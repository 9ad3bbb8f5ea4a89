"""Every response carries a Content-Security-Policy that allows no inline script, and no
template has inline script, event-handler attributes, style attributes or javascript: URLs
(which the policy would block). The browser journeys (tests/browser/) run under it and fail
on any violation Chromium reports."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import altlep
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(altlep.__file__).parent.glob("*/templates/**/*.html"))
INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "event-handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.I),
    "style element": re.compile(r"<style\b", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def _routes(patterns, prefix: str = ""):
    """Every address of the site that takes no parameters."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and "<" not in route and "(?" not in route:
            yield "/" + route.lstrip("^").rstrip("$")


def _assert_policy(response, url):
    policy = response.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy or "default-src 'none'" in policy, url
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url


def test_every_address_answers_with_the_policy(client, partnership, officer):
    routes = sorted(set(_routes(get_resolver().url_patterns)))
    assert len(routes) > 30
    for viewer in (None, UserFactory(), officer):
        if viewer:
            client.force_login(viewer)
        for url in routes:
            _assert_policy(client.get(url), url)


def test_error_lock_out_and_throttle_pages_carry_it_too(client, member, settings):
    _assert_policy(client.get("/no-such-page/"), "404")
    settings.AXES_FAILURE_LIMIT = 1
    locked = client.post(reverse("members:login"), {"username": member.email, "password": "x"})
    assert locked.status_code == 429
    _assert_policy(locked, "lock-out page")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p).split("altlep/")[-1])
def test_no_template_has_inline_script_or_styles(template):
    text = template.read_text(encoding="utf-8")
    found = [name for name, pattern in INLINE.items() if pattern.search(text)]
    assert found == [], f"{template}: {found}"
