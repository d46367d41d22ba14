"""Admin forms of the museum collection: an item's form, and the spreadsheet upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CollectionItem
from .spreadsheet import EXTENSIONS


class CollectionItemAdminForm(WagtailAdminModelForm):
    """The web address follows the catalogue number unless the keeper sets one."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        data = super().clean()
        number = data.get("catalogue_number") or ""
        if "slug" in self.fields and not data.get("slug") and number:
            slug = CollectionItem.slug_for(number)
            if not slug:
                self.add_error(
                    "catalogue_number", _("Use letters or digits: the web address is made from them.")
                )
                return data
            clash = CollectionItem.objects.filter(slug=slug).exclude(pk=self.instance.pk).first()
            if clash is not None:
                self.add_error(
                    "slug",
                    _("The address “%(slug)s” is taken by item %(other)s; write another one.")
                    % {"slug": slug, "other": clash.catalogue_number},
                )
            data["slug"] = slug
            self.instance.slug = slug
        return data


class CollectionImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(
            "A .xlsx or .csv (UTF-8) file of at most 10 MB and 20,000 rows; the first row names the columns."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    write_valid_rows = forms.BooleanField(
        label=_("Import the valid rows even if some rows have errors"),
        required=False,
        help_text=_("Without this, nothing is imported while any row has an error."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file"),
        required=False,
        help_text=_("Report what would change; write nothing."),
    )
