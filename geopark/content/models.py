"""Wagtail pages. The home page draws the geopark's facts, routes and featured sites; its own
fields are what an editor adds on top (a hero photo)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("A large landscape photo. Until one is uploaded a drawn karst skyline stands in."),
    )

    content_panels = [*Page.content_panels, FieldPanel("hero_image")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from geopark.heritage import selectors as heritage
        from geopark.routes import selectors as routes

        context = super().get_context(request, *args, **kwargs)
        geopark = heritage.current_geopark()
        route_list = list(routes.route_list())
        context.update(
            geopark=geopark,
            routes=[(r, routes.geometry(r)) for r in route_list],
            featured_sites=list(heritage.featured_sites()),
            completeness=heritage.inventory_completeness(geopark) if geopark else None,
        )
        return context
