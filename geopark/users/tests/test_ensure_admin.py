"""ensure_admin applies the password validators and never silently changes an existing account."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_env(monkeypatch):
    def set_env(username: str, password: str) -> None:
        monkeypatch.setenv("GEOPARK_ADMIN_USERNAME", username)
        monkeypatch.setenv("GEOPARK_ADMIN_PASSWORD", password)

    return set_env


def test_a_one_character_password_is_refused_with_the_validators_message_and_nothing_is_written(admin_env):
    admin_env("board", "x")
    with pytest.raises(
        CommandError, match="This password is too short. It must contain at least 10 characters."
    ):
        call_command("ensure_admin", stdout=StringIO())
    assert not get_user_model().objects.filter(username="board").exists()


def test_a_password_like_the_username_is_refused(admin_env):
    admin_env("geoparkboard", "geoparkboard1")
    with pytest.raises(CommandError, match="too similar to the username"):
        call_command("ensure_admin", stdout=StringIO())
    assert not get_user_model().objects.filter(username="geoparkboard").exists()


def test_an_existing_administrators_password_is_left_alone_and_the_command_says_so(admin_env):
    get_user_model().objects.create_superuser("board", "", "the-original-board-password")
    admin_env("board", "a-different-long-password")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    board = get_user_model().objects.get(username="board")
    assert board.check_password("the-original-board-password")
    assert "password left unchanged" in out.getvalue()
    assert "--reset-password" in out.getvalue()


def test_reset_password_sets_an_existing_administrators_password_when_asked(admin_env):
    get_user_model().objects.create_superuser("board", "", "the-original-board-password")
    admin_env("board", "a-different-long-password")
    out = StringIO()
    call_command("ensure_admin", "--reset-password", stdout=out)
    assert get_user_model().objects.get(username="board").check_password("a-different-long-password")
    assert "password reset" in out.getvalue()


def test_reset_password_still_applies_the_validators(admin_env):
    get_user_model().objects.create_superuser("board", "", "the-original-board-password")
    admin_env("board", "12345678901")
    with pytest.raises(CommandError, match="This password is entirely numeric."):
        call_command("ensure_admin", "--reset-password", stdout=StringIO())
    assert get_user_model().objects.get(username="board").check_password("the-original-board-password")


def test_an_existing_account_that_is_not_an_administrator_is_not_promoted(admin_env):
    get_user_model().objects.create_user("visitor", "", "the-visitors-own-password")
    admin_env("visitor", "a-different-long-password")
    with pytest.raises(CommandError, match="not an administrator"):
        call_command("ensure_admin", stdout=StringIO())
    visitor = get_user_model().objects.get(username="visitor")
    assert (visitor.is_superuser, visitor.is_staff) == (False, False)
    assert visitor.check_password("the-visitors-own-password")
