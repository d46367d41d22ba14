"""gunicorn settings for production, the fault tests and the load benchmark.

    gunicorn -c config/gunicorn.conf.py config.wsgi:application

Command-line options win over this file, and GUNICORN_BIND / GUNICORN_WORKERS over its defaults.
"""

from __future__ import annotations

import multiprocessing
import os

bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
# Sync workers: the pages are CPU-bound Django renders (or page-cache hits) with short database
# queries; a slow client is the reverse proxy's job, not a worker's.
worker_class = "sync"
# A burst of visitors waits in the kernel's accept queue instead of being refused. The kernel caps
# it at net.core.somaxconn (4096 on current Linux).
backlog = 4096
# A request still running after this long is stuck (a lock, a lost database); the worker is
# replaced rather than holding its place for ever. The slowest legitimate request (the PDF dossier,
# a 20,000-row catalogue import) takes a few seconds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Workers are renewed now and then, so that slow growth of a worker's memory stays bounded; the
# jitter keeps them from all restarting at once.
max_requests = 5000
max_requests_jitter = 500
# Request line and header limits: gunicorn's defaults, stated so that the reverse proxy's match.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Loopback and the reverse proxy only speak to gunicorn; the proxy's address is trusted for
# X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER in the production settings).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
