from django.db import migrations, models


def resum(apps, schema_editor):
    from geopark.tourism.services import rebuild_totals

    rebuild_totals(
        figure_model=apps.get_model("tourism", "MonthlyFigure"),
        total_model=apps.get_model("tourism", "MonthTotal"),
    )


class Migration(migrations.Migration):
    """The staff and trained staff of the monthly reports are summed into the published totals too
    (the plan's tourism-workers targets); the stored totals are made again once with them."""

    dependencies = [
        ("tourism", "0005_submissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="monthtotal",
            name="staff",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="monthtotal",
            name="trained_staff",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RunPython(resum, migrations.RunPython.noop),
    ]
