from django.db import migrations

INDEX = "sitesearch_token_lookup"
TABLE = "sitesearch_searchtoken"
COLUMNS = "document_id, lang, weight, word, title_length"
BATCH = 5000
PHRASE_WEIGHTS = (0, 2, 3)  # models.START, models.PAIR, models.START_PAIR


def add_phrase_tokens(apps, schema_editor):
    # Every indexed title gains its phrase tokens. The lookup index is dropped while millions of rows
    # go in and built again once at the end, several times faster on a large index (as in 0004).
    from geopark.search.models import TITLE_LENGTH_MAX, phrase_tokens

    connection = schema_editor.connection
    postgres = connection.vendor == "postgresql"
    documents = apps.get_model("sitesearch", "SearchDocument").objects.using(connection.alias).order_by("pk")
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    last = 0
    while True:
        # A chunk of documents at a time, read whole before writing: the connection cannot read a
        # query's rows while it is busy copying.
        chunk = list(documents.filter(pk__gt=last).values_list("pk", "lang", "title", "title_folded")[:BATCH])
        if not chunk:
            break
        last = chunk[-1][0]
        rows = [(pk, lang, weight, word, min(len(title), TITLE_LENGTH_MAX))
                for pk, lang, title, title_folded in chunk for word, weight in phrase_tokens(title_folded)]
        with connection.cursor() as cursor:
            if postgres:
                with cursor.cursor.copy(f"COPY {TABLE} ({COLUMNS}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (%s, %s, %s, %s, %s)", rows)
    if postgres:
        # The new rows' foreign-key checks are deferred; PostgreSQL builds no index over pending ones.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")
    word = 'word COLLATE "C"' if postgres else "word"
    schema_editor.execute(f"CREATE INDEX {INDEX} ON {TABLE} (lang, weight, {word}, title_length, document_id)")


def remove_phrase_tokens(apps, schema_editor):
    schema_editor.execute(f"DELETE FROM {TABLE} WHERE weight IN {PHRASE_WEIGHTS}")


class Migration(migrations.Migration):

    dependencies = [
        ("sitesearch", "0004_token_title_length"),
    ]

    operations = [
        migrations.RunPython(add_phrase_tokens, remove_phrase_tokens),
    ]
