"""What the passport's script says, in the page's language, with simpler GeoKids words ("…_kids")
where they differ. Shipped in the page (json_script), so the script speaks offline too."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def script_strings() -> dict[str, str]:
    return {
        "status_none": _("No stamp yet."),
        "status_none_kids": _("No stamp yet!"),
        "status_scan": _("Stamp collected from the signboard on %(date)s."),
        "status_location": _("Stamp collected here on %(date)s."),
        "status_kids": _("You have this stamp!"),
        "answered": _("Question answered"),
        "answered_kids": _("You found the answer!"),
        "locating": _("Finding where you are…"),
        "locating_kids": _("Looking for you…"),
        "collected": _("Stamp collected!"),
        "collected_kids": _("Well done, you got the stamp!"),
        "too_far": _(
            "You seem to be %(distance)s away. Come within %(radius)s of the place to collect its stamp."
        ),
        "too_far_kids": _("You are too far away. Go closer and try again!"),
        "denied": _(
            "Your phone did not share its location, so the stamp cannot be checked. Scan the signboard's QR code instead."
        ),
        "no_fix": _(
            "Your position could not be found just now. Try again in the open, or scan the signboard's QR code."
        ),
        "no_geolocation": _("This browser cannot tell where you are. Scan the signboard's QR code instead."),
        "right": _("Right! Your stamp now carries a star."),
        "right_kids": _("Yes! You get a star!"),
        "wrong": _("Not quite. Look again at the signboard or around you."),
        "wrong_kids": _("Not yet. Look again and try once more!"),
        "no_crypto": _("Answers can be checked only on the site's secure address (https)."),
        "badge": _("Route complete: you earned the badge of “%(route)s”!"),
        "badge_kids": _("Hooray! A new badge: “%(route)s”!"),
        "earned": _("Earned on %(date)s"),
        "not_earned": _("Not earned yet"),
        "summary": _("%(stamps)s of %(sites)s stamps · %(badges)s of %(routes)s badges"),
    }


def beacon_urls() -> dict[str, str]:
    lang = get_language()
    return {
        "stamps": reverse("api-v1:count_stamp") + f"?lang={lang}",
        "badges": reverse("api-v1:count_badge") + f"?lang={lang}",
    }
