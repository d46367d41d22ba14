from django.db import models
from django.utils import translation

from geopark.core.i18n import TranslatedField, is_fallback, translated_fields


def test_translated_fields_gives_one_field_per_language_and_the_accessor():
    declared = translated_fields("name", models.CharField, max_length=50)
    assert sorted(declared) == ["name", "name_en", "name_vi", "name_zh"]
    assert isinstance(declared["name"], TranslatedField)
    assert declared["name_vi"].blank is False
    assert declared["name_en"].blank is True


def test_the_accessor_reads_the_current_language_and_falls_back_to_vietnamese():
    class Place:
        name = TranslatedField("name")
        name_vi, name_en, name_zh = "Động Tam Thanh", "Tam Thanh Cave", ""

    place = Place()
    with translation.override("en"):
        assert place.name == "Tam Thanh Cave"
    with translation.override("zh"):
        assert place.name == "Động Tam Thanh"
        assert is_fallback(place, "name")
    with translation.override("vi"):
        assert not is_fallback(place, "name")


def test_language_tabs_give_each_published_language_a_tab_headed_in_it():
    from geopark.core.i18n import language_tabs

    tabs = language_tabs(("name", "summary"), translation_status=True)
    assert [str(tab.heading) for tab in tabs] == ["Tiếng Việt", "English", "中文"]
    assert [[panel.field_name for panel in tab.children] for tab in tabs] == [
        ["name_vi", "summary_vi"],
        ["en_status", "name_en", "summary_en"],
        ["zh_status", "name_zh", "summary_zh"],
    ]
    assert [[panel.field_name for panel in tab.children] for tab in language_tabs(("note",))] == [
        ["note_vi"],
        ["note_en"],
        ["note_zh"],
    ]


def test_translated_models_declare_every_language_as_the_reference_would():
    """The models write each language's column by name (so type checkers see them); this proves the
    written columns are exactly the ones `translated_fields` would make, for every installed model."""
    from django.apps import apps

    from geopark.core.i18n import translated_fields

    checked = 0
    for model in apps.get_models():
        accessors = {
            name: attr
            for klass in model.__mro__
            for name, attr in vars(klass).items()
            if isinstance(attr, TranslatedField)
        }
        for base in accessors:
            declared = {f.name: f for f in model._meta.get_fields() if f.name.startswith(f"{base}_")}
            reference = translated_fields(
                base, type(declared[f"{base}_vi"]), **_options(declared[f"{base}_vi"])
            )
            for name, field in reference.items():
                if name == base:
                    continue
                assert name in declared, f"{model.__name__} lacks {name}"
                assert _shape(field) == _shape(declared[name]), f"{model.__name__}.{name}"
                checked += 1
    assert checked > 100


def _shape(field):
    """A column's declaration, less what only the Vietnamese one may carry (see _options)."""
    _, path, args, kwargs = field.deconstruct()
    kwargs = {k: v for k, v in kwargs.items() if k not in ("db_column", "help_text")}
    return path, args, kwargs


def _options(field):
    """The options a declaration passed, less the ones `translated_field` sets itself, and less the
    Vietnamese column's own: its old column name (kept for nodes still running the release before it
    had a language) and its help text."""
    _, _, _, kwargs = field.deconstruct()
    for own in ("verbose_name", "db_column", "help_text"):
        kwargs.pop(own, None)
    return kwargs


def test_a_models_texts_per_language_are_listed_in_the_order_it_declares_them():
    from geopark.core.i18n import translated_names
    from geopark.heritage.models import Site

    names = translated_names(Site)
    assert names[:3] == ("name", "summary", "description")
    assert names[-1] == "locality"
    assert all(hasattr(Site, f"{name}_zh") for name in names)
