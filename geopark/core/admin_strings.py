"""Admin strings that Wagtail's own Vietnamese catalogue leaves in English (its pagination bar and
its count of pages, its menus and some headings). Marked here so that `make messages` keeps them in
the project's catalogue, which Django reads before Wagtail's (LOCALE_PATHS): editors see them in
their language. `geopark/core/tests/test_admin_languages.py` finds the ones still missing."""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_GAPS = (
    gettext_noop("Pagination"),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    gettext_noop("Documents"),
    gettext_noop("Reports"),
    gettext_noop("pages"),  # "100,019 pages" under a paginated report
    # Wagtail's "Sites" setting: the web addresses the portal answers on (the heritage sites' menu
    # entry is `pgettext("inventory", "Sites")`), so that its page reads apart from ours.
    gettext_noop("Sites"),
    # Menus: Reports, Settings, Help, the account.
    gettext_noop("Snippets"),
    gettext_noop("Locked pages"),
    gettext_noop("Workflows"),
    gettext_noop("Workflow tasks"),
    gettext_noop("Site history"),
    gettext_noop("Aging pages"),
    gettext_noop("Page types usage"),
    gettext_noop("Translations"),
    gettext_noop("Locales"),
    gettext_noop("Collections"),
    gettext_noop("Redirects"),
    gettext_noop("Help"),
    gettext_noop("What's new in Wagtail %(version)s"),
    gettext_noop("Editor Guide"),
    gettext_noop("Shortcuts"),
    gettext_noop("Log out"),
    # Headings: the home's summary, the account page, the filters of every list.
    gettext_noop("Site summary"),
    gettext_noop("Name and Email"),
    gettext_noop("Filter by"),
    # The admin home: its search box, the editor guide, the count of pages, images and documents.
    gettext_noop("Search all pages…"),
    gettext_noop("Search…"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)
