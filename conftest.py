"""Project-wide pytest fixtures: a small geopark built with factories, and named personas."""

from __future__ import annotations

import pytest


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
