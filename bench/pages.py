"""Benchmark for the list pages: the moderation queue, "My stories" and the audit log as the service grows, beside
/healthz (the floor: the same server answering with no database work), under gunicorn, on SQLite and PostgreSQL.

    python -m bench.pages [--sizes 1000,10000,50000] [--database sqlite|postgresql|both] [--seconds S] [--workers N]

For each size a database is built from empty (`flask db upgrade`, then bulk inserts): that many stories waiting for
a moderator (about one in seven in review, of which 20 have a live claim and the rest a claim that ran out; one in a
thousand with an open safeguarding concern; each with its review row as after the analysis ran), plus one person
with 500 stories of their own (approved, declined, drafts, with consent records and two messages each) and 20 000
audit events. That person is contributor, moderator and admin at once, so one sign-in reaches every page. SQLite
databases are files under the temp directory; PostgreSQL ones are storybank_bench_pages_<size> next to
STORYBANK_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test).

Each size is then served by gunicorn (2 workers unless --workers says otherwise) on 127.0.0.1 and driven by Locust
headless (bench/search_locustfile.py, the same users as `make bench-search`): with 1 client and with 8, each client
asking every page in turn with no pause. Target: p95 under 50 ms with 8 clients at 50 000 waiting stories, and list
pages whose time does not grow with the number of stories. The table goes to stdout and the last line is one JSON
object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.search import DEFAULT_POSTGRES, Server, log, machine, run_locust
from bench.search_data import Target, _engine, _fresh_database, flask

TARGET_P95_MS = 50.0
TARGET_SIZE = 50_000
OWN_STORIES = 500
LIVE_CLAIMS = 20
AUDIT_EVENTS = 20_000
READER = "bench-reader"
READER_PASSWORD = "bench reader reads every list"  # noqa: S105 — a local benchmark database only
SEED = 20261204
BATCH = 2000
PAGES = [
    ("queue", "/moderation"),
    ("queue page 20", "/moderation?page=20"),
    ("my stories", "/my-stories"),
    ("audit log", "/admin/audit/"),
    ("healthz (floor)", "/healthz"),
]


def _batches(rows, size: int = BATCH):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reader_id(engine) -> int:
    from sqlalchemy import text

    with engine.connect() as conn:
        return conn.scalar(text("SELECT id FROM users WHERE username = :u"), {"u": READER})


def _waiting(count: int, reader_id: int, now: datetime, rng: random.Random):
    from storybank.stories.forms import CARE_SETTINGS

    settings = [s for s in CARE_SETTINGS if s]
    live = LIVE_CLAIMS
    for story_id in range(1, count + 1):
        body = f"Waiting story {story_id}. " + " ".join(rng.choice(
            ("the carer", "came late", "my mum", "waited", "a kind nurse", "the home", "we talked", "tea"))
            for _ in range(120))
        sent = now - timedelta(minutes=count - story_id + 5)
        reading = rng.random() < 0.15
        holds = reading and live > 0  # a few moderators each reading one story; the other claims ran out
        live -= holds
        story = {"id": story_id, "reference": f"BENCH-{story_id:07d}", "title": f"Waiting story {story_id}",
                 "body": body, "moderated_body": None, "status": "in_review" if reading else "submitted",
                 "care_setting": rng.choice(settings) if rng.random() < 0.9 else None, "region": None,
                 "about_whom": None, "when_happened": None, "created_at": sent, "updated_at": sent,
                 "submitted_at": sent, "approved_at": None, "withdrawn_at": None, "key_hash": None,
                 "author_id": None, "supporter_id": None, "contributor_name": None}
        review = {"story_id": story_id, "prepared_at": sent, "urgent": story_id % 1000 == 7,
                  "prepared_body_hash": hashlib.sha256(body.encode()).hexdigest(),
                  "claimed_by_id": reader_id if reading else None,
                  "claimed_at": (now if holds else sent) if reading else None,
                  "claim_expires_at": (now + timedelta(hours=2) if holds else sent + timedelta(hours=2))
                  if reading else None}
        concern = ({"story_id": story_id, "category": "harm", "sentence": "Someone hurts me.", "reason": "Bench",
                    "raised_by_id": None, "raised_by_machine": True, "raised_at": sent, "action": None}
                   if review["urgent"] else None)
        yield story, review, concern


def _own(first_id: int, reader_id: int, now: datetime, rng: random.Random):
    for number in range(OWN_STORIES):
        story_id = first_id + number
        status = rng.choice(("approved", "approved", "approved", "declined", "draft", "changes_requested"))
        changed = now - timedelta(hours=number * 7 + 1)
        story = {"id": story_id, "reference": f"MINE-{story_id:07d}", "title": f"My story {number}",
                 "body": f"My story number {number}, in my own words.", "moderated_body": None, "status": status,
                 "care_setting": None, "region": None, "about_whom": None, "when_happened": None,
                 "created_at": changed, "updated_at": changed, "submitted_at": changed,
                 "approved_at": changed if status == "approved" else None, "withdrawn_at": None, "key_hash": None,
                 "author_id": reader_id, "supporter_id": None, "contributor_name": None}
        consent = {"story_id": story_id, "created_at": changed, "training": True, "partners": False, "public": False,
                   "research": False, "quotes": False, "withdrawn": False, "attribution": "anonymous",
                   "attribution_name": None, "review_date": (now + timedelta(days=700)).date(),
                   "wording_version": "2026-01", "method": "self", "recorded_by_id": reader_id,
                   "recorded_by_name": None}
        notes = [{"user_id": reader_id, "story_id": story_id, "text": f"News about your story {number}.",
                  "created_at": changed + timedelta(minutes=m), "read_at": None} for m in (1, 2)]
        yield story, consent, notes


def build(target: Target, size: int) -> dict:
    """Migrate an empty database and fill it; returns how long that took."""
    from sqlalchemy import insert, text

    from storybank.audit.models import AuditEvent
    from storybank.consent.models import ConsentRecord
    from storybank.moderation.models import Notification, SafeguardingConcern, StoryReview
    from storybank.stories.models import Story

    _fresh_database(target)
    flask(target, "db", "upgrade")
    flask(target, "users", "create", READER, "--role", "contributor", "--role", "moderator", "--role", "admin",
          stdin=READER_PASSWORD + "\n")
    engine = _engine(target)
    started = time.perf_counter()
    rng = random.Random(SEED)
    now = datetime.now(UTC)
    reader_id = _reader_id(engine)
    try:
        for batch in _batches(_waiting(size, reader_id, now, rng)):
            with engine.begin() as conn:
                conn.execute(insert(Story.__table__), [story for story, _, _ in batch])
                conn.execute(insert(StoryReview.__table__), [review for _, review, _ in batch])
                concerns = [concern for _, _, concern in batch if concern]
                if concerns:
                    conn.execute(insert(SafeguardingConcern.__table__), concerns)
        for batch in _batches(_own(size + 1, reader_id, now, rng)):
            with engine.begin() as conn:
                conn.execute(insert(Story.__table__), [story for story, _, _ in batch])
                conn.execute(insert(ConsentRecord.__table__), [consent for _, consent, _ in batch])
                conn.execute(insert(Notification.__table__), [n for _, _, notes in batch for n in notes])
        events = ({"occurred_at": now - timedelta(seconds=AUDIT_EVENTS - n), "actor_id": reader_id,
                   "actor_label": READER, "action": rng.choice(("story.submitted", "moderation.claimed",
                                                                "moderation.approved", "consent.changed")),
                   "object_type": "story", "object_id": str(1 + n % size), "before": None, "after": None,
                   "detail": None} for n in range(AUDIT_EVENTS))
        for batch in _batches(events):
            with engine.begin() as conn:
                conn.execute(insert(AuditEvent.__table__), batch)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if target.backend == "postgresql":
                for table in ("stories", "story_reviews", "safeguarding_concerns", "consent_records",
                              "notifications", "audit_events"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                      f"(SELECT coalesce(max(id), 1) FROM {table}))"))
                conn.execute(text("VACUUM ANALYZE"))  # what autovacuum would soon do on a live server
            else:
                conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()
    return {"generate_seconds": round(time.perf_counter() - started, 1)}


def target_for(database: str, size: int, postgres_url: str) -> Target:
    if database == "sqlite":
        path = Path(tempfile.gettempdir()) / "storybank-bench" / f"pages-{size}.sqlite"
        return Target("sqlite", f"sqlite:///{path}", sqlite_path=path)
    name = f"storybank_bench_pages_{size}"
    admin = postgres_url.replace("postgresql+psycopg://", "postgresql://", 1)
    return Target("postgresql", urlunsplit(urlsplit(admin)._replace(path=f"/{name}")), admin_url=admin, name=name)


def locust(server: Server, clients: int, seconds: int) -> dict[str, dict]:
    pages = [{"name": name, "path": path, "api": False} for name, path in PAGES]
    return run_locust(server, pages, user=READER, password=READER_PASSWORD, token="", clients=clients,
                      seconds=seconds)


def page_bytes(server: Server) -> dict[str, int]:
    """How big each page is, to show it does not grow with the number of stories."""
    import requests

    session = requests.Session()
    page = session.get(f"{server.url}/sign-in", timeout=30)
    token = page.text.split('name="csrf_token"', 1)[1].split('value="', 1)[1].split('"', 1)[0]
    session.post(f"{server.url}/sign-in", data={"csrf_token": token, "username": READER,
                                                "password": READER_PASSWORD}, timeout=30)
    return {name: len(session.get(server.url + path, timeout=60).content) for name, path in PAGES}


def run_size(target: Target, size: int, seconds: int, workers: int = 2) -> dict:
    log(f"{target.backend}: building {size} waiting stories")
    built = build(target, size)
    log(f"{target.backend}: written in {built['generate_seconds']} s; serving")
    server = Server(target, workers=workers)
    try:
        sizes = page_bytes(server)
        measured = {}
        for clients in (1, 8):
            log(f"{target.backend} {size}: {clients} client(s) for {seconds} s")
            measured[clients] = locust(server, clients, seconds)
    finally:
        server.stop()
    return {**built, "page_bytes": sizes, "clients_1": measured[1], "clients_8": measured[8]}


def print_table(backend: str, results: dict[int, dict]) -> None:
    print(f"\n{backend}: times in ms; target p95 < {TARGET_P95_MS:g} with 8 clients at {TARGET_SIZE} waiting")
    header = (f"{'waiting':>8} {'page':<16} {'KB':>6} {'1c p50':>8} {'1c p95':>8} {'8c p50':>8} {'8c p95':>8} "
              f"{'failed':>6}")
    print(header)
    print("-" * len(header))
    for size, result in results.items():
        for name, _path in PAGES:
            one, eight = result["clients_1"][name], result["clients_8"][name]
            cells = [one["median"], one["p95"], eight["median"], eight["p95"]]
            print(f"{size:>8} {name:<16} {result['page_bytes'][name] / 1000:>6.0f} "
                  + " ".join(f"{'-' if c is None else f'{c:.0f}':>8}" for c in cells)
                  + f" {one['failures'] + eight['failures']:>6}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="waiting stories, comma separated")
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument("--seconds", type=int, default=20, help="length of each Locust run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 1000,10000")
    if not sizes or min(sizes) < 1 or args.seconds < 1 or args.workers < 1:
        parser.error("--sizes, --seconds and --workers must be at least 1")
    postgres = os.environ.get("STORYBANK_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    print(f"StoryBank list pages benchmark: {', '.join(map(str, sizes))} waiting stories; {machine()}")
    report = {"sizes": sizes, "seconds": args.seconds, "workers": args.workers, "machine": machine(),
              "databases": {}}
    databases = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    for database in databases:
        results = {size: run_size(target_for(database, size, postgres), size, args.seconds, args.workers)
                   for size in sizes}
        print_table(database, results)
        report["databases"][database] = {str(size): result for size, result in results.items()}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
