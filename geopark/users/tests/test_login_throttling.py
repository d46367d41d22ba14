"""Failed sign-ins to the Wagtail admin are limited per username from one address, per address (one
address trying many usernames) and per username (one username tried from many addresses); the
lock-out answer is a page in the request's language that says how long it lasts."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
# The limits the README states (failures within the hour).
PER_USER_AND_ADDRESS = 5
PER_USERNAME = 10
PER_ADDRESS = 20
# The lock-out page's heading and its duration, as a person reading each language sees them.
LOCKED = {
    "vi": ("Quá nhiều lần đăng nhập không thành công", "1 giờ"),
    "en": ("Too many failed sign-in attempts", "1 hour"),
    "zh": ("登录失败次数过多", "1 小时"),
}


def sign_in(
    client, username: str, password: str = "not-the-password", address: str = "203.0.113.5", lang: str = "en"
):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=lang
    )


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_the_lockout_is_a_translated_page_that_says_how_long_it_lasts(client, lang):
    get_user_model().objects.create_user("board", "", "the-real-board-password", is_staff=True)
    answers = [sign_in(client, "board", lang=lang).status_code for _ in range(PER_USER_AND_ADDRESS - 1)]
    assert answers == [200] * (PER_USER_AND_ADDRESS - 1)
    locked = sign_in(client, "board", lang=lang)
    assert locked.status_code == 429
    assert locked["Retry-After"] == "3600"
    assert "no-store" in locked["Cache-Control"]
    body = locked.content.decode()
    assert f'<html lang="{lang}">' in body
    heading, duration = LOCKED[lang]
    assert heading in body
    assert duration in body
    assert "css/site.css" in body  # the site's look, not a bare text answer
    # Even the right password waits until the hour is over.
    assert sign_in(client, "board", "the-real-board-password", lang=lang).status_code == 429


def test_one_address_trying_many_usernames_is_locked_out(client):
    answers = [
        sign_in(client, f"guess{number}", address="198.51.100.7").status_code for number in range(PER_ADDRESS)
    ]
    assert answers == [200] * (PER_ADDRESS - 1) + [429]
    assert sign_in(client, "another-guess", address="198.51.100.7").status_code == 429
    # Another address is not affected.
    assert sign_in(client, "another-guess", address="198.51.100.8").status_code == 200


def test_one_username_tried_from_many_addresses_is_locked_out(client):
    answers = [
        sign_in(client, "board", address=f"192.0.2.{number}").status_code
        for number in range(1, PER_USERNAME + 1)
    ]
    assert answers == [200] * (PER_USERNAME - 1) + [429]
    assert sign_in(client, "board", address="192.0.2.200").status_code == 429
    # Another username from a new address is not affected.
    assert sign_in(client, "editor", address="192.0.2.201").status_code == 200


def test_a_few_mistakes_from_a_shared_office_address_lock_no_one_else_out(client):
    """Four people behind one NAT address each mistype their password twice: 8 failures from one
    address, under every limit."""
    for person in ("lan", "minh", "hoa", "tuan"):
        assert [sign_in(client, person, address="203.0.113.50").status_code for _ in range(2)] == [200, 200]
    get_user_model().objects.create_user("board", "", "the-real-board-password", is_staff=True)
    assert sign_in(client, "board", "the-real-board-password", address="203.0.113.50").status_code == 302
