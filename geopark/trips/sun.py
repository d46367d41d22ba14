"""Sunrise and sunset for a date and place (astral, NOAA's solar equations), in Vietnam's time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from astral import Observer
from astral.sun import sunrise, sunset

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def daylight(day: dt.date, lat: float, lon: float) -> tuple[dt.time, dt.time]:
    """(sunrise, sunset) at (lat, lon) on `day`, local time of Vietnam (UTC+7, no summer time)."""
    observer = Observer(latitude=lat, longitude=lon, elevation=0)
    rise = sunrise(observer, day, tzinfo=VIETNAM)
    set_ = sunset(observer, day, tzinfo=VIETNAM)
    return rise.time().replace(second=0, microsecond=0), set_.time().replace(second=0, microsecond=0)
