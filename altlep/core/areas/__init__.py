"""Area reference data: official ONS lookups an officer imports, and the reads built on them.

`importing` turns an ONS lookup CSV into rows; `selectors` answers "which LEPs?" and "which
districts lie in this LEP, and how much of each?"; `successions` follows districts that were
merged or recoded after a lookup was published; `partnership` sets the partnership's area.
"""

from altlep.core.areas.importing import AreaImportError, area_lookup_import
from altlep.core.areas.partnership import partnership_set_area
from altlep.core.areas.selectors import (
    AreaLookupMissing,
    DistrictShare,
    Lep,
    districts_of_lep,
    lep_current_districts,
    leps,
)

__all__ = [
    "AreaImportError",
    "AreaLookupMissing",
    "DistrictShare",
    "Lep",
    "area_lookup_import",
    "districts_of_lep",
    "lep_current_districts",
    "leps",
    "partnership_set_area",
]
