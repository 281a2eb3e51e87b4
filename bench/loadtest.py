"""Load test: contributors, moderators, trainers and trainees at once, against gunicorn on PostgreSQL with the
100 000-story data set; requests per second, median and p95 per page, errors, and a check for lost writes.

    python -m bench.loadtest [--stories N] [--users U] [--seconds S] [--wait MIN,MAX] [--waiting W]
                             [--backend postgresql|sqlite] [--workers N] [--rebuild]

The data set is bench/search_data.py's (approved, consented, search-indexed stories), built once into a database
storybank_loadtest_base (storybank_loadtest_base_<N> for another size) next to STORYBANK_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test) and kept; each run starts from a fresh copy of it, storybank_loadtest
(CREATE DATABASE … TEMPLATE), so every run meets the same data. SQLite (for a quick look, and the test) copies a
file under the temp directory instead.

Into the copy, through the app's own services (so they are real): the accounts (contributors, moderators and
trainers, enough for every simulated person to sign in as someone different), W waiting stories written and sent
by the contributors (analysed as they are sent, so moderators find suggestions to decide), and a trainer's pack
of five stories, published, with a share link for the trainees. Only one step is a bulk write: each contributor is
made the author of three of the generated approved stories (one UPDATE of stories.author_id), so they have
approved stories whose consent they can change.

Then gunicorn (bench.search.Server: gunicorn.conf.py and its worker count, 5 on this 2-core machine, never replaced
mid-run; STORYBANK_PROXY_COUNT=1 so each simulated person comes
from their own address, as behind the production proxy) and Locust headless (bench/loadtest_locustfile.py) with U
users for S seconds, weighted 40% contributors, 25% trainees, 20% trainers, 15% moderators, each pausing MIN to
MAX seconds (default 1–5) between actions. The rate limits that can be set by environment are raised so they do
not shape the figures (the share page's per-address limit cannot be, and is not reached with one address per person).

Afterwards every write the server acknowledged is looked for in the database: each autosave (its words are the
start of the story's text now), each story sent (reference and text), each consent choice (its scopes and review
date), each reflection (its words), each moderator's decision and each story added to a pack. The report gives
requests per second, median and p95 per page from every sample, errors by status (5xx apart), and acknowledged /
found / lost per kind of write, against the targets: no 5xx (and no request left unanswered), no lost write, p95
under 300 ms on every page. The last line is one JSON object; the exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import search_data
from bench.search import DEFAULT_POSTGRES, Server, log, machine, summary
from bench.search_data import CARE_WORDS, PHRASES, REGIONS, ROOT, WARNINGS, Target

TARGET_P95_MS = 300.0
LOCUSTFILE = Path(__file__).with_name("loadtest_locustfile.py")
BASE_DATABASE = "storybank_loadtest_base"
PRODUCTION_WORKERS = int(os.environ.get("STORYBANK_WORKERS") or min(2 * (os.cpu_count() or 1) + 1, 8))
"""The load test measures the service as deployed: gunicorn.conf.py's worker count (2 x cores + 1, at most 8)."""
RUN_DATABASE = "storybank_loadtest"
PASSWORD = "load test people pause between pages"  # noqa: S105 — a local load-test database only
SHARES = {"contributor": 0.40, "trainee": 0.25, "trainer": 0.20, "moderator": 0.15}
OWN_APPROVED = 3
PACK_STORIES = 5
SEED = 20261206
RAISED_LIMITS = {
    "STORYBANK_SIGN_IN_RATE_LIMIT": "100000 per minute;1000000 per hour",
    "STORYBANK_SIGN_IN_ADDRESS_RATE_LIMIT": "100000 per minute;1000000 per hour",
    "STORYBANK_REFLECTION_LINK_RATE_LIMIT": "100000 per minute;1000000 per hour",
    "STORYBANK_REFLECTION_ADDRESS_RATE_LIMIT": "100000 per minute;1000000 per hour",
    "STORYBANK_API_RATE_LIMIT": "1000000 per minute",
}
PURPOSES = ("training", "partners", "public", "research", "quotes")
WRITES = ("autosave", "story", "consent", "reflection", "decision", "pack_story")
FIRST_NAMES = ["Bernadette", "Tariq", "Maureen", "Kwame", "Siobhan", "Dev", "Agnieszka", "Colin"]


@dataclass
class Options:
    stories: int = 100_000
    users: int = 50
    seconds: int = 120
    warmup: int = 15
    wait: tuple[float, float] = (1.0, 5.0)
    waiting: int = 200
    backend: str = "postgresql"
    workers: int = 2  # the command line's default is PRODUCTION_WORKERS; 2 keeps the tests' tiny runs light
    rebuild: bool = False
    warm: bool = True
    postgres_url: str = DEFAULT_POSTGRES
    folder: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "storybank-loadtest")


def _admin_url(postgres_url: str) -> str:
    return postgres_url.replace("postgresql+psycopg://", "postgresql://", 1)


def targets(options: Options) -> tuple[Target, Target]:
    """The kept data set and this run's copy of it."""
    if options.backend == "sqlite":
        base = options.folder / f"base-{options.stories}.sqlite"
        run = options.folder / "run.sqlite"
        return (Target("sqlite", f"sqlite:///{base}", sqlite_path=base),
                Target("sqlite", f"sqlite:///{run}", sqlite_path=run))
    admin = _admin_url(options.postgres_url)
    name = BASE_DATABASE if options.stories == 100_000 else f"{BASE_DATABASE}_{options.stories}"
    parts = urlsplit(admin)
    return (Target("postgresql", urlunsplit(parts._replace(path=f"/{name}")), admin_url=admin, name=name),
            Target("postgresql", urlunsplit(parts._replace(path=f"/{RUN_DATABASE}")), admin_url=admin,
                   name=RUN_DATABASE))


def fresh_copy(base: Target, run: Target) -> None:
    """This run's database: an exact copy of the kept data set, so every run starts from the same place."""
    if base.backend == "sqlite":
        run.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        for stale in (run.sqlite_path, Path(f"{run.sqlite_path}-wal"), Path(f"{run.sqlite_path}-shm")):
            stale.unlink(missing_ok=True)
        shutil.copyfile(base.sqlite_path, run.sqlite_path)
        return
    import psycopg

    with psycopg.connect(base.admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {run.name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {run.name} TEMPLATE {base.name}")


def people(users: int) -> dict[str, int]:
    """How many accounts each role needs: one per simulated person (Locust splits the users by weight)."""
    return {role: max(1, math.ceil(users * share)) + 1 for role, share in SHARES.items() if role != "trainee"}


def _story_words(rng: random.Random, words: list[str], cumulative: list[float], count: int) -> str:
    chosen = rng.choices(words, cum_weights=cumulative, k=count)
    sentences, start = [], 0
    while start < len(chosen):
        end = start + rng.randint(6, 18)
        sentence = " ".join(chosen[start:end])
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
        start = end
    return " ".join(sentences)


def populate(run: Target, options: Options) -> dict:
    """Accounts, waiting stories, contributors' own approved stories and a shared pack, through the services.
    Returns the plan the Locust users follow."""
    from sqlalchemy import select, update

    from storybank import create_app
    from storybank.accounts.roles import Role
    from storybank.accounts.services import NewAccount, create_user
    from storybank.consent.models import Attribution, Purpose
    from storybank.consent.services import ConsentChoice
    from storybank.extensions import db
    from storybank.packs import delivery
    from storybank.packs import services as packs
    from storybank.search.services import SearchFilters, search
    from storybank.stories import services as stories
    from storybank.stories.forms import CARE_SETTINGS
    from storybank.stories.models import Story, StoryStatus

    rng = random.Random(SEED)
    words, weights = search_data.vocabulary()
    cumulative = list(_cumulative(weights))
    url = run.url.replace("postgresql://", "postgresql+psycopg://", 1)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "loadtest-not-secret"})
    accounts: dict[str, list[str]] = {}
    with app.app_context():
        started = time.perf_counter()
        made: dict[str, list] = {}
        for role, count in people(options.users).items():
            made[role] = [create_user(NewAccount(username=f"lt-{role}-{n:03d}", password=PASSWORD), {Role(role)})
                          for n in range(1, count + 1)]
            accounts[role] = [user.username for user in made[role]]
        publisher = create_user(NewAccount(username="lt-publisher", password=PASSWORD), {Role.TRAINER})
        log(f"  {sum(map(len, made.values())) + 1} accounts made in {time.perf_counter() - started:.1f} s")
        contributors = made["contributor"]
        free = list(db.session.scalars(select(Story.id).where(Story.status == StoryStatus.APPROVED,
                                                              Story.author_id.is_(None))
                                       .order_by(Story.id.desc()).limit(OWN_APPROVED * len(contributors))))
        own: dict[str, list[int]] = defaultdict(list)
        for number, story_id in enumerate(free):
            author = contributors[number % len(contributors)]
            db.session.execute(update(Story).where(Story.id == story_id).values(author_id=author.id))
            own[author.username].append(story_id)
        db.session.commit()
        started = time.perf_counter()
        settings = [s for s in CARE_SETTINGS if s]
        for number in range(options.waiting):
            author = contributors[number % len(contributors)]
            body = _story_words(rng, words, cumulative, rng.randint(80, 300))
            if rng.random() < 0.5:
                body = (f"My carer {rng.choice(FIRST_NAMES)} comes in the mornings. " + body +
                        f" You can ring me on 07700 900{rng.randint(100, 999)}.")
            text = stories.StoryText(title=_story_words(rng, words, cumulative, rng.randint(3, 6))[:-1],
                                     body=body, care_setting=rng.choice(settings), region=rng.choice(REGIONS[:-1]))
            draft = stories.save_draft(author, text)
            stories.submit_story(draft, ConsentChoice(scopes=frozenset({Purpose.TRAINING, Purpose.PARTNERS}),
                                                      attribution=Attribution.ANONYMOUS,
                                                      review_date=datetime.now(UTC).date() + timedelta(days=700)),
                                 author)
        log(f"  {options.waiting} waiting stories written, sent and analysed in {time.perf_counter() - started:.1f} s")
        pack = packs.create_pack(publisher, packs.PackDetails(title="Walk a mile in their shoes",
                                                              audience="Everyone who visits people at home"))
        hits = [*search(SearchFilters(text="dignity"), per_page=20).hits, *search(SearchFilters(), per_page=20).hits]
        chosen = list(dict.fromkeys(hit.story.reference for hit in hits if hit.story.id not in set(free)))
        for reference in chosen[:PACK_STORIES]:
            packs.add_story(pack, publisher, reference)
        packs.add_default_activities(pack, publisher)
        delivery.publish(pack, publisher)
        timezone = app.config["STORYBANK_TIMEZONE"]
        link = delivery.create_share_link(pack, publisher, "Load test session",
                                          delivery.default_end_day(timezone), timezone)
        db.session.remove()
        db.engine.dispose()
    search_words = [*CARE_WORDS, *words[100:1500:7]]
    return {"accounts": accounts, "password": PASSWORD, "own_stories": dict(own), "share_token": link.token,
            "words": words[:2000], "cum_weights": cumulative[:2000], "search_words": search_words,
            "phrases": PHRASES, "care_settings": [""] + settings, "regions": [""] + [r for r in REGIONS if r],
            "warnings": WARNINGS, "wait": list(options.wait)}


def _cumulative(weights: list[float]):
    total = 0.0
    for weight in weights:
        total += weight
        yield total


class LoadSampler:
    """The machine's 1-minute load average every 5 s while the load runs."""

    def __init__(self):
        self.values: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.values.append(os.getloadavg()[0])
            self._stop.wait(5)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=10)


def warm_workers(server: Server, plan: dict, workers: int) -> float:
    """Have every worker load the text analysis before anything is timed, as a server that has been up a while
    has: the first analysis in a worker loads the spaCy pipeline (seconds), and every request queued behind it
    waits. A trainee's reflection with a phone number in it is checked and not sent, so nothing is written.
    Several at once, twice over, so each worker gets some."""
    import re
    from concurrent.futures import ThreadPoolExecutor

    import requests

    link = f"{server.url}/s/{plan['share_token']}"

    def check_a_reflection(number: int) -> None:
        with requests.Session() as session:
            session.headers["X-Forwarded-For"] = f"192.0.2.{number + 1}"
            page = session.get(link, timeout=120).text
            token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
            action = re.search(r'action="(/s/[^"/]+/reflect/\d+)"', page)
            if token and action:
                session.post(server.url + action.group(1), timeout=120, data={
                    "csrf_token": token.group(1), "action": "check",
                    "text": "I will ring Bernadette on 07700 900123 and listen first."})

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers * 3) as pool:
        list(pool.map(check_a_reflection, range(workers * 6)))
    return time.perf_counter() - started


def run_locust(server: Server, plan: dict, options: Options, out: Path) -> dict:
    plan_file = out.with_name("plan.json")
    plan_file.write_text(json.dumps(plan))
    env = dict(os.environ, LOADTEST_PLAN=plan_file.read_text(), LOADTEST_OUT=str(out))
    spawn_rate = max(1.0, options.users / 10)  # everyone arrives within about 10 s
    finished = subprocess.run(
        [str(Path(sys.executable).with_name("locust")), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
         "--users", str(options.users), "--spawn-rate", f"{spawn_rate:g}",
         "--run-time", f"{options.warmup + options.seconds}s",
         "--stop-timeout", "30", "--host", server.url, "--loglevel", "ERROR", "--exit-code-on-error", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=options.warmup + options.seconds + 180, check=False)
    if finished.returncode != 0 or not out.exists():
        raise RuntimeError(f"locust failed ({finished.returncode}):\n{finished.stderr[-3000:]}")
    return json.loads(out.read_text())


def _sha(text: str | None) -> str | None:
    return hashlib.sha256(text.encode()).hexdigest() if text is not None else None


def _lost_story_writes(conn, by_kind: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """An autosave is kept when its words are the start of the story's text now (the person went on typing); a
    sent story when it has the reference shown to the person, is no longer a draft, and has the words sent."""
    from sqlalchemy import select

    from storybank.stories.models import Story

    ids = {a["story_id"] for a in (*by_kind["autosave"], *by_kind["story"])}
    stories = {row.id: row for row in conn.execute(
        select(Story.id, Story.reference, Story.status, Story.body).where(Story.id.in_(ids)))}
    lost: dict[str, list[dict]] = {"autosave": [], "story": []}
    for ack in by_kind["autosave"]:
        row = stories.get(ack["story_id"])
        if row is None or row.body is None or _sha(row.body[:ack["length"]]) != ack["sha"]:
            lost["autosave"].append(ack)
    for ack in by_kind["story"]:
        row = stories.get(ack["story_id"])
        if row is None or row.reference != ack["reference"] or row.status == "draft" or _sha(row.body) != ack["sha"]:
            lost["story"].append(ack)
    return lost


def _missing(acks: list[dict], kept: Counter, key: Callable[[dict], object]) -> list[dict]:
    """Each acknowledged write must match one record of its own: two alike need two records."""
    missing = []
    for ack in acks:
        if kept[key(ack)] > 0:
            kept[key(ack)] -= 1
        else:
            missing.append(ack)
    return missing


def check_writes(run: Target, acks: list[dict]) -> dict[str, dict]:
    """Look for every acknowledged write in the database; acknowledged, found and lost per kind, with a few of
    the lost ones named."""
    from sqlalchemy import select

    from storybank.consent.models import ConsentRecord
    from storybank.moderation.models import ModerationDecision
    from storybank.packs.delivery_models import Reflection
    from storybank.packs.models import PackSection
    from storybank.stories.models import Story

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for ack in acks:
        by_kind[ack["kind"]].append(ack)
    engine = search_data._engine(run)
    try:
        with engine.connect() as conn:
            lost = _lost_story_writes(conn, by_kind)
            consent_ids = {a["story_id"] for a in by_kind["consent"]}
            consents = Counter(
                (r.story_id, tuple(p for p in PURPOSES if getattr(r, p)), r.review_date.isoformat())
                for r in conn.execute(select(ConsentRecord).where(ConsentRecord.story_id.in_(consent_ids))))
            lost["consent"] = _missing(by_kind["consent"], consents,
                                       lambda a: (a["story_id"], tuple(a["scopes"]), a["review_date"]))
            reflections = Counter(_sha(text) for text in conn.scalars(select(Reflection.text)))
            lost["reflection"] = _missing(by_kind["reflection"], reflections, lambda a: a["sha"])
            decisions = Counter((r.story_id, getattr(r.outcome, "value", r.outcome)) for r in conn.execute(
                select(ModerationDecision.story_id, ModerationDecision.outcome)))
            lost["decision"] = _missing(by_kind["decision"], decisions, lambda a: (a["story_id"], a["outcome"]))
            sections = Counter(tuple(row) for row in conn.execute(
                select(PackSection.pack_id, Story.reference).join(Story, Story.id == PackSection.story_id)))
            lost["pack_story"] = _missing(by_kind["pack_story"], sections, lambda a: (a["pack_id"], a["reference"]))
    finally:
        engine.dispose()
    return {kind: {"acknowledged": len(by_kind[kind]), "found": len(by_kind[kind]) - len(lost[kind]),
                   "lost": len(lost[kind]), "lost_examples": lost[kind][:5]} for kind in WRITES}


def page_figures(samples: list, measured_from: float) -> dict[str, dict]:
    """Median and p95 from every sample after the warm-up; errors from every sample, warm-up included."""
    times: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, Counter] = defaultdict(Counter)
    for name, milliseconds, status, at in samples:
        if at >= measured_from:
            times[name].append(milliseconds)
        statuses[name][status] += 1
    return {name: {**summary(times[name]), "errors": {str(s): n for s, n in sorted(statuses[name].items())
                                                      if s == 0 or s >= 400}}
            for name in sorted(statuses)}


def verdict(pages: dict[str, dict], writes: dict[str, dict]) -> dict:
    errors = Counter()
    for figures in pages.values():
        for status, count in figures["errors"].items():
            errors[int(status)] += count
    server_errors = sum(n for s, n in errors.items() if s >= 500)
    unanswered = errors.get(0, 0)
    slow = {name: f["p95"] for name, f in pages.items() if f["p95"] is not None and f["p95"] >= TARGET_P95_MS}
    lost = sum(w["lost"] for w in writes.values())
    return {"5xx": server_errors, "unanswered": unanswered, "4xx": sum(n for s, n in errors.items() if 400 <= s < 500),
            "errors_by_status": {str(s): n for s, n in sorted(errors.items())}, "lost_writes": lost,
            "slow_pages": slow, "met": {"no_5xx": server_errors == 0 and unanswered == 0, "no_lost_writes": lost == 0,
                                        "p95_under_300_ms": not slow}}


def print_report(result: dict) -> None:
    r = result
    load = r["load_average"]
    print(f"\n{r['backend']}: {r['stories']} stories, {r['users']} users for {r['seconds']} s "
          f"(pauses {r['wait'][0]:g}–{r['wait'][1]:g} s), gunicorn {r['workers']} workers; load average before "
          f"{load['before']:.1f}, during {load['min']:.1f}–{load['max']:.1f} (mean {load['mean']:.1f})")
    print("people: " + ", ".join(f"{n} {kind}" for kind, n in sorted(r["people"].items(), key=lambda kv: -kv[1])))
    print(f"after a {r['warmup']} s warm-up (everyone arriving, each worker loading the text analysis), "
          f"{r['requests']} requests in {r['elapsed']:.0f} s: {r['rps']:.1f} per second; times below from those, "
          f"errors from all {r['requests_with_warmup']}")
    header = f"{'page':<20} {'requests':>8} {'median':>7} {'p95':>7}  errors"
    print(header)
    print("-" * len(header))
    for name, f in r["pages"].items():
        errors = ", ".join(f"{n}x {'no answer' if s == '0' else s}" for s, n in f["errors"].items()) or "-"
        mark = "  (p95 over target)" if f["p95"] is not None and f["p95"] >= TARGET_P95_MS else ""
        median, p95 = (f"{v:.0f}" if v is not None else "-" for v in (f["median"], f["p95"]))
        print(f"{name:<20} {f['n']:>8} {median:>7} {p95:>7}  {errors}{mark}")
    print(f"\n{'write':<12} {'acknowledged':>12} {'found':>7} {'lost':>6}")
    for kind, w in r["writes"].items():
        print(f"{kind:<12} {w['acknowledged']:>12} {w['found']:>7} {w['lost']:>6}")
    v = r["verdict"]
    notes = ", ".join(f"{k}: {n}" for k, n in r["notes"].items())
    if notes:
        print(f"\nnoted by the users: {notes}")
    if r.get("server_tracebacks"):
        print(f"server tracebacks: {r['server_tracebacks']} (see {r['server_log']})")
    print(f"\ntargets: no 5xx or unanswered request: {'met' if v['met']['no_5xx'] else 'MISSED'} "
          f"({v['5xx']} 5xx, {v['unanswered']} unanswered; {v['4xx']} 4xx); "
          f"no lost write: {'met' if v['met']['no_lost_writes'] else 'MISSED'} ({v['lost_writes']} lost); "
          f"p95 < {TARGET_P95_MS:g} ms on every page: {'met' if v['met']['p95_under_300_ms'] else 'MISSED by '}"
          + ", ".join(f"{name} ({p95:.0f})" for name, p95 in v["slow_pages"].items()))


def run(options: Options, before_check: Callable[[Target, list[dict]], None] | None = None) -> dict:
    """Build or reuse the data, copy it, fill in the people, serve, load, check. ``before_check`` is called with
    the run's database and the acknowledged writes just before they are looked for (the tests use it)."""
    base, target = targets(options)
    options.folder.mkdir(parents=True, exist_ok=True)
    meta = search_data.prepare(base, options.stories, log, rebuild=options.rebuild)
    started = time.perf_counter()
    fresh_copy(base, target)
    log(f"{target.backend}: copied the data set in {time.perf_counter() - started:.1f} s; adding people")
    plan = populate(target, options)
    server_log = options.folder / "server.log"
    server_log.unlink(missing_ok=True)
    env = {**RAISED_LIMITS, "STORYBANK_PROXY_COUNT": "1"}
    before = os.getloadavg()[0]
    server = Server(target, workers=options.workers, extra_env=env, log=server_log)
    try:
        if options.warm:
            log(f"{target.backend}: workers warmed in {warm_workers(server, plan, options.workers):.1f} s")
        log(f"{target.backend}: {options.users} users for {options.warmup} s + {options.seconds} s")
        with LoadSampler() as sampler:
            recorded = run_locust(server, plan, options, options.folder / "locust.json")
    finally:
        server.stop()
    if before_check is not None:
        before_check(target, recorded["acks"])
    writes = check_writes(target, recorded["acks"])
    times = recorded["times"]
    measured_from = (times["started"] or 0) + options.warmup
    pages = page_figures(recorded["samples"], measured_from)
    measured = [s for s in recorded["samples"] if s[3] >= measured_from]
    elapsed = max((times["stopped"] or 0) - measured_from, 1.0)
    tracebacks = server_log.read_text(errors="replace").count("Traceback") if server_log.exists() else 0
    loads = sampler.values or [before]
    result = {"backend": target.backend, "stories": options.stories, "users": options.users,
              "seconds": options.seconds, "wait": list(options.wait), "workers": options.workers,
              "machine": machine(), "data_reused": meta.get("reused"),
              "load_average": {"before": before, "min": min(loads), "max": max(loads),
                               "mean": sum(loads) / len(loads)},
              "warmup": options.warmup, "requests": len(measured), "requests_with_warmup": len(recorded["samples"]),
              "elapsed": elapsed, "rps": len(measured) / elapsed,
              "people": recorded["people"], "pages": pages, "writes": writes, "notes": recorded["notes"],
              "server_tracebacks": tracebacks,
              "server_log": str(server_log)}
    result["verdict"] = verdict(pages, writes)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=100_000, help="approved stories in the data set")
    parser.add_argument("--users", type=int, default=50, help="people using the service at once")
    parser.add_argument("--seconds", type=int, default=120, help="how long the load is measured")
    parser.add_argument("--warmup", type=int, default=15,
                        help="seconds of load before measuring: people arriving, workers loading (default 15)")
    parser.add_argument("--wait", default="1,5", help="pause between actions, MIN,MAX seconds (default 1,5)")
    parser.add_argument("--waiting", type=int, default=200, help="stories waiting for moderators at the start")
    parser.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--workers", type=int, default=PRODUCTION_WORKERS,
                        help=f"gunicorn workers (default {PRODUCTION_WORKERS}: what gunicorn.conf.py chooses here)")
    parser.add_argument("--rebuild", action="store_true", help="build the data set again even if it is kept")
    args = parser.parse_args(argv)
    try:
        low, high = (float(v) for v in args.wait.split(","))
    except ValueError:
        parser.error("--wait takes two numbers of seconds, MIN,MAX, e.g. 1,5")
    if min(args.stories, args.users, args.seconds, args.workers) < 1 or args.waiting < 0 or not 0 <= low <= high:
        parser.error("--stories, --users, --seconds and --workers must be at least 1; --wait MIN <= MAX")
    options = Options(stories=args.stories, users=args.users, seconds=args.seconds, warmup=max(args.warmup, 0),
                      wait=(low, high),
                      waiting=args.waiting, backend=args.backend, workers=args.workers, rebuild=args.rebuild,
                      postgres_url=os.environ.get("STORYBANK_BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    print(f"StoryBank load test: {machine()}")
    result = run(options)
    print_report(result)
    print(json.dumps(result, default=str))
    return 0 if all(result["verdict"]["met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
