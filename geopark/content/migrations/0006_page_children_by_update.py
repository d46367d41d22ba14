"""An index on Wagtail's page table for the page explorer's default order: a page's children,
last updated first (`ORDER BY latest_revision_created_at DESC NULLS LAST`). With it, a section of
100,000 articles shows its first 50 without sorting them all (content/explorer.py). PostgreSQL
needs the index to say where its nulls go; SQLite puts them last in a descending order anyway,
and has no such clause. Created here by name because Wagtail's migrations own the table."""

from django.db import migrations

NAME = "geopark_page_children_by_update"


def create(apps, schema_editor) -> None:
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page (depth, latest_revision_created_at DESC{nulls})"
    )


def drop(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):

    dependencies = [
        ("content", "0005_page_count_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
