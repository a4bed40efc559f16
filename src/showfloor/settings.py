"""Showfloor settings, read from the environment.

SQLite by default; PostgreSQL when SHOWFLOOR_DATABASE_URL is set; Redis for the cache and the Celery
broker when SHOWFLOOR_REDIS_URL is set (otherwise an in-process cache and eager tasks).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("SHOWFLOOR_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("SHOWFLOOR_DEBUG", False)
SECRET_KEY = os.environ.get("SHOWFLOOR_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("SHOWFLOOR_TESTING"):
        # A production process without a key would sign sessions with a guessable one.
        from django.core.exceptions import ImproperlyConfigured  # only needed on this path

        raise ImproperlyConfigured("SHOWFLOOR_SECRET_KEY must be set when SHOWFLOOR_DEBUG is off.")
    SECRET_KEY = "showfloor-insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("SHOWFLOOR_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("SHOWFLOOR_CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SHOWFLOOR_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Apps in dependency order (DESIGN.md): an app imports core and the apps above it in this list.
SHOWFLOOR_APPS = [
    "showfloor.core",
    "showfloor.exhibitors",
    "showfloor.floorplan",
    "showfloor.attendance",
    "showfloor.programme",
    "showfloor.guests",
    "showfloor.matchmaking",
    "showfloor.awards",
    "showfloor.deals",
    "showfloor.analytics",
    "showfloor.api",
    "showfloor.web",
    "showfloor.demo",
]

INSTALLED_APPS = [
    "showfloor.web.apps.ShowfloorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    *SHOWFLOOR_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "showfloor.core.middleware.EditionMiddleware",
    "showfloor.analytics.middleware.PageViewMiddleware",
]

ROOT_URLCONF = "showfloor.urls"
WSGI_APPLICATION = "showfloor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "showfloor.web.context_processors.shell",
            ],
            "builtins": ["showfloor.web.templatetags.showfloor"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("SHOWFLOOR_DATABASE_URL", f"sqlite:///{VAR_DIR / 'showfloor.sqlite3'}"),
        conn_max_age=int(os.environ.get("SHOWFLOOR_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed during a write; IMMEDIATE takes the write lock at BEGIN, so
    # select_for_update-style critical sections are serialised instead of failing at COMMIT.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Connections persist like PostgreSQL's (SHOWFLOOR_DB_CONN_MAX_AGE): opening one and running
    # the PRAGMAs on every request cost a third of a cached page's time.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SHOWFLOOR_TEST_SQLITE_NAME")}
elif env_bool("SHOWFLOOR_DB_PREPARE", default=True):
    # Only the statements that ask for it are prepared (the scan path, core/sqlrows.py): Django's
    # own cursors bind on the client and never prepare. Set SHOWFLOOR_DB_PREPARE=0 behind a
    # connection pooler in transaction mode that does not keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 2**31 - 1

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("SHOWFLOOR_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = os.environ.get("SHOWFLOOR_CELERY_BROKER_URL", REDIS_URL) or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not (os.environ.get("SHOWFLOOR_CELERY_BROKER_URL") or REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# Periodic jobs for `celery -A showfloor beat` (seconds between runs).
CELERY_BEAT_SCHEDULE = {
    "lapse-expired-booth-options": {"task": "floorplan.lapse_expired_options", "schedule": 300.0},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("zh-hans", _("Simplified Chinese"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("SHOWFLOOR_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "web" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env_bool("SHOWFLOOR_TESTING")
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("SHOWFLOOR_MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded media is served by the app itself when no front web server does it (the demo, tests).
SERVE_MEDIA = env_bool("SHOWFLOOR_SERVE_MEDIA", True)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "SHOWFLOOR_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("SHOWFLOOR_FROM_EMAIL", "showfloor@localhost")

# Online meetings and streams are links to services the organiser runs.
JITSI_BASE_URL = os.environ.get("SHOWFLOOR_JITSI_BASE_URL", "https://meet.jit.si").rstrip("/")
# HLS base address of the organiser's streaming server (SRS, MediaMTX, nginx-rtmp...).
STREAMING_BASE_URL = os.environ.get(
    "SHOWFLOOR_STREAMING_BASE_URL", "https://live.example.org/hls"
).rstrip("/")

# Page views are written in batches of this many per process (1: each at once).
SHOWFLOOR_PAGEVIEW_BATCH = int(os.environ.get("SHOWFLOOR_PAGEVIEW_BATCH", "20"))

NINJA_PAGINATION_PER_PAGE = 50
# Bounded so that no page request can ask the database for more than it can answer.
NINJA_PAGINATION_MAX_LIMIT = 1000
NINJA_PAGINATION_MAX_OFFSET = 10_000_000

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx and the scanner page read it to send X-CSRFToken
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
if not DEBUG and env_bool("SHOWFLOOR_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SHOWFLOOR_LOG_LEVEL", "WARNING")},
}
