"""A small Nomis API CSV at 4-digit SIC class, with known totals and one suppressed cell."""

HEADER = (
    "DATE,GEOGRAPHY_CODE,GEOGRAPHY_NAME,INDUSTRY_CODE,INDUSTRY_NAME,"
    "EMPLOYMENT_SIZEBAND_NAME,OBS_VALUE\n"
)
ROWS = [
    # Leeds: publishing 5811 and software 6201 (creative), retail 4711 (not creative)
    ("E08000035", "Leeds", "5811", "Micro (0 to 9)", "40"),
    ("E08000035", "Leeds", "5811", "Small (10 to 49)", "5"),
    ("E08000035", "Leeds", "5811", "Medium-sized (50 to 249)", "0"),
    ("E08000035", "Leeds", "5811", "Large (250+)", "0"),
    ("E08000035", "Leeds", "6201", "Micro (0 to 9)", "120"),
    ("E08000035", "Leeds", "6201", "Small (10 to 49)", "15"),
    ("E08000035", "Leeds", "6201", "Medium-sized (50 to 249)", "*"),
    ("E08000035", "Leeds", "6201", "Large (250+)", "0"),
    ("E08000035", "Leeds", "4711", "Micro (0 to 9)", "300"),
    ("E08000035", "Leeds", "4711", "Small (10 to 49)", "25"),
    ("E08000035", "Leeds", "4711", "Medium-sized (50 to 249)", "10"),
    ("E08000035", "Leeds", "4711", "Large (250+)", "5"),
]


def write(path, rows=ROWS, header=HEADER, year="2022", total=False):
    lines = [header]
    for code, name, sic, band, value in rows:
        industry = "Total" if total else f"{sic} : class {sic}"
        lines.append(f'{year},{code},{name},{sic},"{industry}",{band},{value}\n')
    path.write_text("".join(lines), encoding="utf-8")
    return path
