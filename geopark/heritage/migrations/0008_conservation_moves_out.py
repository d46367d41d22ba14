"""Assessments, inspections (with their photos), follow-up actions and visitor reports now belong to
the conservation app, whose migration 0001 took them over. They leave heritage's state only: their
tables stay as they are, now read by conservation's models."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('heritage', '0007_board_approval'),
        ('conservation', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # Those referred to first: follow-ups point at inspections and reports, inspections at reports.
            state_operations=[
                migrations.DeleteModel(name='FollowUpAction'),
                migrations.DeleteModel(name='InspectionPhoto'),
                migrations.DeleteModel(name='Inspection'),
                migrations.DeleteModel(name='VisitorReport'),
                migrations.DeleteModel(name='Assessment'),
            ],
            database_operations=[],
        ),
    ]
