"""The home page's "what is on": a list of sections, each built by one app's selector.

A later app (procurement opportunities, apprenticeship placements) shows what it has open by
adding one dotted path to SECTIONS. Each is a function `(request) -> Section | None`; None
leaves the section out (e.g. "new since your last visit" for someone not signed in). Paths are
imported when the page is built, so core never imports the apps at import time.
"""

import datetime
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.module_loading import import_string

SECTIONS = [
    "altlep.notify.selectors.new_since_last_visit",
    "altlep.commissioning.selectors.whats_on.open_votes",
    "altlep.commissioning.selectors.whats_on.ideas_wanted",
    "altlep.governance.selectors.whats_on.next_meetings",
    "altlep.governance.selectors.whats_on.elections",
    "altlep.governance.selectors.whats_on.latest_decisions",
    "altlep.procurement.selectors.open_opportunities_section",
    "altlep.skills.selectors.open_placements",
]


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    detail: str = ""  # e.g. "voting closes Friday 12 December"
    when: datetime.datetime | None = None  # shown as a <time> when set


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass
class Section:
    key: str  # a stable id for the page's anchors and for tests
    title: str
    items: list[Item] = field(default_factory=list)
    empty: str = "Nothing just now."
    links: list[Link] = field(default_factory=list)


def whats_on(request: HttpRequest) -> list[Section]:
    sections = (import_string(path)(request) for path in SECTIONS)
    return [section for section in sections if section is not None]
