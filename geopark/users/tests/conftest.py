import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.core.roles import BOARD_ADMINS
from geopark.users import services


@pytest.fixture
def board_admin(db):
    """Bảo administers the board's accounts."""
    services.ensure_roles()
    user = get_user_model().objects.create_user("bao", "bao@example.org", "bao-secret-password")
    user.groups.add(Group.objects.get(name=BOARD_ADMINS))
    return user
