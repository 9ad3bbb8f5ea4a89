"""The cache table that the throttles on joining and password resets count in, when the cache
is the database (ALTLEP_CACHE=database, production's default). `createcachetable` does
nothing for other caches and for a table that exists, so this is safe to run anywhere."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
