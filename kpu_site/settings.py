"""Settings for the KPU secretariat application, read from the environment.

Defaults make a fresh checkout run as it is: SQLite next to manage.py, tasks run in-process
(no broker), DEBUG off (``DJANGO_DEBUG=1`` in ``.env`` is a developer's explicit choice). Production uses ``kpu_site.settings_production`` which requires
``DJANGO_SECRET_KEY`` and turns on every ``check --deploy`` setting.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# Published here, so never valid in production (kpu_site.settings_production refuses it).
SECRET_KEY_PENGEMBANGAN = "dev-only-secret-key-not-for-production-use-0123456789abcdefghij"  # noqa: S105
SECRET_KEY = env("DJANGO_SECRET_KEY", default=SECRET_KEY_PENGEMBANGAN)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "simple_history",
    "axes",
    "csp",
    "sekretariat",
    "kinerja",
    "anggaran",
    "badan_adhoc",
    # Last: its post_migrate handler applies the role permissions once every app has its own.
    "kpu_site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kpu_site.tahun.TahunMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A database still busy with another user's save: a 503 "coba simpan lagi", not a 500.
    "kpu_site.konkuren.BasisDataSibukMiddleware",
    # AxesMiddleware must be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kpu_site.urls"
WSGI_APPLICATION = "kpu_site.wsgi.application"

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
                "kpu_site.context_processors.navigasi",
                "sekretariat.context_processors.satker",
            ],
            "builtins": ["kpu_site.templatetags.format_id", "kpu_site.templatetags.status"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    # SQLite: write-ahead log (readers never wait for a writer) and every transaction begins
    # IMMEDIATE, taking the write lock first: two simultaneous saves queue for up to ``timeout``
    # seconds instead of the second failing with "database is locked" when it upgrades its
    # read lock (the optimistic ``versi`` check then names who saved first).
    opsi = DATABASES["default"].setdefault("OPTIONS", {})
    opsi.setdefault("timeout", 20)
    opsi.setdefault("transaction_mode", "IMMEDIATE")
    opsi.setdefault("init_command", "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "sekretariat.Pengguna"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: by username + IP, cool-off (never a permanent lock).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_MENIT", default=15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
# Reverse proxies in front of the application that append to X-Forwarded-For (kpu_site/klien.py);
# 0: the header is ignored (a client could write it). The login lockout reads the same address.
PROXY_TEPERCAYA = env.int("DJANGO_PROXY_TEPERCAYA", default=0)
AXES_CLIENT_IP_CALLABLE = "kpu_site.klien.alamat_klien"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
# our own translations first: the API messages DRF's Indonesian catalogue leaves in English
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

# Content-Security-Policy (django-csp): only the app's own scripts, styles, images and
# connections; no inline script, no inline style (not even style attributes: the templates use
# classes from static/css/app.css), no eval, no plugin, no framing. Bootstrap's CSS draws its
# icons (select arrow, menu button) from data: SVG images. Server-side SVG charts use
# presentation attributes (fill, font-size), which CSP does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Upload limit for evidence and applicant documents (bytes).
BATAS_UKURAN_BERKAS = env.int("BATAS_UKURAN_BERKAS", default=10 * 1024 * 1024)
# Public pages (no login): requests per visitor address per window (kpu_site.batas_laju).
PUBLIK_BATAS_LAJU = env.int("PUBLIK_BATAS_LAJU", default=120)
PUBLIK_BATAS_LAJU_DETIK = env.int("PUBLIK_BATAS_LAJU_DETIK", default=60)
# Public comments on applicants (badan_adhoc tanggapan): accepted comments per sender address per
# hour, and the proof-of-work difficulty (leading zero bits of SHA-256(challenge:nonce)).
TANGGAPAN_BATAS_PER_JAM = env.int("TANGGAPAN_BATAS_PER_JAM", default=10)
TANGGAPAN_BUKTI_BIT = env.int("TANGGAPAN_BUKTI_BIT", default=16)
# Imports (CSV/XLSX), the same for every page, API and command: the largest file in bytes (a
# full 1,048,576-row applicant XLSX is about 80 MB) and the most rows, the header included
# (Excel's maximum).
IMPOR_BATAS_UKURAN = env.int("IMPOR_BATAS_UKURAN", default=100 * 1024 * 1024)
IMPOR_BATAS_BARIS = env.int("IMPOR_BATAS_BARIS", default=1_048_576)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "kpu_site.renderers.BrowsableAPIRendererCsp",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "kpu_site.parsers.ObjekJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kpu_site.api.exception_handler",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Sekretariat KPU",
    "DESCRIPTION": "API untuk organisasi, kinerja, anggaran, badan ad hoc dan laporan kinerja.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI served from our own static files (no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "JenisIndikatorEnum": "kinerja.model_iku.ManualIndikator.Jenis",
        "JenisPublikasiEnum": "kinerja.model_publikasi.Publikasi.Jenis",
        "JenisUnggahPublikasiEnum": "kinerja.services.publikasi.JENIS_UNGGAH_PILIHAN",
        "JenisMutasiUpEnum": "anggaran.model_ikpa.MutasiUp.Jenis",
    },
}

# Celery: an empty broker means every task runs in-process (eager), so a checkout needs nothing.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=5)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "kinerja.tasks.laporan_render": {"queue": "laporan"},
    "badan_adhoc.tasks.dokumen_render": {"queue": "dokumen"},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# An LKj render with no sign of life for this long is taken as dead and taken over.
LKJ_DETAK_BASI_DETIK = env.int("LKJ_DETAK_BASI_DETIK", default=90)
# The same for a recruitment document (announcement PDF/Excel/ZIP).
DOKUMEN_DETAK_BASI_DETIK = env.int("DOKUMEN_DETAK_BASI_DETIK", default=90)

# A rendered PDF is kept in the cache under the SHA-256 of its HTML (kpu_site.pdf.html_ke_pdf).
PDF_CACHE_DETIK = env.int("PDF_CACHE_DETIK", default=3600)
PDF_CACHE_MAKS_BITA = env.int("PDF_CACHE_MAKS_BITA", default=5 * 1024 * 1024)

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("CACHE_URL")}
        if env("CACHE_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "fontTools": {"level": "ERROR"},
    },
}
