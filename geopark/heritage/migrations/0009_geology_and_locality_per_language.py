"""The rock formation, the geological age and the village become texts per language. The existing
column stays as the Vietnamese text under its old name (only Django's state renames the field), so
nodes still on the old code keep reading it during a rolling restart; the English and Chinese
columns are added."""

from django.db import migrations, models


def _field(base: str, label: str, **kwargs) -> models.CharField:
    return models.CharField(blank=True, max_length=200, verbose_name=f"{base} ({label})", **kwargs)


class Migration(migrations.Migration):
    dependencies = [("heritage", "0008_conservation_moves_out")]

    operations = []
    for base, help_text in (
        ("formation", "Rock formation, when known."),
        ("age", "Geological age, when known."),
        ("locality", "Village, hamlet or street."),
    ):
        operations += [
            migrations.SeparateDatabaseAndState(
                state_operations=[
                    migrations.RenameField("site", base, f"{base}_vi"),
                    migrations.AlterField(
                        "site",
                        f"{base}_vi",
                        _field(base, "Tiếng Việt", db_column=base, help_text=help_text),
                    ),
                ],
                database_operations=[],
            ),
            migrations.AddField("site", f"{base}_en", _field(base, "English")),
            migrations.AddField("site", f"{base}_zh", _field(base, "中文")),
        ]
