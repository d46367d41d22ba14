"""On an existing database, what `ensure_roles` and `ensure_board_workflow` now say, so that an
upgrade is safe before the next `load_geopark`: sites and routes pass the "Board approval" workflow;
editors no longer publish sites; approvers no longer hold the publish right on pages (the approval
itself publishes, content.workflow.publish_approved) and read sites and routes to review them."""

from django.db import migrations

BOARD = "Board approval"


def forwards(apps, schema_editor) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    board = Workflow.objects.filter(name=BOARD).first()
    if board is not None:
        for app_label, model in (("heritage", "site"), ("routes", "route")):
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": board})

    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*Permission.objects.filter(content_type__app_label="heritage",
                                                              codename="publish_site"))
    approvers = Group.objects.filter(name="Approvers").first()
    if approvers is not None:
        GroupPagePermission.objects.filter(group=approvers, permission__codename="publish_page").delete()
        approvers.permissions.add(*Permission.objects.filter(
            content_type__app_label__in=["heritage", "routes"], codename__in=["view_site", "view_route"]
        ))


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0008_board_task_and_no_moderators_workflow"),
        ("heritage", "0007_board_approval"),
        ("routes", "0002_board_approval"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
