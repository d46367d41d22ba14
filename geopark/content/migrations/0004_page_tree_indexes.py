"""Two indexes on Wagtail's page table for a site with many pages (100,000 news articles):

- the root pages by path: every admin screen looks up the tree's root (`depth = 1 ORDER BY
  path`), which otherwise walks the whole path index (16 ms a screen on SQLite at that size);
- the pages below the roots by (locale, path, id): the translation status report pages through
  one language's tree in path order (`depth > 1`), reading a page's keys from the index alone.

Both are partial, so that only queries with those very conditions can choose them: plain indexes
on (depth, path) and (locale, path) made SQLite, which plans without statistics, read the news list
by depth and look up the contact page by locale, sorting 100,000 rows each time. Wagtail's own
migrations own the table, so the indexes are created here, by name, and dropped on the way back."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0003_news_list_indexes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {definition}", f"DROP INDEX IF EXISTS {name}")
        for name, definition in (
            ("geopark_page_roots", "(path) WHERE depth = 1"),
            ("geopark_page_originals", "(locale_id, path, id) WHERE depth > 1"),
        )
    ]
