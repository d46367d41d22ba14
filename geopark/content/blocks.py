"""StreamField blocks for articles and standard pages.

Images carry their own alt text: the same photo can mean different things in two articles, so the
description belongs to the place where it is used, not to the image file."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

ALT_TEXT_MISSING = _(
    "Describe this image in a few words for people who cannot see it (alt text). "
    "It is needed before the page can be published."
)


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alt text"),
        help_text=_("Required: what the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=150, label=_("Photographer or source"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "content/blocks/image.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        # A draft may wait for its alt text; publishing (full validation) may not.
        if not self.is_deferred_validation and value.get("image") and not (value.get("alt") or "").strip():
            raise StructBlockValidationError(block_errors={"alt": ValidationError(ALT_TEXT_MISSING)})
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "content/blocks/quote.html"


class GeoparkTextBlock(blocks.StructBlock):
    """Shows one of the geopark's own texts (kept once, in the geopark's record, in every language)
    instead of copying it into the page, so the two can never disagree."""

    text = blocks.ChoiceBlock(
        choices=[
            ("summary", _("What the geopark is")),
            ("recognition", _("How it was recognised")),
            ("vision", _("Vision")),
            ("mission", _("Mission")),
            ("commitment", _("Commitment")),
        ],
        label=_("Text"),
    )
    show_heading = blocks.BooleanBlock(required=False, default=True, label=_("Show its heading"))

    class Meta:
        icon = "doc-full"
        label = _("Geopark text")
        template = "content/blocks/geopark_text.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        from geopark.core.i18n import translated_value
        from geopark.territory.selectors import current_geopark

        context = super().get_context(value, parent_context)
        geopark = (parent_context or {}).get("geopark") or current_geopark()
        context["geopark"] = geopark
        context["text"] = translated_value(geopark, value["text"]) if geopark else ""
        context["heading"] = dict(self.child_blocks["text"].field.choices).get(value["text"], "")
        return context

    def get_searchable_content(self, value: Any) -> list[str]:
        # The text the reader sees (in the active language), so searches find it on this page.
        from geopark.core.i18n import translated_value
        from geopark.territory.selectors import current_geopark

        geopark = current_geopark()
        return [translated_value(geopark, value["text"])] if geopark else []


class GeoparkFactsBlock(blocks.StaticBlock):
    """The geopark's figures at a glance (area, population, caves, routes), read from its record."""

    class Meta:
        icon = "list-ul"
        label = _("Geopark facts")
        admin_text = _("Shows the geopark's figures (area, population, caves, route points) from its record.")
        template = "content/blocks/geopark_facts.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict:
        from geopark.territory.selectors import current_geopark

        context = super().get_context(value, parent_context)
        context["geopark"] = (parent_context or {}).get("geopark") or current_geopark()
        return context


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Video from another site"), help_text=_("A YouTube or Vimeo address."))


class PageBodyBlock(ArticleBodyBlock):
    heading = blocks.CharBlock(
        max_length=200, label=_("Heading"), icon="title", template="content/blocks/heading.html"
    )
    geopark_text = GeoparkTextBlock()
    geopark_facts = GeoparkFactsBlock()
