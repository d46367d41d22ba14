"""The partner network in the admin: partners (with photos and labels), agreements, logo licences
and guides as snippets in one menu; agreements and certificates ending within 60 days are flagged."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from geopark.core.i18n import language_tabs
from geopark.core.menus import GatedMenuItem
from geopark.heritage.forms import MapPickerWidget

from . import admin_views, listing
from .models import Agreement, Guide, LogoLicence, Partner


class ExpiryColumn(Column):
    """ "Ends soon" in the list of agreements or guides, for a record ending within 60 days."""

    def get_value(self, instance):
        if instance.expires_soon:
            return format_html('<span class="w-status w-status--label">{}</span>', gettext_lazy("Ends soon"))
        return ""


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = gettext_lazy("Partners")
    list_display = ["slug", "kind", "live"]
    list_filter = ["kind", "live"]
    search_fields = ["slug", "name_vi", "name_en"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("slug"),
                    FieldPanel("kind"),
                    FieldPanel("establishment"),
                    MultiFieldPanel(
                        [
                            FieldPanel("commune"),
                            FieldPanel("address"),
                            FieldPanel("lat", widget=MapPickerWidget(attrs={"step": "any"})),
                            FieldPanel("lon"),
                            FieldPanel("precision"),
                        ],
                        heading=gettext_lazy("Place"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("phone"),
                            FieldPanel("email"),
                            FieldPanel("website"),
                            FieldPanel("languages"),
                            FieldPanel("price_band"),
                        ],
                        heading=gettext_lazy("Contact"),
                    ),
                    FieldPanel("routes"),
                    FieldPanel("live"),
                ],
                heading=gettext_lazy("Listing"),
            ),
            *language_tabs(["name", "description", "season"]),
            ObjectList([InlinePanel("labels", label=gettext_lazy("Labels"))], heading=gettext_lazy("Labels")),
            ObjectList([InlinePanel("photos", label=gettext_lazy("Photos"))], heading=gettext_lazy("Photos")),
            ObjectList(
                [InlinePanel("accounts", label=gettext_lazy("Accounts"))],
                heading=gettext_lazy("Who speaks for it"),
                help_text=gettext_lazy("These people may propose changes to this listing, and to no other."),
            ),
        ]
    )

    def get_queryset(self, request):
        return Partner.objects.filter(synthetic=False).select_related("establishment")


class AgreementViewSet(SnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = gettext_lazy("Partnership agreements")
    list_display = [
        "partner",
        "reference",
        "signed_on",
        "valid_until",
        "status",
        ExpiryColumn("ends_soon", label=gettext_lazy("Ends soon")),
    ]
    list_filter = ["status"]

    def get_queryset(self, request):
        return Agreement.objects.select_related("partner__establishment")


class LogoLicenceViewSet(SnippetViewSet):
    model = LogoLicence
    icon = "tag"
    menu_label = gettext_lazy("Logo licences")
    list_display = ["code", "partner", "product_vi", "valid_until", "status"]
    list_filter = ["status"]
    search_fields = ["code", "product_vi"]

    def get_queryset(self, request):
        return LogoLicence.objects.select_related("partner__establishment")


class GuideViewSet(SnippetViewSet):
    model = Guide
    icon = "user"
    menu_label = gettext_lazy("Certified guides")
    list_display = [
        "name",
        "certificate_number",
        "valid_until",
        "live",
        ExpiryColumn("ends_soon", label=gettext_lazy("Ends soon")),
    ]
    list_filter = ["live"]
    search_fields = ["name", "certificate_number"]

    def get_queryset(self, request):
        return Guide.objects.filter(synthetic=False)


class PartnersGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Partner network")
    menu_icon = "group"
    menu_order = 260
    items = (PartnerViewSet, AgreementViewSet, LogoLicenceViewSet, GuideViewSet)


register_snippet(PartnersGroup)


@hooks.register("register_admin_menu_item")
def my_listing_menu_item():
    return GatedMenuItem(
        gettext_lazy("My listing"),
        reverse("partners_admin:my_listing"),
        icon_name="user",
        order=261,
        name="my-listing",
        shown=lambda user: listing.partner_of(user) is not None,
    )


@hooks.register("register_admin_menu_item")
def listing_changes_menu_item():
    return GatedMenuItem(
        gettext_lazy("Listing changes to review"),
        reverse("partners_admin:changes"),
        icon_name="tasks",
        order=262,
        name="listing-changes",
        permissions=admin_views.REVIEW,
    )


@hooks.register("register_admin_urls")
def partners_admin_urls():
    patterns = [
        path("my-listing/", admin_views.my_listing, name="my_listing"),
        path("changes/", admin_views.changes, name="changes"),
        path("changes/<int:pk>/review/", admin_views.review, name="review"),
    ]
    return [path("partner-network/", include((patterns, "partners_admin"), namespace="partners_admin"))]
