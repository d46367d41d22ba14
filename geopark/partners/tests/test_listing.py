"""A partner keeps its own listing up to date: it proposes, another member of the board approves,
and only then does the public listing change. No partner sees or proposes for another's listing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from geopark.partners.models import ChangeStatus, ListingChange, PartnerAccount
from geopark.partners.roles import PARTNER_MANAGERS, PARTNERS
from geopark.users.services import ensure_roles

from .factories import PartnerFactory

pytestmark = pytest.mark.django_db

MINE = "/admin/partner-network/my-listing/"
CHANGES = "/admin/partner-network/changes/"
GOOD = {
    "description_vi": "Nhà sàn của người Tày, bữa tối cùng gia đình.",
    "description_en": "A Tày stilt house; dinner with the family.",
    "description_zh": "岱依族高脚屋，与主人家共进晚餐。",
    "season_vi": "Quanh năm",
    "season_en": "All year",
    "season_zh": "全年",
    "phone": "0205 3870 000",
    "email": "lan@homestay.example",
    "website": "https://homestay.example",
    "languages": "vi en",
    "price_band": "",
}


def person(name: str, group: str):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", f"{name}-secret-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def world(db):
    ensure_roles()
    mine, other = PartnerFactory(), PartnerFactory()
    lan = person("lan", PARTNERS)
    PartnerAccount.objects.create(partner=mine, user=lan)
    hoa = person("hoa", PARTNERS)
    PartnerAccount.objects.create(partner=other, user=hoa)
    return {"mine": mine, "other": other, "lan": lan, "hoa": hoa, "board": person("bao", PARTNER_MANAGERS)}


def test_a_proposal_changes_nothing_public_until_another_member_of_the_board_approves(client, world):
    client.force_login(world["lan"])
    assert client.post(MINE, GOOD).status_code == 302
    mine = world["mine"]
    mine.refresh_from_db()
    assert mine.description_en == ""  # not yet
    change = ListingChange.objects.get()
    assert change.status == ChangeStatus.PENDING

    client.force_login(world["board"])
    page = client.get(CHANGES)
    assert "A Tày stilt house" in page.content.decode()
    client.post(f"{CHANGES}{change.pk}/review/", {"decision": "approve"})
    mine.refresh_from_db()
    assert mine.description_en == GOOD["description_en"]
    assert mine.email == GOOD["email"]
    change.refresh_from_db()
    assert (change.status, change.reviewed_by) == (ChangeStatus.APPROVED, world["board"])


def test_a_partner_sees_and_proposes_for_its_own_listing_only(client, world):
    client.force_login(world["hoa"])
    page = client.get(MINE)
    html = page.content.decode()
    assert world["other"].display_name() in html
    assert world["mine"].display_name() not in html
    client.post(MINE, GOOD)
    assert ListingChange.objects.get().partner == world["other"]
    # A partner reviews nothing, its own change included.
    change = ListingChange.objects.get()
    assert client.get(CHANGES).status_code in (302, 403)
    assert client.post(f"{CHANGES}{change.pk}/review/", {"decision": "approve"}).status_code in (302, 403)
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_an_account_that_speaks_for_no_partner_has_no_listing_page(client, world):
    client.force_login(world["board"])
    assert client.get(MINE).status_code in (302, 403)


def test_no_one_approves_their_own_change(client, world):
    board = world["board"]
    PartnerAccount.objects.filter(user=world["lan"]).update(user=board)
    client.force_login(board)
    client.post(MINE, GOOD)
    change = ListingChange.objects.get()
    response = client.post(f"{CHANGES}{change.pk}/review/", {"decision": "approve"}, follow=True)
    assert (
        "another member of the board" in response.content.decode()
        or "thành viên khác" in response.content.decode()
    )
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not an address"), ("website", "javascript:alert(1)"), ("languages", "vi xx")],
)
def test_a_bad_proposal_is_refused_field_by_field_and_writes_nothing(client, world, field, value):
    client.force_login(world["lan"])
    response = client.post(MINE, {**GOOD, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ListingChange.objects.exists()


def test_a_change_not_accepted_needs_a_reason_and_the_partner_reads_it(client, world):
    client.force_login(world["lan"])
    client.post(MINE, GOOD)
    change = ListingChange.objects.get()
    client.force_login(world["board"])
    client.post(f"{CHANGES}{change.pk}/review/", {"decision": "reject", "reason": "  "})
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING
    client.post(f"{CHANGES}{change.pk}/review/", {"decision": "reject", "reason": "Giá phòng chưa đúng."})
    change.refresh_from_db()
    assert change.status == ChangeStatus.REJECTED
    client.force_login(world["lan"])
    assert "Giá phòng chưa đúng." in client.get(MINE).content.decode()


def test_proposing_the_listing_as_it_is_says_nothing_changed(client, world):
    client.force_login(world["lan"])
    mine = world["mine"]
    same = {name: getattr(mine, name) or "" for name in GOOD}
    response = client.post(MINE, same, follow=True)
    assert not ListingChange.objects.exists()
    assert response.status_code == 200


def test_a_second_proposal_replaces_the_one_waiting(client, world):
    client.force_login(world["lan"])
    client.post(MINE, GOOD)
    client.post(MINE, {**GOOD, "phone": "0205 3870 111"})
    change = ListingChange.objects.get()
    assert change.proposed["phone"] == "0205 3870 111"
