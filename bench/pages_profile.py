"""The list pages, in process: what one signed-in page costs the app (CPU and SQL statements), to find where it goes.

    python -m bench.pages_profile [--size N] [--database PATH] [--rebuild] [--requests R] [--rounds K]
                                  [--statements] [--profile NAME] [--sort cumulative|tottime] [--save DIR]

Builds (once; ``--rebuild`` to build again) the data set of ``make bench-pages`` (``bench.pages.build``: N waiting
stories, default 50 000, a person with 500 stories, 20 000 audit events) in a SQLite file (default
$TMPDIR/storybank-pages-profile/pages-N.sqlite), creates the app in this process against it, signs that person in
through the sign-in form, then asks each of bench.pages' pages R times through Flask's test client (no gunicorn,
no network) and prints the median wall-clock and CPU ms of this process per request, the CPU time's 10th
percentile (other work on a shared machine only ever adds time, so it moves least), the SQL statements one request
ran, what those statements cost run again straight through sqlite3 (``--statements`` lists each), the rest (the
app's own cost) and the page's size. ``--rounds K`` repeats the whole table K times (pages taken in turn), to see the
spread on a shared machine. ``--profile NAME`` (a page name, e.g. "my stories") prints a cProfile of R requests of
that page instead; ``--save DIR`` writes each page's HTML there (to compare the pages before and after a change).

These figures are for finding and comparing the app's own cost within one run; the figures that count are
``make bench-pages``' (gunicorn and Locust, 8 clients).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.pages import PAGES, READER, READER_PASSWORD, build
from bench.search_data import Target
from bench.search_profile import Statements, make_app, signed_in_client, timed

DEFAULT_DIR = Path(tempfile.gettempdir()) / "storybank-pages-profile"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def target_for(path: Path) -> Target:
    return Target("sqlite", f"sqlite:///{path}", sqlite_path=path)


def profile(ask, page_path: str, requests: int, sort: str) -> None:
    for _ in range(5):
        ask(page_path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        ask(page_path)
    profiler.disable()
    print(f"cProfile of {requests} x {page_path} ({sort}; divide by {requests} per request)")
    pstats.Stats(profiler).sort_stats(sort).print_stats(70)


def _timed_page(ask, page_path: str, requests: int) -> tuple[float, float, float]:
    wall, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        ask(page_path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    low = statistics.quantiles(cpu, n=10)[0] if len(cpu) > 1 else cpu[0]
    return statistics.median(wall), statistics.median(cpu), low


def table(ask, statements, path: Path, requests: int, rounds: int, each_statement: bool) -> None:
    print(f"SQLite, {path.name}, median of {requests} requests per page, in process (Flask's test client). "
          "medians in ms of wall clock and of CPU time of this process, and the CPU time's 10th percentile (cpu10: "
          "other work on a shared machine only adds time); stmts: SQL statements one request ran; SQL: those "
          "statements run again straight through sqlite3 (CPU ms); own: cpu - SQL, the app's own cost.")
    print(f"{'round':>5} {'page':<16} {'stmts':>5} {'KB':>5} {'wall':>6} {'cpu':>6} {'cpu10':>6} {'SQL':>6} {'own':>6}")
    raw = sqlite3.connect(path)
    try:
        for round_number in range(1, rounds + 1):
            for name, page_path in PAGES:
                for _ in range(3):
                    ask(page_path)
                statements.sent.clear()
                size = len(ask(page_path).data)
                sent = list(statements.sent)
                wall, cpu, low = _timed_page(ask, page_path, requests)
                sql = sum(timed(lambda s=s, p=p: raw.execute(s, p).fetchall(), requests)[1] for s, p in sent)
                print(f"{round_number:>5} {name:<16} {len(sent):>5} {size / 1000:>5.0f} {wall:>6.1f} {cpu:>6.1f} "
                      f"{low:>6.1f} {sql:>6.1f} {cpu - sql:>6.1f}")
                for statement, parameters in sent if each_statement else ():
                    ms = timed(lambda s=statement, p=parameters: raw.execute(s, p).fetchall(), requests)[1]
                    print(f"{'':>22} {ms:>6.2f} ms  {' '.join(statement.split())[:150]}")
    finally:
        raw.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000, help="waiting stories")
    parser.add_argument("--database", type=Path, help="the SQLite file (built if missing)")
    parser.add_argument("--rebuild", action="store_true", help="build the data set again")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--profile", choices=[name for name, _ in PAGES], help="print a cProfile of this page")
    parser.add_argument("--sort", choices=("cumulative", "tottime"), default="cumulative")
    parser.add_argument("--statements", action="store_true", help="list each page's statements and their CPU ms")
    parser.add_argument("--save", type=Path, help="write each page's HTML into this folder")
    args = parser.parse_args(argv)
    path = args.database or DEFAULT_DIR / f"pages-{args.size}.sqlite"
    target = target_for(path)
    if args.rebuild or not path.exists():
        log(f"building {args.size} waiting stories in {path}")
        log(f"built in {build(target, args.size)['generate_seconds']} s")
    app = make_app(target)
    client = signed_in_client(app, READER, READER_PASSWORD)
    with app.app_context():
        from storybank.extensions import db

        statements = Statements(db.engine)

    def ask(page_path: str):
        response = client.get(page_path)
        if response.status_code != 200:
            raise RuntimeError(f"{page_path} answered {response.status_code}")
        return response

    if args.profile:
        profile(ask, dict(PAGES)[args.profile], args.requests, args.sort)
        return 0
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, page_path in PAGES:
            (args.save / f"{name.replace(' ', '-')}.html").write_bytes(ask(page_path).data)
    table(ask, statements, path, args.requests, args.rounds, args.statements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
