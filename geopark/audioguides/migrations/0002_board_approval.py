"""On an existing database, what `services.ensure_review` says, so that an upgrade puts audio guides
under the board's approval before the next `load_geopark`."""

from django.db import migrations

BOARD = "Board approval"


def forwards(apps, schema_editor) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    board = Workflow.objects.filter(name=BOARD).first()
    if board is not None:
        content_type, _ = ContentType.objects.get_or_create(app_label="audioguides", model="audioguide")
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": board})


class Migration(migrations.Migration):
    dependencies = [
        ("audioguides", "0001_initial"),
        ("content", "0009_board_covers_sites_and_routes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
