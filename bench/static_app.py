"""The static ceiling: a WSGI app that only serves the files of BENCH_STATIC_ROOT through WhiteNoise.

It goes through the same gunicorn settings as the platform, so the distance between the two is
what the platform's own code costs, not the app server's."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from whitenoise import WhiteNoise


def not_found(environ: dict, start_response: Callable) -> Iterable[bytes]:
    start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "9")])
    return [b"not found"]


# Files are indexed once at start-up, as WhiteNoise does in production.
application = WhiteNoise(not_found, root=os.environ["BENCH_STATIC_ROOT"], max_age=3600, autorefresh=False)
