"""Real-browser tests: Playwright drives Debian's Chromium against a live StoryBank on a loopback port.

The convention every journey in this folder follows:

- Go to a page with ``visit(page, "/path")``; it loads the page and checks it with ``check_page``.
- After anything else that loads a new page (submitting a form, following a link, pressing Enter on a
  button) wait for it with ``submit(page, lambda: ...)`` or call ``check_page(page)`` yourself.
- ``check_page`` runs axe-core (fails on "serious" and "critical" problems) and our own checks: every visible
  form control has a visible label, there is exactly one <h1>, a skip link to #main and one <main>.
- The ``page`` fixture counts the documents it loads. A test that loads a page it never checked fails at
  teardown, so a new journey cannot forget the checks. It also fails on any console error or script error,
  which is how a Content-Security-Policy violation on our own pages shows up.

These tests run only on SQLite: one fresh, migrated SQLite file for the whole session, served by a real
werkzeug server in a thread. They never use the parametrised ``app``/``client`` fixtures from
tests/conftest.py (function-scoped, and run on every database backend).

Our CSP forbids inline script and the tests keep it enforced (``bypass_csp=False``). axe-core is injected
with ``page.evaluate``, which goes through the DevTools protocol and is not subject to the page's CSP.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask_migrate import upgrade
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from storybank import create_app
from storybank.extensions import db, limiter

ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = Path(__file__).resolve().parent
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
NO_CHROMIUM = "No Chromium found: install Debian's chromium or set STORYBANK_CHROMIUM"
NO_AXE = (f"axe-core not found at {AXE_PATH.relative_to(ROOT)}: the axe accessibility rules were NOT checked "
          "in the browser tests (our own checks still ran). Run `npm ci` (or `make test`) to install it.")


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def find_chromium() -> str | None:
    configured = os.environ.get("STORYBANK_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if config.stash.get(_axe_missing_key, False):
        terminalreporter.write_sep("=", "browser accessibility checks", yellow=True)
        terminalreporter.write_line(NO_AXE, yellow=True)


_axe_missing_key = pytest.StashKey[bool]()


@dataclass
class LiveServer:
    url: str
    app: Flask


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    """A migrated StoryBank on a fresh SQLite file, served for real on a free loopback port."""
    folder = tmp_path_factory.mktemp("browser")
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "browser-test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'storybank-browser.sqlite'}",
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": None,
    })
    with app.app_context():
        upgrade()
    with serve(app) as url:
        yield LiveServer(url=url, app=app)


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve ``app`` for real on a free loopback port until the block ends; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="storybank-live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if in_ci():
            pytest.fail(f"CI=true and the browser tests cannot run. {NO_CHROMIUM}.")
        pytest.skip(NO_CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source(request) -> str | None:
    if AXE_PATH.exists():
        return AXE_PATH.read_text(encoding="utf-8")
    if in_ci():
        pytest.fail(f"CI=true and {NO_AXE}")
    request.config.stash[_axe_missing_key] = True
    return None


@dataclass
class PageWatch:
    """What happened in one test's page: documents loaded, documents checked, and errors seen."""

    loaded: list[str] = field(default_factory=list)
    checked: int = 0
    errors: list[str] = field(default_factory=list)

    def console(self, message, page_url: str) -> None:
        """Console errors fail the test, except the browser noting an error status we asked for on purpose
        (a 404 or 400 page under test) and its automatic request for /favicon.ico, which we do not have."""
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        expected_status = message.text.startswith("Failed to load resource: the server responded with a status")
        if expected_status and (source == page_url or urlsplit(source).path == "/favicon.ico"):
            return
        self.errors.append(f"console: {message.text} (from {source or 'unknown'} on {page_url})")


def watched(page) -> PageWatch:
    """Note every document ``page`` loads and every console or script error it shows, for the checks after the
    test (every page a test opens, in any browser context, is held to the same rules)."""
    watch = PageWatch()
    page.on("load", lambda p: watch.loaded.append(p.url))
    page.on("console", lambda message: watch.console(message, page.url))
    page.on("pageerror", lambda e: watch.errors.append(f"script error: {e} ({page.url})"))
    page.storybank_watch = watch
    return watch


@pytest.fixture
def page(browser, live_server, request) -> Iterator[Page]:
    with live_server.app.app_context():
        limiter.reset()
    context = browser.new_context(base_url=live_server.url, bypass_csp=False, locale="en-GB")
    page = context.new_page()
    watch = watched(page)
    try:
        yield page
        call = getattr(request.node, "report_call", None)
        if call is not None and call.passed:
            unchecked = watch.loaded[watch.checked:]
            assert not unchecked, (
                f"These pages were loaded but never checked with check_page(): {unchecked}. "
                "Use visit() or submit(), or call check_page(page) after each new page (see tests/browser/conftest.py)."
            )
            assert not watch.errors, "The browser reported errors:\n" + "\n".join(watch.errors)
    finally:
        call = getattr(request.node, "report_call", None)
        if call is not None and call.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
            try:
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            except Exception:  # noqa: S110  (a screenshot is a nicety; never hide the real failure)
                pass
        context.close()


AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ['violations']});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary, html: n.html})),
  }));
}"""

OUR_CHECKS = """() => {
  const problems = [];
  const shown = el => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) return false;
    // Inside a closed <details> (but not its <summary>) nothing is shown, though Chromium still gives it a box.
    const folded = el.closest('details:not([open])');
    if (folded && !(el.closest('summary') && el.closest('summary').parentElement === folded)) return false;
    const box = el.getBoundingClientRect();
    // 1px boxes are the visually-hidden pattern; far off to the left is the unfocused skip-link pattern.
    return box.width > 1 && box.height > 1 && box.right + window.scrollX > 0 && box.bottom + window.scrollY > 0;
  };
  const describe = el => el.outerHTML.slice(0, 160);
  const controls = document.querySelectorAll(
    'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), ' +
    'select, textarea');
  for (const control of controls) {
    if (!shown(control)) continue;
    const labelled = Array.from(control.labels || []).some(l => shown(l) && l.innerText.trim() !== '');
    if (!labelled) problems.push('form control without a visible label: ' + describe(control));
  }
  const headings = document.querySelectorAll('h1');
  if (headings.length !== 1) problems.push(`expected exactly one <h1>, found ${headings.length}`);
  else if (headings[0].innerText.trim() === '') problems.push('the <h1> is empty');
  const mains = document.querySelectorAll('main');
  if (mains.length !== 1) problems.push(`expected exactly one <main>, found ${mains.length}`);
  else if (mains[0].id !== 'main') problems.push('the <main> landmark does not have id="main"');
  const firstLink = document.querySelector('body a[href]');
  if (!firstLink || firstLink.getAttribute('href') !== '#main')
    problems.push('the first link on the page is not a skip link to #main');
  return problems;
}"""


def _format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            if node["summary"]:
                lines.extend(f"      {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)


@pytest.fixture
def check_page(axe_source) -> Callable[[Page], None]:
    """Check the page now showing: axe-core (serious and critical fail) and StoryBank's own rules."""

    def check(page: Page) -> None:
        page.wait_for_load_state("load")
        where = page.url
        failures = []
        if axe_source is not None:
            if not page.evaluate("() => typeof window.axe !== 'undefined'"):
                page.evaluate(axe_source)
            violations = [v for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]
            if violations:
                failures.append("axe-core found serious or critical problems:\n" + _format_violations(violations))
        problems = page.evaluate(OUR_CHECKS)
        if problems:
            failures.append("StoryBank's own checks failed:\n" + "\n".join(f"- {p}" for p in problems))
        watch = getattr(page, "storybank_watch", None)
        if watch is not None:
            watch.checked = len(watch.loaded)
        assert not failures, f"Accessibility problems on {where}:\n" + "\n".join(failures)

    return check


@pytest.fixture
def visit(check_page) -> Callable[..., object]:
    """Go to a path on the live server and check the page; returns the response."""

    def go(page: Page, path: str):
        response = page.goto(path)
        check_page(page)
        return response

    return go


@pytest.fixture
def submit(check_page) -> Callable[..., object]:
    """Do something that loads a new page (click, press Enter), wait for it, check it; returns the response."""

    def act(page: Page, action: Callable[[], object]):
        with page.expect_navigation() as navigation:
            action()
        check_page(page)
        return navigation.value

    return act


@dataclass(frozen=True)
class Person:
    username: str
    password: str


@pytest.fixture
def make_person(live_server) -> Callable[..., Person]:
    """Save a contributor straight into the live server's database (the session's data is shared, so names
    are made unique)."""
    from tests import factories

    def make(name: str = "person") -> Person:
        username = f"{name}-{uuid.uuid4().hex[:6]}"
        with live_server.app.app_context():
            factories.make_user(username=username)
            db.session.commit()
            db.session.remove()
        return Person(username, factories.PASSWORD)

    return make
