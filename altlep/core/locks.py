"""Serialising a check-then-write across concurrent requests.

Some rules can only be checked against every row at once (a board's composition), so two
requests must not check in parallel. On PostgreSQL a transaction-scoped advisory lock does
that; SQLite already runs one writing transaction at a time (settings: IMMEDIATE mode).
"""

import zlib

from django.db import connection


def serialise(name: str) -> None:
    """Hold a lock named `name` until the current transaction ends (call inside atomic())."""
    if connection.vendor == "postgresql":
        key = zlib.crc32(name.encode("utf-8"))
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
