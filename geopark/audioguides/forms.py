from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .audio import read_recording


class AudioGuideForm(WagtailAdminModelForm):
    """Checks the recording by its content before anything is stored, and keeps one guide per site
    and language. Every field is required for a draft too: a guide without its transcript is never
    saved, not even to finish later."""

    def defer_required_fields(self) -> None:
        """Wagtail lets a draft leave required fields empty; a guide may not (see the class)."""

    def clean_audio(self):
        upload = self.cleaned_data.get("audio")
        if upload and "audio" in self.changed_data:
            recording = read_recording(upload, upload.size)
            # The stored name takes the extension of what the content is, whatever it was called.
            upload.name = f"guide.{recording.extension}"
            self.instance.duration_seconds = recording.duration_seconds
            self.instance.size_bytes = recording.size_bytes
        return upload

    def clean(self):
        cleaned = super().clean()
        site, language = cleaned.get("site"), cleaned.get("language")
        if site and language:
            others = (
                type(self.instance).objects.filter(site=site, language=language).exclude(pk=self.instance.pk)
            )
            if others.exists():
                self.add_error(
                    "language",
                    ValidationError(
                        _("%(site)s already has an audio guide in this language: change that one instead.")
                        % {"site": site.name_vi},
                        code="duplicate",
                    ),
                )
        return cleaned

    def _post_clean(self):
        # The model's own uniqueness check would repeat the message above in Django's words.
        self._validate_unique = False
        super()._post_clean()

    def save(self, commit=True):
        instance = super().save(commit=False)
        # A change saved as a draft is a revision and the row is not written, so Django would never
        # store the new file: store it now, so the revision names a file that exists.
        if instance.audio and not instance.audio._committed:
            instance.audio.save(instance.audio.name, instance.audio.file, save=False)
        if commit:
            instance.save()
            self._save_m2m()
        return instance
