"""Settings shared by every environment. Everything that differs between machines comes from
environment variables (see .env.example); nothing secret has a default here."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from geopark.operations.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # Our apps first so their templates and translations win over the libraries'.
    "geopark.core",
    "geopark.operations",
    "geopark.reporting",
    "geopark.analytics",
    "geopark.territory",
    "geopark.heritage",
    "geopark.conservation",
    "geopark.routes",
    "geopark.museum",
    "geopark.events",
    "geopark.tourism",
    "geopark.education",
    "geopark.plans",
    "geopark.cooperation",
    "geopark.villages",
    "geopark.partners",
    "geopark.signboards",
    "geopark.trips",
    "geopark.trails",
    "geopark.offline",
    "geopark.screens",
    "geopark.content",
    "geopark.audioguides",
    "geopark.search",
    "geopark.revalidation",
    "geopark.passport",
    "geopark.statistics",
    "geopark.users",
    "geopark.dataset",
    # Swagger UI's files for /api/v1/docs, served from here (the CSP allows no CDN script).
    "ninja",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "auditlog",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that an oversized body is refused before anything reads it (operations/faults.py).
    "geopark.operations.faults.RequestSizeLimitMiddleware",
    # HEAD answered as GET without the body; every error under /api/ as JSON (operations/faults.py).
    "geopark.operations.faults.HeadAsGetMiddleware",
    "geopark.operations.faults.ApiErrorsAsJsonMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "geopark.operations.middleware.SecurityHeadersMiddleware",
    # A kiosk's frame may hold the public pages (same site only), cached ones too (screens/middleware.py).
    "geopark.screens.middleware.KioskFrameMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "geopark.operations.middleware.NullByteMiddleware",
    # Above the page cache, so a page it serves is counted too, in memory (analytics/middleware.py).
    "geopark.analytics.middleware.AnalyticsMiddleware",
    # Before sessions and URL routing: a cached page costs no database query (operations/pagecache.py).
    "geopark.operations.pagecache.PageCacheMiddleware",
    # Pages and API answers compressed (a page shrinks to a quarter: what a phone on a slow link
    # waits for). Below the page cache, so a page is compressed once when it is stored, not on
    # every hit; the cache keeps a compressed and a plain copy. Static files never reach it:
    # WhiteNoise above answers them with its own pre-compressed copies. Django's version pads each
    # response at random against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "geopark.operations.middleware.LocaleMiddleware",
    # The database unreachable: a friendly 503 instead of a 500 (operations/faults.py).
    "geopark.operations.faults.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "geopark.operations.middleware.ApiHeadersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Names the signed-in person in the change history of what a writing request changes (users/audit.py).
    "geopark.users.audit.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "geopark.operations.middleware.AdminCspMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's page lookup remembered per path until a page changes (operations/pageroutes.py).
    "geopark.operations.pageroutes.RememberedRouteMiddleware",
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
                "django.template.context_processors.i18n",
                "geopark.operations.context_processors.platform",
                "geopark.content.context_processors.public_sections",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked before a request reuses it, so that after a database
        # restart the first request of each worker reconnects instead of failing.
        conn_health_checks=True,
    )
}
# A streaming-replication replica takes the reads (geopark/operations/dbrouters.py says what that promises).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    # Tests never create a second test database: the replica is the primary under another name.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["geopark.operations.dbrouters.PrimaryReplicaRouter"]
# SQLite keeps 2 MB of the file in its own page cache unless told otherwise, and each page it lacks
# is a system call: a search at scale seeks all over a token index of hundreds of megabytes. 64 MB
# per connection (taken as pages are read) halved the slowest search on the large synthetic data.
SQLITE_CACHE_MB = int(os.environ.get("SQLITE_CACHE_MB", "64"))
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        # PostgreSQL compiles a query to machine code, or starts worker processes to share it, when
        # its estimated cost is high; for a web request's queries (milliseconds each) either costs
        # more than it saves: compiling added 70 ms to a 30 ms search at scale, starting two workers
        # 6 ms to a 15 ms one (for a part of the query that then did not run).
        _database.setdefault("OPTIONS", {})["options"] = "-c jit=off -c max_parallel_workers_per_gather=0"
    elif _database["ENGINE"] == "django.db.backends.sqlite3":
        _database.setdefault("OPTIONS", {})["init_command"] = f"PRAGMA cache_size = -{SQLITE_CACHE_MB * 1024}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Generated reports are made by a thread of each web process ("thread"), or only by a separate
# `manage.py report_worker` ("off" in the web processes); geopark/reporting/queue.py.
GEOPARK_REPORT_WORKER = os.environ.get("GEOPARK_REPORT_WORKER", "thread")
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that stops answering must fail a request in seconds, not hang a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    # Sessions are read from Redis and written through to the database: every node sees a login,
    # and a Redis restart or eviction logs nobody out. Only with a shared cache: with per-process
    # local memory, a worker could keep serving a session another worker has ended.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Per gunicorn worker; pages of a few tens of KB each, so a bound keeps memory predictable.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("GEOPARK_LOCAL_CACHE_ENTRIES", "3000"))},
        }
    }

# Whole public pages for anonymous visitors, per language, refreshed by any edit (operations/pagecache.py).
# The timeout bounds what no edit announces: an event moving from "upcoming" to "past".
GEOPARK_PAGE_CACHE = env_bool("GEOPARK_PAGE_CACHE", True)
# Counting public page views (geopark/analytics): on unless switched off.
GEOPARK_ANALYTICS = env_bool("GEOPARK_ANALYTICS", True)
GEOPARK_PAGE_CACHE_SECONDS = int(os.environ.get("GEOPARK_PAGE_CACHE_SECONDS", "600"))
# Values many pages compute alike, kept per worker until a write moves their generations
# (operations.pagecache.remembered); independent of the page cache, so a page's miss stays cheap.
GEOPARK_FRAGMENT_CACHE = env_bool("GEOPARK_FRAGMENT_CACHE", True)
# With a per-process cache, the workers of one machine share the generation through this file.
GEOPARK_PAGE_CACHE_STAMP = os.environ.get(
    "GEOPARK_PAGE_CACHE_STAMP", str(BASE_DIR / "var" / "pagecache.stamp")
)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login rate limiting (django-axes), failures counted over the last hour, each way with its own
# limit (geopark/users/throttling.py): one username from one address (someone mistyping), one
# address whatever the username (one machine guessing accounts; high enough for an office behind
# one NAT address), one username whatever the address (many machines guessing one account's
# password). Reaching a limit closes sign-in for that key for an hour after the last failure;
# `manage.py axes_reset_username NAME` (or `axes_reset_ip`) opens it earlier.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
GEOPARK_LOGIN_FAILURE_LIMITS = {
    ("username", "ip_address"): AXES_FAILURE_LIMIT,
    ("ip_address",): int(os.environ.get("AXES_FAILURE_LIMIT_PER_ADDRESS", "20")),
    ("username",): int(os.environ.get("AXES_FAILURE_LIMIT_PER_USERNAME", "10")),
}
AXES_LOCKOUT_PARAMETERS = [list(parameters) for parameters in GEOPARK_LOGIN_FAILURE_LIMITS]
AXES_HANDLER = "geopark.users.throttling.LoginThrottle"
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_CALLABLE = "geopark.users.throttling.lockout_response"

# --- Languages -------------------------------------------------------------------------------
# The code "zh" is the public URL prefix (/zh/); Simplified Chinese is what is written.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("zh", "中文"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Django, Wagtail and the other apps ship Chinese as "zh_Hans", which Django never reads for our
# language code "zh": their strings then fell back to Vietnamese (LANGUAGE_CODE). compiletranslations
# merges their zh_Hans catalogues into one "zh" catalogue here; the project's own catalogue wins.
BORROWED_TRANSLATIONS = {"zh": "zh_Hans"}
BORROWED_LOCALE_DIR = BASE_DIR / "var" / "locale"
LOCALE_PATHS = [BASE_DIR / "locale", BORROWED_LOCALE_DIR]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Babel locale per language, for dates, numbers and VND amounts.
BABEL_LOCALES = {"vi": "vi_VN", "en": "en_GB", "zh": "zh_Hans_CN"}

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # What visitors send (report photos) stays out of MEDIA_ROOT, which the web server publishes;
    # staff see it through a view behind the admin login.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private"))},
    },
}
# With several app nodes, uploads go to S3-compatible object storage that every node reads.
# Keys come from boto3's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an instance role).
GEOPARK_S3_BUCKET = os.environ.get("GEOPARK_S3_BUCKET") or os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if GEOPARK_S3_BUCKET:
    _s3_connection = {
        "endpoint_url": os.environ.get("GEOPARK_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("GEOPARK_S3_REGION") or None,
        "addressing_style": os.environ.get("GEOPARK_S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
        # Wagtail and the report form expect a second upload of a name to get a new name, as on disk.
        "file_overwrite": False,
        # No object ACLs: most buckets refuse them; public read is a bucket policy on media/ only.
        "default_acl": None,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_connection,
            "bucket_name": GEOPARK_S3_BUCKET,
            "location": "media",
            "querystring_auth": False,
            "custom_domain": os.environ.get("GEOPARK_S3_CUSTOM_DOMAIN") or None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_connection,
            "bucket_name": os.environ.get("GEOPARK_S3_PRIVATE_BUCKET") or GEOPARK_S3_BUCKET,
            "location": "private",
            # Report photos are never public: any address handed out is signed and expires.
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest request body accepted at all (413 above it, before it is read): a little over the
# largest legitimate upload, a 10 MB image or catalogue plus the form around it.
GEOPARK_MAX_REQUEST_BYTES = int(os.environ.get("GEOPARK_MAX_REQUEST_BYTES", str(12 * 1024 * 1024)))

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("GEOPARK_SITE_NAME", "Geopark Platform")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "geopark.operations.image_forms.ImageFormWithRights"  # + credit, licence
# Documents are served from the site's own origin, so only types no browser runs are accepted, each
# file's content is checked against its extension (operations/documents.py, which holds a check for every
# type listed here), and every document is a sandboxed download streamed by Django: never a redirect
# to the bucket, never shown inline (operations.middleware.SecurityHeadersMiddleware adds the headers).
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
    "jpg",
    "jpeg",
    "png",
    "webp",
    "gif",
    "zip",
    "7z",
    "mp3",
    "ogg",
    "wav",
    "m4a",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "geopark.operations.documents.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# A page sent for translation starts as a draft in the other language; until a translator
# publishes it, readers get the Vietnamese original with a notice (content.HomePage.route).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An approved change is published by the approval itself, so approvers need no publish right.
WAGTAIL_FINISH_WORKFLOW_ACTION = "geopark.content.workflow.publish_approved"

# --- Email (replies to the contact form) -----------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Change history (django-auditlog, geopark/users/audit.py): no request's address is kept, and a
# foreign key is kept as the text it showed, so the history reads right after the record is gone.
AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
AUDITLOG_STORE_JSON_CHANGES = True

# --- The geopark this installation serves ----------------------------------------------------
# Which folder of data/ the loader reads, and the map's tile source. An empty tile URL leaves the
# map without a base layer; sites and route lines still draw.
GEOPARK_DATA_DIR = Path(os.environ.get("GEOPARK_DATA_DIR", BASE_DIR / "data" / "langson"))
GEOPARK_TILE_URL = os.environ.get("GEOPARK_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
GEOPARK_TILE_ATTRIBUTION = os.environ.get("GEOPARK_TILE_ATTRIBUTION", "&copy; OpenStreetMap contributors")
# The trip planner's routing engine (an OSRM server's base URL); empty: driving times are estimated.
GEOPARK_OSRM_URL = os.environ.get("GEOPARK_OSRM_URL", "")
# The four route colours follow the Mother Goddess realms (see docs/decisions/0011-front-end.md); one place.
GEOPARK_ROUTE_COLOURS = {
    1: {"fill": "#2e7d32", "outline": "#1b5e20", "text": "#ffffff"},
    2: {"fill": "#c62828", "outline": "#8e0000", "text": "#ffffff"},
    3: {"fill": "#f9c846", "outline": "#a67c00", "text": "#2b2200"},
    4: {"fill": "#ffffff", "outline": "#1e88e5", "text": "#0d3c61"},
}
# An optional geological map over the base map: a WMS service (URL + comma-separated layers) or a
# tile URL template. All empty (the default) means the full map offers no geology layer.
GEOPARK_GEOLOGY_WMS_URL = os.environ.get("GEOPARK_GEOLOGY_WMS_URL", "")
GEOPARK_GEOLOGY_WMS_LAYERS = os.environ.get("GEOPARK_GEOLOGY_WMS_LAYERS", "")
GEOPARK_GEOLOGY_TILE_URL = os.environ.get("GEOPARK_GEOLOGY_TILE_URL", "")
GEOPARK_GEOLOGY_ATTRIBUTION = os.environ.get("GEOPARK_GEOLOGY_ATTRIBUTION", "")

# --- Security --------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The service worker (/sw.js) and the web app manifest: the site's own, said explicitly
        # rather than left to default-src (geopark/offline).
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# LOG_FORMAT=json writes one JSON object a line (production's default); text is for people.
LOGGING = logging_config(os.environ.get("LOG_FORMAT", "text"), os.environ.get("LOG_LEVEL", "WARNING"))
