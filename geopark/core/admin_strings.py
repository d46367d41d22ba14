"""Admin strings that Wagtail's own Vietnamese catalogue leaves in English (its pagination bar and
its count of pages, two menu items). Marked here so that `make messages` keeps them in the project's catalogue, which
Django reads before Wagtail's (LOCALE_PATHS): editors see them in their language."""

from django.utils.translation import gettext_noop

WAGTAIL_GAPS = (
    gettext_noop("Pagination"),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    gettext_noop("Documents"),
    gettext_noop("Reports"),
    gettext_noop("pages"),  # "100,019 pages" under a paginated report
)
