"""Roles mean what they say: every role (and an anonymous visitor, an account without a role and an
administrator) against every admin view and action, as one table.

`EXPECTED` is written by hand, the policy in one place: for each view, who may use it. Snippet views
are enumerated from Wagtail's registry, so a snippet registered without a row here fails the test.
Whoever is not listed must be refused: an anonymous visitor is sent to the login page, an account
without the right is sent away (Wagtail redirects a refusal to the admin's home, or answers 403).
The objects the views need are built once for the module and rolled back at its end; each request
runs in a savepoint that is rolled back, so an action one persona performs never changes what the
next one sees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from geopark.audioguides.tests.factories import AudioGuideFactory
from geopark.passport.tests.factories import QuestionFactory
from geopark.screens.tests.factories import ScreenFactory
from geopark.trails.tests.factories import TrailFactory

pytestmark = pytest.mark.django_db

PERSONAS = (
    "anonymous",
    "norole",
    "editor",
    "approver",
    "scientist",
    "moderator",
    "keeper",
    "boardadmin",
    "researcher",
    "superuser",
)
STAFF = {"editor", "approver", "scientist", "moderator", "keeper", "boardadmin", "researcher", "superuser"}
ADMIN = {"superuser"}


def who(*names: str) -> frozenset[str]:
    return frozenset(names) | ADMIN


NOBODY = frozenset()  # not even an administrator

# Snippets: who may list, add, edit and delete. (Label → action → personas.)
SNIPPETS: dict[str, dict[str, frozenset[str]]] = {
    "heritage.site": {
        "list": who("editor", "approver", "scientist", "keeper"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "territory.geopark": {"list": who("editor"), "add": who(), "edit": who("editor"), "delete": who()},
    "heritage.hazardnotice": {
        "list": who("editor", "scientist"),
        "add": who("editor", "scientist"),
        "edit": who("editor", "scientist"),
        "delete": who(),
    },
    "conservation.inspection": {
        "list": who("scientist", "researcher"),
        "add": who("scientist"),
        "edit": who(),
        "delete": who(),
    },
    "conservation.followupaction": {
        "list": who("scientist"),
        "add": who("scientist"),
        "edit": who("scientist"),
        "delete": who(),
    },
    "routes.route": {
        "list": who("editor", "approver"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "content.newscategory": {
        "list": who("editor"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "content.contactmessage": {"list": who("editor"), "add": who(), "edit": who("editor"), "delete": who()},
    # Tag names per language (the tags come with the articles); visitor facts come with the data
    # and editors correct them.
    "content.newstagname": {
        "list": who("editor"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "content.visitfact": {"list": who("editor"), "add": who(), "edit": who("editor"), "delete": who()},
    "events.event": {"list": who("editor"), "add": who("editor"), "edit": who("editor"), "delete": who()},
    "education.learningresource": {
        "list": who("editor"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "education.geoparkcorner": {
        "list": who("editor"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "education.programme": {
        "list": who("editor"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    "museum.collectionitem": {
        "list": who("keeper"),
        "add": who("keeper"),
        "edit": who("keeper"),
        "delete": who(),
    },
    "museum.excavation": {
        "list": who("keeper"),
        "add": who("keeper"),
        "edit": who("keeper"),
        "delete": who(),
    },
    # Tourism statistics: administrators only, and nobody deletes a figure or an establishment.
    "tourism.establishment": {"list": who(), "add": who(), "edit": who(), "delete": NOBODY},
    "tourism.monthlyfigure": {"list": who(), "add": who(), "edit": who(), "delete": NOBODY},
    "tourism.reportingscope": {"list": who(), "add": who(), "edit": who(), "delete": who()},
    # Plans: the board's office (Plan managers, geopark.plans.roles; their own matrix is
    # geopark/plans/tests/test_permissions.py); none of the roles above edits them.
    **{
        f"plans.{model}": {"list": who(), "add": who(), "edit": who(), "delete": who()}
        for model in ("plan", "plansection", "task", "target", "agency", "agencymembership")
    },
    # The cooperation log: editors (and the plan managers) keep it, approvers read it.
    **{
        f"cooperation.{model}": {
            "list": who("editor", "approver"),
            "add": who("editor"),
            "edit": who("editor"),
            "delete": who(),
        }
        for model in ("delegation", "networkactivity", "agreement", "openingbalance")
    },
    # The sites' opening hours (the trip planner): editors keep them, approvers read them.
    "trips.openinghours": {
        "list": who("editor", "approver"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who("editor"),
    },
    # Trails on foot: editors keep them (no deletion: a trail is unpublished), approvers read them.
    "trails.trail": {
        "list": who("editor", "approver"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    # Audio guides: editors upload, approvers read to review (the approval has its own matrix,
    # geopark/audioguides/tests/test_permissions.py); a guide withdrawn is unpublished, not deleted.
    "audioguides.audioguide": {
        "list": who("editor", "approver"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who(),
    },
    # The geo-passport's questions at the sites: editors keep them (geopark/passport/tests/test_permissions.py).
    "passport.question": {
        "list": who("editor"),
        "add": who("editor"),
        "edit": who("editor"),
        "delete": who("editor"),
    },
    # Model villages: the board's reviewers keep them (geopark.villages.roles; their own matrix is
    # geopark/villages/tests/test_permissions.py); none of the roles above edits them.
    **{
        f"villages.{model}": {"list": who(), "add": who(), "edit": who(), "delete": who()}
        for model in ("criteriaset", "criterion", "candidate")
    },
    # UNESCO revalidation: the plan managers and the approvers keep the file (their own matrix is
    # geopark/revalidation/tests/test_permissions.py); nobody deletes.
    **{
        f"revalidation.{model}": {
            "list": who("approver"),
            "add": who("approver"),
            "edit": who("approver"),
            "delete": who(),
        }
        for model in ("cycle", "recommendation", "criterion")
    },
    # The partner network: the partner managers keep it (geopark/partners/tests/test_permissions.py);
    # editors correct listings, approvers read.
    "partners.partner": {
        "list": who("editor", "approver"),
        "add": who(),
        "edit": who("editor"),
        "delete": who(),
    },
    **{
        f"partners.{model}": {"list": who("editor", "approver"), "add": who(), "edit": who(), "delete": who()}
        for model in ("agreement", "logolicence", "guide")
    },
    # The screens in public places: the board's administrators (and the plan managers, their own
    # matrix in geopark/screens/tests/test_permissions.py) keep them; their addresses are secret.
    "screens.screen": {
        "list": who("boardadmin"),
        "add": who("boardadmin"),
        "edit": who("boardadmin"),
        "delete": who("boardadmin"),
    },
}

# Every other view and action: who may use it.
OTHERS: dict[str, frozenset[str]] = {
    "admin home": frozenset(STAFF),
    # Pages: editors write and submit, approvers review (and may edit, which goes to another
    # approver); nobody but an administrator publishes directly; approving is the board's.
    "pages: explorer": who("editor", "approver"),
    "pages: add": who("editor"),
    "pages: edit": who("editor", "approver"),
    "pages: publish": who(),
    "pages: approve": who("approver"),
    "sites: publish": who(),
    "sites: approve": who("approver"),
    "routes: publish": who(),
    "routes: approve": who("approver"),
    "translation status": who("editor", "approver"),
    "contact message: answer": who("editor"),
    "museum: import": who("keeper"),
    # Conservation: scientists work on it; researchers read it (and export the tables).
    "conservation: assessments": who("scientist", "researcher"),
    "conservation: site record": who("scientist", "researcher"),
    "conservation: assess a site": who("scientist"),
    "conservation: dossier": who("scientist", "researcher"),
    "conservation: monitoring": who("scientist", "researcher"),
    "conservation: follow-up done": who("scientist"),
    "reports: queue": who("moderator", "scientist"),
    "reports: detail": who("moderator", "scientist"),
    "reports: accept": who("moderator"),
    "reports: reject": who("moderator"),
    "reports: make inspection": who("scientist"),
    "reports: make follow-up": who("moderator"),
    # Accounts: board administrators invite, manage accounts and read the change history.
    "accounts: users": who("boardadmin"),
    "accounts: invitations": who("boardadmin"),
    "accounts: invite": who("boardadmin"),
    "accounts: send again": who("boardadmin"),
    "accounts: change history": who("boardadmin"),
    # A partner's own listing page needs an account that speaks for a partner: none of these has one.
    "partners: my listing": NOBODY,
    "partners: listing changes": who(),
    # The geo-passport's anonymous counts: the board's administrators and the editors (plan managers too).
    "passport: counts": who("editor", "boardadmin"),
}

SNIPPET_ACTIONS = ("list", "add", "edit", "delete")


@dataclass
class Case:
    url: str
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    # Where an allowed POST sends its author; a refusal goes to the login page or the admin's home.
    success: str | None = None


@dataclass
class World:
    users: dict[str, Any]
    objects: dict[str, Any]


def _user(name: str, group: str | None = None, **extra: Any):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    model = get_user_model()
    if extra.get("is_superuser"):
        return model.objects.create_superuser(name, f"{name}@example.org", "pw-" + name)
    user = model.objects.create_user(name, f"{name}@example.org", "pw-" + name, first_name=name.title())
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _build() -> World:
    from django.contrib.auth.models import Group
    from taggit.models import Tag
    from wagtail.models import Workflow

    from geopark.conservation.models import FollowUpAction, Inspection
    from geopark.conservation.tests.factories import VisitorReportFactory
    from geopark.content.models import ContactMessage, NewsTagName
    from geopark.content.services import BOARD_WORKFLOW, ensure_board_workflow, ensure_home_pages
    from geopark.content.tests import factories as pages
    from geopark.cooperation.tests import factories as cooperation
    from geopark.core.roles import BOARD_ADMINS, RESEARCHERS
    from geopark.education.tests.factories import (
        GeoparkCornerFactory,
        LearningResourceFactory,
        ProgrammeFactory,
    )
    from geopark.events.tests.factories import EventFactory
    from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory
    from geopark.museum.tests.factories import CollectionItemFactory, ExcavationFactory
    from geopark.partners.tests import factories as partners
    from geopark.plans.models import AgencyMembership
    from geopark.plans.tests import factories as plans
    from geopark.revalidation.tests import factories as revalidation
    from geopark.routes.tests.factories import RouteFactory
    from geopark.territory.tests.factories import CommuneFactory, GeoparkFactory
    from geopark.tourism.models import ReportingScope
    from geopark.tourism.tests.factories import EstablishmentFactory, MonthlyFigureFactory
    from geopark.trips.tests import factories as trips
    from geopark.users import services as roles
    from geopark.villages.tests import factories as villages

    roles.ensure_roles()
    geopark = GeoparkFactory()
    ensure_home_pages(geopark)
    ensure_board_workflow(approvers=Group.objects.get(name=roles.APPROVERS))
    users = {
        "norole": _user("nora"),
        "editor": _user("eve", roles.EDITORS),
        "approver": _user("anh", roles.APPROVERS),
        "scientist": _user("sam", roles.SCIENTISTS),
        "moderator": _user("mona", roles.MODERATORS),
        "keeper": _user("kim", roles.KEEPERS),
        "boardadmin": _user("bao", BOARD_ADMINS),
        "researcher": _user("rin", RESEARCHERS),
        "superuser": _user("alice", is_superuser=True),
    }
    # Another editor submits the changes waiting for approval, so no persona reviews its own.
    author = _user("tam", roles.EDITORS)
    board = Workflow.objects.get(name=BOARD_WORKFLOW)

    site = SiteFactory(geopark=geopark)
    waiting_site = SiteFactory(geopark=geopark)
    waiting_site.save_revision(user=author)
    board.start(waiting_site, author)
    route = RouteFactory(geopark=geopark, number=1)
    waiting_route = RouteFactory(geopark=geopark, number=2)
    waiting_route.save_revision(user=author)
    board.start(waiting_route, author)
    index = pages.news_index("vi")
    article = pages.article(index)
    waiting_article = pages.article(index)
    waiting_article.save_revision(user=author)
    board.start(waiting_article, author)

    inspection = Inspection.objects.create(site=site, inspector=users["scientist"], condition="good")
    report = VisitorReportFactory(site=site)
    task = plans.TaskFactory()
    invitation = roles.invite(
        email="waiting@example.org",
        first_name="",
        last_name="",
        roles=[],
        language="vi",
        invited_by=users["superuser"],
    )
    objects = {
        "invitation": invitation,
        "heritage.site": site,
        "territory.geopark": geopark,
        "heritage.hazardnotice": HazardNoticeFactory(site=site),
        "conservation.inspection": inspection,
        "conservation.followupaction": FollowUpAction.objects.create(
            site=site,
            inspection=inspection,
            description="Fence the entrance",
            owner_name="Commune",
            due_on=dt.date(2030, 1, 1),
        ),
        "routes.route": route,
        "content.newscategory": pages.NewsCategoryFactory(),
        "content.newstagname": NewsTagName.objects.create(
            tag=Tag.objects.create(name="dia-chat", slug="dia-chat"), name_vi="Địa chất", name_en="Geology"
        ),
        "content.visitfact": pages.VisitFactFactory(),
        "content.contactmessage": ContactMessage.objects.create(
            name="Lan", email="lan@example.org", subject="Opening hours", message="When is the cave open?"
        ),
        "events.event": EventFactory(),
        "education.learningresource": LearningResourceFactory(),
        "education.geoparkcorner": GeoparkCornerFactory(),
        "education.programme": ProgrammeFactory(),
        "museum.collectionitem": CollectionItemFactory(),
        "museum.excavation": ExcavationFactory(),
        "tourism.establishment": EstablishmentFactory(),
        "tourism.monthlyfigure": MonthlyFigureFactory(),
        "tourism.reportingscope": ReportingScope.objects.create(user=author, commune=CommuneFactory()),
        "plans.plan": task.section.plan,
        "plans.plansection": task.section,
        "plans.task": task,
        "plans.target": plans.TargetFactory(plan=task.section.plan),
        "plans.agency": task.lead,
        "plans.agencymembership": AgencyMembership.objects.create(user=author, agency=task.lead),
        "cooperation.delegation": cooperation.DelegationFactory(),
        "cooperation.networkactivity": cooperation.NetworkActivityFactory(),
        "cooperation.agreement": cooperation.AgreementFactory(),
        "cooperation.openingbalance": cooperation.OpeningBalanceFactory(),
        "trips.openinghours": trips.OpeningHoursFactory(),
        "trails.trail": TrailFactory(),
        "audioguides.audioguide": AudioGuideFactory(site=site),
        "passport.question": QuestionFactory(site=site),
        "screens.screen": ScreenFactory(),
        "revalidation.cycle": revalidation.CycleFactory(),
        "revalidation.recommendation": revalidation.RecommendationFactory(),
        "revalidation.criterion": revalidation.CriterionFactory(),
        "villages.criterion": villages.CriterionFactory(),
        "villages.criteriaset": villages.CriteriaSetFactory(slug="matrix-set"),
        "villages.candidate": villages.CandidateFactory(),
        "partners.partner": partners.PartnerFactory(),
        "partners.agreement": partners.AgreementFactory(),
        "partners.logolicence": partners.LogoLicenceFactory(),
        "partners.guide": partners.GuideFactory(),
        "waiting_site": waiting_site,
        "waiting_route": waiting_route,
        "news_index": index,
        "article": article,
        "waiting_article": waiting_article,
        "report": report,
    }
    return World(users=users, objects=objects)


def _approve_url(obj) -> str:
    from wagtail.models import Page

    task_state = obj.current_workflow_task_state
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, "approve", task_state.pk])
    return reverse(
        obj.snippet_viewset.get_url_name("workflow_action"), args=[obj.pk, "approve", task_state.pk]
    )


def _cases(world: World) -> dict[str, Case]:
    o = world.objects
    cases: dict[str, Case] = {}
    for label in SNIPPETS:
        obj = o[label]
        viewset = type(obj).snippet_viewset
        cases[f"{label}: list"] = Case(reverse(viewset.get_url_name("list")))
        cases[f"{label}: add"] = Case(reverse(viewset.get_url_name("add")))
        cases[f"{label}: edit"] = Case(reverse(viewset.get_url_name("edit"), args=[obj.pk]))
        cases[f"{label}: delete"] = Case(reverse(viewset.get_url_name("delete"), args=[obj.pk]))

    def conservation(name: str, **kwargs: Any) -> str:
        return reverse(f"conservation_admin:{name}", kwargs=kwargs)

    report = o["report"]
    reports = conservation("reports")
    detail = conservation("report_detail", pk=report.pk)
    site = o["heritage.site"]
    cases.update(
        {
            "admin home": Case(reverse("wagtailadmin_home")),
            "pages: explorer": Case(reverse("wagtailadmin_explore", args=[o["news_index"].pk])),
            "pages: add": Case(
                reverse("wagtailadmin_pages:add", args=["content", "newspage", o["news_index"].pk])
            ),
            "pages: edit": Case(reverse("wagtailadmin_pages:edit", args=[o["article"].pk])),
            # Unpublishing asks for the publish right, as publishing does.
            "pages: publish": Case(reverse("wagtailadmin_pages:unpublish", args=[o["article"].pk])),
            "pages: approve": Case(_approve_url(o["waiting_article"])),
            "sites: publish": Case(reverse(site.snippet_viewset.get_url_name("unpublish"), args=[site.pk])),
            "sites: approve": Case(_approve_url(o["waiting_site"])),
            "routes: publish": Case(
                reverse(
                    o["routes.route"].snippet_viewset.get_url_name("unpublish"), args=[o["routes.route"].pk]
                )
            ),
            "routes: approve": Case(_approve_url(o["waiting_route"])),
            "translation status": Case(reverse("translation_status")),
            "contact message: answer": Case(
                reverse("content_answer_message", args=[o["content.contactmessage"].pk])
            ),
            "museum: import": Case(reverse("collection-import:upload")),
            "conservation: assessments": Case(conservation("assessments")),
            "conservation: site record": Case(conservation("site_file", site_id=site.pk)),
            "conservation: assess a site": Case(conservation("assessment_create", site_id=site.pk)),
            "conservation: dossier": Case(conservation("dossier", site_id=site.pk)),
            "conservation: monitoring": Case(conservation("monitoring")),
            "conservation: follow-up done": Case(
                conservation("follow_up_done", pk=o["conservation.followupaction"].pk),
                method="post",
                success=conservation("monitoring"),
            ),
            "accounts: users": Case(reverse("wagtailusers_users:index")),
            "accounts: invitations": Case(reverse("users_admin:invitations")),
            # Every request is rolled back, so each persona invites the same new person.
            "accounts: invite": Case(
                reverse("users_admin:invitations"),
                "post",
                {"email": "new.person@example.org", "language": "en"},
                reverse("users_admin:invitations"),
            ),
            "accounts: send again": Case(
                reverse("users_admin:resend", args=[o["invitation"].pk]),
                "post",
                {},
                reverse("users_admin:invitations"),
            ),
            "accounts: change history": Case(reverse("users_admin:history")),
            "partners: my listing": Case(reverse("partners_admin:my_listing")),
            "partners: listing changes": Case(reverse("partners_admin:changes")),
            "passport: counts": Case(reverse("passport_admin:index")),
            "reports: queue": Case(reports),
            "reports: detail": Case(detail),
            "reports: accept": Case(detail, "post", {"action": "moderate", "m-state": "accepted"}, reports),
            "reports: reject": Case(detail, "post", {"action": "moderate", "m-state": "rejected"}, reports),
            "reports: make inspection": Case(
                detail, "post", {"action": "inspection", "i-condition": "minor", "i-sign": "on"}, reports
            ),
            "reports: make follow-up": Case(
                detail,
                "post",
                {
                    "action": "follow_up",
                    "f-description": "Clear it",
                    "f-due_on": "2030-01-01",
                    "f-owner_name": "Youth",
                },
                reports,
            ),
        }
    )
    return cases


def _expected() -> dict[str, frozenset[str]]:
    table = {
        f"{label}: {action}": rights[action]
        for label, rights in SNIPPETS.items()
        for action in SNIPPET_ACTIONS
    }
    table.update(OTHERS)
    return table


EXPECTED = _expected()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once; everything is undone at the end of the module (an outer transaction rolled back)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = _build()
            built.cases = _cases(built)
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_every_registered_snippet_has_a_row_in_the_table():
    registered = {model._meta.label_lower for model in get_snippet_models()}
    assert registered == set(SNIPPETS)


def _allowed(response, case: Case) -> bool:
    if response.status_code == 200:
        return True
    return response.status_code == 302 and case.success is not None and response["Location"] == case.success


def _refused(response, persona: str) -> bool:
    if persona == "anonymous":
        return response.status_code == 302 and reverse("wagtailadmin_login") in response["Location"]
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_login"),
    )


@pytest.mark.parametrize("view", sorted(EXPECTED))
def test_the_permission_matrix(client, world, view):
    case = world.cases[view]
    allowed = EXPECTED[view]
    wrong = []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(world.users[persona])
        with transaction.atomic():
            response = getattr(client, case.method)(case.url, case.data)
            transaction.set_rollback(True)  # what one persona did is undone before the next tries
        ok = _allowed(response, case) if persona in allowed else _refused(response, persona)
        if not ok:
            where = response.get("Location", "")
            wrong.append(
                f"{persona}: {response.status_code} {where} (expected {'allowed' if persona in allowed else 'refused'})"
            )
    assert not wrong, f"{view} {case.method.upper()} {case.url}\n" + "\n".join(wrong)
