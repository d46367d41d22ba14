"""Who may do what with audio guides: every persona against every admin view and action, and the
review rule: a guide goes live only when an approver who neither made nor submitted it approves."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from geopark.audioguides import services
from geopark.audioguides.models import AudioGuide
from geopark.content.services import BOARD_WORKFLOW, ensure_board_workflow
from geopark.core.roles import APPROVERS, EDITORS
from geopark.users.services import ensure_roles

from .factories import AudioGuideFactory

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "norole", "editor", "approver", "editor_approver", "superuser")
ALL = frozenset(PERSONAS)

# View → the personas allowed (200); every other one is sent to the login page or refused.
MATRIX = {
    "list": {"editor", "approver", "editor_approver", "superuser"},
    "add": {"editor", "editor_approver", "superuser"},
    "edit a live guide": {"editor", "editor_approver", "superuser"},
    "delete": {"superuser"},
    "approve another's change": {"approver", "editor_approver", "superuser"},
    "approve one's own change": {"approver", "superuser"},
    "public site page": ALL,
}


def _user(name: str, *groups: str):
    model = get_user_model()
    if name == "superuser":
        return model.objects.create_superuser(name, f"{name}@example.org", "pw")
    user = model.objects.create_user(name, f"{name}@example.org", "pw")
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(home_pages):
    ensure_roles()
    ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))
    assert services.ensure_review()
    users = {
        "norole": _user("nora"),
        "editor": _user("eve", EDITORS),
        "approver": _user("anh", APPROVERS),
        "editor_approver": _user("binh", EDITORS, APPROVERS),
        "superuser": _user("superuser"),
    }
    author = _user("tam", EDITORS)
    board = Workflow.objects.get(name=BOARD_WORKFLOW)
    live = AudioGuideFactory(site__geopark=home_pages)
    others = AudioGuideFactory(live=False, site__geopark=home_pages)
    others.save_revision(user=author)
    board.start(others, author)
    own = AudioGuideFactory(live=False, site__geopark=home_pages)
    own.save_revision(user=users["editor_approver"])
    board.start(own, users["editor_approver"])
    viewset = AudioGuide.snippet_viewset

    def approve_url(guide):
        state = guide.current_workflow_task_state
        return reverse(viewset.get_url_name("workflow_action"), args=[guide.pk, "approve", state.pk])

    urls = {
        "list": reverse(viewset.get_url_name("list")),
        "add": reverse(viewset.get_url_name("add")),
        "edit a live guide": reverse(viewset.get_url_name("edit"), args=[live.pk]),
        "delete": reverse(viewset.get_url_name("delete"), args=[live.pk]),
        "approve another's change": approve_url(others),
        "approve one's own change": approve_url(own),
        "public site page": f"/vi/sites/{live.site.slug}/",
    }
    return {"users": users, "urls": urls, "others": others, "own": own, "approve_url": approve_url}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_audio_guides_permission_matrix(client, world, persona):
    if persona != "anonymous":
        client.force_login(world["users"][persona])
    wrong = []
    for view, url in world["urls"].items():
        response = client.get(url)
        allowed = persona in MATRIX[view]
        if allowed:
            ok = response.status_code == 200
        elif persona == "anonymous":
            ok = response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
        else:
            ok = response.status_code == 403 or (
                response.status_code == 302
                and response["Location"].split("?")[0]
                in (reverse("wagtailadmin_home"), reverse("wagtailadmin_login"))
            )
        if not ok:
            wrong.append(f"{view}: {response.status_code} (expected {'allowed' if allowed else 'refused'})")
    assert not wrong, persona + "\n" + "\n".join(wrong)


def test_a_guide_goes_live_when_another_approves_it_never_when_its_author_does(client, world):
    own = world["own"]
    client.force_login(world["users"]["editor_approver"])
    client.post(world["approve_url"](own), {})
    own.refresh_from_db()
    assert not own.live
    client.force_login(world["users"]["approver"])
    client.post(world["approve_url"](own), {})
    own.refresh_from_db()
    assert own.live
    assert own.audio.url in client.get(f"/vi/sites/{own.site.slug}/").content.decode()
