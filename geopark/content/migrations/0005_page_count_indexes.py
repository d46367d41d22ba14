"""Two small indexes on Wagtail's page table, per locale: the top pages (depth 2) and the pages
with children. The translation status report counts one language's tree from them (its top pages
plus each parent's `numchild`) instead of reading 100,000 index entries. Partial for the same
reason as 0004's, and created here by name because Wagtail's migrations own the table."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0004_page_tree_indexes"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {definition}", f"DROP INDEX IF EXISTS {name}")
        for name, definition in (
            ("geopark_page_tops", "(locale_id) WHERE depth = 2"),
            ("geopark_page_parents", "(locale_id, numchild) WHERE depth > 1 AND numchild > 0"),
        )
    ]
