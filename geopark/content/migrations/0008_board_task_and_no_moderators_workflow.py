"""The board's approval task becomes a `BoardApprovalTask` (nobody approves their own change), in
place: the same task row, so changes waiting for approval keep waiting and history keeps its task.
Wagtail's default "Moderators approval" workflow (made by its migration 0048 from the publish right
its "Moderators" group had on the tree's root) is removed: the board's is the only workflow."""

from django.db import migrations

BOARD = "Board approval"
LEFTOVER = "Moderators approval"


def forwards(apps, schema_editor) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    BoardApprovalTask = apps.get_model("content", "BoardApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    board_type, _ = ContentType.objects.get_or_create(app_label="content", model="boardapprovaltask")

    for old in GroupApprovalTask.objects.filter(name=BOARD, workflow_tasks__workflow__name=BOARD).distinct():
        pk, groups = old.pk, list(old.groups.all())
        new = BoardApprovalTask(task_ptr_id=pk, name=old.name, active=old.active, content_type_id=board_type.pk)
        new.save_base(raw=True)  # the child row only; the task row stays as it is
        new.groups.set(groups)
        old.delete(keep_parents=True)
        Task.objects.filter(pk=pk).update(content_type=board_type)

    for workflow in Workflow.objects.filter(name=LEFTOVER):
        task_ids = list(workflow.workflow_tasks.values_list("task_id", flat=True))
        apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow=workflow).delete()
        apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(workflow=workflow).delete()
        if WorkflowState.objects.filter(workflow=workflow).exists():
            # History refers to it: keep it, inactive, with nothing waiting on it.
            WorkflowState.objects.filter(workflow=workflow, status="in_progress").update(status="cancelled")
            TaskState.objects.filter(task_id__in=task_ids, status="in_progress").update(status="cancelled")
            workflow.active = False
            workflow.save(update_fields=["active"])
            Task.objects.filter(pk__in=task_ids).update(active=False)
            continue
        workflow.workflow_tasks.all().delete()
        workflow.delete()
        for task_id in task_ids:
            if not TaskState.objects.filter(task_id=task_id).exists() and not WorkflowTask.objects.filter(
                task_id=task_id
            ).exists():
                GroupApprovalTask.objects.filter(pk=task_id).delete()
                Task.objects.filter(pk=task_id).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0007_board_approval_task"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
