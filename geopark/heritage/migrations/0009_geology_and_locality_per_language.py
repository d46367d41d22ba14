"""The rock formation, the geological age and the village become texts per language: the existing
text is kept as the Vietnamese one (the dataset loader then writes each language)."""

from django.db import migrations, models


def _field(base: str, lang: str, label: str, help_text: str = "") -> models.CharField:
    kwargs = {"blank": True, "max_length": 200, "verbose_name": f"{base} ({label})"}
    if help_text:
        kwargs["help_text"] = help_text
    return models.CharField(**kwargs)


class Migration(migrations.Migration):
    dependencies = [("heritage", "0008_conservation_moves_out")]

    operations = []
    for base, help_text in (
        ("formation", "Rock formation, when known."),
        ("age", "Geological age, when known."),
        ("locality", "Village, hamlet or street."),
    ):
        operations += [
            migrations.RenameField("site", base, f"{base}_vi"),
            migrations.AlterField("site", f"{base}_vi", _field(base, "vi", "Tiếng Việt", help_text)),
            migrations.AddField("site", f"{base}_en", _field(base, "en", "English")),
            migrations.AddField("site", f"{base}_zh", _field(base, "zh", "中文")),
        ]
