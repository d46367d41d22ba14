"""Everything a screen shows, read in a fixed number of queries whatever the number of sites,
events and notices: the screen (1), its sites with their photos and renditions (1 + 3 prefetches),
the active hazard notices with their sites (1), the events under way and coming (1)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.db.models import Exists, Prefetch, Q
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from wagtail.images import get_image_model

from geopark.core import illustrations
from geopark.core.templatetags.illustrations import illustration_path
from geopark.events.selectors import next_events
from geopark.events.templatetags.event_tags import event_when
from geopark.heritage.models import HazardKind, HazardNotice, Severity, Site

from .models import Screen

SITE_LIMIT = 12
EVENT_LIMIT = 6
HAZARD_LIMIT = 8
# A slide's photograph, large enough for a 1920-pixel-wide screen, small enough for a slow link.
PHOTO_SPEC = "max-1920x1080"
# The screen's own files: when a deploy changes them, the running screens reload (`version`).
ASSETS = ("screens/screen.js", "screens/screen.css")


def screen_by_token(token: str) -> Screen | None:
    return Screen.objects.switched_on().filter(token=token).first()


def assets_version() -> str:
    """A fingerprint of the screen's script and style as served (hashed names in production)."""
    return hashlib.sha256("|".join(static(name) for name in ASSETS).encode()).hexdigest()[:12]


def _per_language(languages: list[str], compute) -> dict[str, str]:
    texts = {}
    for code in languages:
        with translation.override(code):
            texts[code] = str(compute() or "")
    return texts


def _labels(languages: list[str]) -> dict[str, dict[str, str]]:
    def words() -> dict[str, str]:
        return {
            "brand": gettext("UNESCO Global Geopark"),
            "featured": pgettext("screen", "Discover the geopark"),
            "today": pgettext("screen", "Today"),
            "coming": pgettext("screen", "Coming up"),
            "safety": pgettext("screen", "Safety notice"),
            "danger": pgettext("screen", "Danger"),
            "caution": pgettext("screen", "Caution"),
            "info": pgettext("screen", "Information"),
            "touch": pgettext("screen", "Touch the screen to explore"),
            "sites": pgettext("screen", "Sites"),
            "routes": pgettext("screen", "Routes"),
            "events": pgettext("screen", "Events"),
            "map": pgettext("screen", "Map"),
            "home": pgettext("screen", "Home"),
            "saved": pgettext("screen", "Showing the information saved at %(time)s"),
            "nothing": pgettext("screen", "Welcome to the geopark"),
        }

    labels = {}
    for code in languages:
        with translation.override(code):
            labels[code] = words()
    return labels


def _screen_sites(screen: Screen) -> list[Site]:
    """The sites the board chose for this screen, else those featured on the home page."""
    chosen = Screen.sites.through.objects.filter(screen_id=screen.pk)
    renditions = get_image_model().get_rendition_model().objects.all()
    return list(
        Site.objects.public()
        .filter(Q(pk__in=chosen.values("site_id")) | (Q(featured=True) & ~Exists(chosen)))
        .only(
            "pk",
            "code",
            "slug",
            "site_type",
            *(f"{base}_{code}" for base in ("name", "summary") for code, _name in settings.LANGUAGES),
        )
        .prefetch_related(
            Prefetch("photos__image__renditions", queryset=renditions),
        )
        .order_by("code")[:SITE_LIMIT]
    )


def _photo(site: Site) -> str:
    photos = list(site.photos.all())
    if not photos:
        return ""
    try:
        return photos[0].image.get_rendition(PHOTO_SPEC).url
    except Exception:  # a missing original file: the illustration stands in, the screen goes on
        return ""


def _site_slide(site: Site, languages: list[str]) -> dict[str, Any]:
    motif, seed = illustrations.for_object(site)
    return {
        "kind": "site",
        "key": f"site-{site.slug}",
        "title": _per_language(languages, lambda: site.name),
        "text": _per_language(languages, lambda: site.summary),
        "photo": _photo(site),
        "illustration": illustration_path(motif, seed),
    }


def _hazard_slide(notice: HazardNotice, languages: list[str]) -> dict[str, Any]:
    return {
        "kind": "hazard",
        "key": f"hazard-{notice.pk}",
        "severity": notice.severity,
        "title": _per_language(languages, lambda: notice.site.name),
        "text": _per_language(languages, lambda: notice.text),
        # "Other" says nothing on a wall: only a named kind of danger is shown.
        "heading": {}
        if notice.kind == HazardKind.OTHER
        else _per_language(languages, notice.get_kind_display),
    }


def _event_slide(event, today: dt.date, languages: list[str]) -> dict[str, Any]:
    motif, seed = illustrations.for_object(event)
    under_way = event.has_exact_dates and event.start_date <= today <= event.period_last_day
    return {
        "kind": "event",
        "key": f"event-{event.slug}",
        "today": under_way,
        "title": _per_language(languages, lambda: event.title),
        "text": _per_language(languages, lambda: event.summary),
        "when": _per_language(languages, lambda: event_when(event)),
        "where": _per_language(languages, lambda: event.place_name),
        "illustration": illustration_path(motif, seed),
    }


def _links(language: str) -> dict[str, str]:
    """The kiosk's menu: the public pages, in the screen's first language."""
    with translation.override(language):
        return {
            "sites": reverse("heritage:site_list"),
            "routes": reverse("routes:route_list"),
            "events": reverse("events:event_list"),
            "map": reverse("map"),
        }


def screen_data(screen: Screen) -> dict[str, Any]:
    """What the screen's page rotates, as JSON-ready values: the safety notices first (dangers
    first among them, and flagged `pinned`, which the page keeps on every slide), then the events
    under way today and coming, then the sites; every text in each of the screen's languages."""
    languages = screen.languages
    today = timezone.localdate()
    notices = list(
        HazardNotice.objects.active(today)
        .filter(site__live=True)
        .select_related("site")
        .by_severity()[:HAZARD_LIMIT]
    )
    events = next_events(EVENT_LIMIT)
    sites = _screen_sites(screen)
    hazards = [_hazard_slide(n, languages) for n in notices]
    return {
        "screen": {"mode": screen.mode, "rotation_seconds": screen.rotation_seconds},
        "languages": languages,
        "time_zone": settings.TIME_ZONE,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "version": assets_version(),
        "labels": _labels(languages),
        "pinned": [h for h in hazards if h["severity"] == Severity.DANGER],
        "slides": [
            *hazards,
            *(_event_slide(e, today, languages) for e in events),
            *(_site_slide(s, languages) for s in sites),
        ],
        "links": _links(languages[0]) if screen.mode == "kiosk" else {},
    }
