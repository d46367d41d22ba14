"""An invitation gives a scoped role its scope in the same step: a partner's account speaks for one
partner, a commune officer reports for one commune, an establishment's reporter for one
establishment, an agency officer for one agency. A scope without its role, or a scoped role without
its scope, is refused and nothing is written."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from geopark.core.roles import COMMUNE_OFFICERS, EDITORS
from geopark.partners.listing import partner_of
from geopark.partners.models import PartnerAccount
from geopark.partners.roles import PARTNERS
from geopark.partners.tests.factories import PartnerFactory
from geopark.plans.models import AgencyMembership
from geopark.plans.tests.factories import AgencyFactory
from geopark.territory.tests.factories import CommuneFactory
from geopark.tourism.models import ReportingScope
from geopark.tourism.roles import ESTABLISHMENT_REPORTERS
from geopark.tourism.tests.factories import EstablishmentFactory
from geopark.users import services
from geopark.users.models import Invitation
from geopark.users.tests.test_invitations import _invite

pytestmark = pytest.mark.django_db


def _group(name: str) -> int:
    return Group.objects.get(name=name).pk


def test_a_partner_is_invited_speaking_for_its_own_listing_only(
    client, board_admin, django_capture_on_commit_callbacks
):
    homestay, other = PartnerFactory(), PartnerFactory()
    response = _invite(
        client,
        board_admin,
        django_capture_on_commit_callbacks,
        roles=[_group(PARTNERS)],
        scope_partner=str(homestay.pk),
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="lan.nguyen@example.org")
    assert PartnerAccount.objects.get(user=user).partner == homestay
    assert partner_of(user) == homestay != other
    # The board sees whose listing the invitation reaches.
    listing = client.get("/admin/accounts/invitations/").content.decode()
    assert homestay.display_name() in listing


def test_a_commune_officer_is_invited_for_one_commune_and_one_agency(
    client, board_admin, django_capture_on_commit_callbacks
):
    commune = CommuneFactory()
    agency = AgencyFactory(commune=commune)
    response = _invite(
        client,
        board_admin,
        django_capture_on_commit_callbacks,
        roles=[_group(COMMUNE_OFFICERS)],
        scope_reporting_commune=str(commune.pk),
        scope_agency=str(agency.pk),
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="lan.nguyen@example.org")
    assert list(ReportingScope.objects.filter(user=user).values_list("commune", flat=True)) == [commune.pk]
    assert AgencyMembership.objects.get(user=user).agency == agency


def test_an_establishment_reporter_is_invited_for_one_establishment(
    client, board_admin, django_capture_on_commit_callbacks
):
    hotel = EstablishmentFactory()
    _invite(
        client,
        board_admin,
        django_capture_on_commit_callbacks,
        roles=[_group(ESTABLISHMENT_REPORTERS)],
        scope_reporting_establishment=str(hotel.pk),
    )
    user = get_user_model().objects.get(email="lan.nguyen@example.org")
    assert ReportingScope.objects.get(user=user).establishment == hotel


@pytest.mark.parametrize(
    ("roles", "scopes", "says"),
    [
        # A partner role with no partner would reach nothing, or whatever a later change widens.
        ([PARTNERS], {}, "cần phạm vi"),
        # A scope without the role it narrows gives nothing and hides a mistake.
        ([EDITORS], {"scope_partner": "partner"}, "đi kèm vai trò"),
        # A record that is not there.
        ([PARTNERS], {"scope_partner": "999999"}, "lựa chọn hợp lệ"),
        ([PARTNERS], {"scope_partner": "not-a-number"}, "lựa chọn hợp lệ"),
    ],
)
def test_a_scoped_role_and_its_scope_go_together_or_nothing_is_written(
    client, board_admin, django_capture_on_commit_callbacks, roles, scopes, says
):
    partner = PartnerFactory()
    scopes = {k: str(partner.pk) if v == "partner" else v for k, v in scopes.items()}
    users_before = get_user_model().objects.count()
    response = _invite(
        client,
        board_admin,
        django_capture_on_commit_callbacks,
        roles=[_group(name) for name in roles],
        **scopes,
    )
    assert response.status_code == 200
    assert says in response.content.decode()
    assert get_user_model().objects.count() == users_before
    assert not Invitation.objects.exists()
    assert not PartnerAccount.objects.exists()
    assert mail.outbox == []


def test_a_scope_gone_by_the_time_of_sending_is_refused_in_words_and_nothing_is_kept(board_admin):
    """The service itself refuses a record deleted since the form was shown (the form's choices
    were right when it was drawn)."""
    partners = Group.objects.get(name=PARTNERS)
    with pytest.raises(services.InvitationError, match=r"không \(còn\) tồn tại"):
        services.invite(
            email="lan@example.org",
            first_name="",
            last_name="",
            roles=[partners],
            language="en",
            invited_by=board_admin,
            scopes={"partner": "999999"},
        )
    assert not get_user_model().objects.filter(email="lan@example.org").exists()
    assert not Invitation.objects.exists()
