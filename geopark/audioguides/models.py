from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin

from geopark.heritage.models import Site

from .audio import MIME_TYPES


def audio_path(guide: AudioGuide, filename: str) -> str:
    """A name the server chose: the site's code, the language, a random part (a replaced recording
    never reuses a cached address), and the extension of the format read from the content."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "mp3"
    code = (guide.site.code if guide.site_id else "site").lower()
    return f"audioguides/{code}-{guide.language}-{secrets.token_hex(4)}.{extension}"


class AudioGuideQuerySet(models.QuerySet):
    def public(self) -> AudioGuideQuerySet:
        """Published guides of published sites: what visitors may hear."""
        return self.filter(live=True, site__live=True)

    def for_admin(self) -> AudioGuideQuerySet:
        """With what the admin's lists and chooser draw for each row (its site, whether it waits for
        approval, whether a publication is scheduled), read with the rows: one query per row else."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.functions import Cast
        from wagtail.models import Revision, WorkflowState

        states = WorkflowState.objects.active().select_related("current_task_state__task")
        scheduled = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(self.model),
            object_id=Cast(models.OuterRef("pk"), models.CharField()),
            approved_go_live_at__isnull=False,
        )
        return (
            self.select_related("site")
            .prefetch_related(
                models.Prefetch("_workflow_states", queryset=states, to_attr="_current_workflow_states")
            )
            .annotate(_approved_schedule=models.Exists(scheduled))
        )


class AudioGuide(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A recorded guide to one site in one language. The row is the live version: a change saved in
    the admin is a revision that waits for the board's approval, as a site's texts do; duration,
    size and format are read from the file, never typed."""

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="audio_guides", verbose_name=_("site")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    audio = models.FileField(
        _("recording"),
        upload_to=audio_path,
        max_length=200,
        help_text=_("MP3, M4A (AAC) or Ogg (Opus or Vorbis), at most 10 MB."),
    )
    transcript = models.TextField(
        _("transcript"), help_text=_("Everything the recording says, for visitors who cannot hear it.")
    )
    narrator = models.CharField(_("narrator and credit"), max_length=200)
    licence = models.CharField(
        _("licence"), max_length=200, help_text=_("For example: CC BY 4.0, or © the board.")
    )
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), editable=False, default=0)
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), editable=False, default=0)

    objects = AudioGuideQuerySet.as_manager()

    class Meta:
        ordering = ["site__code", "language"]
        verbose_name = _("audio guide")
        verbose_name_plural = _("audio guides")
        constraints = [
            models.UniqueConstraint(fields=["site", "language"], name="audioguide_one_per_site_and_language")
        ]

    def __str__(self) -> str:
        return f"{self.site} · {self.language}"

    @property
    def approved_schedule(self) -> bool:
        # Read with the rows by `for_admin()`; Wagtail asks it for each row of a status column.
        scheduled = getattr(self, "_approved_schedule", None)
        return super().approved_schedule if scheduled is None else scheduled

    @property
    def mime_type(self) -> str:
        return MIME_TYPES.get(self.audio.name.rsplit(".", 1)[-1], "audio/mpeg")

    @property
    def duration_display(self) -> str:
        """Minutes and seconds, as players show them: 3:05 (hours too past an hour: 1:02:05)."""
        minutes, seconds = divmod(self.duration_seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
