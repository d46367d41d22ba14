"""Tourism statistics in the Wagtail admin: establishments and their monthly figures.

Figures are saved through services.record_figure (so every change lands in their history), and
nothing here can be deleted: a closed establishment is made inactive, a wrong figure is corrected
with a reason. Only administrators see this for now; who else may enter figures (partners, commune
officers, each for their own) comes with the reporting workflow."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from geopark.core.choosers import JoinedRows, chooser_viewset
from geopark.core.menus import GatedMenuItem

from . import admin_views, submissions
from .forms import MonthlyFigureAdminForm
from .models import Establishment, MonthlyFigure, ReportingScope
from .services import record_figure, regroup_establishment, stored_scopes


class NoDeletePolicy(ModelPermissionPolicy):
    """The model's usual permissions, except that nobody deletes, administrators included."""

    def user_has_permission(self, user: AbstractBaseUser, action: str) -> bool:
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions) -> QuerySet:
        kept = [a for a in actions if a != "delete"]
        if not kept:
            return self.auth_model._default_manager.none()
        return super().users_with_any_permission(kept)


register_permission_policy(Establishment, NoDeletePolicy(Establishment), exact_class=True)
register_permission_policy(MonthlyFigure, NoDeletePolicy(MonthlyFigure), exact_class=True)


class FigureHistoryPanel(Panel):
    """Every change to the figure, newest first, read-only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "tourism/admin/figure_history.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["revisions"] = (
                list(instance.revisions.all()) if instance is not None and instance.pk else []
            )
            return context


class _RecordFigureMixin:
    """Saves through the service instead of the form, so that the history is written."""

    def save_instance(self) -> MonthlyFigure:
        form = self.form
        change = record_figure(
            establishment=form.cleaned_data["establishment"],
            month=form.cleaned_data["month"],
            values=form.values(),
            by=self.request.user,
            reason=form.cleaned_data.get("reason") or "",
            source="admin",
            confirmed_warnings=[w.message for w in getattr(form, "confirmed_warnings", [])],
        )
        return change.figure


class FigureCreateView(_RecordFigureMixin, CreateView):
    pass


class FigureEditView(_RecordFigureMixin, EditView):
    pass


class EstablishmentEditView(EditView):
    """A new commune or kind moves the establishment's past figures into other published sums."""

    def save_instance(self) -> Establishment:
        before = stored_scopes(self.object.pk)
        with transaction.atomic():
            instance = super().save_instance()
            regroup_establishment(instance, before)
        return instance


class EstablishmentViewSet(JoinedRows, SnippetViewSet):
    model = Establishment
    edit_view_class = EstablishmentEditView
    icon = "home"
    menu_label = gettext_lazy("Establishments")
    row_relations = ("commune",)  # the list shows each one's commune
    list_display = ["name", "kind", "commune", "rooms", "active"]
    list_filter = ["kind", "active", "synthetic"]
    search_fields = ["name", "address"]
    search_backend_name = None  # plain database search; establishments are not in Wagtail's index
    ordering = ["name"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
            FieldRowPanel([FieldPanel("commune"), FieldPanel("address")]),
            FieldRowPanel([FieldPanel("rooms"), FieldPanel("active")]),
        ]
    )


class MonthlyFigureViewSet(JoinedRows, SnippetViewSet):
    model = MonthlyFigure
    icon = "table"
    menu_label = gettext_lazy("Monthly figures")
    row_relations = ("establishment",)  # a figure's label names its establishment
    # The chooser pages through every figure there is: newest month first, then the establishment
    # last registered first, the order of the month index (a page reads ten entries). Ordered by
    # establishment name (another table), each page sorted a whole month of figures (2,000 at scale).
    chooser_viewset_class = chooser_viewset(
        lambda figures: figures.select_related("establishment").order_by("-month", "-establishment_id")
    )
    add_view_class = FigureCreateView
    edit_view_class = FigureEditView
    list_display = [
        "establishment",
        "month",
        "visitors",
        "international_visitors",
        "overnight_guests",
        "revenue_vnd",
    ]
    list_filter = ["month", "establishment__kind"]
    search_fields = ["establishment__name"]
    search_backend_name = None
    ordering = ["-month", "establishment__name"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("establishment"), FieldPanel("month")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("visitors"), FieldPanel("international_visitors")]),
                    FieldRowPanel([FieldPanel("overnight_guests"), FieldPanel("guest_nights")]),
                    FieldRowPanel([FieldPanel("rooms_available"), FieldPanel("rooms_sold")]),
                    FieldRowPanel([FieldPanel("revenue_vnd")]),
                    FieldRowPanel([FieldPanel("staff"), FieldPanel("trained_staff")]),
                ],
                heading=gettext_lazy("Figures"),
            ),
            FieldPanel("reason"),
            FieldPanel("confirm"),
            FigureHistoryPanel(heading=gettext_lazy("History")),
        ],
        base_form_class=MonthlyFigureAdminForm,
    )


class ReportingScopeViewSet(SnippetViewSet):
    model = ReportingScope
    icon = "user"
    menu_label = gettext_lazy("Who reports for what")
    list_display = ["user", "commune", "establishment"]
    search_fields = ["user__username", "user__email"]
    search_backend_name = None


class TourismGroup(SnippetViewSetGroup):
    items = (EstablishmentViewSet, MonthlyFigureViewSet, ReportingScopeViewSet)
    menu_icon = "table"
    menu_label = gettext_lazy("Tourism statistics")
    menu_order = 230


register_snippet(TourismGroup)


@hooks.register("register_admin_menu_item")
def report_menu_item():
    return GatedMenuItem(
        gettext_lazy("Monthly tourism report"),
        reverse("tourism_admin:report"),
        icon_name="edit",
        name="tourism-report",
        order=231,
        shown=submissions.may_report,
    )


@hooks.register("register_admin_menu_item")
def missing_menu_item():
    return GatedMenuItem(
        gettext_lazy("Not reported yet"),
        reverse("tourism_admin:missing"),
        icon_name="warning",
        name="tourism-missing",
        order=232,
        shown=submissions.may_report,
    )


@hooks.register("register_admin_urls")
def tourism_urls():
    patterns = [
        path("report/", admin_views.report, name="report"),
        path("template.xlsx", admin_views.template, name="template"),
        path("import/", admin_views.upload, name="upload"),
        path("import/<int:pk>/", admin_views.job, name="job"),
        path("import/<int:pk>/status/", admin_views.job_status, name="job_status"),
        path("missing/", admin_views.missing, name="missing"),
    ]
    return [path("tourism/", include((patterns, "tourism_admin"), namespace="tourism_admin"))]
