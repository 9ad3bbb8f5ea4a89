"""Configure Django once, for commands that use the database; shared by every app's CLI so that
no app's command module has to import the top-level `altlep.cli`."""

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "altlep.settings")
    import django

    django.setup()
