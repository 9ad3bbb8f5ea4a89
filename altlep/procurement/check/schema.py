"""Build the OCDS 1.1 release-package schema with extensions patched in, from a local copy of
the schema (no network), and validate a package against it. Imports no Django."""

from __future__ import annotations

import copy
import json
from pathlib import Path

# The extensions our output declares, and those the UK extension builds on.
EXTENSIONS = (
    "ocds_lots_extension",
    "ocds_selectionCriteria_extension",
    "ocds_suitability_extension",
    "ocds_submissionTerms_extension",
    "ocds_awardCriteria_extension",
    "ocds_bid_extension",
    "ocds_communication_extension",
    "ocds_location_extension",
    "ocds_otherRequirements_extension",
    "ocds_performance_failures_extension",
    "ocds_subcontracting_extension",
    "ocds_techniques_extension",
    "ocds_uk_extension",
)


def merge_patch(target: object, patch: object) -> object:
    """RFC 7386 JSON merge patch, the way OCDS extensions extend the release schema."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def release_schema(schema_dir: Path) -> dict:
    """The core release schema with every extension in EXTENSIONS (and party scale) patched in."""
    schema = json.loads((schema_dir / "core" / "release-schema.json").read_text())
    patches = [schema_dir / "extensions" / name / "release-schema.json" for name in EXTENSIONS]
    scale = schema_dir.parent / "ocds_extensions" / "partyDetails_scale_release-schema.json"
    for path in [*patches, scale]:
        if path.exists():
            schema = merge_patch(schema, json.loads(path.read_text()))
    return schema


def package_validator(schema_dir: Path):
    """A jsonschema validator for a release package whose releases follow the patched schema."""
    from jsonschema import Draft4Validator, FormatChecker

    package = json.loads((schema_dir / "core" / "release-package-schema.json").read_text())
    release = release_schema(schema_dir)
    release.pop("id", None)
    release.pop("$schema", None)
    package["properties"]["releases"]["items"] = release
    package["definitions"] = {**package.get("definitions", {}), **release.get("definitions", {})}
    # The release's internal "#/definitions/…" references now resolve against the package.
    return Draft4Validator(package, format_checker=FormatChecker())
