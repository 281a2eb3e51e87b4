"""One search request, in process: where the app's fixed cost goes, beside the bare SQL (the floor) in the same run.

    python -m bench.search_profile [--stories N] [--backend sqlite|postgresql] [--requests R] [--profile NAME] [--gc]

Builds (or reuses) the same data set as ``bench.search`` (bench/search_data.py), creates the app in this process
against it, signs a trainer in through the sign-in form and makes an API token, then asks each request R times
through Flask's test client (no gunicorn, no network): the filter-only listing, a one-word search and the API.
Beside each: the median of the floor (bench.search's hand-written SQL, through sqlite3 or psycopg), and the SQL
statements the request ran. ``--profile NAME`` prints a cProfile of that request instead (cumulative time; or the
order PROFILE_SORT names, such as tottime). ``--gc`` prints instead how long the garbage collector's collections
took per request, before and after the worker's start-up objects are frozen as gunicorn's workers do
(storybank.serving.keep_out_of_full_collections).

These are in-process figures, for comparing the app's own cost with the floor within one run; the figures that
count are ``make bench-search``'s (gunicorn and Locust).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

from bench import search_data
from bench.search import Floor, Query, floor_sql, targets
from bench.search_data import TRAINER, TRAINER_PASSWORD

REQUESTS = {
    "filters only": Query("filters only", care_setting="Hospital", region="North West"),
    "one word": Query("one word", words=("discharge",)),
    "API": Query("API", words=("dignity",), api=True),
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_app(target):
    env = search_data.flask_env(target)
    env.update(STORYBANK_API_RATE_LIMIT="1000000 per minute",
               STORYBANK_SIGN_IN_RATE_LIMIT="100000 per minute;1000000 per hour")
    os.environ.update(env)
    from storybank import create_app

    return create_app()


def signed_in_client(app, username: str = TRAINER, password: str = TRAINER_PASSWORD):
    client = app.test_client()
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
    response = client.post("/sign-in", data={"csrf_token": token.group(1), "username": username,
                                             "password": password})
    if response.status_code != 302:
        raise RuntimeError(f"could not sign in: {response.status_code}")
    return client


class Statements:
    """The SQL statements the app sends, with their parameters (an engine event listener)."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.sent: list[tuple[str, object]] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, *_args) -> None:
        self.sent.append((statement, parameters))


def own_sql(floor: Floor, sent: list[tuple[str, object]], times: int) -> tuple[float, float]:
    """The app's own statements for one request, run again straight through the floor's connection: what the
    request costs in the database, so that the rest is the app's own cost."""
    def run() -> None:
        for statement, parameters in sent:
            floor.conn.execute(statement, parameters).fetchall()

    run()
    return timed(run, times)


def timed(work, times: int) -> tuple[float, float]:
    """Medians (ms) of wall-clock and CPU time of this process over ``times`` runs of ``work``."""
    wall, cpu = [], []
    for _ in range(times):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def collections(ask, requests: int) -> None:
    """Each generation's collections over ``requests`` of each request, and the longest, before and after freezing
    what the process has loaded, as a warmed gunicorn worker does."""
    import gc

    from storybank.serving import keep_out_of_full_collections

    started: list[float] = []
    seen: dict[int, list[float]] = {}

    def timed_collection(phase: str, info: dict) -> None:
        if phase == "start":
            started[:] = [time.perf_counter()]
        else:
            seen.setdefault(info["generation"], []).append((time.perf_counter() - started[0]) * 1000)

    gc.callbacks.append(timed_collection)
    try:
        for frozen in (False, True):
            if frozen:
                keep_out_of_full_collections()
            for name, query in REQUESTS.items():
                seen.clear()
                for _ in range(requests):
                    ask(query)
                each = "; ".join(f"generation {generation}: {len(times)} taking {sum(times) / requests:.2f} ms a "
                                 f"request, the longest {max(times):.1f} ms"
                                 for generation, times in sorted(seen.items()))
                print(f"{'frozen' if frozen else 'as loaded'} ({gc.get_freeze_count()} frozen), {name}, "
                      f"{requests} requests: {each or 'no collections'}")
    finally:
        gc.callbacks.remove(timed_collection)
        gc.unfreeze()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=8000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--profile", choices=sorted(REQUESTS), help="print a cProfile of this request")
    parser.add_argument("--gc", action="store_true", help="print the garbage collector's time per request")
    args = parser.parse_args(argv)
    postgres = os.environ.get("STORYBANK_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    target = targets(args.backend, postgres, args.stories)[0]
    if target.backend == "sqlite" and os.environ.get("BENCH_SQLITE_PATH"):
        path = Path(os.environ["BENCH_SQLITE_PATH"])
        target = type(target)("sqlite", f"sqlite:///{path}", sqlite_path=path)
    search_data.prepare(target, args.stories, log)
    token = search_data.api_token(target)
    app = make_app(target)
    client = signed_in_client(app)
    headers = {"Authorization": f"Bearer {token}"}
    with app.app_context():
        from storybank.extensions import db

        statements = Statements(db.engine)
    floor = Floor(target)

    def ask(query: Query):
        response = client.get(query.path(), headers=headers if query.api else None)
        if response.status_code != 200:
            raise RuntimeError(f"{query.path()} answered {response.status_code}")
        return response

    if args.profile:
        query = REQUESTS[args.profile]
        for _ in range(5):
            ask(query)
        from storybank.serving import keep_out_of_full_collections

        keep_out_of_full_collections()  # as a warmed gunicorn worker does: full collections are then short
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            ask(query)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative"))
        print(f"cProfile of {args.requests} x {query.path()} (cumulative; divide by {args.requests} per request)")
        stats.print_stats(60)
        return 0

    if args.gc:
        collections(ask, args.requests)
        return 0

    print(f"{args.backend}, {args.stories} stories, median of {args.requests} requests, in process. ms of wall clock "
          "and of CPU time of this process (less disturbed by other work on the machine; on PostgreSQL the database's "
          "own CPU is not in it). floor: bench.search's SQL for the query; app: the request; app SQL: the request's "
          "own statements run again straight through the same connection as the floor; fixed: app - app SQL.")
    columns = f"{'app':>6} {'app SQL':>7} {'fixed':>6} {'app/floor':>9}"
    print(f"{'request':<13} {'stmts':>5} | {'wall: floor':>11} {columns} | {'cpu: floor':>10} {columns}")
    for name, query in REQUESTS.items():
        for _ in range(3):
            ask(query)
        statements.sent.clear()
        ask(query)
        sent = list(statements.sent)
        app_ms, app_cpu = timed(lambda query=query: ask(query), args.requests)
        sql, params = floor_sql(query, target.backend)
        floor.execute(sql, params)
        floor_ms, floor_cpu = timed(lambda sql=sql, params=params: floor.execute(sql, params), args.requests)
        own_ms, own_cpu = own_sql(floor, sent, args.requests)
        wall = f"{app_ms:>6.1f} {own_ms:>7.1f} {app_ms - own_ms:>6.1f} {app_ms / floor_ms:>9.1f}"
        cpu = f"{app_cpu:>6.1f} {own_cpu:>7.1f} {app_cpu - own_cpu:>6.1f} {app_cpu / max(floor_cpu, 0.1):>9.1f}"
        print(f"{name:<13} {len(sent):>5} | {floor_ms:>11.1f} {wall} | {floor_cpu:>10.1f} {cpu}")
    floor.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
