"""The DCMS Sectors Economic Estimates definitions by SIC 2007, as facts.

Source: DCMS Sectors Economic Estimates: GVA (2017/2018 releases), SIC mapping table
"sic_mappings.csv" of DCMS's GVA publication pipeline (DCMSstats/eegva, copy in
Strategoose/gva_publication gva_data_processing/lookups/sic_mappings.csv), which agrees code by
code with the 2016 Economic Estimates working sheet (DCMSstats/eesectors, data/DCMS_sectors.rda).
Crown copyright, Open Government Licence v3.0. Methodology:
https://www.gov.uk/government/publications/dcms-sectors-economic-estimates-methodology

Each row is (code as DCMS published it, the SIC 2007 4-digit class it means, DCMS sub-sector).
DCMS writes a 3-digit group (59.2) or a division (92) where it takes the whole of it; those are
listed as the classes they contain. Tourism (measured by DCMS through the Tourism Satellite
Account; its table carries a pseudo-code 62.011) and civil society are not SIC-defined and are
not listed.
"""

from django.db import migrations

SOURCE = (
    "DCMS Sectors Economic Estimates (2016–2018 definitions), SIC 2007 mapping table "
    "sic_mappings.csv of the DCMS GVA publication pipeline; Crown copyright, OGL v3.0"
)
SOURCE_URL = (
    "https://www.gov.uk/government/publications/dcms-sectors-economic-estimates-methodology"
)

DCMS_SECTORS = [
    (
        "creative",
        "Creative industries",
        [
            ("32.12", "3212", "Crafts"),
            ("58.11", "5811", "Publishing"),
            ("58.12", "5812", "Publishing"),
            ("58.13", "5813", "Publishing"),
            ("58.14", "5814", "Publishing"),
            ("58.19", "5819", "Publishing"),
            ("58.21", "5821", "IT, software and computer services"),
            ("58.29", "5829", "IT, software and computer services"),
            ("59.11", "5911", "Film, TV, video, radio and photography"),
            ("59.12", "5912", "Film, TV, video, radio and photography"),
            ("59.13", "5913", "Film, TV, video, radio and photography"),
            ("59.14", "5914", "Film, TV, video, radio and photography"),
            ("59.2", "5920", "Music, performing and visual arts"),
            ("60.1", "6010", "Film, TV, video, radio and photography"),
            ("60.2", "6020", "Film, TV, video, radio and photography"),
            ("62.01", "6201", "IT, software and computer services"),
            ("62.02", "6202", "IT, software and computer services"),
            ("70.21", "7021", "Advertising and marketing"),
            ("71.11", "7111", "Architecture"),
            ("73.11", "7311", "Advertising and marketing"),
            ("73.12", "7312", "Advertising and marketing"),
            ("74.1", "7410", "Design and designer fashion"),
            ("74.2", "7420", "Film, TV, video, radio and photography"),
            ("74.3", "7430", "Publishing"),
            ("85.52", "8552", "Music, performing and visual arts"),
            ("90.01", "9001", "Music, performing and visual arts"),
            ("90.02", "9002", "Music, performing and visual arts"),
            ("90.03", "9003", "Music, performing and visual arts"),
            ("90.04", "9004", "Music, performing and visual arts"),
            ("91.01", "9101", "Museums, galleries and Libraries"),
            ("91.02", "9102", "Museums, galleries and Libraries"),
        ],
    ),
    (
        "culture",
        "Cultural sector",
        [
            ("32.12", "3212", "Crafts"),
            ("59.11", "5911", "Film, TV and music"),
            ("59.12", "5912", "Film, TV and music"),
            ("59.13", "5913", "Film, TV and music"),
            ("59.14", "5914", "Film, TV and music"),
            ("59.2", "5920", "Film, TV and music"),
            ("60.1", "6010", "Radio"),
            ("60.2", "6020", "Film, TV and music"),
            ("74.2", "7420", "Photography"),
            ("85.52", "8552", "Cultural education"),
            ("90.01", "9001", "Arts"),
            ("90.02", "9002", "Arts"),
            ("90.03", "9003", "Arts"),
            ("90.04", "9004", "Arts"),
            ("91.01", "9101", "Library and archives"),
            ("91.02", "9102", "Museums and galleries"),
            ("18.2", "1820", "Film, TV and music"),
            ("32.2", "3220", "Film, TV and music"),
            ("47.63", "4763", "Film, TV and music"),
            ("91.03", "9103", "Heritage"),
        ],
    ),
    (
        "digital",
        "Digital sector",
        [
            ("26.11", "2611", "Manufacturing of electronics and computers"),
            ("26.12", "2612", "Manufacturing of electronics and computers"),
            ("26.2", "2620", "Manufacturing of electronics and computers"),
            ("26.3", "2630", "Manufacturing of electronics and computers"),
            ("26.4", "2640", "Manufacturing of electronics and computers"),
            ("26.8", "2680", "Manufacturing of electronics and computers"),
            ("46.51", "4651", "Wholesale of computers and electronics"),
            ("46.52", "4652", "Wholesale of computers and electronics"),
            ("58.11", "5811", "Publishing (excluding translation and interpretation activities)"),
            ("58.12", "5812", "Publishing (excluding translation and interpretation activities)"),
            ("58.13", "5813", "Publishing (excluding translation and interpretation activities)"),
            ("58.14", "5814", "Publishing (excluding translation and interpretation activities)"),
            ("58.19", "5819", "Publishing (excluding translation and interpretation activities)"),
            ("58.21", "5821", "Software publishing"),
            ("58.29", "5829", "Software publishing"),
            ("59.11", "5911", "Film, TV, video, radio and music"),
            ("59.12", "5912", "Film, TV, video, radio and music"),
            ("59.13", "5913", "Film, TV, video, radio and music"),
            ("59.14", "5914", "Film, TV, video, radio and music"),
            ("59.2", "5920", "Film, TV, video, radio and music"),
            ("60.1", "6010", "Film, TV, video, radio and music"),
            ("60.2", "6020", "Film, TV, video, radio and music"),
            ("61.1", "6110", "Telecommunications"),
            ("61.2", "6120", "Telecommunications"),
            ("61.3", "6130", "Telecommunications"),
            ("61.9", "6190", "Telecommunications"),
            ("62.01", "6201", "Computer programming, consultancy and related activities"),
            ("62.02", "6202", "Computer programming, consultancy and related activities"),
            ("62.03", "6203", "Computer programming, consultancy and related activities"),
            ("62.09", "6209", "Computer programming, consultancy and related activities"),
            ("63.11", "6311", "Information service activities"),
            ("63.12", "6312", "Information service activities"),
            ("63.91", "6391", "Information service activities"),
            ("63.99", "6399", "Information service activities"),
            ("95.11", "9511", "Repair of computers and communication equipment"),
            ("95.12", "9512", "Repair of computers and communication equipment"),
        ],
    ),
    (
        "sport",
        "Sport",
        [
            ("32.3", "3230", ""),
            ("47.64", "4764", ""),
            ("93.11", "9311", ""),
            ("93.12", "9312", ""),
            ("93.13", "9313", ""),
            ("93.19", "9319", ""),
            ("77.21", "7721", ""),
            ("85.51", "8551", ""),
            ("30.12", "3012", ""),
        ],
    ),
    (
        "telecoms",
        "Telecoms",
        [
            ("61.1", "6110", ""),
            ("61.2", "6120", ""),
            ("61.3", "6130", ""),
            ("61.9", "6190", ""),
        ],
    ),
    (
        "gambling",
        "Gambling",
        [
            ("92", "9200", ""),
        ],
    ),
    (
        "all_dcms",
        "All DCMS sectors (excluding tourism and civil society)",
        [
            ("26.11", "2611", ""),
            ("26.12", "2612", ""),
            ("26.2", "2620", ""),
            ("26.3", "2630", ""),
            ("26.4", "2640", ""),
            ("26.8", "2680", ""),
            ("32.12", "3212", ""),
            ("46.51", "4651", ""),
            ("46.52", "4652", ""),
            ("58.11", "5811", ""),
            ("58.12", "5812", ""),
            ("58.13", "5813", ""),
            ("58.14", "5814", ""),
            ("58.19", "5819", ""),
            ("58.21", "5821", ""),
            ("58.29", "5829", ""),
            ("59.11", "5911", ""),
            ("59.12", "5912", ""),
            ("59.13", "5913", ""),
            ("59.14", "5914", ""),
            ("59.2", "5920", ""),
            ("60.1", "6010", ""),
            ("60.2", "6020", ""),
            ("61.1", "6110", ""),
            ("61.2", "6120", ""),
            ("61.3", "6130", ""),
            ("61.9", "6190", ""),
            ("62.01", "6201", ""),
            ("62.02", "6202", ""),
            ("62.03", "6203", ""),
            ("62.09", "6209", ""),
            ("63.11", "6311", ""),
            ("63.12", "6312", ""),
            ("63.91", "6391", ""),
            ("63.99", "6399", ""),
            ("70.21", "7021", ""),
            ("71.11", "7111", ""),
            ("73.11", "7311", ""),
            ("73.12", "7312", ""),
            ("74.1", "7410", ""),
            ("74.2", "7420", ""),
            ("74.3", "7430", ""),
            ("85.52", "8552", ""),
            ("90.01", "9001", ""),
            ("90.02", "9002", ""),
            ("90.03", "9003", ""),
            ("90.04", "9004", ""),
            ("91.01", "9101", ""),
            ("91.02", "9102", ""),
            ("92", "9200", ""),
            ("95.11", "9511", ""),
            ("95.12", "9512", ""),
            ("32.3", "3230", ""),
            ("47.64", "4764", ""),
            ("93.11", "9311", ""),
            ("93.12", "9312", ""),
            ("93.13", "9313", ""),
            ("93.19", "9319", ""),
            ("18.2", "1820", ""),
            ("32.2", "3220", ""),
            ("47.63", "4763", ""),
            ("91.03", "9103", ""),
            ("77.21", "7721", ""),
            ("85.51", "8551", ""),
            ("30.12", "3012", ""),
        ],
    ),
]


def forwards(apps, schema_editor):
    SectorDefinition = apps.get_model("evidence", "SectorDefinition")
    SectorCode = apps.get_model("evidence", "SectorCode")
    for slug, name, rows in DCMS_SECTORS:
        definition, _ = SectorDefinition.objects.get_or_create(
            slug=f"dcms-{slug.replace('_', '-')}",
            version=1,
            defaults={
                "name": name,
                "official": True,
                "source": SOURCE,
                "source_url": SOURCE_URL,
            },
        )
        for published, code, subsector in rows:
            SectorCode.objects.get_or_create(
                definition=definition,
                code=code,
                defaults={"published_as": published, "subsector": subsector},
            )


def backwards(apps, schema_editor):
    apps.get_model("evidence", "SectorDefinition").objects.filter(
        official=True, slug__startswith="dcms-"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("evidence", "0003_sector_definitions")]
    operations = [migrations.RunPython(forwards, backwards)]
