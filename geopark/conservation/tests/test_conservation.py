"""Assessments, inspections and follow-ups: who may do what, history kept, staff pages, exports, PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from geopark.conservation import assessment as brilha
from geopark.conservation import selectors, services
from geopark.conservation.models import Assessment, FollowUpAction, Inspection
from geopark.heritage.tests.factories import HazardNoticeFactory, SiteFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def scores(level: int = 2, **changes: int) -> dict[str, int]:
    values = dict.fromkeys(brilha.CRITERIA_BY_KEY, level)
    values.update(changes)
    return values


def form_data(values: dict[str, int], **extra: str) -> dict[str, str]:
    data = {"assessed_on": TODAY().isoformat(), "notes": "Seen on a dry day."}
    data.update({f"c_{key}": str(v) for key, v in values.items()})
    data.update(extra)
    return data


def url(name: str, **kwargs) -> str:
    return reverse(f"conservation_admin:{name}", kwargs=kwargs)


# --- Recording assessments --------------------------------------------------------------------


def test_a_new_assessment_supersedes_the_last_and_history_keeps_both(geopark, scientist):
    site = SiteFactory(geopark=geopark)
    first = services.assessment_record(
        site=site, by=scientist, scores=scores(2), assessed_on=dt.date(2025, 1, 5)
    )
    second = services.assessment_record(
        site=site, by=scientist, scores=scores(3), assessed_on=dt.date(2026, 2, 1)
    )
    first.refresh_from_db()
    assert first.superseded_by == second
    assert second.is_current
    assert not first.is_current
    assert (first.scientific, second.scientific) == (200, 300)  # nothing was overwritten
    assert [a.assessed_on for a in selectors.assessment_history(site)] == [
        dt.date(2025, 1, 5),
        dt.date(2026, 2, 1),
    ]
    assert site.assessments.current().get() == second
    assert second.assessor_name == "Sam Trần"


def test_a_late_typed_older_assessment_joins_the_history_without_replacing_the_current(geopark, scientist):
    site = SiteFactory(geopark=geopark)
    current = services.assessment_record(
        site=site, by=scientist, scores=scores(3), assessed_on=dt.date(2026, 2, 1)
    )
    older = services.assessment_record(
        site=site, by=scientist, scores=scores(1), assessed_on=dt.date(2024, 6, 1)
    )
    assert older.superseded_by == current
    assert Assessment.objects.filter(site=site).current().get() == current


def test_an_assessment_dated_in_the_future_or_incomplete_is_refused_and_nothing_is_saved(geopark, scientist):
    site = SiteFactory(geopark=geopark)
    with pytest.raises(ValidationError):
        services.assessment_record(
            site=site, by=scientist, scores=scores(), assessed_on=TODAY() + dt.timedelta(days=1)
        )
    partial = scores()
    del partial["rarity"]
    with pytest.raises(brilha.IncompleteScores):
        services.assessment_record(site=site, by=scientist, scores=partial)
    assert not Assessment.objects.exists()


def test_a_scientist_assesses_a_site_through_the_form_and_it_is_signed(client, geopark, scientist):
    site = SiteFactory(geopark=geopark, name_vi="Hang Gió")
    client.force_login(scientist)
    response = client.post(url("assessment_create", site_id=site.pk), form_data(scores(4, deterioration=1)))
    assert response.status_code == 302
    assessment = Assessment.objects.get(site=site)
    assert assessment.assessor == scientist
    assert assessment.scientific == 400
    assert assessment.degradation_risk == 400 - 35 * 3
    assert assessment.scores["deterioration"] == 1
    assert assessment.notes == "Seen on a dry day."


def test_the_form_shows_criteria_weights_and_the_meaning_of_every_level(client, geopark, scientist):
    site = SiteFactory(geopark=geopark)
    client.force_login(scientist)
    html = client.get(url("assessment_create", site_id=site.pk)).content.decode()
    with translation.override("vi"):
        for criterion in brilha.CRITERIA:
            assert str(criterion.label) in html
            for text in criterion.levels:
                assert str(text).replace("'", "&#x27;") in html
        assert (
            gettext(
                "Degradation risk classes: up to 200 low (a score of exactly 200 counts as low), "
                "201–300 moderate, 301–400 high."
            )
            in html
        )
        abbr = {value: str(text) for value, text in brilha.VALUE_ABBREVIATIONS.items()}
    assert f"{abbr[brilha.Value.SCIENTIFIC]} 30 %" in html
    assert f"{abbr[brilha.Value.DEGRADATION_RISK]} 35 %" in html
    assert f"{abbr[brilha.Value.TOURISTIC]} 15 %" in html


def test_the_form_cannot_save_an_incomplete_assessment_and_says_what_is_missing(client, geopark, scientist):
    site = SiteFactory(geopark=geopark)
    client.force_login(scientist)
    data = form_data(scores())
    del data["c_rarity"], data["c_legal_protection"]
    data["c_integrity"] = "7"
    response = client.post(url("assessment_create", site_id=site.pk), data)
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("vi"):
        for key in ("rarity", "legal_protection"):
            label = brilha.CRITERIA_BY_KEY[key].label
            assert gettext("Choose a score for “%(criterion)s”.") % {"criterion": label} in html
    assert 'id="block-c_integrity"' in html
    assert "gp-criterion--error" in html
    assert not Assessment.objects.exists()


def test_a_future_date_in_the_form_is_an_error_not_a_crash(client, geopark, scientist):
    site = SiteFactory(geopark=geopark)
    client.force_login(scientist)
    tomorrow = (TODAY() + dt.timedelta(days=1)).isoformat()
    response = client.post(
        url("assessment_create", site_id=site.pk), form_data(scores(), assessed_on=tomorrow)
    )
    assert response.status_code == 200
    with translation.override("vi"):
        assert gettext("The date of an assessment cannot be in the future.") in response.content.decode()
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("persona", ["editor", "visitor", "moderator"])
def test_only_scientists_and_administrators_assess(client, geopark, persona, request):
    site = SiteFactory(geopark=geopark)
    client.force_login(request.getfixturevalue(persona))
    for target in (
        url("assessment_create", site_id=site.pk),
        url("assessments"),
        url("monitoring"),
        url("site_file", site_id=site.pk),
        url("dossier", site_id=site.pk),
    ):
        assert client.get(target).status_code in (302, 403), target
    assert client.post(url("assessment_create", site_id=site.pk), form_data(scores())).status_code in (
        302,
        403,
    )
    assert not Assessment.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, geopark):
    site = SiteFactory(geopark=geopark)
    for target in (
        url("assessments"),
        url("assessment_create", site_id=site.pk),
        url("monitoring"),
        url("dossier", site_id=site.pk),
        url("reports"),
    ):
        response = client.get(target)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_an_administrator_can_assess(client, geopark, admin_user):
    site = SiteFactory(geopark=geopark)
    client.force_login(admin_user)
    assert client.post(url("assessment_create", site_id=site.pk), form_data(scores())).status_code == 302
    assert Assessment.objects.get().assessor_name == "alice"


def test_editors_cannot_record_inspections_scientists_can(client, geopark, editor, scientist):
    add = reverse(Inspection.snippet_viewset.get_url_name("add"))
    client.force_login(editor)
    assert client.get(add).status_code in (302, 403)
    client.force_login(scientist)
    response = client.get(add)
    assert response.status_code == 200
    assert 'value="erosion"' in response.content.decode()


# --- Comparison page, exports ----------------------------------------------------------------


@pytest.fixture
def assessed(geopark, scientist):
    a = SiteFactory(geopark=geopark, code="A-1", name_vi="Hang A")
    b = SiteFactory(geopark=geopark, code="B-1", name_vi="=Hang B")  # a name a spreadsheet would run
    c = SiteFactory(geopark=geopark, code="C-1", name_vi="Hang C")
    services.assessment_record(site=a, by=scientist, scores=scores(1, representativeness=4, deterioration=4))
    services.assessment_record(site=b, by=scientist, scores=scores(3))
    return {"a": a, "b": b, "c": c}


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("-scientific", ["B-1", "A-1", "C-1"]),
        ("scientific", ["A-1", "B-1", "C-1"]),
        ("-educational", ["B-1", "A-1", "C-1"]),
        ("touristic", ["A-1", "B-1", "C-1"]),
        ("-degradation_risk", ["B-1", "A-1", "C-1"]),
        ("code", ["A-1", "B-1", "C-1"]),
        ("-code", ["C-1", "B-1", "A-1"]),
        ("name", ["B-1", "A-1", "C-1"]),  # "=Hang B" sorts before letters
        ("date", ["A-1", "B-1", "C-1"]),
        ("nonsense", ["B-1", "A-1", "C-1"]),
    ],
)
def test_the_comparison_table_sorts_on_the_server_by_every_column(client, assessed, scientist, sort, order):
    client.force_login(scientist)
    html = client.get(url("assessments") + f"?sort={sort}").content.decode()
    positions = [html.index(f">{code}</td>") for code in order]
    assert positions == sorted(positions)


def test_the_comparison_page_ranks_each_value_and_draws_a_chart(client, assessed, scientist):
    client.force_login(scientist)
    html = client.get(url("assessments")).content.decode()
    assert "<svg" in html
    assert 'role="img"' in html
    assert "#1</span>" in html
    assert "#2</span>" in html
    rows = {r.site.code: r for r in selectors.assessment_table()}
    assert rows["B-1"].ranks["scientific"] == 1
    assert rows["A-1"].ranks["scientific"] == 2
    # A scores 4 only on representativeness: 30×4 + 70×1 = 190 < B's 300
    assert rows["A-1"].assessment.scientific == 190
    assert rows["C-1"].assessment is None
    assert rows["C-1"].ranks["scientific"] is None


def test_equal_values_share_a_rank(geopark, scientist):
    for code in ("X-1", "X-2", "X-3"):
        site = SiteFactory(geopark=geopark, code=code)
        services.assessment_record(site=site, by=scientist, scores=scores(3 if code != "X-3" else 1))
    ranks = {r.site.code: r.ranks["scientific"] for r in selectors.assessment_table()}
    assert ranks == {"X-1": 1, "X-2": 1, "X-3": 3}


def test_the_comparison_exports_as_csv_with_formulas_defused(client, assessed, scientist):
    client.force_login(scientist)
    response = client.get(url("assessments") + "?sort=code&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][0] == "A-1"
    assert rows[1][4] == "190"
    assert rows[1][5] == "2"
    assert rows[2][1] == "'=Hang B"
    assert rows[3][0] == "C-1"
    assert rows[3][4] == ""


def test_the_comparison_exports_as_xlsx(client, assessed, scientist):
    from openpyxl import load_workbook

    client.force_login(scientist)
    response = client.get(url("assessments") + "?sort=-scientific&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "B-1"
    assert sheet["E2"].value == 300
    assert sheet.max_row == 4


def test_the_comparison_page_costs_the_same_queries_for_few_or_many_sites(
    client, assessed, scientist, geopark
):
    client.force_login(scientist)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("assessments")).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for _ in range(15):
        site = SiteFactory(geopark=geopark)
        services.assessment_record(site=site, by=scientist, scores=scores(2))
        services.assessment_record(site=site, by=scientist, scores=scores(3))
    assert count() == few


# --- Monitoring -------------------------------------------------------------------------------


def test_the_next_inspection_follows_the_latest_risk_class(geopark, scientist):
    today = TODAY()
    high = SiteFactory(geopark=geopark, code="H")
    low = SiteFactory(geopark=geopark, code="L")
    SiteFactory(geopark=geopark, code="N")
    services.assessment_record(site=high, by=scientist, scores=scores(4))  # DR 400: high
    services.assessment_record(site=low, by=scientist, scores=scores(1))  # DR 100: low
    for site in (high, low):
        services.inspection_record(
            site=site, by=scientist, condition="good", inspected_on=today - dt.timedelta(days=100)
        )
    rows = {r.site.code: r for r in selectors.inspection_schedule(today=today)}
    assert rows["H"].interval_days == 90
    assert rows["H"].is_overdue
    assert rows["H"].days_overdue == 10
    assert rows["L"].interval_days == 365
    assert not rows["L"].is_overdue
    assert rows["N"].due_on is None
    assert rows["N"].is_overdue
    overdue = [r.site.code for r in selectors.overdue_inspections(today=today)]
    assert overdue == ["H", "N"]


def test_the_monitoring_page_lists_overdue_sites_and_open_actions_overdue_highlighted(
    client, geopark, scientist
):
    today = TODAY()
    site = SiteFactory(geopark=geopark, name_vi="Hang Quá Hạn")
    inspection = services.inspection_record(
        site=site,
        by=scientist,
        condition="minor",
        threats=["litter"],
        inspected_on=today - dt.timedelta(days=400),
    )
    late = services.follow_up_create(
        site=site,
        by=scientist,
        inspection=inspection,
        description="Pick up litter",
        due_on=today - dt.timedelta(days=3),
        owner_name="Commune officer",
    )
    services.follow_up_create(
        site=site,
        by=scientist,
        inspection=inspection,
        description="Repaint the sign",
        due_on=today + dt.timedelta(days=30),
        owner=scientist,
    )
    client.force_login(scientist)
    html = client.get(url("monitoring")).content.decode()
    assert "Hang Quá Hạn" in html
    assert "Pick up litter" in html
    assert "Repaint the sign" in html
    late_row = html[html.index("Pick up litter") - 400 : html.index("Pick up litter")]
    assert 'class="gp-overdue"' in late_row
    on_time_row = html[html.index("Repaint the sign") - 300 : html.index("Repaint the sign")]
    assert "gp-overdue" not in on_time_row
    response = client.post(url("follow_up_done", pk=late.pk))
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.status == "done"
    assert late.done_at is not None


def test_the_monitoring_page_costs_the_same_queries_for_few_or_many_sites(client, geopark, scientist):
    client.force_login(scientist)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("monitoring")).status_code == 200
        return len(ctx.captured_queries)

    SiteFactory(geopark=geopark)
    few = count()
    for i in range(12):
        site = SiteFactory(geopark=geopark)
        services.assessment_record(site=site, by=scientist, scores=scores(i % 5))
        inspection = services.inspection_record(
            site=site, by=scientist, condition="good", inspected_on=TODAY() - dt.timedelta(days=400)
        )
        services.follow_up_create(
            site=site, by=scientist, inspection=inspection, description="Fix", due_on=TODAY(), owner=scientist
        )
    assert count() == few


def test_a_follow_up_needs_an_owner_and_an_origin_of_the_same_site(geopark, scientist):
    site, other = SiteFactory(geopark=geopark), SiteFactory(geopark=geopark)
    inspection = services.inspection_record(site=other, by=scientist, condition="good")
    with pytest.raises(ValidationError) as info:
        services.follow_up_create(
            site=site, by=scientist, inspection=inspection, description="x", due_on=TODAY()
        )
    assert {"site", "owner_name"} <= set(info.value.message_dict)
    with pytest.raises(ValidationError):
        services.follow_up_create(site=site, by=scientist, description="x", due_on=TODAY(), owner=scientist)
    assert not FollowUpAction.objects.exists()


def test_an_inspection_refuses_unknown_threats_and_future_dates(geopark, scientist):
    site = SiteFactory(geopark=geopark)
    with pytest.raises(ValidationError):
        services.inspection_record(site=site, by=scientist, condition="good", threats=["dragons"])
    with pytest.raises(ValidationError):
        services.inspection_record(
            site=site, by=scientist, condition="good", inspected_on=TODAY() + dt.timedelta(days=2)
        )
    with pytest.raises(ValidationError):
        services.inspection_record(site=site, by=scientist, condition="fine")
    assert not Inspection.objects.exists()


def test_the_site_record_shows_score_history_and_condition_trend(client, geopark, scientist):
    site = SiteFactory(geopark=geopark)
    services.assessment_record(site=site, by=scientist, scores=scores(1), assessed_on=dt.date(2025, 3, 1))
    services.assessment_record(site=site, by=scientist, scores=scores(3), assessed_on=dt.date(2026, 3, 1))
    for day, condition in ((dt.date(2025, 4, 1), "good"), (dt.date(2026, 4, 1), "severe")):
        services.inspection_record(site=site, by=scientist, condition=condition, inspected_on=day)
    HazardNoticeFactory(site=site)
    client.force_login(scientist)
    html = client.get(url("site_file", site_id=site.pk)).content.decode()
    assert html.count("<svg") >= 2  # the score history chart and the condition sparkline
    assert "<polyline" in html
    assert "<path" in html
    assert html.index("2026") < html.index("2025")  # newest first in the tables
    assert ">300<" in html
    assert ">100<" in html


# --- The dossier --------------------------------------------------------------------------------


def test_the_dossier_is_a_pdf_with_the_sites_name_scores_and_hazards(client, geopark, scientist):
    from pypdf import PdfReader

    site = SiteFactory(
        geopark=geopark,
        name_vi="Hang Nà Lả",
        name_en="Nà Lả Cave",
        code="LSG-X-20",
        description_vi="Hang có suối ngầm.",
    )
    services.assessment_record(
        site=site, by=scientist, scores=scores(2, deterioration=4), assessed_on=dt.date(2025, 1, 1)
    )
    services.assessment_record(site=site, by=scientist, scores=scores(3, deterioration=4))
    services.inspection_record(site=site, by=scientist, condition="minor", threats=["flooding"])
    HazardNoticeFactory(site=site, kind="flooding_season", severity="danger", text_vi="Hang ngập vào mùa hè.")
    client.force_login(scientist)
    response = client.get(url("dossier", site_id=site.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("Hang Nà Lả", "Nà Lả Cave", "LSG-X-20", "Hang ngập vào mùa hè", "Hang có suối ngầm"):
        assert expected in text, expected
    current = site.current_assessment
    assert str(current.scientific) in text
    assert str(current.degradation_risk) in text


@pytest.mark.parametrize(
    ("lang", "commune", "former"),
    [
        ("vi", "Xã Hữu Liên", "Xã Yên Thịnh, Huyện Hữu Lũng"),
        (
            "en",
            "Hữu Liên Commune (Xã Hữu Liên)",
            "Yên Thịnh Commune, Hữu Lũng District (Xã Yên Thịnh, Huyện Hữu Lũng)",
        ),
    ],
)
def test_the_dossier_names_communes_in_the_admins_language_with_the_official_name(
    geopark, lang, commune, former
):
    """An official document: in Vietnamese the unit list's names; in English the reader's words,
    with the official name beside them for matching with other records."""
    from django.template.loader import render_to_string

    from geopark.conservation.dossier import dossier_context
    from geopark.territory.tests.factories import CommuneFactory, FormerCommuneFactory

    huu_lien = CommuneFactory(short_name="Hữu Liên", name="Xã Hữu Liên")
    yen_thinh = FormerCommuneFactory(
        short_name="Yên Thịnh", name="Xã Yên Thịnh", district_name="Huyện Hữu Lũng", current=huu_lien
    )
    site = SiteFactory(geopark=geopark, commune=huu_lien, former_commune=yen_thinh)
    with translation.override(lang):  # the admin's language, as its middleware activates it
        html = render_to_string("conservation/admin/dossier.html", dossier_context(site))
    assert f"<dd>{commune}</dd>" in html
    assert f"<dd>{former}</dd>" in html


def test_the_dossier_of_an_unknown_site_is_a_404(client, db, scientist):
    client.force_login(scientist)
    assert client.get(url("dossier", site_id=999999)).status_code == 404


# --- The open API -----------------------------------------------------------------------------


def test_assessments_api_lists_latest_scores_at_a_constant_cost(client, geopark, scientist, uncached):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/assessments?lang=en").status_code == 200
        return len(ctx.captured_queries)

    first = SiteFactory(geopark=geopark, slug="first", name_en="First Cave")
    services.assessment_record(
        site=first,
        by=scientist,
        scores=dict.fromkeys(brilha.CRITERIA_BY_KEY, 1),
        assessed_on=dt.date(2025, 5, 1),
    )
    services.assessment_record(site=first, by=scientist, scores=dict.fromkeys(brilha.CRITERIA_BY_KEY, 2))
    SiteFactory(geopark=geopark, slug="never")  # not assessed: not listed
    draft = SiteFactory(geopark=geopark, live=False)
    services.assessment_record(site=draft, by=scientist, scores=dict.fromkeys(brilha.CRITERIA_BY_KEY, 2))
    data = client.get("/api/v1/assessments?lang=en").json()
    assert [row["slug"] for row in data] == ["first"]
    assert data[0]["name"] == "First Cave"
    assert data[0]["scientific"] == 200
    assert data[0]["risk_class"] == "low"
    few = count()
    for _ in range(12):
        services.assessment_record(
            site=SiteFactory(geopark=geopark), by=scientist, scores=dict.fromkeys(brilha.CRITERIA_BY_KEY, 4)
        )
    assert count() == few
    assert client.get("/api/v1/assessments?lang=fr").status_code == 422


# --- Every staff page in every language -------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en", "zh"])
def test_staff_pages_render_in_every_language(client, geopark, scientist, moderator, lang):
    from wagtail.users.models import UserProfile

    from geopark.conservation.tests.factories import VisitorReportFactory

    site = SiteFactory(geopark=geopark)
    services.assessment_record(site=site, by=scientist, scores=scores(2))
    services.inspection_record(site=site, by=scientist, condition="good")
    report = VisitorReportFactory(site=site)
    for user, targets in (
        (
            scientist,
            [
                url("assessments"),
                url("assessment_create", site_id=site.pk),
                url("site_file", site_id=site.pk),
                url("monitoring"),
            ],
        ),
        (moderator, [url("reports"), url("report_detail", pk=report.pk)]),
    ):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = lang
        profile.save()
        client.force_login(user)
        for target in targets:
            response = client.get(target)
            assert response.status_code == 200, (target, lang)


def test_a_scientist_records_an_inspection_in_the_admin_and_cannot_overwrite_it(client, geopark, scientist):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    site = SiteFactory(geopark=geopark)
    client.force_login(scientist)
    add = reverse(Inspection.snippet_viewset.get_url_name("add"))
    assert f'value="{scientist.pk}" selected' in client.get(add + f"?site={site.pk}").content.decode()
    data = nested_form_data(
        {
            "site": site.pk,
            "inspected_on": TODAY().isoformat(),
            "inspector": scientist.pk,
            "condition": "severe",
            "notes": "New quarry road.",
            "photos": inline_formset([]),
        }
    )
    data["threats"] = ["quarrying", "construction"]  # a multiple choice: one value per box ticked
    response = client.post(add, data)
    assert response.status_code == 302, response.content[:3000]
    inspection = Inspection.objects.get()
    assert inspection.threats == ["quarrying", "construction"]
    assert inspection.inspector == scientist
    edit = reverse(Inspection.snippet_viewset.get_url_name("edit"), args=[inspection.pk])
    assert client.post(edit, {**data, "condition": "good"}).status_code in (302, 403)
    inspection.refresh_from_db()
    assert inspection.condition == "severe"


def test_the_follow_up_list_in_the_admin_works_for_scientists(client, geopark, scientist):
    site = SiteFactory(geopark=geopark)
    inspection = services.inspection_record(site=site, by=scientist, condition="minor")
    services.follow_up_create(
        site=site,
        by=scientist,
        inspection=inspection,
        description="Fence the edge",
        due_on=TODAY(),
        owner_name="Ranger",
    )
    client.force_login(scientist)
    html = client.get(reverse(FollowUpAction.snippet_viewset.get_url_name("list"))).content.decode()
    assert "Fence the edge" in html
    assert "Ranger" in html
