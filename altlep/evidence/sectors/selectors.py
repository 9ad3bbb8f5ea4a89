"""Reads for sector evidence: a sector's size in an area from the platform's organisations and
from imported official statistics, its trend, and how the area compares with others."""

from decimal import Decimal

from django.db.models import Max

from altlep.core import districts
from altlep.core.areas.successions import SUCCESSORS, current_code
from altlep.evidence import sizing
from altlep.evidence.models import (
    GvaPerJob,
    NomisDataset,
    NomisImport,
    NomisObservation,
    SectorDefinition,
)
from altlep.evidence.sectors import sic_levels
from altlep.members.models import Organisation

LEVEL_ORDER = ["class", "group", "division", "section", "broad_group", "total"]
LEVEL_WORDS = {
    "class": "4-digit SIC class",
    "group": "3-digit SIC group",
    "division": "2-digit SIC division",
    "section": "SIC section",
    "broad_group": "ONS broad industry group",
    "total": "all industries",
}
CAVEATS = {
    NomisDataset.ENTERPRISES: (
        "UK Business Counts (ONS, via Nomis): VAT or PAYE registered enterprises on the "
        "Inter-Departmental Business Register in March of the year, counted where the "
        "enterprise is registered; rounded to the nearest 5; the smallest traders are absent."
    ),
    NomisDataset.LOCAL_UNITS: (
        "UK Business Counts (ONS, via Nomis): local units (workplaces) in March of the year, "
        "so a firm with three sites counts three times; rounded to the nearest 5."
    ),
    NomisDataset.EMPLOYMENT: (
        "Business Register and Employment Survey (ONS, via Nomis), open access: employees plus "
        "working owners in September of the year; rounded; excludes most self-employed."
    ),
}


class SizingError(ValueError):
    """An area or sector the sizing cannot use; the message says why."""


def sector_named(name: str) -> SectorDefinition | None:
    """'all' → None (the whole economy); otherwise the current version by slug or name."""
    if name.strip().lower() in {"all", "whole economy"}:
        return None
    current = SectorDefinition.objects.current()
    found = (
        current.filter(slug=name.strip()).first()
        or current.filter(name__iexact=name.strip()).first()
    )
    if found is None:
        known = ", ".join(current.order_by("slug").values_list("slug", flat=True))
        raise SizingError(f"no sector called {name!r}; known: all, {known}")
    return found


def sector_map(sector: SectorDefinition | None) -> tuple[dict[str, Decimal] | None, frozenset]:
    """4-digit class → share counted, and the classes the sector holds only in part."""
    if sector is None:
        return None, frozenset()
    shares: dict[str, Decimal] = {}
    part: set[str] = set()
    for code in sector.codes.all():
        cls = code.code[:4]
        shares[cls] = max(shares.get(cls, Decimal(0)), code.share)
        if len(code.code) == 5:
            part.add(cls)
    return shares, frozenset(part)


def area_label(code: str) -> str:
    if code.startswith("E37"):
        name = (
            NomisObservation.objects.filter(area_code=code)
            .values_list("area_name", flat=True)
            .first()
        )
        if name is None:
            from altlep.core.areas.selectors import lep_named

            lep = lep_named(code)
            name = lep.name if lep else code
        return name
    return districts.name(code)


def check_areas(codes: list[str]) -> list[str]:
    """Upper-cased codes, or SizingError naming each that is neither a district nor a LEP."""
    cleaned = [c.strip().upper() for c in codes if c.strip()]
    if not cleaned:
        raise SizingError("name at least one area (a district E06–E09 or a former LEP E37)")
    bad = []
    for code in cleaned:
        if code[:3] in {"E06", "E07", "E08", "E09"} and districts.is_known(code):
            continue
        if code.startswith("E37") and (
            NomisObservation.objects.filter(area_code=code).exists() or area_label(code) != code
        ):
            continue
        bad.append(code)
    if bad:
        raise SizingError(f"area code does not exist: {', '.join(bad)}")
    return cleaned


def _data_codes(code: str, dataset: str, year: int) -> tuple[list[str], str]:
    """Codes the data holds for one area, and a note when predecessors or districts are used."""
    here = NomisObservation.objects.filter(dataset=dataset, year=year)
    if here.filter(area_code=code).exists():
        return [code], ""
    before = sorted(old for old, new in SUCCESSORS.items() if new == code)
    if before and here.filter(area_code__in=before).exists():
        return before, (
            f"{districts.name(code)} is summed from the districts it replaced "
            f"({', '.join(districts.name(b) for b in before)})"
        )
    if code.startswith("E37"):
        try:
            from altlep.core.areas import lep_current_districts

            inside = lep_current_districts(code)
        except LookupError:
            inside = []
        if inside:
            return inside, "summed from its districts"
    if code in SUCCESSORS and here.filter(area_code=current_code(code)).exists():
        return [], f"{districts.name(code)} is now part of {districts.name(current_code(code))}"
    return [], ""


def _latest_year(dataset: str, codes: list[str], up_to: int | None = None) -> int | None:
    expanded = set(codes)
    for code in codes:
        expanded |= {old for old, new in SUCCESSORS.items() if new == code}
    cells = NomisObservation.objects.filter(dataset=dataset, area_code__in=expanded)
    if up_to is not None:
        cells = cells.filter(year__lte=up_to)
    return cells.aggregate(y=Max("year"))["y"]


def official_figures(
    *, sector: SectorDefinition | None, area_codes: list[str], dataset: str, year: int | None
) -> dict | None:
    """A sector's count in the areas from one dataset: figures by size band (or total for
    employment), the industry detail used, and how far it sizes the sector. None: no data."""
    # A dataset published to an earlier year answers with its latest year up to the one asked
    # for (BRES lags UK Business Counts by a year); the year used is reported beside it.
    year = _latest_year(dataset, area_codes, up_to=year)
    if year is None:
        return None
    codes: list[str] = []
    notes: list[str] = []
    for code in area_codes:
        found, note = _data_codes(code, dataset, year)
        if not found:
            return None
        codes += found
        if note:
            notes.append(note)
    cells = NomisObservation.objects.filter(dataset=dataset, year=year, area_code__in=codes)
    levels = set(cells.values_list("industry_level", flat=True).distinct())
    if not levels:
        return None
    shares, part = sector_map(sector)
    if sector is None and "total" in levels:
        level = "total"
    else:
        finer = [lvl for lvl in LEVEL_ORDER if lvl in levels and lvl != "total"]
        level = finer[0] if finer else "total"
    rows = list(cells.filter(industry_level=level))
    industries = {r.industry_code for r in rows}
    coverage = sizing.industries_for_sector(
        shares,
        {i: sic_levels.industry_classes(level, i) for i in industries},
        part,
        universe=sic_levels.all_classes(),
    )
    bands = sizing.SIZE_BANDS + ("total",) if dataset != NomisDataset.EMPLOYMENT else ("total",)
    counted: dict[str, sizing.Figure] = {}
    upper: dict[str, sizing.Figure] = {}
    for band in bands:
        in_band = [r for r in rows if r.size_band == band]
        if band == "total" and not in_band and dataset != NomisDataset.EMPLOYMENT:
            in_band = [r for r in rows if r.size_band in sizing.SIZE_BANDS]  # no total row
        counted[band] = sizing.total(
            _cell(r).scaled(coverage.whole[r.industry_code])
            for r in in_band
            if r.industry_code in coverage.whole
        )
        upper[band] = sizing.total(
            _cell(r)
            for r in in_band
            if r.industry_code in coverage.whole or r.industry_code in coverage.partial
        )
    by_industry = {
        industry: sizing.total(
            _cell(r).scaled(share)
            for r in rows
            if r.industry_code == industry and r.size_band == "total"
        )
        for industry, share in coverage.whole.items()
    }
    source = NomisImport.objects.filter(pk__in=cells.values("source")).order_by("-pk").first()
    return {
        "dataset": dataset,
        "title": NomisDataset(dataset).label,
        "year": year,
        "industry_level": LEVEL_WORDS[level],
        "level": level,
        "by_industry": by_industry,
        "complete": coverage.complete,
        "coverage": sizing.size_note(coverage, LEVEL_WORDS[level]),
        "industries_counted": sorted(coverage.whole),
        "industries_partly_in_sector": coverage.partial,
        "figures": counted if (coverage.complete or not coverage.none) else {},
        "upper_bound": upper if not coverage.complete else {},
        "area_notes": notes,
        "caveats": CAVEATS[dataset],
        "synthetic": bool(source and source.synthetic),
        "file": source.filename if source else "",
    }


def _cell(row: NomisObservation) -> sizing.Figure:
    if row.suppressed or row.value is None:
        return sizing.Figure.suppressed()
    return sizing.Figure.rounded(row.value)


def _band_json(official: dict | None, band: str) -> dict:
    if official is None:
        return {"value": None, "note": "missing", "explanation": "no official data imported"}
    figure = official["figures"].get(band)
    if figure is None:
        bound = official["upper_bound"].get(band)
        return {
            "value": None,
            "note": "not-sizeable",
            "explanation": official["coverage"],
            "upper_bound": bound.value if bound else None,
        }
    found = figure.as_json()
    if not official["complete"]:
        found["note"] = "lower-bound"
        found["explanation"] = f"{official['coverage']}; {found['explanation']}"
    return found


def platform_organisations(
    *, sector: SectorDefinition | None, area_codes: list[str]
) -> list[sizing.Organisation]:
    current = {current_code(c) for c in area_codes if not c.startswith("E37")}
    for code in area_codes:
        if code.startswith("E37"):
            try:
                from altlep.core.areas import lep_current_districts

                current |= set(lep_current_districts(code))
            except LookupError:
                pass
    orgs = [
        sizing.Organisation(
            sic_codes=tuple(o.sic_codes or ()),
            size_band=o.size_band,
            employees=o.employees,
            turnover_pence=o.turnover_pence,
            social_economy=o.sector == "social",
        )
        for o in Organisation.objects.filter(district_code__in=current)
    ]
    shares, _ = sector_map(sector)
    return sizing.sector_organisations(orgs, shares)


def gva_estimate(employment: dict | None) -> dict:
    """Employment × GVA per job, industry by industry when the imported table has a rate for
    every industry counted, else all-industry employment × the all-industry rate; never without
    its method, and nothing when the sector's employment is not known in full."""
    none = {"value_pence": None, "method": None}
    if not employment or not employment["complete"] or not employment["by_industry"]:
        return none
    year, level = employment["year"], employment["level"]
    rates = {}
    for industry in employment["by_industry"]:
        rate = (
            GvaPerJob.objects.filter(industry_level=level, industry_code=industry, year__lte=year)
            .order_by("-year")
            .first()
        )
        if rate is None:
            break
        rates[industry] = rate
    else:
        value, parts, cells = 0, [], []
        for industry, jobs in employment["by_industry"].items():
            if jobs.value is None:
                return none
            value += jobs.value * rates[industry].pence
            parts.append(f"{industry}: {jobs.value:,} × £{rates[industry].pence / 100:,.0f}")
            cells.append(jobs)
        sources = sorted({f"{r.source} ({r.year})" for r in rates.values()})
        return {
            "value_pence": value,
            "method": (
                "employment in each industry × that industry's GVA per job, summed ("
                + "; ".join(parts)
                + f"); employment {sizing.total(cells).explain()}; GVA per job from "
                + "; ".join(sources)
                + ". An estimate, not a measured GVA."
            ),
        }
    if level != "total" and employment.get("sector_is_whole_economy"):
        rate = GvaPerJob.objects.filter(industry_level="total", year__lte=year).order_by("-year")
        rate = rate.first()
        if rate:
            found = sizing.gva_estimate(employment["figures"]["total"], rate.pence)
            found["method"] += f"; GVA per job for all industries from {rate.source} ({rate.year})"
            return found
    return none


def sector_size(*, sector: SectorDefinition | None, area_codes: list[str], year=None) -> dict:
    """Everything `altlep evidence sector-size` prints and the sector page shows."""
    codes = check_areas(area_codes)
    # Enterprises are the unit the question is about; local units (workplaces) stand in when
    # only they size the sector. A dataset that sizes it in full wins over one that cannot.
    candidates = [
        found
        for dataset in (NomisDataset.ENTERPRISES, NomisDataset.LOCAL_UNITS)
        if (found := official_figures(sector=sector, area_codes=codes, dataset=dataset, year=year))
    ]
    businesses = next((c for c in candidates if c["complete"]), None) or next(
        iter(candidates), None
    )
    employment = official_figures(
        sector=sector, area_codes=codes, dataset=NomisDataset.EMPLOYMENT, year=year
    )
    jobs = _band_json(employment, "total")
    if employment:
        employment["sector_is_whole_economy"] = sector is None
    gva = gva_estimate(employment)
    whole = None
    if sector is not None and businesses:
        whole = official_figures(
            sector=None, area_codes=codes, dataset=businesses["dataset"], year=businesses["year"]
        )
    share = None
    # A share only of like with like: the same dataset and year, the whole economy in full.
    if whole and whole["complete"] and businesses["figures"].get("total") is not None:
        share = sizing.share_of(businesses["figures"]["total"], whole["figures"]["total"])
    platform = sizing.organisations_size(platform_organisations(sector=sector, area_codes=codes))
    sources = []
    for found in (businesses, employment):
        if found:
            sources.append(
                {
                    "title": found["title"],
                    "year": found["year"],
                    "file": found["file"],
                    "synthetic": found["synthetic"],
                    "industry_detail": found["industry_level"],
                    "coverage": found["coverage"],
                    "area_notes": found["area_notes"],
                    "caveats": found["caveats"],
                }
            )
    sources.append(
        {
            "title": "Organisations listed on this platform",
            "year": None,
            "caveats": (
                "Only organisations that have joined or been listed, with the SIC codes they "
                "gave; exact counts of what the platform holds, not of the area's economy."
            ),
        }
    )
    return {
        "sector": (
            {"name": "Whole economy", "slug": "all", "version": None, "source": "all industries"}
            if sector is None
            else {
                "name": sector.name,
                "slug": sector.slug,
                "version": sector.version,
                "source": sector.source,
            }
        ),
        "year": businesses["year"] if businesses else year,
        "areas": [{"code": c, "name": area_label(c)} for c in codes],
        "businesses": {
            band: _band_json(businesses, band) for band in (*sizing.SIZE_BANDS, "total")
        },
        "micro_share": _micro_share(businesses),
        "businesses_dataset": businesses["dataset"] if businesses else None,
        "share_of_area_economy": share,
        "employment": jobs,
        "gva_estimate": gva,
        "platform": platform,
        "sources": sources,
        "differences": differences(businesses, platform)
        + [
            f"{c['title']} ({c['year']}{', synthetic' if c['synthetic'] else ''}): "
            f"{c['coverage']}; upper bound {c['upper_bound']['total'].value:,}. "
            + (
                "Local units are workplaces, so a firm with several sites counts once per site."
                if c["dataset"] == NomisDataset.LOCAL_UNITS
                else ""
            )
            for c in (*candidates, employment)
            if c is not None
            and c is not businesses
            and not c["complete"]
            and c["upper_bound"].get("total") is not None
        ],
        "by_source": [
            _source_summary(found) for found in (*candidates, employment) if found is not None
        ]
        + [
            {
                "source": "organisations listed on this platform",
                "year": None,
                "synthetic": False,
                "total": {"value": platform["businesses"]["total"], "note": "exact"},
                "coverage": "every listed organisation with a SIC code in the sector",
            }
        ],
    }


def _source_summary(found: dict) -> dict:
    total = found["figures"].get("total")
    bound = found["upper_bound"].get("total")
    return {
        "source": found["title"],
        "dataset": found["dataset"],
        "file": found["file"],
        "year": found["year"],
        "synthetic": found["synthetic"],
        "complete": found["complete"],
        "coverage": found["coverage"],
        "total": total.as_json() if total is not None else None,
        "upper_bound": bound.as_json() if bound is not None else None,
    }


def differences(official: dict | None, platform: dict) -> list[str]:
    """Why the platform's count and the official count of the sector differ, one reason a line."""
    listed = platform["businesses"]["total"]
    if official is None:
        return [
            f"No official statistics are imported for these areas; only the {listed} "
            "organisations listed on the platform are counted."
        ]
    total = official["figures"].get("total")
    bound = official["upper_bound"].get("total")
    out = []
    if total is not None and total.value:
        out.append(
            f"Coverage: the platform lists {listed} organisations in the sector; "
            f"{official['title']} counts {total.value:,} ({total.explain()}), so the platform "
            f"holds about {listed / total.value:.1%} of them: only organisations that have "
            "joined or been listed are on it."
        )
    elif bound is not None:
        out.append(
            f"Industry detail: {official['coverage']}. The official data cannot give the "
            f"sector's size, only an upper bound of {bound.value:,}; the platform's {listed} "
            "organisations are counted by their own 5-digit SIC codes."
        )
    if official["dataset"] == NomisDataset.LOCAL_UNITS:
        out.append(
            "Unit: local units are workplaces, so a firm with several sites counts once per "
            "site; the platform counts each organisation once."
        )
    out.append(
        "Classification: ONS places each business in one industry, its main activity; the "
        "platform counts an organisation in the sector when any of its SIC codes is in it."
    )
    out.append(
        "Register: ONS counts businesses registered for VAT or PAYE (the smallest sole traders "
        "are absent); the platform may list a sole trader below those thresholds."
    )
    out.append(
        "Size bands: ONS bands by employment on the register; the platform by the Companies "
        "Act test (headcount, turnover, balance sheet), or headcount alone when finances are "
        "unknown."
    )
    out.append(
        f"Date: the official figures are for {official['year']}; the platform's are as of today."
    )
    if total is not None and total.note in {"rounded", "partial", "suppressed"}:
        out.append(f"Rounding and suppression: the official total is {total.explain()}.")
    if official.get("synthetic"):
        out.append(
            "Synthetic: the official-statistics file for this sector was generated for the demo "
            "in Nomis's layout; its numbers are not ONS's."
        )
    return out


def _micro_share(found: dict | None) -> float | None:
    if not found or "micro" not in found["figures"]:
        return None
    return sizing.share_of(found["figures"]["micro"], found["figures"]["total"])


def trend(*, sector: SectorDefinition | None, area_codes: list[str]) -> list[dict]:
    """Businesses and jobs for every year imported."""
    codes = check_areas(area_codes)
    years = sorted(
        set(NomisObservation.objects.values_list("year", flat=True).distinct()), reverse=False
    )
    out = []
    for year in years:
        row = {"year": year}
        for key, dataset in (
            ("businesses", NomisDataset.ENTERPRISES),
            ("local_units", NomisDataset.LOCAL_UNITS),
            ("employment", NomisDataset.EMPLOYMENT),
        ):
            found = official_figures(sector=sector, area_codes=codes, dataset=dataset, year=year)
            usable = found and found["year"] == year and found["complete"]
            row[key] = found["figures"].get("total") if usable else None
        if any(row[k] is not None for k in ("businesses", "local_units", "employment")):
            out.append(row)
    return out


def comparison(
    *, sector: SectorDefinition | None, year: int | None, dataset: str = NomisDataset.ENTERPRISES
) -> list[dict]:
    """The other areas the data holds for this dataset: every former LEP, and the districts
    too when there are few enough to read (a region's extract): the sector's businesses and
    micro share in each, where the data sizes the sector in full."""
    held = NomisObservation.objects.filter(dataset=dataset)
    if year:
        held = held.filter(year=year)
    areas = sorted(set(held.values_list("area_code", "area_name").distinct()))
    leps = [a for a in areas if a[0].startswith("E37")]
    others = [a for a in areas if not a[0].startswith("E37")]
    chosen = leps + (others if len(others) <= 30 else [])
    out = []
    for code, name in chosen:
        found = official_figures(sector=sector, area_codes=[code], dataset=dataset, year=year)
        if not found or not found["complete"] or found["figures"].get("total") is None:
            continue
        out.append(
            {
                "code": code,
                "name": name,
                "kind": "former LEP" if code.startswith("E37") else "district",
                "total": found["figures"]["total"],
                "micro_share": _micro_share(found),
            }
        )
    return sorted(out, key=lambda row: (row["kind"] != "former LEP", row["name"]))
