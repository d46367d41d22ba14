"""What a request tells about a view, reduced at once to coarse classes: the country of the
address (iptocc: RIR allocations shipped in the package, no file, no network), the referring host,
the device class, and whether it is a robot. The address and the user agent are read here and go no
further.

The user agent is classified by a few regular expressions rather than a full parser (ua-parser):
only three classes and "robot" are wanted, and this runs on every cached page (about a
microsecond, against tens for a full parse)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import iptocc

from .models import HOST_LENGTH, INTERNAL, Device

# Crawlers, link previews, monitors, command-line clients and headless browsers. A visitor who
# sends no user agent at all is a script too.
BOT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|"
    r"lighthouse|pagespeed|headless|phantomjs|curl/|wget/|python-|httpx|aiohttp|go-http|java/|"
    r"okhttp|libwww|scrapy|feedfetcher|validator|checker|wrk|apachebench|^$",
    re.IGNORECASE,
)
TABLET = re.compile(r"ipad|tablet|kindle|silk/|playbook|(android(?!.*mobile))", re.IGNORECASE)
MOBILE = re.compile(r"mobi|iphone|ipod|android|phone|blackberry|opera mini|iemobile", re.IGNORECASE)


def is_bot(user_agent: str) -> bool:
    return bool(BOT.search(user_agent.strip()))


def device(user_agent: str) -> str:
    if TABLET.search(user_agent):
        return Device.TABLET
    if MOBILE.search(user_agent):
        return Device.MOBILE
    return Device.DESKTOP


def country(address: str) -> str:
    """The ISO code of the country the address's block is allocated to, "" when none (private,
    loopback, unknown or not an address)."""
    try:
        code = iptocc.country_code(address)
    except (ValueError, TypeError):
        return ""
    return code if isinstance(code, str) and len(code) == 2 else ""


def referrer(header: str, own_hosts: frozenset[str]) -> str:
    """The referring site's host alone ("" for none); INTERNAL when it is this site."""
    if not header:
        return ""
    try:
        host = (urlsplit(header).hostname or "").lower()
    except ValueError:
        return ""
    if not host:
        return ""
    if host in own_hosts:
        return INTERNAL
    return host.removeprefix("www.")[:HOST_LENGTH]
