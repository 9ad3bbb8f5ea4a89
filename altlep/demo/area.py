"""The demo's area: the districts of the former Lancashire LEP (ONS code E37000019).

Listed here so the demo works without the ONS lookup files; `altlep areas districts E37000019`
gives the same fourteen districts from the official LSOA→LEP and LSOA→LAD lookups.
"""

PARTNERSHIP_NAME = "Lancashire Alternative LEP"
AREA_DESCRIPTION = "the districts of the former Lancashire LEP (E37000019)"
LANCASHIRE_LEP_DISTRICTS = {
    "E06000008": "Blackburn with Darwen",
    "E06000009": "Blackpool",
    "E07000117": "Burnley",
    "E07000118": "Chorley",
    "E07000119": "Fylde",
    "E07000120": "Hyndburn",
    "E07000121": "Lancaster",
    "E07000122": "Pendle",
    "E07000123": "Preston",
    "E07000124": "Ribble Valley",
    "E07000125": "Rossendale",
    "E07000126": "South Ribble",
    "E07000127": "West Lancashire",
    "E07000128": "Wyre",
}
# Postcode areas that cover those districts (West Lancashire reaches into L and WN,
# Rossendale into OL and BL).
AREA_POSTCODE_AREAS = ["PR", "BB", "FY", "LA", "L", "WN", "OL", "BL"]
# Neighbours outside the area, so the directory shows suppliers who are not local.
NEIGHBOURING_DISTRICTS = {
    "E08000003": "Manchester",
    "E08000035": "Leeds",
    "E08000012": "Liverpool",
}
NEIGHBOUR_POSTCODE_AREAS = ["M", "LS", "L"]
