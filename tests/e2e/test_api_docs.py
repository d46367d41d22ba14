"""The API's documentation page works under the production CSP, from the site's own files."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_the_api_docs_render_every_operation_with_no_csp_violation_and_nothing_from_elsewhere(
    page, live_server, settings
):
    assert "'unsafe-inline'" not in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
    own = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def only_this_site(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_site)
    problems: list[str] = []
    # Every console message that is not plain logging: Chromium reports a header it cannot parse
    # (an unknown Permissions-Policy feature) as a warning, and Lighthouse counts it against us.
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    response = page.goto(f"{live_server.url}/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".opblock-summary-path", has_text="/api/v1/sites").first.wait_for(timeout=20_000)
    assert page.locator(".opblock").count() >= 10
    assert page.evaluate("window.__cspViolations") == []
    assert problems == []
    assert elsewhere == []
