from django.db import migrations, models

INDEX = "sitesearch_token_lookup"


def fill_title_lengths_and_reindex(apps, schema_editor):
    # The lookup index (made by SQL in 0002: the "C" collation on PostgreSQL) now ends with the title
    # length before the document, so that a word's postings come shortest title first. Dropped before
    # the update, which is then several times faster on a large index (SQLite has already dropped it
    # when it rebuilt the table to add the column).
    postgres = schema_editor.connection.vendor == "postgresql"
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(
        "UPDATE sitesearch_searchtoken t SET title_length = LEAST(LENGTH(d.title), 300) "
        "FROM sitesearch_searchdocument d WHERE d.id = t.document_id"
        if postgres else
        "UPDATE sitesearch_searchtoken SET title_length = (SELECT MIN(LENGTH(d.title), 300) "
        "FROM sitesearch_searchdocument d WHERE d.id = sitesearch_searchtoken.document_id)"
    )
    word = 'word COLLATE "C"' if postgres else "word"
    schema_editor.execute(
        f"CREATE INDEX {INDEX} ON sitesearch_searchtoken (lang, weight, {word}, title_length, document_id)"
    )


def previous_lookup_index(apps, schema_editor):
    word = 'word COLLATE "C"' if schema_editor.connection.vendor == "postgresql" else "word"
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"CREATE INDEX {INDEX} ON sitesearch_searchtoken (lang, weight, {word}, document_id)")


class Migration(migrations.Migration):

    dependencies = [
        ("sitesearch", "0003_token_by_document"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchtoken",
            name="title_length",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RunPython(fill_title_lengths_and_reindex, previous_lookup_index),
    ]
