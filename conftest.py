"""Project-wide pytest fixtures: a small geopark built with factories, and named personas."""

from __future__ import annotations

import os

import pytest

# Fixtures through which a test reaches the configured database.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(config, items):
    """CI's PostgreSQL pass (GEOPARK_DATABASE_PASS=1) runs only the tests whose outcome the database
    engine can change: those that use the configured database, and those marked `postgresql`.

    The rest gives the same result on both passes, so running it twice only spends CI's time:
    browser tests (what a page looks like and does is the same over either engine; their database
    work is tested through the test client on both), and tests that never open the configured
    database (documents, translations, settings, servers started on a scratch database of their
    own, the fault tests' throwaway cluster)."""
    if not os.environ.get("GEOPARK_DATABASE_PASS"):
        return
    kept, left_out = [], []
    for item in items:
        engine_bound = item.get_closest_marker("postgresql") is not None or (
            item.get_closest_marker("browser") is None
            and (
                item.get_closest_marker("django_db") is not None or DATABASE_FIXTURES & set(item.fixturenames)
            )
        )
        (kept if engine_bound else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from geopark.operations import pagecache

    # A rolled-back test moves no generation: what it remembered must not outlive it.
    cache.clear()
    pagecache.forget_remembered()
    yield
    cache.clear()
    pagecache.forget_remembered()


@pytest.fixture
def uncached(settings):
    """Query-count tests measure the views themselves: the page cache would answer the second
    request with no query at all (operations/pagecache.py has its own tests)."""
    settings.GEOPARK_PAGE_CACHE = False
    # Nor values remembered from an earlier request (operations.pagecache.remembered).
    settings.GEOPARK_FRAGMENT_CACHE = False


@pytest.fixture
def geopark(db):
    from geopark.territory.tests.factories import GeoparkFactory

    return GeoparkFactory()


@pytest.fixture
def home_pages(geopark):
    from geopark.content.services import ensure_home_pages

    ensure_home_pages(geopark)
    return geopark


@pytest.fixture
def admin_user(db):
    """Alice runs the platform: a superuser."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("alice", "alice@example.org", "alice-secret-pw")


@pytest.fixture
def editor(db):
    """Eve is on the management board: an editor, not an administrator."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from geopark.users.services import EDITORS, ensure_roles

    ensure_roles()
    user = get_user_model().objects.create_user("eve", "eve@example.org", "eve-secret-pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def visitor(db):
    """Victor has an account but no role: he must not get into the admin."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("victor", "victor@example.org", "victor-secret-pw")


@pytest.fixture
def keeper(db):
    """Kim keeps the museum collection: catalogues items and imports spreadsheets, nothing else."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from geopark.users.services import KEEPERS, ensure_roles

    ensure_roles()
    user = get_user_model().objects.create_user("kim", "kim@example.org", "kim-secret-pw")
    user.groups.add(Group.objects.get(name=KEEPERS))
    return user


@pytest.fixture
def scientist(db):
    """Sam is one of the board's geoscientists: assesses and inspects sites, nothing else."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from geopark.users.services import SCIENTISTS, ensure_roles

    ensure_roles()
    user = get_user_model().objects.create_user(
        "sam", "sam@example.org", "sam-secret-pw", first_name="Sam", last_name="Trần"
    )
    user.groups.add(Group.objects.get(name=SCIENTISTS))
    return user


@pytest.fixture
def moderator(db):
    """Mona reads what visitors report and decides on it; she does not assess or edit sites."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from geopark.users.services import MODERATORS, ensure_roles

    ensure_roles()
    user = get_user_model().objects.create_user("mona", "mona@example.org", "mona-secret-pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def approver(db):
    """Anh sits on the management board: she approves pages submitted to the "Board approval"
    workflow and has no other rights."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from geopark.users.services import APPROVERS, ensure_roles

    ensure_roles()
    user = get_user_model().objects.create_user("anh", "anh@example.org", "anh-secret-pw")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user
