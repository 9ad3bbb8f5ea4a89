"""Supplier name normalisation: the same firm written "A & B Ltd." and "A AND B LIMITED"."""

from __future__ import annotations

import functools
import re
import unicodedata

# Legal-form words that say nothing about which firm it is, in their normalised spelling.
_SUFFIXES = {
    "LTD": "LIMITED",
    "LIMITED": "LIMITED",
    "PLC": "PLC",
    "LLP": "LLP",
    "CIC": "CIC",
    "CO": "COMPANY",
    "COMPANY": "COMPANY",
    "INC": "INC",
    "UK": "UK",
}
_DROP_AT_END = {"LIMITED", "PLC", "LLP", "INC", "THE", "CIC", "COMPANY"}
_TRADING_AS = re.compile(r"\s+(T/A|TA|T\.A\.|TRADING AS|TRADING\s+AS)\s+.*$", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 17)  # a spend file repeats the same few thousand suppliers
def normalise_name(raw: str) -> str:
    """Upper-case, accents and punctuation gone, "&" → AND, Ltd → LIMITED, "t/a …" cut off,
    trailing legal forms dropped: "Peter Displays Ltd T/A Limelight" → "PETER DISPLAYS"."""
    text = unicodedata.normalize("NFKD", raw or "").encode("ascii", "ignore").decode()
    text = _TRADING_AS.sub("", text.upper())
    text = text.replace("&", " AND ").replace("+", " AND ")
    text = re.sub(r"\bC\.?\s?I\.?\s?C\.?(?=\s|$)", "CIC", text)
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[^A-Z0-9]+", " ", text)
    words = [_SUFFIXES.get(w, w) for w in text.split()]
    if words and words[0] == "THE":
        words = words[1:]
    while len(words) > 1 and words[-1] in _DROP_AT_END:
        words.pop()
    return " ".join(words)


def trading_name(raw: str) -> str:
    """The name after "t/a" (the trading name), or "" when there is none."""
    match = re.search(r"\b(?:T/A|TRADING AS)\s+(.*)$", raw or "", re.IGNORECASE)
    return normalise_name(match.group(1)) if match else ""


def tokens(normalised: str) -> list[str]:
    return normalised.split()


_COMPANY_NUMBER = re.compile(r"^(?:[A-Z]{2}\d{6}|\d{8}|\d{6,7})$")


def clean_company_number(raw: str) -> str:
    """Companies House numbers are 8 characters: pad digits ("133804" → "00133804")."""
    if not raw:
        return ""
    text = re.sub(r"[^A-Z0-9]", "", raw.upper())
    if not text or not _COMPANY_NUMBER.match(text):
        return ""
    return text.zfill(8) if text.isdigit() else text


# The same normalisation as a DuckDB macro, so a 5-million-row register is normalised inside
# the database instead of one Python call per name. Kept step for step with normalise_name
# (tests/flows/test_supplier_names_normalise.py checks them against each other on real names).
# RE2 has no look-ahead, so the C.I.C. rule captures the following space and puts it back.
NORMALISE_NAME_MACRO = r"""
CREATE OR REPLACE MACRO normalise_name(raw) AS (
  WITH ascii AS (
    -- NFKD turns no-break and other wide spaces into spaces and splits the fi/fl ligatures
    SELECT upper(regexp_replace(
             replace(replace(regexp_replace(strip_accents(coalesce(raw, '')),
               '[\x{A0}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]', ' ', 'g'),
               chr(64257), 'fi'), chr(64258), 'fl'),
             '[^\x{01}-\x{7F}]', '', 'g')) AS t
  ), cut AS (
    SELECT regexp_replace(t, '\s+(T/A|TA|T\.A\.|TRADING AS|TRADING\s+AS)\s+.*$', '') AS t
    FROM ascii
  ), words AS (
    SELECT list_transform(
             string_split(trim(regexp_replace(regexp_replace(regexp_replace(
               replace(replace(t, '&', ' AND '), '+', ' AND '),
               '\bC\.?\s?I\.?\s?C\.?(\s|$)', 'CIC\1', 'g'),
               '[''`]', '', 'g'),
               '[^A-Z0-9]+', ' ', 'g')), ' '),
             lambda w: CASE w WHEN 'LTD' THEN 'LIMITED' WHEN 'CO' THEN 'COMPANY' ELSE w END) AS w
    FROM cut
  ), bare AS (
    SELECT array_to_string(CASE WHEN w[1] = 'THE' THEN w[2:] ELSE w END, ' ') AS t FROM words
  )
  SELECT regexp_replace(t, '^(.+?)(?: (?:LIMITED|PLC|LLP|INC|THE|CIC|COMPANY))+$', '\1')
  FROM bare
)
"""
