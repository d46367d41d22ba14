"""The admin's site chooser shows each site's status, scheduled publications included, with the
sites it lists read in one query however many there are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from geopark.heritage.models import Site

from .factories import SiteFactory

pytestmark = pytest.mark.django_db


def schedule(site: Site) -> None:
    """An editor approves a change to go live next week (Wagtail's "publish at" on a revision)."""
    revision = site.save_revision()
    revision.approved_go_live_at = timezone.now() + dt.timedelta(days=7)
    revision.save()


def test_the_annotated_schedule_agrees_with_wagtails_own_answer(geopark):
    scheduled, plain = SiteFactory(geopark=geopark), SiteFactory(geopark=geopark)
    schedule(scheduled)
    annotated = Site.objects.annotate_approved_schedule().in_bulk([scheduled.pk, plain.pk])
    assert annotated[scheduled.pk].approved_schedule is True
    assert annotated[plain.pk].approved_schedule is False
    # Unannotated sites still ask Wagtail, with the same answers.
    assert Site.objects.get(pk=scheduled.pk).approved_schedule is True
    assert Site.objects.get(pk=plain.pk).approved_schedule is False


def test_the_site_chooser_costs_the_same_queries_for_two_or_twelve_sites(client, admin_user, geopark):
    url = reverse(Site.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    client.force_login(admin_user)
    for _ in range(2):
        SiteFactory(geopark=geopark)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        schedule(SiteFactory(geopark=geopark))
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert len(few) == len(many)
    assert "scheduled" in html  # the status column still tells a scheduled publication
