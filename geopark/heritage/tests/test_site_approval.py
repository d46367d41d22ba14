"""Sites and routes pass the board like pages: an editor's change is a draft (the row stays the live
version), submitted, approved by another person, then live; the public site, API, map, search,
sitemap and short links never show a draft. Hazard notices stay immediate, and are logged."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowState

from geopark.content.services import ensure_board_workflow
from geopark.heritage.models import HazardNotice, Site
from geopark.routes.models import Route
from geopark.routes.tests.factories import RouteFactory
from geopark.routes.tests.test_admin import form_for as route_form
from geopark.search.models import SearchDocument
from geopark.search.services import rebuild_index
from geopark.users.services import APPROVERS

from .factories import SiteFactory
from .test_admin import form_for as site_form

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "action-submit"}


@pytest.fixture
def board(editor, approver):
    ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))


@pytest.fixture
def site(geopark):
    site = SiteFactory(
        geopark=geopark, code="LS-001", slug="hang-gio", name_vi="Hang Gió", name_en="Wind Cave"
    )
    rebuild_index()
    return site


def url(model, name: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def approve(client, obj) -> None:
    state = WorkflowState.objects.active().get(
        object_id=str(obj.pk), base_content_type__model=obj._meta.model_name
    )
    task_state = state.current_task_state
    client.post(url(type(obj), "workflow_action", obj.pk, "approve", task_state.pk), {"comment": ""})


def public_texts(client) -> str:
    """What a visitor can read about sites: the list, a page, the API, the map, search, the sitemap."""
    parts = [
        client.get("/en/sites/").content.decode(),
        client.get("/api/v1/sites?lang=en").content.decode(),
        client.get("/api/v1/sites.geojson?lang=en").content.decode(),
        client.get("/api/v1/search?q=cave&lang=en").content.decode(),
        client.get("/api/v1/routes?lang=en").content.decode(),
        client.get("/en/routes/").content.decode(),
        " ".join(SearchDocument.objects.values_list("title", flat=True)),
    ]
    return "\n".join(parts)


def test_an_editors_change_to_a_site_is_a_draft_until_another_person_approves_it(
    client, board, site, editor, approver
):
    client.force_login(editor)
    response = client.post(url(Site, "edit", site.pk), site_form(site, name_en="Cave of the Winds", **SUBMIT))
    assert response.status_code == 302, response.content.decode()[-2000:]
    site.refresh_from_db()
    assert site.name_en == "Wind Cave"  # the row is the live version
    assert site.get_latest_revision_as_object().name_en == "Cave of the Winds"
    assert site.has_unpublished_changes
    client.logout()
    texts = public_texts(client)
    assert "Wind Cave" in texts
    assert "Cave of the Winds" not in texts
    assert client.get("/en/sites/hang-gio/").status_code == 200

    # The editor cannot approve their own change; nor publish it.
    client.force_login(editor)
    approve(client, site)
    client.post(
        url(Site, "edit", site.pk),
        site_form(site, name_en="Cave of the Winds", **{"action-publish": "action-publish"}),
    )
    site.refresh_from_db()
    assert site.name_en == "Wind Cave"

    client.force_login(approver)
    approve(client, site)
    site.refresh_from_db()
    assert site.name_en == "Cave of the Winds"
    assert not site.has_unpublished_changes
    client.logout()
    assert "Cave of the Winds" in client.get("/en/sites/hang-gio/").content.decode()
    assert SearchDocument.objects.get(lang="en", kind="site", key="LS-001").title == "Cave of the Winds"


def test_a_draft_save_does_not_touch_the_search_index(client, board, site, editor):
    client.force_login(editor)
    client.post(url(Site, "edit", site.pk), site_form(site, name_en="Cave of the Winds"))
    assert SearchDocument.objects.get(lang="en", kind="site", key="LS-001").title == "Wind Cave"


def test_a_site_an_editor_adds_stays_hidden_until_approved(client, board, site, editor, approver, geopark):
    client.force_login(editor)
    draft = Site(
        geopark=geopark,
        code="LS-NEW",
        slug="hang-moi",
        name_vi="Hang Mới",
        name_en="New Cave",
        site_type="geomorphological",
        precision="published",
        lat=21.8,
        lon=106.7,
    )
    response = client.post(url(Site, "add"), site_form(draft, **SUBMIT))
    assert response.status_code == 302, response.content.decode()[-2000:]
    new = Site.objects.get(code="LS-NEW")
    assert not new.live
    client.logout()
    assert "New Cave" not in public_texts(client)
    assert client.get("/en/sites/hang-moi/").status_code == 404
    assert client.get("/s/LS-NEW").status_code == 404
    assert client.get("/api/v1/sites/hang-moi").status_code == 404
    assert "hang-moi" not in client.get("/sitemap.xml").content.decode() + "".join(
        client.get(f"/sitemap-{name}.xml").content.decode() for name in ("sites",)
    )

    client.force_login(approver)
    approve(client, new)
    new.refresh_from_db()
    assert new.live
    client.logout()
    assert client.get("/en/sites/hang-moi/").status_code == 200


def test_the_preview_shows_the_public_page_drawn_from_the_draft(client, board, site, editor):
    client.force_login(editor)
    preview = url(Site, "preview_on_edit", site.pk)
    data = site_form(site, name_vi="Hang Gió Lộng")
    assert client.post(preview, data).json()["is_valid"]
    html = client.get(preview, {"mode": ""}).content.decode()
    assert "<h1" in html
    assert "Hang Gió Lộng" in html  # the admin speaks Vietnamese: the vi page
    site.refresh_from_db()
    assert site.name_vi == "Hang Gió"  # previewing saved nothing


def test_an_editors_change_to_a_route_waits_for_approval(client, board, site, editor, approver, geopark):
    route = RouteFactory(number=1, geopark=geopark, name_en="Mountain Route")
    client.force_login(editor)
    response = client.post(url(Route, "edit", route.pk), route_form(route, name_en="Karst Route", **SUBMIT))
    assert response.status_code == 302, response.content.decode()[-2000:]
    route.refresh_from_db()
    assert route.name_en == "Mountain Route"
    client.logout()
    assert "Karst Route" not in public_texts(client)

    client.force_login(editor)
    approve(client, route)
    route.refresh_from_db()
    assert route.name_en == "Mountain Route"

    client.force_login(approver)
    approve(client, route)
    route.refresh_from_db()
    assert route.name_en == "Karst Route"
    client.logout()
    assert "Karst Route" in client.get("/api/v1/routes?lang=en").content.decode()


def test_a_route_an_editor_adds_is_not_public_until_approved(client, board, editor, geopark):
    client.force_login(editor)
    draft = Route(geopark=geopark, number=7, slug="tuyen-7", name_vi="Tuyến Bảy", name_en="Seventh Route")
    response = client.post(url(Route, "add"), route_form(draft))
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert not Route.objects.get(number=7).live
    client.logout()
    assert "Seventh Route" not in public_texts(client)
    assert client.get("/en/routes/7/").status_code == 404
    assert client.get("/api/v1/routes/7.geojson").status_code == 404


def test_loaded_and_existing_routes_are_live(geopark):
    assert RouteFactory(number=3, geopark=geopark).live
    assert Route._meta.get_field("live").default is True  # existing rows migrate as published


def test_a_hazard_notice_is_immediate_and_logged(client, board, site, editor):
    client.force_login(editor)
    data = {
        "site": site.pk,
        "kind": "flooding_season",
        "severity": "danger",
        "active": "on",
        "valid_from": "2020-01-01",
        "valid_until": "",
        "text_vi": "Hang ngập nước.",
        "text_en": "The cave is flooded.",
        "text_zh": "",
    }
    response = client.post(url(HazardNotice, "add"), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    notice = HazardNotice.objects.get()
    client.logout()
    assert "The cave is flooded." in client.get("/en/sites/hang-gio/").content.decode()
    created = ModelLogEntry.objects.for_instance(notice).get(action="wagtail.create")
    assert created.user_id == editor.pk

    client.force_login(editor)
    client.post(url(HazardNotice, "edit", notice.pk), {**data, "text_en": "The cave is flooded to the roof."})
    assert (
        ModelLogEntry.objects.for_instance(notice).filter(action="wagtail.edit", user_id=editor.pk).exists()
    )
    client.logout()
    assert "flooded to the roof" in client.get("/en/sites/hang-gio/").content.decode()


def test_the_route_preview_shows_the_public_route_page_drawn_from_the_draft(client, board, editor, geopark):
    route = RouteFactory(number=1, geopark=geopark, name_vi="Tuyến Một")
    client.force_login(editor)
    preview = url(Route, "preview_on_edit", route.pk)
    assert client.post(preview, route_form(route, name_vi="Tuyến Núi Đá")).json()["is_valid"]
    html = client.get(preview, {"mode": ""}).content.decode()
    assert "Tuyến Núi Đá" in html
    route.refresh_from_db()
    assert route.name_vi == "Tuyến Một"


def test_an_approver_approves_from_the_edit_form_but_not_a_change_of_their_own(
    client, board, site, editor, approver, geopark
):
    """Wagtail's snippet editor saves a revision before it acts; an unchanged one is not the
    approver's change, so the approval goes through. A changed one is, and is refused."""
    action = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    other = SiteFactory(geopark=geopark, name_en="Fairy Cave")
    for target, name in ((site, "Cave of the Winds"), (other, "Cave of the Fairies")):
        client.force_login(editor)
        client.post(url(Site, "edit", target.pk), site_form(target, name_en=name, **SUBMIT))

    client.force_login(approver)
    draft = Site.objects.get(pk=site.pk).get_latest_revision_as_object()
    response = client.post(url(Site, "edit", site.pk), site_form(draft, **action))
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.name_en == "Cave of the Winds"

    draft = Site.objects.get(pk=other.pk).get_latest_revision_as_object()
    response = client.post(
        url(Site, "edit", other.pk), site_form(draft, name_en="Approver's own words", **action)
    )
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.name_en == "Fairy Cave"  # refused: the approver changed it
