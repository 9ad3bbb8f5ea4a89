"""Django settings, all read from the environment with safe development defaults.

Production (ALTLEP_ENV=production) refuses to start with the development secret key or DEBUG on.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean, refusing anything but the usual spellings so typos fail loudly."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false)")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


ENVIRONMENT = os.environ.get("ALTLEP_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"ALTLEP_ENV={ENVIRONMENT!r}: use development, test or production")
PRODUCTION = ENVIRONMENT == "production"

SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])

if PRODUCTION:
    # Failing at import time means gunicorn never serves a single request misconfigured.
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("production needs SECRET_KEY set to a long random value")
    if DEBUG:
        raise ImproperlyConfigured("production refuses to start with DEBUG on")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("production needs ALLOWED_HOSTS")

# Where the embedded databases, uploaded files and collected static files live.
DATA_DIR = Path(os.environ.get("ALTLEP_DATA_DIR", Path.cwd() / "var")).resolve()

INSTALLED_APPS = [
    "altlep.core.admin_site.PartnershipAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "altlep.core",
    "altlep.members",
    "altlep.commissioning",
    "altlep.governance",
    "altlep.evidence",
    "altlep.notify",
    "altlep.procurement",
    "altlep.skills",
    "altlep.supply",
    "reversion",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "altlep.core.post_only.ExplainPostOnlyMiddleware",
    "altlep.notify.middleware.LastVisitMiddleware",
]

ROOT_URLCONF = "altlep.urls"
WSGI_APPLICATION = "altlep.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "altlep.core.context_processors.partnership",
            ],
        },
    },
]


def _database_config() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "altlep.sqlite3",
        # WAL lets readers continue while one writer commits; IMMEDIATE avoids
        # "database is locked" upgrades from read to write transactions.
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
# htmx comes from the npm registry (package.json + package-lock.json); `make` runs npm ci.
_NODE_MODULES = Path(os.environ.get("ALTLEP_NODE_MODULES", BASE_DIR.parent / "node_modules"))
STATICFILES_DIRS = (
    [("vendor/htmx", _NODE_MODULES / "htmx.org" / "dist")]
    if (_NODE_MODULES / "htmx.org" / "dist").is_dir()
    else []
)
# Uploaded papers and documents. In production put them behind the web server (or object
# storage); Django serves them itself only with DEBUG on.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "partnership@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
# Emails sent from the command line (digests) have no request to take the address from.
ALTLEP_SITE_URL = os.environ.get("ALTLEP_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # 403s and 404s are the site working as meant: one line each, no traceback.
    "filters": {
        "refusals_on_one_line": {"()": "altlep.core.log_filters.ExpectedRefusalsOnOneLine"}
    },
    "loggers": {"django.request": {"filters": ["refusals_on_one_line"]}},
}


# --- Security: throttling, client addresses, caches, HTTPS, Content-Security-Policy ----------
# (see the README's "Running in production" section for each of these)


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None


# How many proxies (load balancer, TLS terminator) stand between visitors and gunicorn; their
# X-Forwarded-For entries are trusted to name the visitor's address, which throttling counts.
ALTLEP_PROXY_COUNT = env_int("ALTLEP_PROXY_COUNT", 0)

# Failed logins (django-axes, counted in the database): after ALTLEP_LOGIN_FAILURES failures
# for one account, or from one address, logging in is paused for ALTLEP_LOGIN_COOLOFF_MINUTES.
# The owner gets back in at once through a password-reset email, which lifts the pause.
INSTALLED_APPS += ["axes", "django_ratelimit"]
AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AXES_FAILURE_LIMIT = env_int("ALTLEP_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("ALTLEP_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "altlep.members.throttling.login_username"
AXES_CLIENT_IP_CALLABLE = "altlep.core.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "members/locked_out.html"
AXES_VERBOSE = False

# Registrations and password-reset requests (django-ratelimit): per visitor address and per
# email address, each "count/period" (s, m, h or d).
ALTLEP_FORM_RATE_PER_ADDRESS = os.environ.get("ALTLEP_FORM_RATE_PER_ADDRESS", "20/h")
ALTLEP_FORM_RATE_PER_ACCOUNT = os.environ.get("ALTLEP_FORM_RATE_PER_ACCOUNT", "5/h")
RATELIMIT_IP_META_KEY = "altlep.core.client_ip.client_ip"


def _cache_config() -> dict:
    """ALTLEP_CACHE: `locmem` (one process), `database` (shared by every web machine through
    the database) or a redis:// URL. Development and tests default to locmem, production to
    database."""
    choice = os.environ.get("ALTLEP_CACHE", "database" if PRODUCTION else "locmem")
    if choice == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if choice == "database":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "altlep_cache",
        }
    if choice.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": choice}
    raise ImproperlyConfigured(f"ALTLEP_CACHE={choice!r}: use locmem, database or a redis:// URL")


CACHES = {"default": _cache_config()}
# django-ratelimit prefers memcached or redis, whose increments are atomic. The local-memory
# cache (one process) and the database cache (shared, but a burst of concurrent requests may
# be counted a little short) are knowingly accepted here; set ALTLEP_CACHE to a redis:// URL
# for exact counts across many machines.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# HTTPS behind TLS in production: HSTS and redirects on by default (ALTLEP_HTTPS=false only for
# a production-like run without TLS, e.g. on a laptop).
if PRODUCTION and env_bool("ALTLEP_HTTPS", True):
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("ALTLEP_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("ALTLEP_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("ALTLEP_HSTS_PRELOAD", True)

# Every response carries a Content-Security-Policy allowing only the site's own scripts and
# styles (altlep/core/security.py); placed outermost but one so that error and lock-out pages
# carry it too.
MIDDLEWARE.insert(1, "altlep.core.security.ContentSecurityPolicyMiddleware")
