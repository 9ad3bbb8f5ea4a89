"""Where the platform's network comes from: a registry of tie sources, one function per kind
of tie. A later app (consortia, shared-resource bookings, contract awards) adds one dotted path
to TIE_SOURCES. Each is `() -> Iterable[Tie]` over organisation ids (as text); a source whose
app is not installed yields nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from django.apps import apps
from django.utils.module_loading import import_string

from altlep.evidence.network.engine import Network, Tie
from altlep.evidence.network.resolve import OrganisationIndex

TIE_SOURCES = [
    "altlep.evidence.network.sources.shared_groups",
    "altlep.evidence.network.sources.board_seats",
    "altlep.evidence.network.sources.co_delivery",
    "altlep.evidence.network.sources.supply_from_spend",
    "altlep.evidence.network.sources.contract_awards",
    "altlep.supply.ties.consortium_ties",
    "altlep.supply.ties.sharing_ties",
]
LABELS = {
    "group": "Shared group membership",
    "board": "Seats on the board together",
    "co_delivery": "Co-delivery of a commissioned project (pledges)",
    "supply": "Supply (anchor spend)",
    "award": "Contract award",
    "consortium": "Bidding together in a consortium",
    "sharing": "Lending and borrowing shared resources",
}


def _orgs_of_members(member_ids: Iterable[int]) -> dict[int, set[int]]:
    from altlep.members.models import Affiliation

    out: dict[int, set[int]] = defaultdict(set)
    for member_id, org_id in Affiliation.objects.filter(member_id__in=set(member_ids)).values_list(
        "member_id", "organisation_id"
    ):
        out[member_id].add(org_id)
    return out


def _pairs(orgs: set[int], kind: str, when: str) -> Iterable[Tie]:
    for a, b in combinations(sorted(orgs), 2):
        yield Tie(str(a), str(b), kind, when)


def shared_groups() -> Iterable[Tie]:
    """Organisations whose people sit in the same sector or reference group."""
    if not apps.is_installed("altlep.governance"):
        return
    from altlep.governance.models import GroupMembership

    rows = list(
        GroupMembership.objects.filter(accepted=True).values_list(
            "group_id", "member_id", "asked_at"
        )
    )
    orgs = _orgs_of_members(m for _, m, _ in rows)
    by_group: dict[int, tuple[set[int], str]] = {}
    for group_id, member_id, asked in rows:
        found, when = by_group.get(group_id, (set(), ""))
        found |= orgs.get(member_id, set())
        by_group[group_id] = (found, max(when, asked.date().isoformat()))
    for found, when in by_group.values():
        yield from _pairs(found, "group", when)


def board_seats() -> Iterable[Tie]:
    """Organisations whose people hold seats on the board at the same time."""
    if not apps.is_installed("altlep.governance"):
        return
    from altlep.governance.models import Seat

    seats = list(Seat.objects.values_list("member_id", "started_on", "ended_on"))
    orgs = _orgs_of_members(m for m, _, _ in seats)
    for (m1, s1, e1), (m2, s2, e2) in combinations(seats, 2):
        start = max(s1, s2)
        if (e1 and e1 < start) or (e2 and e2 < start):
            continue
        for a in orgs.get(m1, ()):
            for b in orgs.get(m2, ()):
                if a != b:
                    yield Tie(str(a), str(b), "board", start.isoformat())


def co_delivery() -> Iterable[Tie]:
    """Organisations pledging to the same commissioned project."""
    if not apps.is_installed("altlep.commissioning"):
        return
    from altlep.commissioning.models import Pledge

    by_project: dict[int, tuple[set[int], str]] = {}
    for project_id, org_id, created in Pledge.objects.filter(
        organisation__isnull=False
    ).values_list("project_id", "organisation_id", "created_at"):
        found, when = by_project.get(project_id, (set(), ""))
        found.add(org_id)
        by_project[project_id] = (found, max(when, created.date().isoformat()))
    for found, when in by_project.values():
        yield from _pairs(found, "co_delivery", when)


def supply_from_spend() -> Iterable[Tie]:
    """An anchor institution tied to each member organisation it paid (by company number or
    exact name), dated by the first payment, from the money-flows store."""
    from altlep.evidence.models import AnchorBody
    from altlep.evidence.store import open_store, store_path
    from altlep.members.models import Organisation

    bodies = {b.name: b.organisation_id for b in AnchorBody.objects.exclude(organisation=None)}
    if not bodies or not store_path().exists():
        return
    by_number = dict(
        Organisation.objects.exclude(company_number="").values_list("company_number", "id")
    )
    by_name = {n.lower(): i for n, i in Organisation.objects.values_list("name", "id")}
    with open_store() as store:
        rows = store.rows(
            "SELECT s.body, coalesce(m.company_number, s.company_number), lower(s.supplier_name), "
            "min(s.paid_on) FROM spend s LEFT JOIN matches m USING (supplier_key) "
            "WHERE NOT s.is_credit GROUP BY 1, 2, 3"
        )
    seen = set()
    for body, number, name, first in rows:
        buyer = bodies.get(body)
        supplier = by_number.get(number or "") or by_name.get(name or "")
        if buyer and supplier and buyer != supplier and (buyer, supplier) not in seen:
            seen.add((buyer, supplier))
            yield Tie(str(buyer), str(supplier), "supply", first.isoformat() if first else "")


def _award_ties() -> tuple[list[Tie], int]:
    """Ties from buyers to the member organisations they awarded contracts to, and how many
    awards name a supplier that is not (or not unambiguously) a member organisation."""
    if not apps.is_installed("altlep.procurement"):
        return [], 0
    from altlep.members.models import Organisation
    from altlep.procurement.models import AwardRecord

    index = OrganisationIndex(
        (str(pk), number, name)
        for pk, number, name in Organisation.objects.values_list("pk", "company_number", "name")
    )
    ties, unresolved = [], 0
    for buyer, supplier_name, awarded_on in AwardRecord.objects.values_list(
        "buyer_id", "supplier_name", "awarded_on"
    ):
        supplier = index.resolve(supplier_name)
        if supplier is None:
            unresolved += 1
        elif supplier != str(buyer):
            ties.append(
                Tie(str(buyer), supplier, "award", awarded_on.isoformat() if awarded_on else "")
            )
    return ties, unresolved


def contract_awards() -> Iterable[Tie]:
    """A buyer tied to each member organisation it awarded a contract to (award records name
    suppliers as text: resolved by normalised name), one tie per award, dated by the award."""
    yield from _award_ties()[0]


def awards_unresolved() -> int:
    """Awards whose supplier is not a member organisation, so they make no tie."""
    return _award_ties()[1]


def platform_network() -> Network:
    """Every organisation as a node (its sector), with the ties every source yields."""
    from altlep.members.models import Organisation

    sectors, labels = {}, {}
    for pk, name, sector in Organisation.objects.values_list("pk", "name", "sector"):
        sectors[str(pk)] = sector
        labels[str(pk)] = name
    ties = []
    for path in TIE_SOURCES:
        ties.extend(t for t in import_string(path)() if t.source in sectors and t.target in sectors)
    return Network(sectors, ties, labels)
