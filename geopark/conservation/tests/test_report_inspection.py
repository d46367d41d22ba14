"""Turning a visitor report into an inspection is a scientist's act: it needs the right to record
inspections and the scientist's signature; moderators triage reports but do not inspect."""

from __future__ import annotations

import pytest
from django.urls import reverse

from geopark.conservation.models import Inspection, ReportState
from geopark.conservation.services import signature
from geopark.conservation.tests.factories import VisitorReportFactory
from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(geopark):
    return VisitorReportFactory(site=SiteFactory(geopark=geopark))


def detail(report) -> str:
    return reverse("conservation_admin:report_detail", kwargs={"pk": report.pk})


def to_inspection(client, report, **extra):
    return client.post(detail(report), {"action": "inspection", "i-condition": "minor", **extra})


def test_a_moderator_cannot_turn_a_report_into_an_inspection(client, report, moderator):
    client.force_login(moderator)
    assert "i-condition" not in client.get(detail(report)).content.decode()
    response = to_inspection(client, report, **{"i-sign": "on"})
    assert response.status_code in (302, 403)  # Wagtail turns a refusal into a redirect home
    assert not Inspection.objects.exists()
    report.refresh_from_db()
    assert report.state == ReportState.NEW


def test_a_scientist_turns_a_report_into_an_inspection_signed_by_them(client, report, scientist):
    client.force_login(scientist)
    html = client.get(detail(report)).content.decode()
    assert signature(scientist) in html  # the form says who signs
    response = to_inspection(client, report, **{"i-sign": "on"})
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert inspection.inspector == scientist
    assert inspection.source_report == report


def test_an_unsigned_inspection_is_not_recorded(client, report, scientist):
    client.force_login(scientist)
    response = to_inspection(client, report)
    assert response.status_code == 200
    assert not Inspection.objects.exists()
    report.refresh_from_db()
    assert report.state == ReportState.NEW


def test_a_scientist_reads_reports_but_does_not_moderate_them(client, report, scientist):
    client.force_login(scientist)
    assert client.get(reverse("conservation_admin:reports")).status_code == 200
    response = client.post(detail(report), {"action": "moderate", "m-state": "accepted"})
    assert response.status_code in (302, 403)  # Wagtail turns a refusal into a redirect home
    report.refresh_from_db()
    assert report.state == ReportState.NEW


def test_the_service_refuses_an_inspection_by_someone_without_the_right(report, moderator):
    from django.core.exceptions import PermissionDenied

    from geopark.conservation.services import report_to_inspection

    with pytest.raises(PermissionDenied):
        report_to_inspection(report=report, by=moderator, condition="good")
    assert not Inspection.objects.exists()


def test_the_inspector_list_offers_those_who_may_record_inspections(admin_user, scientist, moderator, editor):
    """Scientists and administrators sign inspections; a moderator or an editor cannot be named."""
    from geopark.conservation.forms import InspectionAdminForm

    form_class = Inspection.snippet_viewset.get_edit_handler().get_form_class()
    assert issubclass(form_class, InspectionAdminForm)
    offered = set(form_class().fields["inspector"].queryset)
    assert offered == {admin_user, scientist}
