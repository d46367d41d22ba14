"""Snippet choosers whose rows are read with what their labels need.

Wagtail's chooser lists `Model.objects.all()` and draws each row's label (`__str__`) and status,
which for a label naming a related record (a hazard's site, a figure's establishment) or for a
draft-capable model (the site's "scheduled" status) is one query per row. A chooser made here
reads them with the rows instead."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.db.models import QuerySet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

Rows = Callable[[QuerySet], QuerySet]


def chooser_viewset(rows: Rows) -> type[SnippetChooserViewSet]:
    """A chooser viewset whose listed rows are `rows(Model.objects.all())`."""

    class _Rows:
        def get_object_list(self) -> QuerySet:
            return rows(super().get_object_list())

    class RowsChooseView(_Rows, ChooseView):
        pass

    class RowsChooseResultsView(_Rows, ChooseResultsView):
        pass

    class RowsChooserViewSet(SnippetChooserViewSet):
        choose_view_class = RowsChooseView
        choose_results_view_class = RowsChooseResultsView

    return RowsChooserViewSet


@cache
def related_chooser(*fields: str) -> type[SnippetChooserViewSet]:
    """A chooser viewset whose rows come with `fields` (foreign keys) joined."""
    return chooser_viewset(lambda queryset: queryset.select_related(*fields))


class JoinedRows:
    """For a SnippetViewSet: its listing and its chooser read `row_relations` (the foreign keys
    their columns and labels name) with the rows, declared once."""

    model: type
    row_relations: tuple[str, ...] = ()

    def get_queryset(self, request) -> QuerySet:
        return self.model._default_manager.select_related(*self.row_relations)

    @property
    def chooser_viewset_class(self) -> type[SnippetChooserViewSet]:
        return related_chooser(*self.row_relations)
