"""The moved models' content types go from heritage to conservation, with every row pointing at them:
the permissions (so groups and accounts keep what they were granted), admin and Wagtail log
entries, Wagtail's reference index. A fresh database has none yet (they are made after migrating),
and nothing happens."""

from django.contrib.contenttypes.models import ContentType
from django.db import migrations

MOVED = ("assessment", "inspection", "inspectionphoto", "followupaction", "visitorreport")


def _relabel(apps, schema_editor, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        moving = content_type.objects.using(db).filter(app_label=old, model=model).first()
        if moving is None:
            continue
        # A content type already under the new label can only have been made by a `migrate` that
        # stopped between 0001 and this migration; it holds only its own fresh permissions, while
        # the old one holds every grant and log entry, so the old one is kept.
        content_type.objects.using(db).filter(app_label=new, model=model).delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])
    # The running process's cache (tests migrate in-process) would still hold the old labels.
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor) -> None:
    _relabel(apps, schema_editor, "heritage", "conservation")


def backwards(apps, schema_editor) -> None:
    _relabel(apps, schema_editor, "conservation", "heritage")


class Migration(migrations.Migration):

    dependencies = [
        ('conservation', '0001_initial'),
        ('heritage', '0008_conservation_moves_out'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
