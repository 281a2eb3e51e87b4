"""Two instances of StoryBank, each gunicorn with two workers, on one PostgreSQL and one Redis, as in production.

Real processes started with the repository's gunicorn.conf.py in production mode, each on its own free port, with
the same SECRET_KEY, this test's migrated database and a Redis key prefix of this run's own. A browser here is only
a cookie jar we hold ourselves, so a cookie can be carried from one instance to the other on purpose.

It proves that what production relies on lives in the shared database and Redis rather than in one process: a
sign-in (and its end), the sign-in limit, and what a withdrawal takes away, including the search's filter choices
that each worker keeps for itself.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from storybank.consent.models import Purpose
from tests.databases import REDIS_URL, redis_or_skip
from tests.factories import PASSWORD
from tests.library_builders import approved

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_ONLY = pytest.mark.parametrize("database_app", ["postgresql"], indirect=True)
SECRET = "two-instances-test-secret-" + "x" * 20
SIGN_IN_LIMIT = 4
WORKERS = 2
LONELY_REGION = "Isle of Anglesey"
"""Only the story that is withdrawn comes from here, so once it is gone no filter should offer it."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Answer:
    status: int
    body: str
    cookies: dict[str, str]
    location: str = ""


class Instance:
    """One gunicorn master with its workers, started as an operator would: ``gunicorn <app>`` in the repository,
    every setting from the environment. Its access log names the worker (pid) that answered each request."""

    def __init__(self, name: str, database_url: str, prefix: str, folder: Path):
        self.name = name
        self.port = _free_port()
        self.access_log = folder / f"{name}-access.log"
        self.error_log = folder / f"{name}-errors.log"
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("STORYBANK_", "RATELIMIT_")) and key not in ("DATABASE_URL", "SECRET_KEY")}
        env.update(STORYBANK_ENV="production", SECRET_KEY=SECRET, DATABASE_URL=database_url,
                   STORYBANK_REDIS_URL=REDIS_URL, STORYBANK_SIGN_IN_RATE_LIMIT=f"{SIGN_IN_LIMIT} per minute",
                   STORYBANK_BIND=f"127.0.0.1:{self.port}", STORYBANK_WORKERS=str(WORKERS),
                   STORYBANK_ACCESS_LOG=str(self.access_log),
                   STORYBANK_WITHDRAWAL_LEDGER=str(folder / "withdrawal-ledger.jsonl"))
        # The app as wsgi.py makes it, with this run's own Redis key prefix (gunicorn calls the factory itself).
        target = f"storybank:create_app({{'RATELIMIT_KEY_PREFIX': {prefix!r}}})"
        with self.error_log.open("w") as errors:
            self.process = subprocess.Popen(  # noqa: S603 (our own gunicorn, arguments fixed here)
                [str(Path(sys.executable).with_name("gunicorn")), target], cwd=ROOT, env=env,
                stdout=errors, stderr=subprocess.STDOUT)

    def wait_until_serving(self, deadline: float) -> None:
        """Until both workers have loaded the app and answered (a worker that is still loading answers nothing)."""
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} stopped:\n{self.error_log.read_text()[-3000:]}")
            try:
                spread(lambda: self.request("GET", "/healthz"), 4)
            except OSError:
                time.sleep(0.3)
                continue
            if len(self.pids_that_answered("/healthz", 200, since=0)) == WORKERS:
                return
        raise AssertionError(f"{self.name} did not serve from {WORKERS} workers in time:\n"
                             f"{self.error_log.read_text()[-3000:]}")

    def request(self, method: str, path: str, cookies: dict[str, str] | None = None,
                form: dict[str, str] | None = None) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())} if cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            jar: dict[str, str] = {}
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
            return Answer(response.status, response.read().decode(), jar, response.headers.get("Location", ""))
        finally:
            connection.close()

    def log_size(self) -> int:
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def pids_that_answered(self, path: str, status: int, since: int) -> set[str]:
        """The workers whose access-log lines after byte ``since`` show ``path`` answered with ``status`` (a line
        is written just after its answer, so give it a moment)."""
        time.sleep(0.1)
        pattern = re.compile(rf'"[A-Z]+ {re.escape(path)} HTTP/1\.1" {status} \S+ \S+ <(\d+)>')
        text = self.access_log.read_bytes()[since:].decode() if self.access_log.exists() else ""
        return set(pattern.findall(text))

    def stop(self) -> None:
        """Quick shutdown (SIGINT): the test is over, no request is waiting to finish."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)

    def wait_stopped(self) -> None:
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def spread(call, times: int = 8) -> list:
    """``times`` calls at once, so that every worker of an instance has to take some of them."""
    with ThreadPoolExecutor(max_workers=times) as pool:
        return [future.result() for future in [pool.submit(call) for _ in range(times)]]


def on_every_worker(instance: Instance, path: str, call, status: int) -> list[Answer]:
    """Repeat ``call`` in bursts until every worker of ``instance`` has answered ``path`` with ``status`` (the
    answers are for the test to check); a worker that answers anything else fails the test there."""
    answers: list[Answer] = []
    since = instance.log_size()
    for _ in range(15):
        answers += spread(call)
        assert {answer.status for answer in answers} == {status}, (path, [a.status for a in answers])
        if len(instance.pids_that_answered(path.split("?")[0], status, since)) == WORKERS:  # logged without query
            return answers
    raise AssertionError(f"{instance.name}: {path} was not answered by all {WORKERS} workers")


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def sign_in(instance: Instance, username: str, password: str, cookies: dict[str, str] | None = None) -> Answer:
    page = instance.request("GET", "/sign-in", cookies)
    jar = {**(cookies or {}), **page.cookies}
    answer = instance.request("POST", "/sign-in", jar, {"username": username, "password": password,
                                                       "csrf_token": csrf_token(page.body)})
    answer.cookies = {**jar, **answer.cookies}
    return answer


@pytest.fixture
def instances(app, tmp_path):
    """Instances A and B on this test's PostgreSQL database and Redis; their Redis keys are removed afterwards."""
    redis_or_skip()
    import redis

    prefix = f"storybank-two-instances-{uuid.uuid4().hex}"
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    started = [Instance(name, url, prefix, tmp_path) for name in ("A", "B")]
    try:
        deadline = time.monotonic() + 90  # two cold starts on a busy machine
        for instance in started:
            instance.wait_until_serving(deadline)
        yield started
    finally:
        for instance in started:
            instance.stop()
        for instance in started:
            instance.wait_stopped()
        store = redis.Redis.from_url(REDIS_URL)
        keys = store.keys(f"*{prefix}*")
        if keys:
            store.delete(*keys)


@POSTGRES_ONLY
def test_two_instances_share_sign_ins_limits_and_withdrawals(instances, trainer, contributor):
    a, b = instances
    lonely = approved(contributor, "The night nurse stayed while I rang my daughter.", title="The night nurse",
                      region=LONELY_REGION, scopes=(Purpose.TRAINING, Purpose.PUBLIC))
    approved(contributor, "The night porter knew my name.", title="The night porter", region="North West",
             scopes=(Purpose.TRAINING, Purpose.PUBLIC))

    # (a) A sign-in on A is a sign-in on every worker of B (and of A); signing out on A ends it on B.
    signed_in = sign_in(a, trainer.username, PASSWORD)
    assert signed_in.status == 302, "signed in through A's form"
    trainer_cookies = signed_in.cookies
    assert "__Host-session" in trainer_cookies, "production's cookie"
    for instance in (b, a):
        pages = on_every_worker(instance, "/account",
                                lambda instance=instance: instance.request("GET", "/account", trainer_cookies), 200)
        assert all(trainer.username in page.body for page in pages)
    account = b.request("GET", "/account", trainer_cookies)  # B's form (its CSRF token kept in the cookie)...
    trainer_cookies = {**trainer_cookies, **account.cookies}
    token = csrf_token(account.body)  # ...sent to A
    assert a.request("POST", "/sign-out", trainer_cookies, {"csrf_token": token}).status == 302
    answers = on_every_worker(b, "/account", lambda: b.request("GET", "/account", trainer_cookies), 302)
    assert all("/sign-in" in answer.location for answer in answers), "the copied cookie opens nothing on B"

    # (b) Failed tries split between A and B are counted together, whichever worker takes each.
    guesser = a.request("GET", "/sign-in").cookies
    tries = [sign_in(instance, "someone-else", "not the password", guesser).status
             for instance in ((a, b) * SIGN_IN_LIMIT)[:SIGN_IN_LIMIT + 2]]
    assert tries == [400] * SIGN_IN_LIMIT + [429, 429], "the fifth try is refused, on either instance"

    # (c) A story withdrawn through A is gone from B at B's very next request: search, its filter choices (which
    # every worker of B had just read and kept), the public list and the story's public page.
    trainer_cookies = sign_in(b, trainer.username, PASSWORD).cookies
    author = sign_in(a, contributor.username, PASSWORD)  # signed in first: from here on only the withdrawal writes
    assert author.status == 302
    search = f"/search?{urlencode({'q': 'night', 'purpose': 'training'})}"
    before = on_every_worker(b, search, lambda: b.request("GET", search, trainer_cookies), 200)
    assert all(f">{LONELY_REGION}</option>" in page.body and "The night nurse" in page.body for page in before)
    assert "The night nurse" in b.request("GET", "/stories").body
    public_page = f"/stories/read/{lonely.reference}"
    assert b.request("GET", public_page).status == 200

    withdraw = f"/my-stories/{lonely.id}/withdraw"
    form = a.request("GET", withdraw, author.cookies)
    jar = {**author.cookies, **form.cookies}
    assert a.request("POST", withdraw, jar, {"csrf_token": csrf_token(form.body)}).status == 302

    after = on_every_worker(b, search, lambda: b.request("GET", search, trainer_cookies), 200)
    for page in after:
        assert "The night nurse" not in page.body
        assert f">{LONELY_REGION}</option>" not in page.body, "no worker of B offers the withdrawn story's region"
        assert "The night porter" in page.body and ">North West</option>" in page.body
    public = b.request("GET", "/stories").body
    assert "The night nurse" not in public and "The night porter" in public
    assert b.request("GET", public_page).status == 404
