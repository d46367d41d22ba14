from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors
from .models import Audience


def education_page(request: HttpRequest) -> HttpResponse:
    audience = request.GET.get("audience", "")
    status = 200
    if audience and audience not in Audience.values:
        # An unknown audience is a bad link: say so (400) and show every resource.
        audience, status = "", 400
    corners = selectors.corners_by_commune()
    return render(
        request,
        "education/education.html",
        {
            "resources": list(selectors.resources(audience)),
            "audience": audience,
            "audience_choices": Audience.choices,
            "bad_audience": status == 400,
            "corner_groups": corners,
            "corner_count": sum(len(group.corners) for group in corners),
            "programmes": list(selectors.programmes()),
            "contact_url": selectors.contact_page_url(request.LANGUAGE_CODE),
        },
        status=status,
    )
