"""The rate-limit counter, moved here from `core` (core 0001 made its table, core 0002 lets go of it).

State only: the table stays `core_ratecounter`, rows and all; nothing in the database changes. It
runs after core 0001 so that on a fresh database the table exists before this state names it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("core", "0001_rate_counter"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateCounter",
                    fields=[
                        ("key", models.CharField(max_length=200, primary_key=True, serialize=False)),
                        ("count", models.PositiveIntegerField(default=0)),
                        ("expires_at", models.FloatField(db_index=True)),
                    ],
                    options={
                        "verbose_name": "rate-limit counter",
                        "db_table": "core_ratecounter",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
