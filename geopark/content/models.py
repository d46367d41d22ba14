"""Wagtail pages. The home page draws the geopark's facts, routes and featured sites; its own
fields are what an editor adds on top (a hero photo). News, standard pages and the contact page sit
under it, one tree per language (Vietnamese is the source, translated with wagtail-localize)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from geopark.core.i18n import TranslatedField, translated_field

from .blocks import ArticleBodyBlock, PageBodyBlock

# What a reader sees when the page they asked for is not translated yet and the original is shown.
FALLBACK_NOTICES = {
    "en": _("This page is not yet available in English; showing the Vietnamese original."),
    "zh": _("This page is not yet available in Chinese; showing the Vietnamese original."),
}


class HomePage(Page):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A large landscape photo. Until one is uploaded a drawn karst skyline stands in."),
    )

    content_panels = [*Page.content_panels, FieldPanel("hero_image")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    # Short on a phone: three highlights, and three of each in "What's on".
    HIGHLIGHTS = 3
    WHATS_ON = 3

    class Meta:
        verbose_name = _("home page")

    def route(self, request: HttpRequest, path_components: list[str]):
        """Route as usual; when a translated tree lacks the page (or has it only as a draft), serve
        the original from the Vietnamese tree with a notice instead of a 404."""
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or self.locale.language_code == settings.LANGUAGE_CODE:
                raise
            source_home = self.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
            if source_home is None:
                raise
            result = source_home.specific.route(request, path_components)
            request.content_fallback = self.locale.language_code  # type: ignore[attr-defined]
            return result

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from geopark.heritage import selectors as heritage
        from geopark.operations.pagecache import remembered, tags_for_group, tags_for_model
        from geopark.routes import selectors as routes
        from geopark.territory.selectors import current_geopark

        from . import selectors
        from .sections import section_presence

        context = super().get_context(request, *args, **kwargs)
        geopark = current_geopark()
        sections = section_presence()
        # Read once per process until a route, site or notice changes (what they read moves "*"):
        # a cold home page then costs its template, not its queries (operations.pagecache).
        today = timezone.localdate()
        context.update(
            geopark=geopark,
            routes=remembered(
                "content.home.routes",
                (),
                lambda: [(r, routes.geometry(r)) for r in routes.route_list()],
                vary=today,
            ),
            featured_sites=remembered(
                "content.home.featured_sites",
                (),
                lambda: list(heritage.featured_sites(self.HIGHLIGHTS)),
                vary=today,
            ),
            visit=remembered("content.home.visit", tags_for_model(VisitFact), selectors.visit_facts),
            # What other apps and the news show: kept until a write moves a tag the home page
            # depends on (their shown_on declarations name it), or the day turns.
            home_items=remembered(
                "content.home.items",
                tags_for_group("content.HomePage"),
                lambda: selectors.home_items(sections, self.WHATS_ON),
                vary=(today, tuple(sorted(sections.items()))),
            ),
            latest_news=remembered(
                "content.home.latest_news",
                tags_for_group("content.HomePage"),
                lambda: self._latest_news(selectors),
                vary=self.locale_id,
            )
            if sections.get("news")
            else [],
        )
        return context

    def _latest_news(self, selectors: Any) -> list:
        # This language's newest articles, an untranslated original standing in (marked) for its
        # translation, as in the news list and the feeds.
        index = selectors.news_index_of(self.locale_id)
        return selectors.latest_news(index, limit=self.WHATS_ON) if index is not None else []

    def get_structured_data(self, request: HttpRequest) -> list[dict[str, Any]]:
        """schema.org Organization and WebSite, read by {% seo_head %} (core.seo's convention)."""
        from geopark.territory.selectors import current_geopark
        from geopark.territory.seo import geopark_structured_data

        geopark = current_geopark()
        return geopark_structured_data(geopark, request, home_url=self.url or "/") if geopark else []


class GeoparkPage(Page):
    """What the geopark's own pages share: a checksum for the loader, one address in every
    language, and the notice shown when a translation is missing and the original stands in."""

    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    # The address stays the same in every language, so menu links and the fallback to the
    # Vietnamese original (HomePage.route) find a page by its path.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        fallback = getattr(request, "content_fallback", "")
        context["fallback_notice"] = FALLBACK_NOTICES.get(fallback, "")
        context["canonical_url"] = request.build_absolute_uri(self.url) if fallback else ""
        # The page's own text is in the original language; the notice and menus stay in the reader's.
        context["content_lang"] = settings.LANGUAGE_CODE if fallback else ""
        return context


class StandardPage(GeoparkPage):
    """About the geopark, its vision, how it is run: an introduction and a free body that can
    show the geopark's own texts and figures instead of copying them."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(PageBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from geopark.territory.selectors import current_geopark

        context = super().get_context(request, *args, **kwargs)
        context["geopark"] = current_geopark()
        # Children are standard pages only (subpage_types): one query of that kind, not two. The
        # breadcrumb names a parent below the home page (depth 2); under the home page there is none.
        context["subpages"] = list(StandardPage.objects.child_of(self).live().order_by("path"))
        context["parent_page"] = (
            Page.objects.filter(path=self.path[: -self.steplen]).first() if self.depth > 3 else None
        )
        return context


# Beside an original that stands in, in a list or feed, for an article not yet translated.
LIST_FALLBACK_NOTICE = _("Vietnamese original, not yet translated")


class NewsCategory(models.Model):
    """A kind of news (recognition, cooperation …). Its name is kept per language like the
    inventory's texts, so the category filter works the same in every language tree."""

    slug = models.SlugField(unique=True, help_text=_("Used in addresses: /news/?category=<slug>."))
    name_vi = translated_field(models.CharField, "name", "vi", max_length=100)
    name_en = translated_field(models.CharField, "name", "en", max_length=100)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=100)
    name = TranslatedField("name")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldPanel("name_vi"),
        FieldPanel("name_en"),
        FieldPanel("name_zh"),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self) -> str:
        return self.name_vi


class NewsIndexPage(RoutablePageMixin, GeoparkPage):
    """The news of one language: newest first, 12 a page, filtered by category, with RSS and
    Atom feeds for all news and for each category."""

    PAGE_SIZE = 12

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["content.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    @path("")
    def news_list(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.news_index(request, self)

    @path("category/<slug:slug>/")
    def category_list(self, request: HttpRequest, slug: str) -> HttpResponse:
        from . import views

        return views.news_index(request, self, category_slug=slug)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        from . import feeds

        return feeds.news_feed(request, self, kind="rss", category_slug=request.GET.get("category", ""))

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        from . import feeds

        return feeds.news_feed(request, self, kind="atom", category_slug=request.GET.get("category", ""))

    @path("category/<slug:slug>/feed/rss/")
    def category_feed_rss(self, request: HttpRequest, slug: str) -> HttpResponse:
        from . import feeds

        return feeds.news_feed(request, self, kind="rss", category_slug=slug, strict=True)

    @path("category/<slug:slug>/feed/atom/")
    def category_feed_atom(self, request: HttpRequest, slug: str) -> HttpResponse:
        from . import feeds

        return feeds.news_feed(request, self, kind="atom", category_slug=slug, strict=True)


class NewsTagName(models.Model):
    """What a news tag reads in each language. Articles are tagged with one tag in every language
    tree (the tag's own name is the key data files and editors use); readers see its name here,
    or the key itself while a tag has no names yet."""

    tag = models.OneToOneField(
        "taggit.Tag", on_delete=models.CASCADE, primary_key=True, related_name="names", verbose_name=_("tag")
    )
    name_vi = translated_field(models.CharField, "name", "vi", max_length=100)
    name_en = translated_field(models.CharField, "name", "en", max_length=100)
    name_zh = translated_field(models.CharField, "name", "zh", max_length=100)
    name = TranslatedField("name")

    panels = [FieldPanel("tag"), FieldPanel("name_vi"), FieldPanel("name_en"), FieldPanel("name_zh")]

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("news tag name")
        verbose_name_plural = _("news tag names")

    def __str__(self) -> str:
        return self.name_vi


def tag_label(tag: Any) -> str:
    """A tag as the reader sees it: its name in the active language, else its key."""
    try:
        return tag.names.name or tag.name
    except NewsTagName.DoesNotExist:
        return tag.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("content.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        # Related news reads the latest articles carrying a tag without visiting all of them.
        indexes = [models.Index(fields=["tag", "content_object"], name="content_newstag_tag_page")]


class NewsPage(GeoparkPage):
    # Fetched with the page when its route is remembered (operations/pageroutes.py): the article,
    # its structured data and its share image read both.
    route_related = ("category", "image")

    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences that say what happened.")
    )
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date shown on the article; the news list is ordered by it."),
    )
    category = models.ForeignKey(
        NewsCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        verbose_name=_("category"),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
        help_text=_("Shown at the top of the article and in the news list."),
    )
    image_alt = models.CharField(
        _("alt text of the main image"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: what it shows, for people who cannot see it."),
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))

    # Set by selectors.mark_fallbacks on an original standing in for its translation in a list. As
    # class defaults, a card reading them on any other article finds them at once: a missing
    # attribute makes Django's template engine list the whole page class (dir()) to explain it.
    content_lang = ""
    list_url = ""
    fallback_notice: str | Promise = ""  # a lazy translation when set

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Main image")),
        FieldPanel("body"),
        InlinePanel("related_sites", heading=_("Related sites"), label=_("Site")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["content.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # The news list, its category lists and feeds walk these newest first and stop after a page
        # (selectors.news_window), instead of sorting every article.
        indexes = [
            models.Index(fields=["date", "page_ptr"], name="content_news_date"),
            models.Index(fields=["category", "date", "page_ptr"], name="content_news_category_date"),
        ]

    def clean(self) -> None:
        super().clean()
        if self.image_id and not self.image_alt.strip():
            from .blocks import ALT_TEXT_MISSING

            raise ValidationError({"image_alt": ALT_TEXT_MISSING})

    @property
    def published_at(self) -> dt.datetime:
        """When the article counts as published (feeds): its first publication if that was on its
        date, else the start of its date in the geopark's time zone (for news written after the fact)."""
        if self.first_published_at and timezone.localtime(self.first_published_at).date() == self.date:
            return self.first_published_at
        return timezone.make_aware(dt.datetime.combine(self.date, dt.time.min))

    @property
    def updated_at(self) -> dt.datetime:
        return max(self.published_at, self.last_published_at or self.published_at)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from . import selectors

        context = super().get_context(request, *args, **kwargs)

        def related() -> tuple[list, list, list]:
            return (
                list(selectors.related_news(self)),
                [tag_label(tag) for tag in self.tags.select_related("names")],
                list(selectors.related_sites(self)),
            )

        if getattr(request, "is_preview", False):
            parts = related()
        else:
            # What the article shows of other records is kept per process until a write moves a
            # tag the news pages depend on (news, "*"), or the day turns (the sites' notices).
            from geopark.operations.pagecache import remembered, tags_for_group

            parts = remembered(
                "content.news_page.related",
                tags_for_group("content.NewsPage"),
                related,
                vary=(self.pk, translation.get_language(), timezone.localdate()),
            )
        context["related_news"], context["tag_labels"], context["related_sites"] = parts
        # The parent is always the news index (parent_page_types): one query for it, not two.
        index = NewsIndexPage.objects.get(path=self.path[: -self.steplen])
        fallback = getattr(request, "content_fallback", "")
        if fallback:
            # Shown in place of a missing translation: lead back to the reader's own news list.
            index = (
                index.get_translations().live().filter(locale__language_code=fallback).specific().first()
                or index
            )
        context["news_index"] = index
        return context

    # Read by {% seo_head %} (core.seo's convention): Open Graph type, NewsArticle and share image.
    og_type = "article"

    def get_structured_data(self, request: HttpRequest) -> dict[str, Any]:
        from .seo import news_article_structured_data

        return news_article_structured_data(self, request)

    def get_og_image_url(self, request: HttpRequest) -> str:
        from .seo import news_image_url

        return news_image_url(self)


class NewsPageSite(Orderable):
    page = ParentalKey(NewsPage, related_name="related_sites", on_delete=models.CASCADE)
    site = models.ForeignKey(
        "heritage.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("site")
    )

    panels = [FieldPanel("site")]

    class Meta(Orderable.Meta):
        verbose_name = _("related site")


class ContactPage(GeoparkPage):
    """The contact form, and the board's office: its address, phone, e-mail, office hours and
    position, each shown only when known. Messages are stored (ContactMessage) and answered from
    the admin."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    thank_you = models.TextField(
        _("thank-you text"), blank=True, max_length=600, help_text=_("Shown after a message has been sent.")
    )
    organisation = models.CharField(
        _("office"),
        max_length=300,
        blank=True,
        help_text=_("Who answers: the board's office and what it belongs to."),
    )
    address = models.TextField(_("postal address"), blank=True, max_length=500)
    office_hours = models.TextField(_("office hours"), blank=True, max_length=300)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("address"),
                FieldPanel("office_hours"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
            ],
            heading=_("The board's office (each field shown only when filled)"),
        ),
        FieldPanel("thank_you"),
    ]
    # The numbers and addresses are the same in every language; the texts are translated.
    override_translatable_fields = [
        *GeoparkPage.override_translatable_fields,
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("lat"),
        SynchronizedField("lon"),
    ]
    parent_page_types = ["content.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from . import views

        return views.contact(request, self)

    def clean(self) -> None:
        super().clean()
        if (self.lat is None) != (self.lon is None):
            raise ValidationError(
                {"lon" if self.lon is None else "lat": _("Give both latitude and longitude, or neither.")}
            )
        if (
            self.lat is not None
            and self.lon is not None
            and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180)
        ):
            raise ValidationError(
                {"lat": _("Latitude is between -90 and 90, longitude between -180 and 180.")}
            )

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def has_office_details(self) -> bool:
        return bool(
            self.organisation
            or self.address
            or self.office_hours
            or self.phone
            or self.email
            or self.website
            or self.has_position
        )

    @property
    def phone_uri(self) -> str:
        """tel: link target: the digits and a leading plus only."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")


class ContactMessage(models.Model):
    affects_public_pages = False  # never shown on a public page

    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    lang = models.CharField(
        _("language"),
        max_length=8,
        default="vi",
        help_text=_("The language the message was written from; answer in it."),
    )
    created = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)
    reply = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("replied by"),
    )

    panels = [FieldPanel("handled")]

    class Meta:
        ordering = ["-created"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.subject} ({self.name})"

    @property
    def answered(self) -> bool:
        return self.replied_at is not None


class BoardApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, except that nobody approves their own change: the person who
    submitted it, or who wrote the revision under review, sees no approve or reject action and
    cannot edit it while it waits, so an approver's own edit goes to another approver.

    Wagtail's `GroupApprovalTask` lets any member of the group approve, the submitter included."""

    class Meta:
        verbose_name = _("board approval task")
        verbose_name_plural = _("board approval tasks")

    # Revision content that says nothing about what the change is (bookkeeping Wagtail writes).
    BOOKKEEPING = frozenset(
        {
            "pk",
            "id",
            "latest_revision",
            "live_revision",
            "latest_revision_created_at",
            "has_unpublished_changes",
            "live",
            "locked",
            "locked_at",
            "locked_by",
            "first_published_at",
            "last_published_at",
            "updated_at",
            "draft_title",
            "path",
            "depth",
            "numchild",
            "url_path",
            "owner",
            "translation_key",
            "alias_of",
        }
    )

    @classmethod
    def authors(cls, obj: Any) -> set[int]:
        """Who made the change under review: the submitter, the author of the revision submitted,
        and whoever changed it since (an approver may edit while it waits, and Wagtail publishes
        the latest revision). A revision that changes nothing is not a change: Wagtail's snippet
        editor saves one when an approver approves from it."""
        state = getattr(obj, "current_workflow_state", None)
        if state is None:
            return set()
        found = {state.requested_by_id}
        task_state = state.current_task_state
        if task_state is not None:
            submitted = task_state.revision
            found.add(submitted.user_id)
            previous = cls._meaning(submitted.content)
            for revision in obj.revisions.filter(pk__gt=submitted.pk).order_by("pk"):
                meaning = cls._meaning(revision.content)
                if meaning != previous:
                    found.add(revision.user_id)
                previous = meaning
        found.discard(None)
        return found

    @classmethod
    def _meaning(cls, content: dict) -> dict:
        return {key: value for key, value in content.items() if key not in cls.BOOKKEEPING}

    def is_author(self, obj: Any, user: Any) -> bool:
        return user.pk is not None and user.pk in self.authors(obj)

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return super().user_can_access_editor(obj, user) and not self.is_author(obj, user)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return super().locked_for_user(obj, user) or self.is_author(obj, user)

    def user_can_lock(self, obj: Any, user: Any) -> bool:
        return super().user_can_lock(obj, user) and not self.is_author(obj, user)

    def get_actions(self, obj: Any, user: Any) -> list:
        if self.is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any):
        # The views ask get_actions first; this refuses a direct call too.
        if self.is_author(task_state.revision.content_object, user):
            raise PermissionDenied(_("You cannot approve or reject your own change."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any):
        # "Awaiting your review" on the dashboard lists only other people's changes.
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve, but never a change they made or submitted")


class VisitFact(models.Model):
    """One thing the home page tells a visitor: the lead about the place, how to get there, an
    information centre, a season, a safety rule. Loaded from the dataset (visit.toml) with its
    source; a fact the dataset lacks is simply not there, and the home page leaves its block out."""

    class Kind(models.TextChoices):
        LEAD = "lead", _("The place (the home page's lead)")
        GETTING_THERE = "getting_there", _("Getting there")
        INFO_CENTRE = "info_centre", _("Information centre")
        SEASON = "season", _("Seasons and weather")
        SAFETY = "safety", _("Safety")

    key = models.SlugField(unique=True, help_text=_("Names the fact in the dataset file."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_vi = translated_field(models.CharField, "title", "vi", max_length=200, blank=True)
    title_en = translated_field(models.CharField, "title", "en", max_length=200)
    title_zh = translated_field(models.CharField, "title", "zh", max_length=200)
    title = TranslatedField("title")
    text_vi = translated_field(models.TextField, "text", "vi", max_length=1200)
    text_en = translated_field(models.TextField, "text", "en", max_length=1200)
    text_zh = translated_field(models.TextField, "text", "zh", max_length=1200)
    text = TranslatedField("text")
    site = models.ForeignKey(
        "heritage.Site",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("site"),
        help_text=_("The site page that tells more, if any."),
    )
    source = models.TextField(_("sources"), help_text=_("Where the fact comes from (addresses, one a line)."))
    data_checksum = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order"), FieldPanel("key")]),
        FieldPanel("title_vi"),
        FieldPanel("text_vi"),
        FieldPanel("title_en"),
        FieldPanel("text_en"),
        FieldPanel("title_zh"),
        FieldPanel("text_zh"),
        FieldPanel("site"),
        FieldPanel("source"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "key"]
        verbose_name = _("visitor fact")
        verbose_name_plural = _("visitor facts")

    def __str__(self) -> str:
        return self.title_vi or self.text_vi[:60]
