"""The phone menu in a real browser: one button opens and closes it, with and without JavaScript,
from the keyboard, and it leads to About and Contact."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def home(transactional_db):
    from geopark.content.services import ensure_home_pages
    from geopark.territory.tests.factories import GeoparkFactory

    ensure_home_pages(GeoparkFactory())


def test_the_phone_menu_opens_from_its_button_with_and_without_javascript(browser, live_server, home):
    for javascript in (False, True):
        context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(f"{live_server.url}/en/")
        button = page.locator("summary.phone-menu__button")
        about = page.locator(".main-nav--phone").get_by_role("link", name="About")
        assert page.locator(".site-header__bar").is_hidden()
        assert about.is_hidden()

        button.focus()
        page.keyboard.press("Enter")
        assert about.is_visible(), javascript
        assert page.locator(".main-nav--phone").get_by_role("link", name="Contact").is_visible()
        # The button says it is expanded (a <details> summary exposes its state natively).
        assert page.locator("details.phone-menu").get_attribute("open") is not None
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        page.keyboard.press("Escape" if javascript else "Enter")
        assert about.is_hidden(), javascript
        if javascript:
            assert page.evaluate("document.activeElement.matches('summary.phone-menu__button')")
        context.close()
