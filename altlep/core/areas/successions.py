"""Districts abolished or recoded since the ONS lookups were published, and their successors.

The LSOA lookups we import date from 2020, but postcodes are located with today's codes, so a
partnership built from "the districts of a former LEP" must name the districts as they are now,
or it would contain no organisation at all.
"""

# Old ONS code → the code of the district that now covers it.
SUCCESSORS: dict[str, str] = {
    # The Northamptonshire (Structural Changes) Order 2020, in force 1 April 2021.
    "E07000150": "E06000061",  # Corby → North Northamptonshire
    "E07000152": "E06000061",  # East Northamptonshire
    "E07000153": "E06000061",  # Kettering
    "E07000156": "E06000061",  # Wellingborough
    "E07000151": "E06000062",  # Daventry → West Northamptonshire
    "E07000154": "E06000062",  # Northampton
    "E07000155": "E06000062",  # South Northamptonshire
    # The Cumbria (Structural Changes) Order 2022, in force 1 April 2023.
    "E07000026": "E06000063",  # Allerdale → Cumberland
    "E07000028": "E06000063",  # Carlisle
    "E07000029": "E06000063",  # Copeland
    "E07000027": "E06000064",  # Barrow-in-Furness → Westmorland and Furness
    "E07000030": "E06000064",  # Eden
    "E07000031": "E06000064",  # South Lakeland
    # The North Yorkshire (Structural Changes) Order 2022, in force 1 April 2023.
    "E07000163": "E06000065",  # Craven → North Yorkshire
    "E07000164": "E06000065",  # Hambleton
    "E07000165": "E06000065",  # Harrogate
    "E07000166": "E06000065",  # Richmondshire
    "E07000167": "E06000065",  # Ryedale
    "E07000168": "E06000065",  # Scarborough
    "E07000169": "E06000065",  # Selby
    # The Somerset (Structural Changes) Order 2022, in force 1 April 2023.
    "E07000187": "E06000066",  # Mendip → Somerset
    "E07000188": "E06000066",  # Sedgemoor
    "E07000189": "E06000066",  # South Somerset
    "E07000246": "E06000066",  # Somerset West and Taunton
    # The Barnsley and Sheffield (Boundary Change) Order 2024, in force 1 April 2025: both
    # districts kept their names but ONS recoded them.
    "E08000016": "E08000038",  # Barnsley
    "E08000019": "E08000039",  # Sheffield
}


def current_code(code: str) -> str:
    """The code of the district that covers `code` today (itself when unchanged)."""
    return SUCCESSORS.get(code, code)
