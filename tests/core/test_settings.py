"""Settings come from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys

import pytest
from django.db import connection


def _import_settings(**env) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import altlep.settings"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_default_secret_key():
    result = _import_settings(ALTLEP_ENV="production", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug_on():
    result = _import_settings(
        ALTLEP_ENV="production", SECRET_KEY="x" * 50, DEBUG="true", ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_starts_with_a_real_key_and_debug_off():
    result = _import_settings(
        ALTLEP_ENV="production", SECRET_KEY="x" * 50, DEBUG="false", ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr


def test_a_misspelt_boolean_fails_loudly():
    result = _import_settings(DEBUG="ture")
    assert result.returncode != 0 and "not a boolean" in result.stderr


def test_database_url_selects_postgresql():
    code = "import altlep.settings as s; print(s.DATABASES['default']['ENGINE'])"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("this run uses PostgreSQL; WAL is a SQLite setting")
    # The test database is in memory, which has no WAL; open a file database the same way.
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='altlep.settings'; django.setup();"
        "from django.db import connection; c=connection.cursor();"
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "ALTLEP_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "wal"
