"""An editor writes, previews, schedules and submits a news article; the board approves it before it
goes live. Every save is a revision that can be compared and restored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from geopark.content.models import NewsPage
from geopark.content.services import BOARD_WORKFLOW, ensure_board_workflow
from geopark.users.services import APPROVERS

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home_pages, editor, approver):
    """The vi tree with a news index, the Board approval workflow in place."""
    from django.contrib.auth.models import Group

    ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))
    return factories.news_index("vi")


def article_form(**changes) -> dict:
    data = {
        "title": "Đoàn chuyên gia đến thăm",
        "slug": "doan-chuyen-gia",
        "lead": "Một đoàn chuyên gia đến thăm.",
        "date": "2025-06-28",
        "category": "",
        "tags": "",
        "image": "",
        "image_alt": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
        "related_sites": inline_formset([]),
        "comments": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def create(client, index, **changes):
    url = reverse("wagtailadmin_pages:add", args=["content", "newspage", index.pk])
    return client.post(url, article_form(**changes))


def test_an_editor_saves_a_draft_but_cannot_publish_it(client, board, editor):
    client.force_login(editor)
    assert create(client, board).status_code == 302
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    assert not page.live
    assert not page.permissions_for_user(editor).can_publish()
    # Asking to publish anyway is refused: the page stays unpublished.
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), article_form(**{"action-publish": "1"}))
    page.refresh_from_db()
    assert not page.live
    assert page.revisions.count() >= 1


def test_submitting_for_moderation_starts_the_board_approval_workflow(client, board, editor):
    client.force_login(editor)
    create(client, board, **{"action-submit": "1"})
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == BOARD_WORKFLOW
    assert state.current_task_state.task.name == BOARD_WORKFLOW
    assert not page.live


def test_an_approver_approves_and_the_article_goes_live(client, board, editor, approver):
    client.force_login(editor)
    create(client, board, **{"action-submit": "1"})
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state

    client.force_login(approver)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": "Đồng ý."})
    assert response.status_code in (200, 302), response.content[:500]
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    assert client.get(page.url).status_code == 200


def test_an_editor_cannot_approve_their_own_submission(client, board, editor):
    client.force_login(editor)
    create(client, board, **{"action-submit": "1"})
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_a_scheduled_article_waits_for_its_go_live_time(client, board, editor, approver):
    client.force_login(editor)
    tomorrow = timezone.localtime() + dt.timedelta(days=1)
    create(client, board, go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M"), **{"action-submit": "1"})
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    client.force_login(approver)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {})
    page.refresh_from_db()
    assert not page.live  # approved, but scheduled
    revision = page.revisions.order_by("-created_at").first()
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # its time has not come

    # Time passes: the go-live moment (in the approved revision and its schedule) is now in the past.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_every_save_is_a_revision_that_can_be_compared_and_restored(client, board, admin_user):
    client.force_login(admin_user)
    create(client, board)
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), article_form(title="Tiêu đề mới"))
    first, second = page.revisions.order_by("created_at")[:2]
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = client.get(compare)
    assert response.status_code == 200
    assert "Tiêu đề mới" in response.content.decode()
    restore = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    assert client.get(restore).status_code == 200
    assert "Đoàn chuyên gia đến thăm" in client.get(restore).content.decode()


def test_the_editor_can_preview_a_draft(client, board, editor):
    client.force_login(editor)
    create(client, board)
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, article_form()).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Một đoàn chuyên gia đến thăm." in html


def test_the_workflow_is_set_up_once_and_covers_every_language(home_pages, approver):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=APPROVERS)
    assert ensure_board_workflow(approvers=group) is True
    assert ensure_board_workflow(approvers=group) is False
    workflow = Workflow.objects.get(name=BOARD_WORKFLOW)
    assert workflow.tasks.get().specific.groups.get() == group
    for lang in ("vi", "en", "zh"):
        index = factories.news_index(lang)
        assert Page.objects.get(pk=index.pk).get_workflow() == workflow


# --- Nobody approves their own change --------------------------------------------------------


@pytest.fixture
def second_approver(approver):
    """Bao, another board member: changes one approver made go to the other."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("bao", "bao@example.org", "bao-secret-pw")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


def approve(client, page) -> None:
    task_state = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {})


def published_article(client, board, editor, approver) -> NewsPage:
    client.force_login(editor)
    create(client, board, **{"action-submit": "1"})
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    client.force_login(approver)
    approve(client, page)
    page.refresh_from_db()
    assert page.live
    return page


def test_an_approvers_own_edit_goes_to_another_approver(client, board, editor, approver, second_approver):
    page = published_article(client, board, editor, second_approver)
    client.force_login(approver)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, article_form(title="Sửa bởi thành viên hội đồng", **{"action-submit": "1"}))
    assert response.status_code == 302
    task = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state.task.specific
    assert task.get_actions(page, approver) == []
    approve(client, page)  # refused: her own change
    page.refresh_from_db()
    assert page.title == "Đoàn chuyên gia đến thăm"

    client.force_login(second_approver)
    approve(client, page)
    page.refresh_from_db()
    assert page.title == "Sửa bởi thành viên hội đồng"


def test_an_approver_who_edits_a_waiting_change_cannot_then_approve_it(client, board, editor, approver):
    client.force_login(editor)
    create(client, board, **{"action-submit": "1"})
    page = NewsPage.objects.get(slug="doan-chuyen-gia")
    client.force_login(approver)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit, article_form(lead="Một câu do người duyệt viết."))
    approve(client, page)
    page.refresh_from_db()
    assert not page.live


def test_an_approver_cannot_publish_directly(client, board, editor, approver, second_approver):
    page = published_article(client, board, editor, second_approver)
    client.force_login(approver)
    assert not page.permissions_for_user(approver).can_publish()
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        article_form(title="Đăng thẳng", **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert page.title == "Đoàn chuyên gia đến thăm"


def test_the_dashboard_does_not_ask_the_submitter_to_review_their_own_change(
    board, approver, second_approver
):
    from wagtail.models import TaskState

    board.save_revision(user=approver)
    Workflow.objects.get(name=BOARD_WORKFLOW).start(board, approver)
    assert not TaskState.objects.reviewable_by(approver).exists()
    assert TaskState.objects.reviewable_by(second_approver).exists()


def test_the_only_workflow_on_pages_is_the_boards(home_pages, approver):
    from django.contrib.auth.models import Group
    from wagtail.models import WorkflowPage

    ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert set(WorkflowPage.objects.values_list("workflow__name", flat=True)) == {BOARD_WORKFLOW}
    assert Page.get_first_root_node().get_workflow() is None


def test_the_migration_turns_the_old_board_task_into_the_boards_own_in_place(board, editor, approver):
    """A database set up before nobody-approves-their-own-change: the board's task was Wagtail's
    GroupApprovalTask. Migration content 0008 converts it, and what waits for approval still waits."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Task, WorkflowTask

    from geopark.content.models import BoardApprovalTask

    workflow = Workflow.objects.get(name=BOARD_WORKFLOW)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    BoardApprovalTask.objects.all().delete()
    old = GroupApprovalTask.objects.create(name=BOARD_WORKFLOW)
    old.groups.set([Group.objects.get(name=APPROVERS)])
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=0)
    board.save_revision(user=editor)
    state = workflow.start(board, editor)

    migration = importlib.import_module(
        "geopark.content.migrations.0008_board_task_and_no_moderators_workflow"
    )
    migration.forwards(apps, None)

    task = Task.objects.get(pk=old.pk).specific
    assert isinstance(task, BoardApprovalTask)
    assert list(task.groups.all()) == [Group.objects.get(name=APPROVERS)]
    assert not GroupApprovalTask.objects.filter(pk=old.pk).exists()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert task.get_actions(board, editor) == []
    assert task.get_actions(board, approver)
    assert ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS)) is False


def test_the_upgrade_puts_sites_and_routes_under_the_board_and_takes_the_publish_rights(
    board, editor, approver
):
    """A database from before: editors published sites, approvers held the publish right on pages,
    and sites and routes had no workflow. Migration content 0009 brings it to what ensure_roles says."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, WorkflowContentType

    from geopark.heritage.models import Site
    from geopark.routes.models import Route
    from geopark.users.services import EDITORS

    WorkflowContentType.objects.all().delete()
    editors, approvers = Group.objects.get(name=EDITORS), Group.objects.get(name=APPROVERS)
    editors.permissions.add(Permission.objects.get(codename="publish_site"))
    GroupPagePermission.objects.create(
        group=approvers,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )

    migration = importlib.import_module("geopark.content.migrations.0009_board_covers_sites_and_routes")
    migration.forwards(apps, None)

    workflow = Workflow.objects.get(name=BOARD_WORKFLOW)
    assert Site().get_workflow() == workflow
    assert Route().get_workflow() == workflow
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached on the instance
    approver = type(approver).objects.get(pk=approver.pk)
    assert not editor.has_perm("heritage.publish_site")
    assert not Page.get_first_root_node().permissions_for_user(approver).can_publish()
    assert approver.has_perm("heritage.view_site")
