"""Every address that only takes a form answers a visit with a page that says what it is for
and links back to where the form is, keeping the 405 status: found by walking every URL pattern."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from altlep.core.post_only import PURPOSES

pytestmark = pytest.mark.django_db
SAMPLE = {"int": 1, "slug": "x", "str": "x", "path": "x"}


def _patterns(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace) if n) or None
            yield from _patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def allowed_methods(view) -> list[str] | None:
    """The methods a view allows, read from Django's own decorator or class; None if any."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return [m.upper() for m in view_class.http_method_names if hasattr(view_class, m)]
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            return list(
                view.__closure__[code.co_freevars.index("request_method_list")].cell_contents
            )
        view = getattr(view, "__wrapped__", None)
    return None


def post_only_addresses() -> list[tuple[str, str]]:
    found = []
    for name, pattern in _patterns(get_resolver().url_patterns):
        methods = allowed_methods(pattern.callback)
        if methods is not None and "GET" not in methods:
            converters = pattern.pattern.converters
            kwargs = {
                key: SAMPLE[type(c).__name__.replace("Converter", "").lower()]
                for key, c in converters.items()
            }
            found.append((name, reverse(name, kwargs=kwargs)))
    return found


ADDRESSES = post_only_addresses()


def test_the_walk_finds_the_post_only_addresses():
    names = {name for name, _ in ADDRESSES}
    assert {"governance:appoint", "members:logout", "commissioning:count"} <= names
    assert len(names) >= 20


@pytest.mark.parametrize("name,address", ADDRESSES, ids=[n for n, _ in ADDRESSES])
def test_a_visit_to_a_post_only_address_explains_it_and_links_back(client, officer, name, address):
    client.force_login(officer)
    response = client.get(address)
    html = response.content.decode()
    assert response.status_code == 405
    assert "POST" in response["Allow"]
    assert "This address takes a form, not a visit" in html
    assert "receives a form from another page" not in html, (
        f"{name} is not described: add it to PURPOSES in altlep/core/post_only.py"
    )
    if name in PURPOSES:
        assert PURPOSES[name][0] in html.replace("&#x27;", "'")
    back = re.search(r'Go to <a href="([^"]+)">', html).group(1)
    assert back != address
    back_methods = allowed_methods(resolve(back).func)
    assert back_methods is None or "GET" in back_methods


def test_the_page_links_to_the_page_the_visitor_came_from(client, officer):
    client.force_login(officer)
    came_from = "http://testserver" + reverse("governance:board")
    html = client.get(reverse("governance:appoint"), HTTP_REFERER=came_from).content.decode()
    assert f'<a href="{came_from}">Back to the page you came from</a>' in html
    elsewhere = client.get(reverse("governance:appoint"), HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in elsewhere.content.decode()


def test_a_form_sent_to_the_address_still_works(client, member):
    client.force_login(member)
    response = client.post(reverse("members:logout"))
    assert response.status_code in (200, 302)
    assert "_auth_user_id" not in client.session
