"""The cross-sector network: a pure engine (engine.py, files.py, draw.py) and the platform's
tie sources (sources.py, a registry each app adds one entry to)."""
