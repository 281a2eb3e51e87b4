"""Benchmark for search: the app's search page and API under gunicorn, beside the same query run straight
against the database's full-text engine (the floor), on SQLite and PostgreSQL.

    python -m bench.search [--stories N] [--backend sqlite|postgresql|both] [--runs R] [--seconds S]

The data set (bench/search_data.py) is built once per backend and kept: a file under the temp directory for
SQLite, the database storybank_bench next to STORYBANK_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test) for PostgreSQL. Each run then measures, per query:

- the floor: the same SQL (full-text match, consent condition, filters, rank order, snippet, LIMIT 20) through
  sqlite3 or psycopg in this process, repeated, with no web framework; no count of all matches; and the same
  floor from 8 processes at once, each asking every query in turn with no pause (what the database engine alone
  gives with 8 clients on this machine);
- the app: Locust headless against gunicorn (2 workers) on 127.0.0.1, with 1 client and with 8 concurrent
  clients, each client asking every query in turn with no pause; a trainer signed in through the sign-in form
  for the web page, a token made by `flask api-tokens create` for the API. Before the first run, 2 clients ask
  every query for a few seconds, not counted, as the floor runs its statement once before timing it: each
  worker's first requests compile its templates and statements.

Targets: p95 under 100 ms with 8 clients; with 1 client, p95 within 3x the floor's p95. Words found in more than a
third of the stories are named, since a query on them may miss its target for that reason. The table goes to
stdout and the last line is one JSON object. Every loop is bounded (Locust by --seconds, the floor by a count and a
time limit) and all traffic is to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from bench import search_data
from bench.search_data import ROOT, TRAINER, TRAINER_PASSWORD, Target

TARGET_P95_MS = 100.0
FLOOR_FACTOR = 3.0
COMMON_SHARE = 1 / 3
FLOOR_MAX_RUNS = 200
FLOOR_SECONDS = 4.0
WARM_UP_SECONDS = 5
LOCUSTFILE = Path(__file__).with_name("search_locustfile.py")
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
BENCH_DATABASE = "storybank_bench"
MARKS = ("\x02", "\x03")
HEADLINE = f"StartSel={MARKS[0]}, StopSel={MARKS[1]}, MaxWords=30, MinWords=12, ShortWord=2"


@dataclass(frozen=True)
class Query:
    name: str
    words: tuple[str, ...] = ()
    phrase: str = ""
    care_setting: str = ""
    region: str = ""
    leave_out: str = ""
    tags: tuple[tuple[str, str], ...] = ()
    """(group slug, tag slug) pairs: a story needs one of the chosen tags of each group (as the search page)."""
    api: bool = False

    @property
    def text(self) -> str:
        return " ".join([*self.words, *([f'"{self.phrase}"'] if self.phrase else [])])

    def path(self, tag_ids: dict[tuple[str, str], int] | None = None) -> str:
        if self.api:
            return "/api/v1/stories?" + urlencode({"q": self.text})
        params = [("q", self.text), ("purpose", "training")]
        params += [(k, v) for k, v in (("care_setting", self.care_setting), ("region", self.region),
                                       ("exclude_warning", self.leave_out)) if v]
        params += [("tag", str((tag_ids or {})[tag])) for tag in self.tags]
        return "/search?" + urlencode(params)


QUERIES = [
    Query("one word", words=("discharge",)),
    Query("phrase", phrase="left alone"),
    Query("three words", words=("carer", "waiting", "toilet")),
    Query("three tags", words=("lonely",), tags=(("themes", "dignity"), ("themes", "rushed_care"),
                                                  ("barriers_to_kindness", "attitude_to_risk"))),
    Query("filters only", care_setting="Hospital", region="North West"),
    Query("API", words=("dignity",), api=True),
]
FILTER_NOTE = ("'three tags' is the word lonely with three confirmed-tag filters as a trainer ticks them: the themes "
               "Dignity or Rushed care, and the barrier Attitude to risk (one of the tags in each group ticked).")


@dataclass
class Figures:
    floor: list[dict] = field(default_factory=list)
    floor_eight: list[dict] = field(default_factory=list)
    one: list[dict] = field(default_factory=list)
    eight: list[dict] = field(default_factory=list)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def summary(times_ms: list[float]) -> dict:
    if not times_ms:
        return {"n": 0, "median": None, "p95": None}
    ordered = sorted(times_ms)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"n": len(ordered), "median": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def floor_sql(query: Query, backend: str, tag_ids: dict[tuple[str, str], int] | None = None) -> tuple[str, dict]:
    """The query the app makes, written by hand: same match, consent rule, filters, order and snippet."""
    params: dict = {"today": datetime.now(UTC).date()}
    consent = ("JOIN consent_records c ON c.story_id = s.id AND c.id = "
               "(SELECT max(l.id) FROM consent_records l WHERE l.story_id = s.id) "
               "AND c.training AND NOT c.withdrawn AND c.review_date >= :today")
    where = ["s.status = 'approved'", "s.withdrawn_at IS NULL", "s.moderated_body IS NOT NULL"]
    if query.care_setting:
        where.append("s.care_setting = :care_setting")
        params["care_setting"] = query.care_setting
    if query.region:
        where.append("s.region = :region")
        params["region"] = query.region
    groups: dict[str, list[int]] = {}
    for group, tag in query.tags:
        groups.setdefault(group, []).append((tag_ids or {})[(group, tag)])
    for number, ids in enumerate(groups.values()):
        where.append(f"EXISTS (SELECT 1 FROM story_tags st WHERE st.story_id = s.id AND st.status = 'confirmed' "
                     f"AND st.tag_id IN ({', '.join(f':tag{number}_{n}' for n in range(len(ids)))}))")
        params.update({f"tag{number}_{n}": tag_id for n, tag_id in enumerate(ids)})
    if query.leave_out:
        where.append("NOT EXISTS (SELECT 1 FROM moderation_suggestions m WHERE m.story_id = s.id AND "
                     "m.kind = 'content_warning' AND m.status = 'accepted' AND m.label = :leave_out)")
        params["leave_out"] = query.leave_out
    newest = "s.approved_at DESC, s.id DESC"
    if not (query.words or query.phrase):
        return (f"SELECT s.* FROM stories s {consent} WHERE {' AND '.join(where)} ORDER BY {newest} LIMIT 20",
                params)
    parts = [*query.words, *([query.phrase] if query.phrase else [])]
    if backend == "sqlite":
        params.update(match=" AND ".join(f'"{p}"' for p in parts), start=MARKS[0], end=MARKS[1])
        return (f"SELECT s.*, snippet(search_fts, 1, :start, :end, '…', 30) FROM search_fts "
                f"JOIN stories s ON s.id = search_fts.rowid {consent} "
                f"WHERE search_fts MATCH :match AND {' AND '.join(where)} "
                f"ORDER BY bm25(search_fts), {newest} LIMIT 20", params)
    params.update(q=" ".join(f'"{p}"' for p in parts), options=HEADLINE)
    document = "d.search_vector"  # the stored tsvector the app's engine uses (migration e7b2d4c8a1f3)
    return (f"SELECT s.*, ts_headline('english', d.body, q, :options) FROM search_documents d "
            f"JOIN stories s ON s.id = d.story_id {consent} "
            f"CROSS JOIN websearch_to_tsquery('english', :q) q "
            f"WHERE {document} @@ q AND {' AND '.join(where)} "
            f"ORDER BY ts_rank_cd({document}, q) DESC, {newest} LIMIT 20", params)


class Floor:
    """The database's own engine, reached without SQLAlchemy or Flask."""

    def __init__(self, target: Target):
        self.backend = target.backend
        if target.backend == "sqlite":
            import sqlite3

            self.conn = sqlite3.connect(target.sqlite_path)
        else:
            import psycopg

            self.conn = psycopg.connect(target.url, autocommit=True)

    def execute(self, sql: str, params: dict) -> list:
        if self.backend == "postgresql":
            sql = re.sub(r"(?<!:):(\w+)", r"%(\1)s", sql)
        return self.conn.execute(sql, params).fetchall()

    def tag_ids(self) -> dict[tuple[str, str], int]:
        return {(group, tag): tag_id for group, tag, tag_id in self.execute(
            "SELECT g.slug, t.slug, t.id FROM tags t JOIN tag_groups g ON g.id = t.group_id", {})}

    def time(self, query: Query, tag_ids: dict[tuple[str, str], int]) -> dict:
        sql, params = floor_sql(query, self.backend, tag_ids)
        self.execute(sql, params)  # warm-up
        times: list[float] = []
        deadline = time.perf_counter() + FLOOR_SECONDS
        while len(times) < FLOOR_MAX_RUNS and (len(times) < 10 or time.perf_counter() < deadline):
            started = time.perf_counter()
            rows = self.execute(sql, params)
            times.append((time.perf_counter() - started) * 1000)
        return {**summary(times), "rows": len(rows)}

    def share(self, word: str) -> float:
        """How many of the indexed stories contain the word (as the engine sees it)."""
        if self.backend == "sqlite":
            found = self.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH :w", {"w": f'"{word}"'})
        else:
            found = self.execute("SELECT count(*) FROM search_documents d "
                                 "WHERE d.search_vector @@ websearch_to_tsquery('english', :w)", {"w": f'"{word}"'})
        total = self.execute("SELECT count(*) FROM search_documents", {})[0][0]
        return found[0][0] / total if total else 0.0

    def close(self) -> None:
        self.conn.close()


def _floor_client(target: Target, position: int, seconds: float, out) -> None:
    """One of the floor's concurrent clients: every query in turn, no pause, like a Locust client."""
    floor = Floor(target)
    tag_ids = floor.tag_ids()
    prepared = [(q.name, *floor_sql(q, target.backend, tag_ids)) for q in QUERIES]
    times: dict[str, list[float]] = {name: [] for name, _, _ in prepared}
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        name, sql, params = prepared[position % len(prepared)]
        position += 1
        started = time.perf_counter()
        floor.execute(sql, params)
        times[name].append((time.perf_counter() - started) * 1000)
    floor.close()
    out.put(times)


def floor_concurrent(target: Target, clients: int, seconds: float) -> dict[str, dict]:
    """The floor with ``clients`` processes asking at once: what the database engine alone gives with 8 clients
    on this machine, the bound under the app's 8-client figures."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    out = context.Queue()
    workers = [context.Process(target=_floor_client, args=(target, n, seconds, out)) for n in range(clients)]
    for worker in workers:
        worker.start()
    gathered: dict[str, list[float]] = {q.name: [] for q in QUERIES}
    for _ in workers:
        for name, times in out.get(timeout=seconds + 300).items():
            gathered[name].extend(times)
    for worker in workers:
        worker.join(timeout=30)
    return {name: summary(times) for name, times in gathered.items()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 workers on 127.0.0.1, rate limits set high so they do not shape the figures. gunicorn.conf.py
    is read as in production, except that workers are never replaced mid-run (a worker loading the app again would
    show in the figures as a pause).

    ``extra_env`` adds to (or overrides) the server's environment; ``log`` takes gunicorn's and the app's output
    (tracebacks included) instead of this process's stderr."""

    def __init__(self, target: Target, *, workers: int = 2, extra_env: dict[str, str] | None = None,
                 log: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = search_data.flask_env(target)
        env.update(STORYBANK_API_RATE_LIMIT="1000000 per minute",
                   STORYBANK_SIGN_IN_RATE_LIMIT="100000 per minute;1000000 per hour")
        env.update(extra_env or {})
        self._log = log.open("ab") if log is not None else None
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "--workers", str(workers), "--bind",
             f"127.0.0.1:{self.port}", "--log-level", "warning", "--max-requests", "0", "wsgi:app"], cwd=ROOT, env=env,
            stdout=self._log, stderr=self._log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/sign-in", timeout=5) as response:  # noqa: S310 — http://127.0.0.1
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not answer on /sign-in within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        if self._log is not None:
            self._log.close()


def run_locust(server: Server, requests: list[dict], *, user: str, password: str, token: str, clients: int,
               seconds: int) -> dict[str, dict]:
    """Locust headless against ``server``: each client signs in as ``user`` and asks every request in turn, never
    pausing. Median, p95 and failures per request name (shared by the search and list-page benchmarks)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "times.json"
        env = dict(os.environ, BENCH_QUERIES=json.dumps(requests), BENCH_TRAINER=user, BENCH_PASSWORD=password,
                   BENCH_TOKEN=token, BENCH_OUT=str(out))
        finished = subprocess.run(
            [str(Path(sys.executable).with_name("locust")), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
             "--users", str(clients), "--spawn-rate", str(clients), "--run-time", f"{seconds}s",
             "--stop-timeout", "10", "--host", server.url, "--loglevel", "ERROR", "--exit-code-on-error", "0"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + 120, check=False)
        if finished.returncode != 0 or not out.exists():
            raise RuntimeError(f"locust failed ({finished.returncode}):\n{finished.stderr[-3000:]}")
        recorded = json.loads(out.read_text())
    names = [r["name"] for r in requests]
    return {name: {**summary(recorded["times"].get(name, [])), "failures": recorded["failures"].get(name, 0)}
            for name in names}


def locust(server: Server, token: str, clients: int, seconds: int,
           tag_ids: dict[tuple[str, str], int]) -> dict[str, dict]:
    queries = [{"name": q.name, "path": q.path(tag_ids), "api": q.api} for q in QUERIES]
    return run_locust(server, queries, user=TRAINER, password=TRAINER_PASSWORD, token=token, clients=clients,
                      seconds=seconds)


def targets(backend: str, postgres_url: str, count: int) -> list[Target]:
    chosen = []
    if backend in ("sqlite", "both"):
        path = Path(tempfile.gettempdir()) / "storybank-bench" / f"search-{count}.sqlite"
        chosen.append(Target("sqlite", f"sqlite:///{path}", sqlite_path=path))
    if backend in ("postgresql", "both"):
        name = BENCH_DATABASE if count == 100_000 else f"{BENCH_DATABASE}_{count}"
        parts = urlsplit(postgres_url.replace("postgresql+psycopg://", "postgresql://", 1))
        chosen.append(Target("postgresql", urlunsplit(parts._replace(path=f"/{name}")), admin_url=postgres_url
                             .replace("postgresql+psycopg://", "postgresql://", 1), name=name))
    return chosen


def spread(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "-"
    low, high = min(known), max(known)
    return f"{low:.0f}" if round(low) == round(high) else f"{low:.0f}–{high:.0f}"


def verdicts(figures: Figures) -> tuple[bool, bool]:
    eight_ok = all(r["p95"] is not None and r["p95"] < TARGET_P95_MS for r in figures.eight)
    one_ok = all(o["p95"] is not None and f["p95"] is not None and o["p95"] <= FLOOR_FACTOR * max(f["p95"], 1.0)
                 for o, f in zip(figures.one, figures.floor, strict=True))
    return eight_ok, one_ok


def print_table(backend: str, meta: dict, size: dict, results: dict[str, Figures], shares: dict[str, float],
                runs: int) -> None:
    mb = size["total"] / 1e6
    search_mb = f", search index {size['search'] / 1e6:.0f} MB" if size.get("search") else ""
    print(f"\n{backend}: database {mb:.0f} MB{search_mb}; index built in {meta['index_seconds']} s "
          f"(data written in {meta['generate_seconds']} s, built {meta['built_at']})")
    print(f"times in ms, range over {runs} run(s) | 1 client: p95 within {FLOOR_FACTOR:g}x floor p95 | "
          f"8 clients: p95 < {TARGET_P95_MS:g}")
    header = (f"{'query':<14} {'floor med':>10} {'floor p95':>10} {'floor8 med':>10} {'floor8 p95':>10} "
              f"{'1c med':>10} {'1c p95':>10} {'8c med':>10} {'8c p95':>10}  targets")
    print(header)
    print("-" * len(header))
    for query in QUERIES:
        f = results[query.name]
        eight_ok, one_ok = verdicts(f)
        common = [w for w in (*query.words, *query.phrase.split()) if shares.get(w, 0) > COMMON_SHARE]
        note = ("1c ok" if one_ok else "1c MISSED") + (", 8c ok" if eight_ok else ", 8c MISSED")
        if common and not (one_ok and eight_ok):
            note += f" (common word: {', '.join(f'{w} {shares[w]:.0%}' for w in common)})"
        if not eight_ok and any(r["p95"] is not None and r["p95"] >= TARGET_P95_MS for r in f.floor_eight):
            note += "; the floor itself misses 8c"
        cells = [spread([r[key] for r in measured]) for measured in (f.floor, f.floor_eight, f.one, f.eight)
                 for key in ("median", "p95")]
        print(f"{query.name:<14} " + " ".join(f"{cell:>10}" for cell in cells) + f"  {note}")
    words = sorted(shares.items(), key=lambda item: -item[1])
    print("share of stories containing each word: " + ", ".join(f"{w} {s:.0%}" for w, s in words))
    print(FILTER_NOTE)


def run_backend(target: Target, count: int, runs: int, seconds: int, rebuild: bool) -> dict:
    meta = search_data.prepare(target, count, log, rebuild=rebuild)
    size = search_data.database_bytes(target)
    token = search_data.api_token(target)
    floor = Floor(target)
    tag_ids = floor.tag_ids()
    words = sorted({w for q in QUERIES for w in (*q.words, *q.phrase.split())})
    shares = {w: floor.share(w) for w in words}
    results = {q.name: Figures() for q in QUERIES}
    server = Server(target)
    try:
        # As the floor runs its statement once before timing it: each gunicorn worker's first requests compile the
        # templates and SQL statements (once per worker, which then serves about a thousand requests).
        log(f"{target.backend}: warming the app's workers with 2 clients for {WARM_UP_SECONDS} s (not counted)")
        locust(server, token, 2, WARM_UP_SECONDS, tag_ids)
        for run in range(1, runs + 1):
            log(f"{target.backend}: run {run}/{runs}: floor")
            for query in QUERIES:
                results[query.name].floor.append(floor.time(query, tag_ids))
            log(f"{target.backend}: run {run}/{runs}: floor with 8 clients for {seconds} s")
            for name, figures in floor_concurrent(target, 8, seconds).items():
                results[name].floor_eight.append(figures)
            for clients in (1, 8):
                log(f"{target.backend}: run {run}/{runs}: {clients} client(s) for {seconds} s")
                measured = locust(server, token, clients, seconds, tag_ids)
                for query in QUERIES:
                    (results[query.name].one if clients == 1 else results[query.name].eight).append(
                        measured[query.name])
    finally:
        server.stop()
        floor.close()
    print_table(target.backend, meta, size, results, shares, runs)
    return {"database_bytes": size["total"], "search_bytes": size["search"], "index_seconds": meta["index_seconds"],
            "generate_seconds": meta["generate_seconds"], "reused": meta["reused"],
            "word_share": {w: round(s, 3) for w, s in shares.items()},
            "queries": {name: {"floor": f.floor, "floor_clients_8": f.floor_eight, "clients_1": f.one,
                               "clients_8": f.eight,
                               "targets_met": dict(zip(("clients_8", "clients_1"), verdicts(f), strict=True))}
                        for name, f in results.items()}}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=100_000, help="how many approved stories (default 100000)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--runs", type=int, default=2, help="measure this many times; the table gives the range")
    parser.add_argument("--seconds", type=int, default=30, help="length of each Locust run")
    parser.add_argument("--rebuild", action="store_true", help="build the data set again even if it is cached")
    args = parser.parse_args(argv)
    if args.stories < 1 or args.runs < 1 or args.seconds < 1:
        parser.error("--stories, --runs and --seconds must be at least 1")
    postgres = os.environ.get("STORYBANK_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    print(f"StoryBank search benchmark: {args.stories} approved stories; {machine()}")
    report = {"stories": args.stories, "runs": args.runs, "seconds": args.seconds, "machine": machine(),
              "backends": {}}
    for target in targets(args.backend, postgres, args.stories):
        report["backends"][target.backend] = run_backend(target, args.stories, args.runs, args.seconds, args.rebuild)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
