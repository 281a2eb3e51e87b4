"""The data set for `make bench-search`: fictional approved stories, built with bulk inserts and kept between runs.

Words follow a Zipf-like law (weight 1/rank) over a few thousand words: the most frequent lower-case English words
from spaCy's lexeme probabilities (spacy-lookups-data, already a dependency), with care vocabulary placed among
them at ranks from common (carer, in about 60% of stories) to rare (overdose), and a few care phrases planted in
some stories. Stories are 150–800 words, in varied care settings and regions; some have accepted content
warnings; consent records allow training, partners and public in varied mixes (some stories have an older record
that the newest one replaces, a few have withdrawn), all with review dates in the future; each has confirmed tags
from the seeded taxonomy (one to three themes, its care setting, a barrier to kindness on half).
Originals are left empty, as after STORYBANK_PURGE_ORIGINALS_DAYS: only the moderated text is searched.

The database is migrated empty with `flask db upgrade`, then filled with Core executemany (SQLite) or COPY
(PostgreSQL); the search index is built by one INSERT … SELECT that writes the same search_documents rows as
``storybank.search.services.reindex_all`` (title, moderated text, for approved stories not withdrawn), through the
migration's triggers (FTS5) or GIN index (PostgreSQL), and timed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

GENERATOR_VERSION = 4  # 4: stories carry a moderated_title, which the search index reads
SEED = 20261204
BATCH = 2000
TRAINER = "bench-trainer"
TRAINER_PASSWORD = "bench trainer reads stories slowly"  # noqa: S105 — a local benchmark database only
ROOT = Path(__file__).resolve().parents[1]

CARE_WORDS = [  # in rank order: words[i] goes at rank 60 * 1.06**i (carer common, reablement rare)
    "carer", "mum", "home", "help", "care", "staff", "nurse", "family", "hospital", "support", "visit", "bed",
    "doctor", "ward", "appointment", "pain", "waiting", "medication", "bathroom", "shower", "social", "worker",
    "meals", "tablets", "frightened", "listened", "agency", "manager", "falls", "review", "toilet", "dementia",
    "wheelchair", "discharge", "respite", "assessment", "pharmacy", "ambulance", "nursing", "rota", "dignity",
    "visits", "lonely", "hoist", "commode", "continence", "funding", "budget", "package", "advocate", "complaint",
    "isolated", "independence", "fall", "dressing", "bathing", "catheter", "pressure", "sores", "stroke",
    "mobility", "lift", "ramp", "daycentre", "keysafe", "reablement", "occupational", "therapist", "physio",
    "befriender", "safeguarding", "neglect", "bereavement", "hospice", "palliative", "funeral", "abuse", "racism",
    "overdose",
]
PHRASES = ["left alone", "hospital discharge", "waiting for the carer", "treated with dignity", "nobody listened",
           "fifteen minute visit", "on the toilet", "sent home too early"]
LEAVE_OUT = {"deleted", "reddit", "redditors", "subreddit", "lol", "fuck", "fucking", "shit", "damn", "upvote",
             "upvotes", "downvote", "downvotes", "op", "gif", "imgur", "url", "http", "https", "www", "com"}
REGIONS = ["North East", "North West", "Yorkshire", "East Midlands", "West Midlands", "East of England", "London",
           "South East", "South West", "Cornwall", "Wales", "Glasgow", "Edinburgh", "Belfast", "Cumbria", None]
WARNINGS = ["death and dying", "suicide and self-harm", "abuse", "domestic abuse", "neglect",
            "racism and discrimination", "risk to life"]
ORDINARY_WORDS = 3000


@dataclass(frozen=True)
class Target:
    """One backend's database: its URL for the app and how to reach it without the app."""

    backend: str
    url: str
    sqlite_path: Path | None = None
    admin_url: str | None = None
    name: str | None = None


def vocabulary() -> tuple[list[str], list[float]]:
    """Words in rank order with Zipf weights; care words interleaved from rank 40 to about 2500."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf8") as handle:
        probs = json.load(handle)
    care = set(CARE_WORDS)
    ordinary = [w for _, w in sorted(((p, w) for w, p in probs.items()
                                      if w.isascii() and w.isalpha() and w.islower() and w not in LEAVE_OUT
                                      and w not in care and (len(w) > 1 or w in "ai")), reverse=True)]
    words = ordinary[:ORDINARY_WORDS]
    for number, word in enumerate(CARE_WORDS):
        words.insert(int(60 * 1.06**number) - 1, word)
    return words, [1.0 / r for r in range(1, len(words) + 1)]


def story_texts(count: int, rng: random.Random) -> Iterator[tuple[str, str]]:
    words, weights = vocabulary()
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    for _ in range(count):
        length = rng.randint(150, 800)
        chosen = rng.choices(words, cum_weights=cumulative, k=length)
        if rng.random() < 0.15:
            at = rng.randrange(length)
            chosen[at:at + 1] = PHRASES[rng.randrange(len(PHRASES))].split()
        sentences, start = [], 0
        while start < len(chosen):
            end = start + rng.randint(6, 22)
            sentence = " ".join(chosen[start:end])
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
            start = end
        title_words = rng.choices(words[30:], cum_weights=None, k=rng.randint(3, 7))
        yield " ".join(title_words).capitalize(), " ".join(sentences)


def _story_tags(story_id: int, care_setting: str | None, taxonomy: dict[str, list[tuple[int, str]]],
                when: datetime, rng: random.Random) -> list[dict]:
    """Confirmed tags as trainers and moderators would leave them: one to three themes (the first themes far more
    often than the last), the care-setting tag matching the story's care setting, and a barrier on half."""
    themes = taxonomy.get("themes", [])
    weights = [1 / (rank + 1) for rank in range(len(themes))]
    chosen = {tag_id for tag_id, _ in rng.choices(themes, weights=weights, k=rng.choice((1, 1, 2, 2, 3)))}
    chosen |= {tag_id for tag_id, name in taxonomy.get("care_settings", []) if name == care_setting}
    barriers = taxonomy.get("barriers_to_kindness", [])
    if barriers and rng.random() < 0.5:
        chosen.add(rng.choice(barriers)[0])
    return [{"story_id": story_id, "tag_id": tag_id, "status": "confirmed", "source": "person",
             "trigger_words": None, "created_at": when, "decided_by_id": None, "decided_at": when}
            for tag_id in sorted(chosen)]


def rows(count: int, today: date, taxonomy: dict[str, list[tuple[int, str]]]
         ) -> Iterator[tuple[list[dict], list[dict], list[dict], list[dict]]]:
    """Batches of (stories, consent records, content warnings, confirmed tags), with story ids 1..count.
    ``taxonomy``: the seeded tags by group slug, as (id, name)."""
    from storybank.stories.forms import CARE_SETTINGS

    rng = random.Random(SEED)
    settings = [s for s in CARE_SETTINGS if s]
    now = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    stories, consents, warnings, tags = [], [], [], []
    for story_id, (title, text) in enumerate(story_texts(count, rng), start=1):
        approved = now - timedelta(minutes=rng.randint(60, 4 * 365 * 24 * 60))
        created = approved - timedelta(hours=rng.randint(2, 24 * 20))
        care_setting = rng.choice(settings) if rng.random() < 0.9 else None
        tags += _story_tags(story_id, care_setting, taxonomy, approved, rng)
        stories.append({
            "id": story_id, "reference": f"BENCH-{story_id:07d}", "title": title, "moderated_title": title,
            "body": None, "moderated_body": text, "care_setting": care_setting,
            "region": rng.choice(REGIONS), "about_whom": None, "when_happened": None, "status": "approved",
            "created_at": created, "updated_at": approved, "submitted_at": created, "approved_at": approved,
            "withdrawn_at": None, "key_hash": None, "author_id": None, "supporter_id": None,
            "contributor_name": None,
        })
        records = 2 if rng.random() < 0.2 else 1
        for number in range(records):
            latest = number == records - 1
            consents.append({
                "story_id": story_id, "created_at": created + timedelta(hours=number),
                "training": rng.random() < 0.85, "partners": rng.random() < 0.5, "public": rng.random() < 0.3,
                "research": rng.random() < 0.3, "quotes": rng.random() < 0.3,
                "withdrawn": latest and rng.random() < 0.03, "attribution": "anonymous", "attribution_name": None,
                "review_date": today + timedelta(days=rng.randint(30, 3 * 365)), "wording_version": "2026-01",
                "method": "self", "recorded_by_id": None, "recorded_by_name": None,
            })
        if rng.random() < 0.25:
            for label in rng.sample(WARNINGS, rng.choice((1, 1, 2))):
                warnings.append({
                    "story_id": story_id, "kind": "content_warning", "label": label, "span_start": None,
                    "span_end": None, "original_text": None, "reason": "Benchmark data", "confidence": None,
                    "status": "accepted", "replacement": None, "source": "moderator", "created_at": approved,
                    "created_by_id": None, "decided_by_id": None, "decided_at": approved,
                })
        if len(stories) >= BATCH:
            yield stories, consents, warnings, tags
            stories, consents, warnings, tags = [], [], [], []
    if stories:
        yield stories, consents, warnings, tags


def flask_env(target: Target) -> dict[str, str]:
    env = dict(os.environ)
    env.update(FLASK_APP="wsgi.py", DATABASE_URL=target.url, SECRET_KEY="bench-search-not-secret",  # noqa: S106 — local only
               STORYBANK_ENV="development")
    return env


def flask(target: Target, *args: str, stdin: str | None = None, timeout: int = 600) -> str:
    result = subprocess.run([sys.executable, "-m", "flask", *args], cwd=ROOT, env=flask_env(target), input=stdin,
                            capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _engine(target: Target):
    from sqlalchemy import create_engine

    return create_engine(target.url.replace("postgresql://", "postgresql+psycopg://", 1))


def _pg_admin(target: Target):
    import psycopg

    return psycopg.connect(target.admin_url, autocommit=True)


def _meta_expected(count: int) -> str:
    return f"storybank-bench search v{GENERATOR_VERSION} stories={count}"


def cached_meta(target: Target, count: int) -> dict | None:
    """The build figures saved with a database that already holds this data set, or None to build it again."""
    from sqlalchemy import text

    if target.backend == "sqlite":
        meta_file = target.sqlite_path.with_suffix(".json")
        if not (target.sqlite_path.exists() and meta_file.exists()):
            return None
        meta = json.loads(meta_file.read_text())
    else:
        with _pg_admin(target) as conn:
            row = conn.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                               (target.name,)).fetchone()
        if not row or not row[0]:
            return None
        meta = json.loads(row[0])
    if meta.get("generator") != _meta_expected(count):
        return None
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            stories = conn.scalar(text("SELECT count(*) FROM stories"))
            documents = conn.scalar(text("SELECT count(*) FROM search_documents"))
    except Exception:  # noqa: BLE001 — any failure means: build it again
        return None
    finally:
        engine.dispose()
    return meta if stories == count and documents == count else None


def _save_meta(target: Target, meta: dict) -> None:
    if target.backend == "sqlite":
        target.sqlite_path.with_suffix(".json").write_text(json.dumps(meta))
        return
    with _pg_admin(target) as conn:
        conn.execute(f"COMMENT ON DATABASE {target.name} IS {_quote(json.dumps(meta))}")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _fresh_database(target: Target) -> None:
    if target.backend == "sqlite":
        target.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        path = target.sqlite_path
        for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.with_suffix(".json")):
            stale.unlink(missing_ok=True)
        return
    with _pg_admin(target) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {target.name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {target.name}")


def _insert_sqlite(engine, stories, consents, warnings, tags) -> None:
    from sqlalchemy import insert

    from storybank.consent.models import ConsentRecord
    from storybank.moderation.models import Suggestion
    from storybank.stories.models import Story
    from storybank.tagging.models import StoryTag

    with engine.begin() as conn:
        conn.execute(insert(Story.__table__), stories)
        conn.execute(insert(ConsentRecord.__table__), consents)
        if warnings:
            conn.execute(insert(Suggestion.__table__), warnings)
        if tags:
            conn.execute(insert(StoryTag.__table__), tags)


def taxonomy_of(engine) -> dict[str, list[tuple[int, str]]]:
    """The tags the migrations seeded, by group slug, as (id, name), in their seeded order."""
    from sqlalchemy import text

    found: dict[str, list[tuple[int, str]]] = {}
    with engine.connect() as conn:
        for group, tag_id, name in conn.execute(text(
                "SELECT g.slug, t.id, t.name FROM tags t JOIN tag_groups g ON g.id = t.group_id ORDER BY t.id")):
            found.setdefault(group, []).append((tag_id, name))
    return found


def _copy(cursor, table: str, batch: list[dict]) -> None:
    if not batch:
        return
    columns = list(batch[0])
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in batch:
            copy.write_row([row[c] for c in columns])


def build(target: Target, count: int, log) -> dict:
    """Migrate an empty database, fill it and index it; returns the timings and sizes."""
    from sqlalchemy import text

    _fresh_database(target)
    started = time.perf_counter()
    flask(target, "db", "upgrade")
    log(f"  migrated an empty database in {time.perf_counter() - started:.1f} s")
    flask(target, "users", "create", TRAINER, "--role", "trainer", stdin=TRAINER_PASSWORD + "\n")
    today = datetime.now(UTC).date()
    engine = _engine(target)
    taxonomy = taxonomy_of(engine)
    started = time.perf_counter()
    done = 0
    if target.backend == "sqlite":
        for stories, consents, warnings, tags in rows(count, today, taxonomy):
            _insert_sqlite(engine, stories, consents, warnings, tags)
            done += len(stories)
            if done % 20000 == 0:
                log(f"  {done} stories written")
    else:
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            for stories, consents, warnings, tags in rows(count, today, taxonomy):
                _copy(cursor, "stories", stories)
                _copy(cursor, "consent_records", consents)
                _copy(cursor, "moderation_suggestions", warnings)
                _copy(cursor, "story_tags", tags)
                raw.commit()
                done += len(stories)
                if done % 20000 == 0:
                    log(f"  {done} stories written")
            for table in ("stories", "consent_records", "moderation_suggestions", "story_tags"):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT coalesce(max(id), 1) FROM {table}))")
            raw.commit()
        finally:
            raw.close()
    generate_seconds = time.perf_counter() - started
    log(f"  {count} stories generated and written in {generate_seconds:.1f} s")
    started = time.perf_counter()
    with engine.begin() as conn:
        if target.backend == "postgresql":
            conn.execute(text("SET maintenance_work_mem = '256MB'"))
        conn.execute(text(
            "INSERT INTO search_documents (story_id, title, body, indexed_at) "
            "SELECT id, coalesce(moderated_title, ''), moderated_body, :now FROM stories "
            "WHERE status = 'approved' AND withdrawn_at IS NULL AND moderated_body IS NOT NULL"),
            {"now": datetime.now(UTC)})
    index_seconds = time.perf_counter() - started
    log(f"  search index built in {index_seconds:.1f} s")
    engine.dispose()
    vacuum(target)
    meta = {"generator": _meta_expected(count), "generate_seconds": round(generate_seconds, 1),
            "index_seconds": round(index_seconds, 1), "built_at": datetime.now(UTC).isoformat(timespec="seconds")}
    _save_meta(target, meta)
    return meta


def vacuum(target: Target) -> None:
    """VACUUM ANALYZE on PostgreSQL: what autovacuum would soon do on a live server, after a build or after a
    migration that rewrote rows (a copy of the database starts with no autovacuum history of its own)."""
    if target.backend != "postgresql":
        return
    from sqlalchemy import text

    engine = _engine(target)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    finally:
        engine.dispose()


def prepare(target: Target, count: int, log, rebuild: bool = False) -> dict:
    meta = None if rebuild else cached_meta(target, count)
    if meta is None:
        log(f"{target.backend}: building {count} stories (generator v{GENERATOR_VERSION})")
        meta = build(target, count, log)
        meta["reused"] = False
    else:
        log(f"{target.backend}: reusing the data set built {meta['built_at']}; bringing its schema up to date")
        flask(target, "db", "upgrade")
        vacuum(target)
        meta["reused"] = True
    return meta


def api_token(target: Target) -> str:
    output = flask(target, "api-tokens", "create", TRAINER, "--name", "bench-search")
    return output.strip().splitlines()[-1].strip()


def database_bytes(target: Target) -> dict[str, int]:
    """The whole database, and the part the search index takes (documents plus the full-text index)."""
    from sqlalchemy import text

    engine = _engine(target)
    try:
        with engine.connect() as conn:
            if target.backend == "sqlite":
                page = conn.scalar(text("PRAGMA page_size"))
                total = conn.scalar(text("PRAGMA page_count")) * page
                try:
                    search = conn.scalar(text(
                        "SELECT sum(pgsize) FROM dbstat WHERE name = 'search_documents' OR name LIKE 'search_fts%'"))
                except Exception:  # noqa: BLE001 — dbstat is optional in SQLite builds
                    search = None
            else:
                total = conn.scalar(text("SELECT pg_database_size(current_database())"))
                search = conn.scalar(text("SELECT pg_total_relation_size('search_documents')"))
    finally:
        engine.dispose()
    return {"total": int(total), "search": int(search) if search is not None else None}
