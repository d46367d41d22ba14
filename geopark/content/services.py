"""Writes of the content app: the page tree (one home page per language, the loader's pages and
their wagtail-localize translations), the board's approval workflow, and contact messages."""

from __future__ import annotations

import html
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site, Workflow, WorkflowContentType, WorkflowPage, WorkflowTask

from geopark.territory.models import Geopark

from .models import BoardApprovalTask, ContactMessage, GeoparkPage, HomePage

BOARD_WORKFLOW = "Board approval"


@transaction.atomic
def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}


@transaction.atomic
def ensure_home_pages(geopark: Geopark) -> tuple[int, int]:
    """Make sure the default-language home page exists, is the Wagtail site root, and has a
    translation in every other language. Returns (created, unchanged)."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations create the tree's root; a flushed database lacks it.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales[settings.LANGUAGE_CODE]))
    created = unchanged = 0
    home = HomePage.objects.filter(locale=locales[settings.LANGUAGE_CODE]).first()
    if home is None:
        home = HomePage(title=geopark.name_vi, slug="home", locale=locales[settings.LANGUAGE_CODE])
        # Wagtail's first migration leaves a "Welcome" page with the slug we want; move it aside.
        for page in root.get_children().filter(slug="home"):
            page.slug = f"welcome-{page.pk}"
            page.save()
        root.add_child(instance=home)
        home.save_revision().publish()
        created += 1
    else:
        unchanged += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=geopark.name_vi
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = geopark.name_vi
        site.save()
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE:
            continue
        if home.get_translations().filter(locale=locale).exists():
            unchanged += 1
            continue
        translated = home.copy_for_translation(locale)
        translated.title = getattr(geopark, f"name_{code}") or geopark.name_vi
        translated.save_revision().publish()
        created += 1
    # The welcome page Wagtail installs is of no use to visitors.
    for page in (
        root.get_children().exclude(pk__in=HomePage.objects.values("pk")).filter(slug__startswith="welcome")
    ):
        if not page.get_children().exists():
            page.delete()
    return created, unchanged


# --- The board's approval workflow ----------------------------------------------------------


# Wagtail's first migrations make a workflow of every group holding the publish right on a page
# (its "Moderators" group on the tree's root); our Moderators handle visitor reports only.
LEFTOVER_WORKFLOWS = ("Moderators approval",)


def board_content_types() -> list:
    """The snippets whose changes pass the board like pages do: sites and routes."""
    from django.contrib.contenttypes.models import ContentType

    from geopark.heritage.models import Site
    from geopark.routes.models import Route

    return [ContentType.objects.get_for_model(model) for model in (Site, Route)]


@transaction.atomic
def ensure_board_workflow(*, approvers: Group) -> bool:
    """The "Board approval" workflow (one `BoardApprovalTask` for `approvers`: nobody approves
    their own change), assigned to every language's home page so it covers the news, the standard
    pages and anything added under them, and to sites and routes. Wagtail's leftover "Moderators
    approval" workflow is removed. Idempotent; returns True when something had to change."""
    changed = False
    # A task made before the board's own type existed was converted by migration content 0008.
    task = BoardApprovalTask.objects.filter(name=BOARD_WORKFLOW).first()
    if task is None:
        task = BoardApprovalTask.objects.create(name=BOARD_WORKFLOW)
        changed = True
    if list(task.groups.all()) != [approvers]:
        task.groups.set([approvers])
        changed = True
    workflow, created = Workflow.objects.get_or_create(name=BOARD_WORKFLOW)
    changed |= created
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changed = True
    for home in HomePage.objects.all():
        link, created = WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
        if not created and link.workflow_id != workflow.pk:
            link.workflow = workflow
            link.save()
            created = True
        changed |= created
    for content_type in board_content_types():
        link, created = WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        if not created and link.workflow_id != workflow.pk:
            link.workflow = workflow
            link.save()
            created = True
        changed |= created
    changed |= remove_leftover_workflows()
    return changed


def _retire_task(task) -> None:
    """A replaced task is deactivated (Wagtail cancels what waits on it) and deleted once
    nothing refers to it; history that names it keeps it."""
    if task.active:
        task.deactivate()
    if not task.task_states.exists():
        task.delete()


@transaction.atomic
def remove_leftover_workflows() -> bool:
    """Remove Wagtail's default "Moderators approval" workflow (and its task), so the board's is
    the only workflow on pages. Returns True when there was one."""
    changed = False
    for workflow in Workflow.objects.filter(name__in=LEFTOVER_WORKFLOWS):
        tasks = [link.task.specific for link in workflow.workflow_tasks.select_related("task")]
        WorkflowPage.objects.filter(workflow=workflow).delete()
        WorkflowContentType.objects.filter(workflow=workflow).delete()
        if workflow.active:
            workflow.deactivate()
        if not workflow.workflow_states.exists():
            workflow.delete()
        for task in tasks:
            if not task.workflows.exists():
                _retire_task(task)
        changed = True
    return changed


# --- Pages written by the loader --------------------------------------------------------------


@transaction.atomic
def upsert_source_page(
    *,
    parent: Page,
    page_class: type[GeoparkPage],
    slug: str,
    values: dict[str, Any],
    checksum: str,
    tags: list[str] | None = None,
    site_ids: list[int] | None = None,
) -> tuple[GeoparkPage, str]:
    """The original (Vietnamese) page `slug` under `parent`, published with `values`. Returns the
    page and "created", "updated" (the data changed since the last load) or "unchanged" (left
    alone, so edits made in the admin survive)."""
    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    if page is not None and page.data_checksum == checksum:
        return page, "unchanged"
    outcome = "updated"
    if page is None:
        page = page_class(slug=slug, locale=parent.locale, **values)
        parent.add_child(instance=page)
        outcome = "created"
    else:
        for name, value in values.items():
            setattr(page, name, value)
    page.data_checksum = checksum
    if tags is not None:
        page.tags.set(tags)
    if site_ids is not None:
        link_model = page_class._meta.get_field("related_sites").related_model
        page.related_sites = [link_model(site_id=pk, sort_order=i) for i, pk in enumerate(site_ids)]
    page.save_revision().publish()
    page.refresh_from_db()
    return page, outcome


def _segment_text(text: str) -> str:
    # wagtail-localize keeps text segments HTML-escaped (& < >), quotes as they are.
    return html.escape(text.strip(), quote=False)


@transaction.atomic
def translate_page(*, page: Page, language: str, strings: dict[str, str], refresh: bool) -> str:
    """Translate `page` into `language` through wagtail-localize, as a translator would in its
    editor: the source's strings are (re)read, each string found in `strings` (original → translated
    text) is entered as its translation, and the translation is published. Strings not given stay
    untranslated and the page shows them in Vietnamese until someone translates them.

    `refresh`: the original changed, so its strings are read again and the translation redone.
    Returns "created", "updated" or "unchanged"."""
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.get(language_code=language)
    exists = page.get_translations().filter(locale=locale).exists()
    if exists and not refresh:
        return "unchanged"
    source, _ = TranslationSource.update_or_create_from_instance(page.specific)
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    lookup = {_segment_text(k): _segment_text(v) for k, v in strings.items() if k and v}
    po = translation.export_po()
    for entry in po:
        entry.msgstr = lookup.get(entry.msgid, "")
    translation.import_po(po)
    # Saved as a draft and published here rather than by wagtail-localize, which defers publishing
    # to the end of the transaction: the caller sees the live translation straight away.
    source.create_or_update_translation(locale, publish=False, copy_parent_pages=True, fallback=True)
    page.get_translation(locale).get_latest_revision().publish()
    return "updated" if exists else "created"


# --- Contact messages -----------------------------------------------------------------------


@transaction.atomic
def receive_contact_message(
    *, name: str, email: str, subject: str, message: str, lang: str
) -> ContactMessage:
    return ContactMessage.objects.create(name=name, email=email, subject=subject, message=message, lang=lang)


@transaction.atomic
def answer_contact_message(*, message: ContactMessage, reply: str, by: User) -> ContactMessage:
    """Record the reply and send it to the writer. If the mail cannot be sent, nothing is recorded
    (the transaction rolls back) and the error reaches the person answering."""
    reply = reply.strip()
    if not reply:
        raise ValueError("empty reply")
    message.reply = reply
    message.replied_at = timezone.now()
    message.replied_by = by
    message.handled = True
    message.save(update_fields=["reply", "replied_at", "replied_by", "handled"])
    # One line: a subject stored before the form refused line breaks would end the mail header
    # (Django raises BadHeaderError: the reply could not be sent at all).
    subject = " ".join(message.subject.split())
    send_mail(
        subject=f"Re: {subject}",
        message=reply,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[message.email],
    )
    return message
