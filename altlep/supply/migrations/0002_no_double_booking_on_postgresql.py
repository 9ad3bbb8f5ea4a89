"""On PostgreSQL the database itself refuses two confirmed bookings of one resource whose times
overlap (an exclusion constraint over a time range). SQLite has no such constraint; there the
booking service's write lock (one writing transaction at a time) keeps the same rule."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE supply_booking ADD CONSTRAINT supply_no_double_booking
EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
WHERE (status = 'confirmed');
"""
DROP = "ALTER TABLE supply_booking DROP CONSTRAINT IF EXISTS supply_no_double_booking;"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("supply", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
