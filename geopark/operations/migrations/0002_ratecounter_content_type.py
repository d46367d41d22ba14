"""The counter's content type follows it from `core` to `operations`, so that permission rows that
point at it (add/change/delete/view rate-limit counter, granted to anyone) stay valid.

On a fresh database there is no such row yet (content types are made after `migrate`), and
nothing is done. When `operations` already has its own row (made by an earlier run), the old one is
left alone rather than merged: that only happens on a database migrated by hand, out of order."""

from django.db import migrations


def rename(apps, schema_editor, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    if not types.filter(app_label=new, model="ratecounter").exists():
        types.filter(app_label=old, model="ratecounter").update(app_label=new)


def forwards(apps, schema_editor) -> None:
    rename(apps, schema_editor, "core", "operations")


def backwards(apps, schema_editor) -> None:
    rename(apps, schema_editor, "operations", "core")


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
