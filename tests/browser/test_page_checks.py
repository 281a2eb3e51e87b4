"""check_page is what every journey leans on, so it must itself fail on the problems it promises to catch."""

from __future__ import annotations

import pytest

GOOD_PAGE = """<!doctype html><html lang="en-GB"><head><title>A good page</title></head><body>
<a href="#main">Skip to main content</a>
<main id="main" tabindex="-1"><h1>A good page</h1>
<form><label for="name">Your name</label><input id="name" name="name">
<label>Your town <input name="town"></label><button type="submit">Save</button></form></main></body></html>"""

BROKEN = {
    "a placeholder is not a label": (
        '<label for="name">Your name</label><input id="name" name="name">',
        '<input id="name" name="name" placeholder="Your name">',
        "form control without a visible label",
    ),
    "an aria-label is not a visible label": (
        '<label for="name">Your name</label><input id="name" name="name">',
        '<input id="name" name="name" aria-label="Your name">',
        "form control without a visible label",
    ),
    "a visually hidden label is not a visible label": (
        '<label for="name">Your name</label>',
        '<label for="name" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">'
        "Your name</label>",
        "form control without a visible label",
    ),
    "two main headings": ("<h1>A good page</h1>", "<h1>A good page</h1><h1>Another</h1>", "exactly one <h1>"),
    "no skip link": ('<a href="#main">Skip to main content</a>', "", "skip link to #main"),
    "no main landmark": ('<main id="main" tabindex="-1">', '<div id="main" tabindex="-1">', "exactly one <main>"),
}


def test_a_good_page_passes_the_checks(page, check_page):
    page.set_content(GOOD_PAGE)
    check_page(page)


@pytest.mark.parametrize("problem", BROKEN)
def test_the_checks_catch_a_page_with(page, check_page, problem):
    good, bad, message = BROKEN[problem]
    assert good in GOOD_PAGE
    page.set_content(GOOD_PAGE.replace(good, bad))
    with pytest.raises(AssertionError, match=message):
        check_page(page)


def test_the_checks_run_axe_and_fail_on_a_serious_problem(page, check_page, axe_source):
    if axe_source is None:
        pytest.skip("axe-core is not installed (npm ci); see the summary at the end of the run")
    page.set_content(GOOD_PAGE.replace("<h1>A good page</h1>",
                                       '<h1>A good page</h1><p style="color:#bbb;background:#fff">Faint text</p>'))
    with pytest.raises(AssertionError, match=r"\[serious\] color-contrast"):
        check_page(page)


def test_our_content_security_policy_stays_enforced_in_the_browser_tests(page, visit):
    """axe is injected through the DevTools protocol, so the tests never need to switch the CSP off."""
    visit(page, "/")
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.inlineScriptRan = true")
    assert page.evaluate("() => window.inlineScriptRan === undefined")
    blocked = [error for error in page.storybank_watch.errors if "Content Security Policy" in error]
    assert blocked, "the browser should have reported the blocked inline script"
    page.storybank_watch.errors.clear()
