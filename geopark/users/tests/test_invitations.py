"""A person gets an account by invitation: the e-mail speaks the language the board chose, the link
lets only that person choose a password, works once, and a forgotten password can be reset."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from geopark.core.roles import EDITORS
from geopark.users import services
from geopark.users.models import Invitation

pytestmark = pytest.mark.django_db

INVITE = "/admin/accounts/invitations/"
GOOD_PASSWORD = "Phja-Po-dinosaur-ridge-7"
# The welcome page's heading and the e-mail's subject, as each language reads them.
WELCOME = {"vi": "Chào mừng", "en": "Welcome: choose your password", "zh": "欢迎"}
SUBJECT = {"vi": "Tài khoản của bạn", "en": "Your account on the", "zh": "您在"}
EDITORS_NAMED = {"vi": "Biên tập viên", "en": "Editors", "zh": "编辑"}


def signs_in(client, username: str, password: str) -> bool:
    """Through the admin's sign-in form, as a person does (and as django-axes requires)."""
    response = client.post("/admin/login/", {"username": username, "password": password})
    client.logout()
    return response.status_code == 302


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/welcome/\S+/)", message.body).group(1)


def _invite(client, board_admin, django_capture_on_commit_callbacks, **data):
    client.force_login(board_admin)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(INVITE, {"email": "lan.nguyen@example.org", "language": "en", **data})


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_an_invited_person_chooses_a_password_through_the_link_in_their_language(
    client, board_admin, django_capture_on_commit_callbacks, lang
):
    editors = Group.objects.get(name=EDITORS)
    response = _invite(
        client,
        board_admin,
        django_capture_on_commit_callbacks,
        language=lang,
        roles=[editors.pk],
        first_name="Lan",
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["lan.nguyen@example.org"]
    assert SUBJECT[lang] in message.subject
    assert EDITORS_NAMED[lang] in message.body
    user = get_user_model().objects.get(email="lan.nguyen@example.org")
    assert list(user.groups.all()) == [editors]
    assert not user.has_usable_password()

    client.logout()
    # Nobody can sign in with the account before its owner has chosen a password.
    assert not signs_in(client, user.username, "")
    page = client.get(_link(message), follow=True)
    assert WELCOME[lang] in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "12345", "new_password2": "12345"})
    assert weak.status_code == 200
    user.refresh_from_db()
    assert not user.has_usable_password()  # a refused password writes nothing

    done = client.post(form_url, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})
    assert done.status_code == 302
    assert Invitation.objects.get(user=user).accepted_at is not None
    assert signs_in(client, user.username, GOOD_PASSWORD)
    # The link worked once.
    again = client.get(_link(message), follow=True)
    assert 'name="new_password1"' not in again.content.decode()


def test_inviting_an_address_that_has_an_account_is_refused_and_writes_nothing(
    client, board_admin, django_capture_on_commit_callbacks
):
    get_user_model().objects.create_user("lan", "Lan.Nguyen@example.org", "lan-secret-password")
    before = get_user_model().objects.count()
    response = _invite(client, board_admin, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    # The board's admin speaks Vietnamese.
    assert "Đã có tài khoản với địa chỉ e-mail lan.nguyen@example.org" in response.content.decode()
    assert get_user_model().objects.count() == before
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_address_that_is_not_an_email_is_refused(client, board_admin, django_capture_on_commit_callbacks):
    response = _invite(client, board_admin, django_capture_on_commit_callbacks, email="lan at example")
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_an_invitation_is_sent_again_while_waiting_but_not_once_accepted(
    client, board_admin, django_capture_on_commit_callbacks
):
    _invite(client, board_admin, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    client.post(f"{INVITE}{invitation.pk}/resend/")
    assert len(mail.outbox) == 2
    invitation.refresh_from_db()
    assert invitation.times_sent == 2

    services.accept(invitation.user)
    response = client.post(f"{INVITE}{invitation.pk}/resend/", follow=True)
    assert "đã nhận lời mời" in response.content.decode()
    assert len(mail.outbox) == 2


def test_a_password_reset_link_is_not_an_invitation_link(client, board_admin):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(board_admin.pk))
    page = client.get(
        f"/accounts/welcome/{uid}/{default_token_generator.make_token(board_admin)}/", follow=True
    )
    assert 'name="new_password1"' not in page.content.decode()


def test_a_forgotten_password_is_reset_by_email(client, board_admin):
    response = client.post("/admin/password_reset/", {"email": "bao@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", message.body).group(1)
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})
    assert signs_in(client, "bao", GOOD_PASSWORD)


def test_asking_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, db):
    response = client.post("/admin/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
