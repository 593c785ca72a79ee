"""Fieldnotes settings, read from the environment.

``FIELDNOTES_ENV=production`` turns on the strict checks: a real ``DJANGO_SECRET_KEY`` and
explicit ``DJANGO_ALLOWED_HOSTS``. Development (the default) runs with safe local defaults.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

ENVIRONMENT = env_choice("FIELDNOTES_ENV", ("development", "production"), "development")
PRODUCTION = ENVIRONMENT == "production"

_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or ("" if PRODUCTION else _DEV_SECRET_KEY)
if PRODUCTION and (len(SECRET_KEY) < 32 or SECRET_KEY == _DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "FIELDNOTES_ENV=production needs DJANGO_SECRET_KEY: a random string of 32+ characters."
    )

DEBUG = env_bool("DJANGO_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when FIELDNOTES_ENV=production.")

# Anyone may create an account at /accounts/signup/ only when this is on; otherwise accounts
# are made by a curator.
SIGNUP_OPEN = env_bool("FIELDNOTES_SIGNUP", default=False)

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", default=[] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("FIELDNOTES_ENV=production needs DJANGO_ALLOWED_HOSTS.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "taggit",
    "axes",
    "ninja",  # the API's browsable page, with its scripts served from here, not a CDN
    "postings",
    "taxonomy",
    "roadmaps",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lib.request_size.RequestSizeMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
            ],
        },
    },
]


def _database_from_env() -> dict:
    url = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a usable database URL: {exc}") from exc
    if config["ENGINE"] not in (
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    ):
        raise ImproperlyConfigured("DATABASE_URL must point at SQLite or PostgreSQL.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Readers never wait for an import (write-ahead log); a write waits up to 20 s for
        # another to finish instead of failing with "database is locked", and takes the lock
        # when its transaction begins, so it cannot fail halfway upgrading a read lock.
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASES = {"default": _database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes, a kept library; its counts live in the database, so every
# gunicorn worker sees them): after 10 wrong passwords for one account, signing in to it is
# refused (429, templates/registration/locked_out.html) for 15 minutes, even with the right
# one. By account, not by address: behind a proxy every visitor may share one. A right
# password before the limit forgets the failures; a curator can unlock early in the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True  # failures only: no row for every successful sign-in
AXES_VERBOSE = False
# axes.W006 asks for 'ip_address' among the lockout parameters, against rotating user agents
# or cookies; locking by account alone is not open to that, and an address lock would lock
# out every visitor of a proxy that does not pass the address on.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Pages and figures computed from the data are cached under its version (taxonomy's
# DataVersion), so a change is seen at once and an entry is never stale. Files in one folder
# are shared by every gunicorn worker on the machine and need no server of their own.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": Path(env_str("FIELDNOTES_CACHE_DIR") or BASE_DIR / ".cache"),
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": env_int("FIELDNOTES_CACHE_ENTRIES", default=5000, minimum=100)},
    }
}

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# What a request may send: forms of text everywhere (a pasted CV is 20,000 characters), more
# only where a view says so (lib.request_size.accepts_up_to): the admin's notes import and
# "Add posting". Larger requests are answered 413 before their body is read.
MAX_REQUEST_BYTES = 1024 * 1024
# Form fields (not files) held in memory: a posting pasted into "Add posting" (5 MB at most).
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts anywhere, no third-party origins: the site works offline. The admin
# sets a few inline style attributes, hence 'unsafe-inline' for styles only.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Served behind a TLS proxy (README, "Serving it for real"). Each is the Django setting of the
# same name, read from DJANGO_<NAME>. Production redirects to HTTPS and sends cookies over
# HTTPS only unless told otherwise; HSTS is off until a number of seconds is given, since a
# browser that has seen it cannot reach the site over plain HTTP for that long.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=PRODUCTION)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            f"DJANGO_CSRF_TRUSTED_ORIGINS: {_origin!r} needs its scheme, as https://{_origin}."
        )
# The header a proxy sets to say the visitor's request came over HTTPS, e.g.
# X-Forwarded-Proto. Set it only when such a proxy is in front: a visitor could send it too.
_PROXY_HEADER = env_str("DJANGO_SECURE_PROXY_SSL_HEADER", "").strip()
if _PROXY_HEADER:
    if not all(part.isalnum() for part in _PROXY_HEADER.split("-")):
        raise ImproperlyConfigured(
            f"DJANGO_SECURE_PROXY_SSL_HEADER={_PROXY_HEADER!r} is not a header name "
            "such as X-Forwarded-Proto."
        )
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_HEADER.upper().replace("-", "_"), "https")
USE_X_FORWARDED_HOST = env_bool("DJANGO_USE_X_FORWARDED_HOST", default=False)

TAGGIT_CASE_INSENSITIVE = True
FORMS_URLFIELD_ASSUME_HTTPS = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "roadmap-list"
LOGOUT_REDIRECT_URL = "home"

# Where `make run` and the admin look for the sample notes.
FIELDNOTES_SAMPLE_NOTES = BASE_DIR / "fixtures" / "notes.md"
FIELDNOTES_VOCABULARY = BASE_DIR / "fixtures" / "technologies.json"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
