"""The assessment and monitoring tables a page at a time: order across pages, constant cost, junk
page numbers, exports of every site."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from geopark.conservation import assessment as brilha
from geopark.conservation import selectors, services
from geopark.conservation.admin_views import PAGE_PARAM, PAGE_SIZE
from geopark.conservation.models import Assessment
from geopark.heritage.models import Site
from geopark.heritage.tests.factories import SiteFactory
from geopark.territory.tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
# More sites than a page holds, so that the second page has rows too.
MORE_THAN_A_PAGE = PAGE_SIZE + 20
JUNK_PAGE_NUMBERS = ["abc", "", "99999", "0", "-3"]
JUNK_FOR_THE_FIRST_PAGE = ("abc", "")


def scores(level: int = 2, **changes: int) -> dict[str, int]:
    values = dict.fromkeys(brilha.CRITERIA_BY_KEY, level)
    values.update(changes)
    return values


def url(name: str) -> str:
    return reverse(f"conservation_admin:{name}")


def table_of(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start : html.index("</table>", start)]


def assessment_codes(html: str) -> list[str]:
    """The site codes of the comparison table, top to bottom (the first cell of each row)."""
    return re.findall(r'<tr>\s*<td class="gp-nowrap">([^<]+)</td>', table_of(html, "assessment-table"))


def overdue_codes(html: str) -> list[str]:
    return re.findall(r'<span class="gp-muted gp-nowrap">([^<]+)</span>', table_of(html, "overdue-table"))


def codes_on_junk_page(client, target: str, number: str, codes_of) -> list[str]:
    """The codes listed when the page number is junk: never an error page."""
    response = client.get(target + ("&" if "?" in target else "?") + f"{PAGE_PARAM}={number}")
    assert response.status_code == 200
    return codes_of(response.content.decode())


def expected_on_junk_page(rows: list[str], number: str) -> list[str]:
    # Not a number: the first page; out of range: the last (as Django's `Paginator.get_page` does).
    return rows[:PAGE_SIZE] if number in JUNK_FOR_THE_FIRST_PAGE else rows[PAGE_SIZE:]


def query_count(client, target: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(target).status_code == 200
    return len(ctx.captured_queries)


def unassessed_sites(geopark, count: int, *, first: int = 0) -> list[Site]:
    """Sites U-0000… whose names run the other way (and alternate in case), so that no sort by name
    can pass by following the codes, nor by comparing letters case by case."""
    commune = CommuneFactory()
    return [
        SiteFactory(
            geopark=geopark,
            commune=commune,
            code=f"U-{i:04d}",
            name_vi=f"{'hang' if i % 2 else 'Hang'} {9999 - i:04d}",
        )
        for i in range(first, first + count)
    ]


# --- The comparison table -----------------------------------------------------------------------


@pytest.fixture
def inventory(geopark, scientist) -> list[Site]:
    """Three assessed sites, whose codes sort after all the others, and more unassessed ones than a
    page holds."""
    assessed = [
        (SiteFactory(geopark=geopark, code="Z-1", name_vi="Động Tam Thanh"), scores(1)),  # scientific 100
        (SiteFactory(geopark=geopark, code="Y-1", name_vi="Hang Gió"), scores(3)),  # 300
        (SiteFactory(geopark=geopark, code="X-1", name_vi="Núi Tô Thị"), scores(2, rarity=4)),  # 260
    ]
    for site, values in assessed:
        services.assessment_record(site=site, by=scientist, scores=values)
    return [site for site, _ in assessed] + unassessed_sites(geopark, MORE_THAN_A_PAGE - len(assessed))


def expected_order(sites: list[Site], sort: str) -> list[str]:
    """The documented order, worked out here without the selectors: code and name sorts mix all
    sites; value and date sorts put assessed sites first by that value (then code), then the rest
    by code."""
    key, descending = sort.lstrip("-"), sort.startswith("-")
    if key == "code":
        return sorted((s.code for s in sites), reverse=descending)
    if key == "name":
        return [
            s.code for s in sorted(sites, key=lambda s: (s.name_vi.casefold(), s.code), reverse=descending)
        ]
    current = {a.site_id: a for a in Assessment.objects.current()}
    attr = "assessed_on" if key == "date" else key
    assessed = sorted(
        (s for s in sites if s.pk in current),
        key=lambda s: (getattr(current[s.pk], attr), s.code),
        reverse=descending,
    )
    rest = sorted(s.code for s in sites if s.pk not in current)
    return [s.code for s in assessed] + rest


@pytest.mark.parametrize("sort", ["-scientific", "touristic", "date", "code", "-code", "name", "-name"])
def test_the_comparison_table_shows_a_page_of_rows_at_a_time_in_the_sorted_order(
    client, inventory, scientist, sort
):
    client.force_login(scientist)
    expected = expected_order(inventory, sort)
    first = client.get(url("assessments") + f"?sort={sort}").content.decode()
    second = client.get(url("assessments") + f"?sort={sort}&{PAGE_PARAM}=2").content.decode()
    assert assessment_codes(first) == expected[:PAGE_SIZE]
    assert assessment_codes(second) == expected[PAGE_SIZE:]
    assert len(assessment_codes(second)) == MORE_THAN_A_PAGE - PAGE_SIZE


def test_a_page_sorted_by_vietnamese_name_is_read_from_the_name_index_not_sorted_whole(inventory):
    # Sorting every site for each page took 4 ms with ten thousand of them. PostgreSQL chooses by
    # the table's size (a sequential scan for these few), so only SQLite's plan is fixed here.
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's plan: PostgreSQL's depends on the table's size")
    with translation.override("vi"), CaptureQueriesContext(connection) as ctx:
        rows = selectors.AssessmentTable(sort="name")[PAGE_SIZE : 2 * PAGE_SIZE]
    assert [r.site.code for r in rows] == expected_order(inventory, "name")[PAGE_SIZE:]
    (page_query,) = [q["sql"] for q in ctx.captured_queries if "LOWER(" in q["sql"] and "LIMIT" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + page_query)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any("USING INDEX site_name_vi_order" in step for step in plan), plan
    # The page's keys come in index order; only the page's own 20 rows are sorted again.
    assert sum("TEMP B-TREE" in step for step in plan) == 1, plan


def test_assessed_sites_keep_their_scores_and_ranks_on_a_later_page(client, inventory, scientist):
    client.force_login(scientist)
    html = client.get(url("assessments") + f"?sort=code&{PAGE_PARAM}=2").content.decode()
    row = table_of(html, "assessment-table").split(">Y-1</td>")[1].split("</tr>")[0]
    assert '300<span class="gp-rank">#1</span>' in row
    assert "#2</span>" in table_of(html, "assessment-table").split(">X-1</td>")[1].split("</tr>")[0]


def test_the_chart_draws_every_assessed_site_whatever_the_page(client, inventory, scientist):
    client.force_login(scientist)
    # Sorted by code, the assessed sites are all on the last page; the chart above the table still
    # draws them on the first.
    html = client.get(url("assessments") + "?sort=code").content.decode()
    chart = html[html.index('<figure class="gp-chart"') : html.index("</figure>")]
    for name in ("Động Tam Thanh", "Hang Gió", "Núi Tô Thị"):
        assert name in chart
    assert not {"X-1", "Y-1", "Z-1"} & set(assessment_codes(html))


def test_page_links_keep_the_sort_and_a_new_sort_starts_at_the_first_page(client, inventory, scientist):
    client.force_login(scientist)
    html = client.get(url("assessments") + f"?sort=date&{PAGE_PARAM}=2").content.decode()
    assert f'href="?sort=date&amp;{PAGE_PARAM}=1"' in html
    headers = re.findall(r'<th scope="col"[^>]*><a href="([^"]+)"', html)
    assert headers
    assert all(href.startswith("?sort=") and f"{PAGE_PARAM}=" not in href for href in headers)
    with translation.override("vi"):  # the staff's language here
        assert gettext("%(total)s in the inventory") % {"total": MORE_THAN_A_PAGE} in html


def test_the_comparison_page_costs_the_same_queries_for_5_or_150_sites_and_on_any_page(
    client, geopark, scientist
):
    client.force_login(scientist)
    for code, level in (("A-1", 2), ("A-2", 3)):
        services.assessment_record(
            site=SiteFactory(geopark=geopark, code=code), by=scientist, scores=scores(level)
        )
    unassessed_sites(geopark, 3)
    for sort in ("-scientific", "code", "name"):
        target = url("assessments") + f"?sort={sort}"
        few = query_count(client, target)
        if sort == "-scientific":
            unassessed_sites(geopark, 145, first=3)
        assert query_count(client, target) == few, sort
        assert query_count(client, target + f"&{PAGE_PARAM}=2") == few, sort


@pytest.mark.parametrize("number", JUNK_PAGE_NUMBERS)
def test_a_junk_page_number_on_the_comparison_page_is_a_page_not_an_error(
    client, inventory, scientist, number
):
    client.force_login(scientist)
    codes = codes_on_junk_page(client, url("assessments") + "?sort=code", number, assessment_codes)
    assert codes == expected_on_junk_page(expected_order(inventory, "code"), number)


@pytest.mark.parametrize("sort", ["-scientific", "name"])
def test_the_csv_export_holds_every_site_whatever_the_page(client, inventory, scientist, sort):
    client.force_login(scientist)
    response = client.get(url("assessments") + f"?sort={sort}&format=csv&{PAGE_PARAM}=2")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == expected_order(inventory, sort)


def test_the_xlsx_export_holds_every_site(client, inventory, scientist):
    from openpyxl import load_workbook

    client.force_login(scientist)
    response = client.get(url("assessments") + "?sort=-scientific&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == MORE_THAN_A_PAGE + 1
    assert [cell.value for cell in sheet["A"][1:]] == expected_order(inventory, "-scientific")


def test_a_small_inventory_has_no_pagination_bar(client, geopark, scientist):
    unassessed_sites(geopark, 3)
    client.force_login(scientist)
    for target in (url("assessments"), url("monitoring")):
        assert 'class="pagination"' not in client.get(target).content.decode()


def test_reading_the_table_a_page_at_a_time_gives_the_whole_table(inventory):
    for sort in ("-degradation_risk", "-name", "code"):
        table = selectors.AssessmentTable(sort=sort)
        paged = [row for start in range(0, len(table), 7) for row in table[start : start + 7]]
        whole = selectors.assessment_table(sort=sort)
        assert [(r.site.code, r.ranks) for r in paged] == [(r.site.code, r.ranks) for r in whole]
        assert [r.site.code for r in whole] == expected_order(inventory, sort)
        assert table[0].site.code == whole[0].site.code
        assert table[-1].site.code == whole[-1].site.code


# --- Monitoring -----------------------------------------------------------------------------------


@pytest.fixture
def due(geopark, scientist) -> list[str]:
    """Sites of every kind the overdue list orders, with codes that sort against that order, and
    more never-inspected unassessed sites than a page holds. Returns the documented order."""
    today = TODAY()

    def site(code: str, *, level: int | None = None, inspected_days_ago: int | None = None) -> Site:
        s = SiteFactory(geopark=geopark, code=code)
        if level is not None:
            services.assessment_record(site=s, by=scientist, scores=scores(level))
        if inspected_days_ago is not None:
            services.inspection_record(
                site=s,
                by=scientist,
                condition="minor",
                inspected_on=today - dt.timedelta(days=inspected_days_ago),
            )
        return s

    site("Z-1", inspected_days_ago=500)  # not assessed: due every 365 days, so 135 days late
    site("Y-1", level=4, inspected_days_ago=100)  # high risk: every 90 days, 10 days late
    site("A-0", level=1, inspected_days_ago=10)  # low risk, inspected lately: not due
    site("W-1", level=1)  # never inspected, low risk
    site("X-1", level=4)  # never inspected, high risk
    rest = unassessed_sites(geopark, MORE_THAN_A_PAGE - 4)
    return ["Z-1", "Y-1", "X-1", "W-1"] + [s.code for s in rest]


def test_the_overdue_list_shows_a_page_of_rows_at_a_time_in_the_documented_order(client, due, scientist):
    client.force_login(scientist)
    first = client.get(url("monitoring")).content.decode()
    second = client.get(url("monitoring") + f"?{PAGE_PARAM}=2").content.decode()
    assert overdue_codes(first) == due[:PAGE_SIZE]
    assert overdue_codes(second) == due[PAGE_SIZE:]
    assert len(overdue_codes(second)) == MORE_THAN_A_PAGE - PAGE_SIZE
    assert f"({MORE_THAN_A_PAGE})" in first  # the heading counts every overdue site, not the page's
    with translation.override("vi"):
        late_by = ngettext("%(counter)s day", "%(counter)s days", 10) % {"counter": 10}
    assert late_by in first.split(">Y-1<")[1].split("</tr>")[0]


def test_reading_the_overdue_list_a_page_at_a_time_gives_the_whole_list(due):
    rows = selectors.OverdueInspections(today=TODAY())
    paged = [row for start in range(0, len(rows), 9) for row in rows[start : start + 9]]
    whole = selectors.overdue_inspections(today=TODAY())
    assert [r.site.code for r in paged] == [r.site.code for r in whole] == due
    assert [(r.due_on, r.risk_class, r.last_condition) for r in paged[:4]] == [
        (TODAY() - dt.timedelta(days=135), None, "minor"),
        (TODAY() - dt.timedelta(days=10), "high", "minor"),
        (None, "high", None),
        (None, "low", None),
    ]


def test_the_monitoring_page_costs_the_same_queries_for_5_or_150_sites_and_on_any_page(
    client, geopark, scientist
):
    client.force_login(scientist)
    late = SiteFactory(geopark=geopark, code="L-1")
    services.inspection_record(
        site=late, by=scientist, condition="good", inspected_on=TODAY() - dt.timedelta(days=400)
    )
    services.assessment_record(site=SiteFactory(geopark=geopark, code="N-1"), by=scientist, scores=scores(3))
    unassessed_sites(geopark, 3)
    few = query_count(client, url("monitoring"))
    unassessed_sites(geopark, 145, first=3)
    assert query_count(client, url("monitoring")) == few
    assert query_count(client, url("monitoring") + f"?{PAGE_PARAM}=2") == few


@pytest.mark.parametrize("number", JUNK_PAGE_NUMBERS)
def test_a_junk_page_number_on_the_monitoring_page_is_a_page_not_an_error(client, due, scientist, number):
    client.force_login(scientist)
    assert codes_on_junk_page(client, url("monitoring"), number, overdue_codes) == expected_on_junk_page(
        due, number
    )
