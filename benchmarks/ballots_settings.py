"""Settings for benchmarks/ballots.py: the app's own settings, with DEBUG off (so no query log
grows in memory and error pages are the production ones) and a fast password hasher, because
the benchmark logs in thousands of voters and PBKDF2 would measure the hasher, not the app."""

from altlep.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
