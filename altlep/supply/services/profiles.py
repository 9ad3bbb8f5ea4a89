"""Writes for supplier profiles: an organisation says what it offers, where and how much."""

from django.core.exceptions import ValidationError
from django.db import transaction

from altlep.core.audit import audit_record, snapshot
from altlep.geo.postcodes import PostcodeError, locate
from altlep.members.models import Organisation
from altlep.procurement.models import CpvCode
from altlep.supply import cpv
from altlep.supply.models import SupplierProfile
from altlep.supply.services import ensure_allowed, whole

# Great Britain is under 1,000 km long; a larger radius is a typing slip.
MAX_RADIUS_KM = 1000
# £1 billion: no micro-enterprise's single contract comes near it.
MAX_CONTRACT_PENCE = 100_000_000_000
MAX_LEAD_TIME_DAYS = 730
MAX_YEARS_TRADING = 300


def cpv_codes_from(raw_codes: list[str], field: str = "cpv_codes") -> list[CpvCode]:
    """The CpvCode rows for codes as typed; a ValidationError naming any unknown or malformed."""
    cleaned, bad = [], []
    for raw in raw_codes:
        try:
            cleaned.append(cpv.clean(raw))
        except ValueError:
            bad.append(f"“{raw}” is not a CPV code (8 digits, such as 45210000)")
    found = {c.code: c for c in CpvCode.objects.filter(code__in=cleaned)}
    bad += [f"{code} is not in the CPV 2008 list" for code in cleaned if code not in found]
    if bad:
        raise ValidationError({field: bad})
    return [found[c] for c in dict.fromkeys(cleaned)]


def _check(
    *, capabilities, serves_radius_km, max_contract_pence, lead_time_days, years_trading, insurance
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not capabilities.strip():
        errors["capabilities"] = "Say in a few words what the organisation does."
    limits = [
        ("serves_radius_km", serves_radius_km, MAX_RADIUS_KM, "The radius", "km"),
        ("max_contract_pence", max_contract_pence, MAX_CONTRACT_PENCE, "The largest contract", ""),
        ("lead_time_days", lead_time_days, MAX_LEAD_TIME_DAYS, "The lead time", "days"),
        ("years_trading", years_trading, MAX_YEARS_TRADING, "Years trading", "years"),
    ]
    for field, value, top, label, unit in limits:
        if value is None:
            continue
        if not whole(value) or value < 0:
            errors[field] = f"{label} must be a whole number, not negative."
        elif value > top:
            shown = f"£{top // 100:,}" if field == "max_contract_pence" else f"{top:,} {unit}"
            errors[field] = f"{label} cannot be more than {shown}."
    for item in insurance:
        if not isinstance(item, dict) or not str(item.get("kind", "")).strip():
            errors["insurance"] = "Each insurance needs a kind, such as public liability."
        elif not whole(item.get("cover_pence")) or item["cover_pence"] <= 0:
            errors["insurance"] = f"Give the cover of {item['kind']} in pounds, more than £0."
    return errors


def supplier_profile_save(
    *,
    actor,
    organisation: Organisation,
    cpv_codes: list[str],
    capabilities: str,
    serves_radius_km: int | None = None,
    serves_districts: list[str] | None = None,
    max_contract_pence: int | None = None,
    lead_time_days: int | None = None,
    years_trading: int | None = None,
    certifications: list[str] | None = None,
    insurance: list[dict] | None = None,
    welcomes_consortia: bool = True,
    welcomes_subcontracting: bool = True,
) -> SupplierProfile:
    """List an organisation in the supplier directory, or update its entry."""
    ensure_allowed(
        actor,
        "list_supplier",
        organisation,
        "Only someone who speaks for the organisation may list what it offers.",
    )
    insurance = insurance or []
    errors = _check(
        capabilities=capabilities,
        serves_radius_km=serves_radius_km,
        max_contract_pence=max_contract_pence,
        lead_time_days=lead_time_days,
        years_trading=years_trading,
        insurance=insurance,
    )
    codes: list[CpvCode] = []
    try:
        codes = cpv_codes_from(cpv_codes)
    except ValidationError as error:
        errors.update({k: " ".join(v) for k, v in error.message_dict.items()})
    if not cpv_codes and "cpv_codes" not in errors:
        errors["cpv_codes"] = "Give at least one CPV code for what the organisation offers."
    try:
        location = locate(organisation.postcode)
    except PostcodeError as error:
        errors["postcode"] = f"The organisation's postcode: {error}."
        location = None
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        profile = SupplierProfile.objects.filter(organisation=organisation).first()
        before = snapshot(profile) if profile else None
        if profile is None:
            profile = SupplierProfile(organisation=organisation)
        profile.capabilities = capabilities.strip()
        profile.serves_radius_km = serves_radius_km
        profile.serves_districts = sorted(set(serves_districts or []))
        profile.max_contract_pence = max_contract_pence
        profile.lead_time_days = lead_time_days
        profile.years_trading = years_trading
        profile.certifications = [c.strip() for c in certifications or [] if c.strip()]
        profile.insurance = [
            {"kind": str(i["kind"]).strip(), "cover_pence": i["cover_pence"]} for i in insurance
        ]
        profile.welcomes_consortia = welcomes_consortia
        profile.welcomes_subcontracting = welcomes_subcontracting
        profile.easting, profile.northing = location.easting, location.northing
        profile.save()
        profile.cpv_codes.set(codes)
        after = snapshot(profile) | {"cpv_codes": [c.code for c in codes]}
        audit_record(
            actor=actor,
            action="supplier_profile.save",
            instance=profile,
            before=before,
            after=after,
        )
    return profile
