"""Reads over imported ONS lookups: the LEPs, and the districts that lie in a LEP."""

from dataclasses import dataclass

from django.db.models import Count

from altlep.core import districts
from altlep.core.areas.successions import current_code
from altlep.core.models import AreaLookupImport, LepName, LsoaDistrict, LsoaLep

HOW_TO_IMPORT = (
    "import the ONS LSOA→LEP and LSOA→LAD lookups with `altlep areas import FILE …` "
    "(e.g. ons_lookup_184.csv and ons_lookup_219.csv)"
)


class AreaLookupMissing(LookupError):
    """The lookup needed to answer a question has not been imported."""


@dataclass(frozen=True)
class Lep:
    code: str
    name: str
    vintage: str
    lsoa_count: int  # 0 for a LEP known only from a names list: its districts are unknown

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code}, 20{self.vintage} boundaries)"


@dataclass(frozen=True)
class DistrictShare:
    """A district with some of its LSOAs in a LEP."""

    code: str
    name: str
    lsoas_in_lep: int
    lsoas_in_district: int
    current_code: str  # the district that covers it today, if it was merged or recoded

    @property
    def share(self) -> float:
        """The fraction of the district's LSOAs that lie in the LEP."""
        return self.lsoas_in_lep / self.lsoas_in_district if self.lsoas_in_district else 0.0


def _vintage_key(vintage: str) -> tuple[int, str]:
    return (int(vintage) if vintage.isdigit() else -1, vintage)


def leps(*, vintage: str | None = None) -> list[Lep]:
    """Every imported LEP: those with known districts first, then newest vintage, then name."""
    rows = LsoaLep.objects.all()
    if vintage is not None:
        rows = rows.filter(source__vintage=vintage)
    counted = rows.values_list("source__vintage", "lep_code", "lep_name").annotate(n=Count("pk"))
    found: dict[tuple[str, str], Lep] = {}
    for v, code, name, n in counted:
        found[(v, code)] = Lep(code=code, name=name, vintage=v, lsoa_count=n)
    names_only = LepName.objects.all()
    if vintage is not None:
        names_only = names_only.filter(source__vintage=vintage)
    for v, code, name in names_only.values_list("source__vintage", "lep_code", "lep_name"):
        found.setdefault((v, code), Lep(code=code, name=name, vintage=v, lsoa_count=0))
    return sorted(
        found.values(),
        key=lambda lep: (lep.lsoa_count == 0, -_vintage_key(lep.vintage)[0], lep.vintage, lep.name),
    )


def _lep_source(lep_code: str, vintage: str | None) -> AreaLookupImport:
    imports = AreaLookupImport.objects.filter(kind=AreaLookupImport.Kind.LSOA_TO_LEP)
    if vintage is not None:
        imports = imports.filter(vintage=vintage)
    holding = [
        source
        for source in imports
        if LsoaLep.objects.filter(source=source, lep_code=lep_code).exists()
    ]
    if not holding:
        of = f" of 20{vintage}" if vintage else ""
        raise AreaLookupMissing(
            f"no imported LSOA→LEP lookup{of} includes {lep_code}; " + HOW_TO_IMPORT
        )
    return max(holding, key=lambda source: _vintage_key(source.vintage))


def _district_source(vintage: str | None) -> AreaLookupImport:
    imports = AreaLookupImport.objects.filter(kind=AreaLookupImport.Kind.LSOA_TO_LAD)
    if vintage is not None:
        imports = imports.filter(vintage=vintage)
    newest = max(imports, key=lambda source: _vintage_key(source.vintage), default=None)
    if newest is None:
        raise AreaLookupMissing("no LSOA→LAD lookup has been imported; " + HOW_TO_IMPORT)
    return newest


def districts_of_lep(
    lep_code: str, vintage: str | None = None, *, district_vintage: str | None = None
) -> list[DistrictShare]:
    """Districts with any LSOA in the LEP, by name, each with the share of its LSOAs in it.

    A district split between two LEPs appears under both, so the caller decides (by share)
    whether it belongs. Uses the newest imported vintages unless told otherwise.
    """
    lep_source = _lep_source(lep_code, vintage)
    lad_source = _district_source(district_vintage)
    lsoas = LsoaLep.objects.filter(source=lep_source, lep_code=lep_code).values("lsoa_code")
    inside = (
        LsoaDistrict.objects.filter(source=lad_source, lsoa_code__in=lsoas)
        .values_list("lad_code", "lad_name")
        .annotate(n=Count("pk"))
    )
    counts = {code: (name, n) for code, name, n in inside}
    totals = dict(
        LsoaDistrict.objects.filter(source=lad_source, lad_code__in=list(counts))
        .values_list("lad_code")
        .annotate(n=Count("pk"))
        .values_list("lad_code", "n")
    )
    shares = [
        DistrictShare(
            code=code,
            # The lookup's own name is the name at its vintage, right even for abolished districts.
            name=name,
            lsoas_in_lep=n,
            lsoas_in_district=totals[code],
            current_code=current_code(code),
        )
        for code, (name, n) in counts.items()
    ]
    return sorted(shares, key=lambda d: (d.name, d.code))


def lep_current_districts(
    lep_code: str, vintage: str | None = None, *, min_share: float = 0.0
) -> list[str]:
    """Today's codes of the districts in a LEP (share above min_share), for a partnership area."""
    codes = {
        d.current_code
        for d in districts_of_lep(lep_code, vintage)
        if d.share > 0 and d.share >= min_share
    }
    return sorted(codes, key=lambda code: (districts.name(code), code))


def lep_named(lep_code: str, vintage: str | None = None) -> Lep | None:
    """One LEP from the imported lookups (newest vintage unless told), or None."""
    matches = [lep for lep in leps(vintage=vintage) if lep.code == lep_code]
    with_lsoas = [lep for lep in matches if lep.lsoa_count]
    return (with_lsoas or matches or [None])[0]
