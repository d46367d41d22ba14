"""The events calendar in a real browser: the month on a phone and on a desktop, without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js_phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_on_a_phone_the_month_is_a_list_of_days_and_months_turn_without_javascript(
    no_js_phone, live_server, langson
):
    page = no_js_phone
    page.goto(f"{live_server.url}/en/events/month/?month=2026-03")
    assert page.locator("table.cal").is_hidden()
    days = page.locator(".cal-list__date")
    assert days.count() >= 4
    assert "10 March 2026" in days.all_inner_texts()
    assert page.get_by_role("heading", name="Kỳ Cùng – Tả Phủ Temple Festival 2026").first.is_visible()
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="April 2026 →").click()
    page.wait_for_url("**/en/events/month/?month=2026-04")
    assert page.locator("h2#month-title").inner_text() == "April 2026"


def test_on_a_desktop_the_month_is_a_grid_with_events_on_their_days(page, live_server, langson):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/vi/events/month/?month=2026-03")
    assert page.locator(".cal-list").is_hidden()
    grid = page.locator("table.cal")
    assert grid.is_visible()
    assert grid.locator("thead th").count() == 7
    festival = grid.locator("td", has=page.locator("time[datetime='2026-03-12']"))
    assert "Lễ hội đền Kỳ Cùng – đền Tả Phủ 2026" in festival.inner_text()
    festival.get_by_role("link").first.click()
    page.wait_for_url("**/vi/events/le-hoi-den-ky-cung-ta-phu-2026/")
    assert page.locator("a[href='/vi/events/le-hoi-den-ky-cung-ta-phu-2026.ics']").count() == 1
