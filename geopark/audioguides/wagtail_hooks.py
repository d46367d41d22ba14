"""The audio guides in the admin: a snippet editors upload to, under the board's approval."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from geopark.core.choosers import chooser_viewset

from .forms import AudioGuideForm
from .models import AudioGuide


def publication(guide: AudioGuide) -> str:
    if guide.workflow_in_progress:
        return _("In review")
    if not guide.live:
        return _("Not yet published")
    if guide.has_unpublished_changes:
        return _("Draft changes")
    return _("Live")


class AudioGuideViewSet(SnippetViewSet):
    model = AudioGuide
    # Each row names its site and shows its state: read with the rows (AudioGuideQuerySet.for_admin).
    chooser_viewset_class = chooser_viewset(lambda guides: guides.for_admin())

    def get_queryset(self, request):
        return AudioGuide.objects.for_admin()

    icon = "media"
    menu_label = gettext_lazy("Audio guides")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "site",
        "language",
        Column("duration", label=gettext_lazy("Duration"), accessor="duration_display"),
        Column("publication", label=gettext_lazy("Publication"), accessor=publication, sort_key="live"),
        "narrator",
    ]
    list_filter = ["language", "live"]
    search_fields = ["site__name_vi", "narrator"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("site"), FieldPanel("language")]),
            FieldPanel("audio"),
            FieldPanel("transcript"),
            FieldRowPanel([FieldPanel("narrator"), FieldPanel("licence")]),
        ],
        base_form_class=AudioGuideForm,
    )


register_snippet(AudioGuideViewSet)
