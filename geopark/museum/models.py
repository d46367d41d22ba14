"""The museum collection: catalogued finds (fossils, artefacts, rocks), where and how they were found.

What visitors may read (names, taxon, period, find site, excavation, publications, public notes) is
kept apart from what only staff see (storage place, condition, internal notes): pages and the API
read public fields only, and an item is shown only when it is marked public."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from geopark.core.i18n import TranslatedField, translated_field
from geopark.core.text import fold
from geopark.heritage.models import Site


class ItemKind(models.TextChoices):
    FOSSIL = "fossil", _("Fossil")
    ARTEFACT = "artefact", _("Artefact")
    ROCK_MINERAL = "rock_mineral", _("Rock or mineral")
    OTHER = "other", _("Other")


class Period(models.TextChoices):
    """The normalised period used for filtering, oldest first. Epochs of the Quaternary are kept
    apart because most cave finds are dated to one of them; the catalogue's own wording stays in
    `period_detail`."""

    CAMBRIAN = "cambrian", _("Cambrian")
    ORDOVICIAN = "ordovician", _("Ordovician")
    SILURIAN = "silurian", _("Silurian")
    DEVONIAN = "devonian", _("Devonian")
    CARBONIFEROUS = "carboniferous", _("Carboniferous")
    PERMIAN = "permian", _("Permian")
    TRIASSIC = "triassic", _("Triassic")
    JURASSIC = "jurassic", _("Jurassic")
    CRETACEOUS = "cretaceous", _("Cretaceous")
    PALEOGENE = "paleogene", _("Paleogene")
    NEOGENE = "neogene", _("Neogene")
    PLEISTOCENE = "pleistocene", _("Pleistocene")
    HOLOCENE = "holocene", _("Holocene")

    @classmethod
    def from_text(cls, text: str) -> str | None:
        """The period a catalogue's wording names ("Late Pleistocene", "Pleistocen muộn", "更新世",
        "Eocene"), or None. When several are named ("Eocene to Miocene") the first one decides."""
        folded = fold(text)
        if not folded:
            return None
        if folded in cls.values:
            return folded
        best: tuple[int, str] | None = None
        for stem, period in _PERIOD_STEMS:
            at = _find_word_start(folded, stem) if stem.isascii() else text.find(stem)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, period)
        return best[1] if best else None


# Stems in English, Vietnamese (folded) and Chinese; epochs map to their period.
_PERIOD_STEMS: list[tuple[str, str]] = [
    ("cambri", Period.CAMBRIAN),
    ("寒武", Period.CAMBRIAN),
    ("ordovic", Period.ORDOVICIAN),
    ("奥陶", Period.ORDOVICIAN),
    ("silur", Period.SILURIAN),
    ("志留", Period.SILURIAN),
    ("devon", Period.DEVONIAN),
    ("泥盆", Period.DEVONIAN),
    ("carbonifer", Period.CARBONIFEROUS),
    ("than da", Period.CARBONIFEROUS),
    ("石炭", Period.CARBONIFEROUS),
    ("permi", Period.PERMIAN),
    ("二叠", Period.PERMIAN),
    ("trias", Period.TRIASSIC),
    ("三叠", Period.TRIASSIC),
    ("jura", Period.JURASSIC),
    ("侏罗", Period.JURASSIC),
    ("cretac", Period.CRETACEOUS),
    ("creta", Period.CRETACEOUS),
    ("phan trang", Period.CRETACEOUS),
    ("白垩", Period.CRETACEOUS),
    ("paleogen", Period.PALEOGENE),
    ("palaeogen", Period.PALEOGENE),
    ("paleocen", Period.PALEOGENE),
    ("palaeocen", Period.PALEOGENE),
    ("eocen", Period.PALEOGENE),
    ("oligocen", Period.PALEOGENE),
    ("古近", Period.PALEOGENE),
    ("始新世", Period.PALEOGENE),
    ("渐新世", Period.PALEOGENE),
    ("neogen", Period.NEOGENE),
    ("miocen", Period.NEOGENE),
    ("pliocen", Period.NEOGENE),
    ("新近", Period.NEOGENE),
    ("中新世", Period.NEOGENE),
    ("上新世", Period.NEOGENE),
    ("pleistocen", Period.PLEISTOCENE),
    ("更新世", Period.PLEISTOCENE),
    ("holocen", Period.HOLOCENE),
    ("全新世", Period.HOLOCENE),
]


def _find_word_start(folded: str, stem: str) -> int:
    """Where a word starting with `stem` begins in folded text, or -1 ("devon" in "lower devonian")."""
    start = 0
    while True:
        at = folded.find(stem, start)
        if at < 0:
            return -1
        if at == 0 or folded[at - 1] == " ":
            return at
        start = at + 1


class Condition(models.TextChoices):
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    FRAGILE = "fragile", _("Fragile")
    DAMAGED = "damaged", _("Damaged")
    UNKNOWN = "unknown", _("Not assessed")


class Excavation(models.Model):
    """A campaign that brought finds to the museum: when, by whom, with which institutions."""

    code = models.CharField(
        max_length=50, unique=True, help_text=_("Short stable code used in import files, e.g. TK-2022.")
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    team = models.CharField(max_length=300, blank=True, help_text=_("Who led and took part."))
    partners = models.TextField(blank=True, help_text=_("Partner institutions, one per line."))
    internal_notes = models.TextField(blank=True, help_text=_("Staff only; never shown to visitors."))

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("excavation")
        verbose_name_plural = _("excavations")

    def __str__(self) -> str:
        return f"{self.code} ({self.year})" if self.year else self.code

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class CollectionItemQuerySet(models.QuerySet["CollectionItem"]):
    def public(self) -> CollectionItemQuerySet:
        return self.filter(public=True)

    def of_taxon(self, taxon: str) -> CollectionItemQuerySet:
        """The taxon itself or any name under it: "Pongo" finds "Pongo" and "Pongo pygmaeus"."""
        taxon = taxon.strip()
        return self.filter(models.Q(taxon__iexact=taxon) | models.Q(taxon__istartswith=f"{taxon} "))

    def found_at(self, site_code: str) -> CollectionItemQuerySet:
        return self.filter(find_site__code__iexact=site_code)

    def with_relations(self) -> CollectionItemQuerySet:
        return self.select_related("find_site", "excavation")


class CollectionItem(ClusterableModel):
    catalogue_number = models.CharField(_("catalogue number"), max_length=50, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text=_("The item's web address; made from the catalogue number.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices, db_index=True)
    taxon = models.CharField(
        _("taxon"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_("Scientific name, as precise as known: “Pongo”, “Stegodon orientalis”."),
    )
    common_name_vi = translated_field(models.CharField, "common_name", "vi", max_length=200)
    common_name_en = translated_field(models.CharField, "common_name", "en", max_length=200)
    common_name_zh = translated_field(models.CharField, "common_name", "zh", max_length=200)
    common_name = TranslatedField("common_name")
    period = models.CharField(_("period"), max_length=20, choices=Period.choices, blank=True, db_index=True)
    period_detail = models.CharField(
        _("period as catalogued"),
        max_length=200,
        blank=True,
        help_text=_("The catalogue's own wording, e.g. “Late Pleistocene, about 150,000 years”."),
    )
    find_site = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collection_items",
        verbose_name=_("find site"),
    )
    find_context = models.CharField(
        _("layer or context"), max_length=300, blank=True, help_text=_("Layer, trench, square or context.")
    )
    found_on = models.DateField(_("date found"), null=True, blank=True)
    excavation = models.ForeignKey(
        Excavation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        verbose_name=_("excavation"),
    )
    publications = models.TextField(_("publications"), blank=True, help_text=_("One publication per line."))
    notes_vi = translated_field(models.TextField, "notes", "vi", blank=True)
    notes_en = translated_field(models.TextField, "notes", "en", blank=True)
    notes_zh = translated_field(models.TextField, "notes", "zh", blank=True)
    notes = TranslatedField("notes")
    public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the website and in the open API.")
    )
    # Staff only: where the item is kept and its state are not published.
    storage_place = models.CharField(_("storage place"), max_length=200, blank=True)
    condition = models.CharField(
        _("condition"), max_length=20, choices=Condition.choices, default=Condition.UNKNOWN
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CollectionItemQuerySet.as_manager()

    class Meta:
        ordering = ["catalogue_number"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")

    def __str__(self) -> str:
        return f"{self.catalogue_number}: {self.common_name_vi}"

    def get_absolute_url(self) -> str:
        return reverse("museum:item_detail", kwargs={"slug": self.slug})

    @staticmethod
    def slug_for(catalogue_number: str) -> str:
        """The address of a catalogue number: "SAMPLE-001" → "sample-001", "LS 12/3" → "ls-12-3"."""
        return slugify(fold(catalogue_number))[:60]

    @property
    def publication_list(self) -> list[str]:
        return [line.strip() for line in self.publications.splitlines() if line.strip()]

    @property
    def genus(self) -> str:
        return self.taxon.split(" ")[0] if self.taxon else ""


class CollectionImage(Orderable):
    item = ParentalKey(CollectionItem, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    caption_vi = translated_field(models.CharField, "caption", "vi", max_length=250, blank=True)
    caption_en = translated_field(models.CharField, "caption", "en", max_length=250, blank=True)
    caption_zh = translated_field(models.CharField, "caption", "zh", max_length=250, blank=True)
    caption = TranslatedField("caption")
    credit = models.CharField(max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
