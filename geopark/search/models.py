"""One row per searchable thing per language, with its text folded once when it is indexed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    lang = models.CharField(max_length=8)
    kind = models.CharField(max_length=30, help_text=_("site, route, page …"))
    key = models.CharField(max_length=100, help_text=_("Identifies the indexed record within its kind."))
    title = models.CharField(max_length=300)
    summary = models.CharField(max_length=400, blank=True)
    url = models.CharField(max_length=400)
    title_folded = models.CharField(max_length=300)
    body_folded = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lang", "kind", "key"], name="unique_search_document")]
        indexes = [models.Index(fields=["lang", "kind"])]

    def __str__(self) -> str:
        return f"[{self.lang}/{self.kind}] {self.title}"
