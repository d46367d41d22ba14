"""The rate-limit counter now belongs to `operations` (its 0001 takes the model over, table and rows
included). State only: the table `core_ratecounter` stays where it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_rate_counter"),
        # After operations has taken the model over, so that the model is never in neither app.
        ("operations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="RateCounter")],
            database_operations=[],
        ),
    ]
