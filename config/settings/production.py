"""Production: every secret and address from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list, logging_config

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]  # noqa: F405
# A load balancer probes each node over plain HTTP; a redirect to HTTPS would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
LOGGING = logging_config(os.environ.get("LOG_FORMAT", "json"), os.environ.get("LOG_LEVEL", "INFO"))
# First, so each request's logged duration includes every other middleware.
MIDDLEWARE = [
    "geopark.operations.logs.RequestLogMiddleware",
    "geopark.operations.proxy.TrustedProxyMiddleware",
    *MIDDLEWARE,  # noqa: F405
]
# The reverse proxies whose X-Real-IP is believed (operations/proxy.py): nginx on this host by default.
GEOPARK_TRUSTED_PROXIES = env_list("GEOPARK_TRUSTED_PROXIES", "127.0.0.1,::1")
