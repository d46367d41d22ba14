from django.db import migrations, models


def decide(apps, schema_editor):
    from geopark.tourism.services import refresh_publication

    refresh_publication(total_model=apps.get_model("tourism", "MonthTotal"))


class Migration(migrations.Migration):
    """Totals are published only when no combination of published totals gives a small group's
    figures (tourism.disclosure); every stored month is decided once here."""

    dependencies = [
        ("tourism", "0003_establishment_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="monthtotal",
            name="published",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(decide, migrations.RunPython.noop),
    ]
