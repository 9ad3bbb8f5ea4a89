"""Which member organisation a supplier named in a record is (pure: no Django): by company
number first, then by the normalised name ("Canal Café Ltd" = "CANAL CAFE LIMITED"). A name
two organisations share resolves to neither, since a tie to the wrong one would mislead."""

from __future__ import annotations

from collections.abc import Iterable

from altlep.flows.names import clean_company_number, normalise_name


class OrganisationIndex:
    """Organisations by company number and by normalised name, for resolving suppliers."""

    def __init__(self, organisations: Iterable[tuple[str, str, str]]) -> None:
        """`organisations`: (id, company number or "", name)."""
        self._by_number: dict[str, str] = {}
        by_name: dict[str, set[str]] = {}
        for org_id, number, name in organisations:
            if clean_company_number(number or ""):
                self._by_number[clean_company_number(number)] = org_id
            key = normalise_name(name or "")
            if key:
                by_name.setdefault(key, set()).add(org_id)
        self._by_name = {k: next(iter(ids)) for k, ids in by_name.items() if len(ids) == 1}

    def resolve(self, name: str, company_number: str = "") -> str | None:
        """The organisation's id, or None when no single organisation fits."""
        number = clean_company_number(company_number or "")
        if number and number in self._by_number:
            return self._by_number[number]
        return self._by_name.get(normalise_name(name or ""))
