"""Two indexes on Wagtail's page table for a site with many pages (100,000 news articles):

- (depth, path): every admin screen looks up the tree's root (`depth = 1 ORDER BY path`), which
  otherwise walks the whole path index;
- (locale, path): the translation status report pages through one language's tree in path order.

Wagtail's own migrations own that table, so the indexes are created here, by name, and dropped
on the way back."""

from django.db import migrations

INDEXES = {
    "geopark_page_depth_path": "(depth, path)",
    "geopark_page_locale_path": "(locale_id, path)",
}


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0003_news_list_indexes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
