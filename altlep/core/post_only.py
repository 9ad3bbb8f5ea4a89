"""Addresses that only take a form (POST) answer a visit (GET) with a page that says what they
are for and links back, instead of a blank "405 Method Not Allowed".

One middleware does it for the whole site: any view that refuses GET with a 405 whose Allow
header offers POST (Django's `require_POST`, `LogoutView`) gets the page, keeping the 405 status
and Allow header so that programs still see what HTTP says.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme

# URL name → (what the form sent here does, the page the form lives on, what that page is).
# A POST-only address missing here falls back on its view's docstring; the test that walks
# every URL pattern names any address that has neither.
PURPOSES: dict[str, tuple[str, str, str]] = {
    "members:logout": ("logs you out", "core:home", "the home page"),
    "members:organisation_sector": (
        "lets an officer override an organisation's sector",
        "members:organisation",
        "the organisation's page",
    ),
    "commissioning:idea_hide": (
        "lets a moderator hide an idea that breaks the house rules",
        "commissioning:idea",
        "the idea",
    ),
    "commissioning:comment_hide": (
        "lets a moderator hide a comment that breaks the house rules",
        "commissioning:moderation",
        "the moderation queue",
    ),
    "commissioning:report_dismiss": (
        "lets a moderator dismiss a report about content",
        "commissioning:moderation",
        "the moderation queue",
    ),
    "commissioning:idea_support": (
        "adds or withdraws your support for an idea",
        "commissioning:idea",
        "the idea",
    ),
    "commissioning:idea_comment": (
        "adds your comment to an idea",
        "commissioning:idea",
        "the idea",
    ),
    "commissioning:pledge_confirm": (
        "lets an officer confirm a pledge toward a project",
        "commissioning:rounds",
        "the commissioning rounds",
    ),
    "commissioning:milestone_done": (
        "marks a delivery milestone of a funded project as done",
        "commissioning:rounds",
        "the commissioning rounds",
    ),
    "ideas:bring_into_round": (
        "lets an officer bring an idea from the ideas box into a round that takes ideas",
        "ideas:detail",
        "the idea",
    ),
    "ideas:decline": (
        "lets an officer decline an idea from the ideas box, with a public reason",
        "ideas:detail",
        "the idea",
    ),
    "commissioning:next_phase": (
        "lets an officer end a round's current phase and start the next",
        "commissioning:round",
        "the round",
    ),
    "commissioning:count": (
        "lets an officer count a round's ballots once its vote has closed",
        "commissioning:round",
        "the round",
    ),
    "commissioning:publish": (
        "lets an officer publish a round's counted results",
        "commissioning:round",
        "the round",
    ),
    "governance:appoint": (
        "lets an officer appoint a member to a seat on the board",
        "governance:board",
        "the board",
    ),
    "governance:seat_end": (
        "ends a seat on the board (a resignation or a removal)",
        "governance:board",
        "the board",
    ),
    "governance:nominate": (
        "puts you forward as a candidate in a board election",
        "governance:election",
        "the election",
    ),
    "governance:election_advance": (
        "lets an officer close nominations and open the vote, or close the vote and count it",
        "governance:election",
        "the election",
    ),
    "governance:item_add": (
        "adds an item to a meeting's agenda",
        "governance:meeting",
        "the meeting",
    ),
    "governance:paper_add": ("adds a paper to a meeting", "governance:meeting", "the meeting"),
    "governance:attendance": (
        "records who attended a meeting",
        "governance:meeting",
        "the meeting",
    ),
    "governance:minutes": ("publishes a meeting's minutes", "governance:meeting", "the meeting"),
    "governance:join": ("asks to join a group", "governance:group", "the group"),
    "governance:accept": (
        "lets a group's convenor accept a member who asked to join",
        "governance:group",
        "the group",
    ),
    "governance:document_add": ("adds a document to a group", "governance:group", "the group"),
    "evidence:review_decide": (
        "records an officer's decision on a suggested supplier match",
        "evidence:review",
        "the review of supplier matches",
    ),
    "evidence:refresh": (
        "lets an officer run supplier resolution and the analysis again",
        "evidence:review",
        "the review of supplier matches",
    ),
    "procurement:opportunity_publish": (
        "publishes a buyer's draft opportunity after its check",
        "procurement:list",
        "the opportunities",
    ),
    "procurement:opportunity_revise": (
        "starts a revised version of a published opportunity",
        "procurement:list",
        "the opportunities",
    ),
    "procurement:opportunity_status": (
        "closes, awards or cancels an opportunity",
        "procurement:list",
        "the opportunities",
    ),
    "procurement:clarification_ask": (
        "asks a public question about an open opportunity",
        "procurement:list",
        "the opportunities",
    ),
    "procurement:clarification_answer": (
        "lets the buyer's officer answer a question in public",
        "procurement:list",
        "the opportunities",
    ),
    "procurement:lot_interest": (
        "records an organisation's interest in a lot",
        "procurement:list",
        "the opportunities",
    ),
    # Apprenticeships (altlep/skills)
    "skills:placement_withdraw": (
        "lets the owner-manager withdraw an open placement",
        "skills:placements",
        "the placements",
    ),
    "skills:application_move": (
        "lets the owner-manager shortlist, interview, offer or turn down an application",
        "skills:mine",
        "your apprenticeships",
    ),
    "skills:application_answer": (
        "lets an applicant accept or decline an offer",
        "skills:mine",
        "your apprenticeships",
    ),
    "skills:application_withdraw": (
        "lets an applicant withdraw an application",
        "skills:mine",
        "your apprenticeships",
    ),
    "skills:application_erase": (
        "erases the personal data in an application",
        "skills:mine",
        "your apprenticeships",
    ),
    "skills:claim_decide": (
        "lets an officer approve or reject a teaching-fund claim",
        "skills:dashboard",
        "the apprenticeships dashboard",
    ),
    "skills:claim_add": (
        "lets the owner-manager claim a teaching payment",
        "skills:placements",
        "the placements",
    ),
    "skills:milestone_add": (
        "records a milestone of an apprenticeship",
        "skills:placements",
        "the placements",
    ),
    "skills:apprenticeship_end": (
        "records that an apprenticeship was completed or ended early",
        "skills:placements",
        "the placements",
    ),
    # Local supply (altlep/supply).
    "supply:invitation_respond": (
        "lets an organisation's owner-manager accept or decline an invitation to a consortium",
        "supply:my_consortia",
        "the consortia page",
    ),
    "supply:scenario_publish": (
        "lets an officer publish a saved scenario",
        "supply:alternatives",
        "local alternatives to leaking spend",
    ),
    "supply:group_pledge": (
        "pledges a quantity to a buying group",
        "supply:groups",
        "the buying groups",
    ),
    "supply:group_close": (
        "lets the organiser close a buying group and record its outcome",
        "supply:groups",
        "the buying groups",
    ),
    "supply:booking_cancel": (
        "cancels a booking of a shared resource",
        "supply:resources",
        "the shared resources",
    ),
    # Sector groups' prospectus and the people's plan.
    "governance:section_save": (
        "adds or changes a section of a sector group's prospectus",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:initiative_save": (
        "adds or changes an initiative in a sector group's prospectus",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:initiative_comment": (
        "adds your comment to an initiative of a prospectus",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:initiative_send": (
        "lets the convenor send an initiative to the partnership as an idea",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:initiative_paper": (
        "lets the convenor send an initiative to a board meeting as a paper",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:prospectus_sign_off": (
        "signs off the current version of a prospectus",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:prospectus_publish": (
        "lets the convenor publish a signed-off prospectus",
        "governance:prospectus",
        "the prospectus",
    ),
    "governance:amendment_support": (
        "adds your support to an amendment of the people's plan",
        "governance:amendment",
        "the amendment",
    ),
    "governance:amendment_decide": (
        "lets an officer apply the board's recorded decision to an amendment",
        "governance:amendment",
        "the amendment",
    ),
}


def purpose_of(request: HttpRequest) -> tuple[str, str, str] | None:
    """What the POST-only address of this request is for: (purpose, back address, label)."""
    match = request.resolver_match
    if match is None:
        return None
    known = PURPOSES.get(match.view_name)
    if known is None:
        doc = (match.func.__doc__ or "").strip().split("\n")[0].rstrip(".")
        if not doc:
            return None
        return doc[0].lower() + doc[1:], _parent_page(request.path), "the page before"
    purpose, back_name, label = known
    return purpose, _reverse_with_what_fits(back_name, match.kwargs), label


def _reverse_with_what_fits(name: str, kwargs: dict) -> str:
    """The page's address, given the request's own arguments where the page takes them."""
    tries = [kwargs, {k: v for k, v in kwargs.items() if k == "slug"}, {}]
    for attempt in tries:
        try:
            return reverse(name, kwargs=attempt)
        except NoReverseMatch:
            continue
    return "/"


def _parent_page(path: str) -> str:
    """The nearest address above this one that the site answers."""
    parts = path.rstrip("/").split("/")
    while len(parts) > 1:
        parts.pop()
        candidate = "/".join(parts) + "/"
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return "/"


def explain(request: HttpRequest, refused: HttpResponse) -> HttpResponse:
    """The page that replaces a blank 405 for a visit to a POST-only address."""
    found = purpose_of(request)
    purpose, back, label = found or ("receives a form from another page", "/", "the home page")
    referer = request.META.get("HTTP_REFERER", "")
    came_from_here = referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    response = render(
        request,
        "core/post_only.html",
        {
            "purpose": purpose,
            "back": back,
            "back_label": label,
            "referer": referer
            if came_from_here and referer != request.build_absolute_uri()
            else "",
        },
        status=405,
    )
    response["Allow"] = refused["Allow"]
    # The refusal was logged where it happened (one line); the page is not a second refusal.
    response._has_been_logged = getattr(refused, "_has_been_logged", False)
    return response


class ExplainPostOnlyMiddleware:
    """Turns a blank 405 for a GET of a POST-only address into the page that explains it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.method in ("GET", "HEAD")
            and "POST" in response.get("Allow", "")
        ):
            return explain(request, response)
        return response
