"""A plan's public page fits the screen, on a phone and on a laptop, in every language: its targets
(some twelve-digit VND amounts) and its task table with long agency names never push the page
sideways."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(transactional_db):
    from geopark.plans.tests.factories import (
        AgencyFactory,
        PlanFactory,
        SectionFactory,
        TargetFactory,
        TaskFactory,
    )

    plan = PlanFactory(progress_public=False)
    TargetFactory(
        plan=plan,
        key="revenue",
        label_vi="Tổng thu từ khách du lịch",
        label_en="Tourism revenue",
        value=Decimal(5_000_000_000_000),
        unit_vi="đồng",
        unit_en="VND",
        approximate=True,
    )
    section = SectionFactory(
        plan=plan,
        title_vi="Nâng cao nhận thức về phát triển du lịch",
        title_en="Raising awareness of tourism development",
    )
    agency = AgencyFactory(
        name_vi="Sở Văn hóa, Thể thao và Du lịch", name_en="Department of Culture, Sports and Tourism"
    )
    for n in range(4):
        TaskFactory(
            section=section,
            number=f"III.1.1-{n}",
            title_en="Inspect the quality of tourist areas, attractions and tourism businesses",
            lead=agency,
            target_value=Decimal(2),
            target_unit_en="inspections",
        )
    return plan


def test_the_plan_page_is_no_wider_than_a_phone_or_a_laptop(browser, live_server, plan):
    too_wide = {}
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for lang in ("vi", "en", "zh"):
            response = page.goto(f"{live_server.url}/{lang}/plans/{plan.slug}/")
            assert response.status == 200
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[(lang, width)] = scroll_width
        context.close()
    assert too_wide == {}
