"""`manage.py check --deploy` reports nothing with the production settings the README
documents (HSTS, HTTPS redirects, secure cookies, a real secret key)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import altlep

ROOT = Path(altlep.__file__).resolve().parent.parent


def _check_deploy(**env) -> subprocess.CompletedProcess:
    # The browser tests' conftest allows async-unsafe calls for Playwright; production never does.
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION = {
    "ALTLEP_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),  # as the README generates it
    "ALLOWED_HOSTS": "lep.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://lep.example.org",
}


def test_the_documented_production_settings_pass_the_deploy_check():
    result = _check_deploy(**PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_turning_https_off_is_caught_by_the_deploy_check():
    result = _check_deploy(**PRODUCTION, ALTLEP_HTTPS="false")
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout
