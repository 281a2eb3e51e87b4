"""Faults: StoryBank under gunicorn while a worker is killed, PostgreSQL restarts, Redis stops, the SQLite disk fills
and the SQLite file is locked. Each scenario is scripted and reports one line.

    python -m bench.faults [--only worker-killed postgres-restart redis-stopped sqlite-disk-full sqlite-locked]
                           [--clients 4]

Every scenario starts its own gunicorn (2 workers) on 127.0.0.1 with its own database, and anything it stops or
restarts is its own too: a private PostgreSQL cluster (initdb in a temporary directory, on a free port), a private
redis-server, a small tmpfs mounted for the full disk (so it must run as root). Nothing shared is touched.

Traffic: --clients threads, each signed in as a contributor through the sign-in form (CSRF token and all), send
story drafts with no pause, turn about: the page's autosave (JSON) and the form's "Save and come back later" (a
redirect). Each write is a new draft with words of its own, so every acknowledged write (autosave answered
``saved: true``, or the form redirected to the saved draft) can be looked for in the database afterwards.

Targets: no acknowledged write lost; while the database is away, 503 with Retry-After (no other 5xx); no stack
trace in any answer; recovery without restarting gunicorn (an acknowledged write after the fault ends). The table
goes to stdout, the last line is one JSON object, and the exit status is 1 if a target was missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import requests

from bench.search import Server, free_port, log
from bench.search_data import Target, flask

WRITER = "fault-writer"
WRITER_PASSWORD = "fault-writer-password-not-secret"  # noqa: S105 — a throwaway account on a throwaway database
PG_BIN = Path("/usr/lib/postgresql/15/bin")
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
SAVED_DRAFT = re.compile(r"/stories/write\?story=(\d+)$")
STACK_TRACE = ("Traceback (most recent call last)", 'File "/', "sqlalchemy.exc", "psycopg.", "sqlite3.")
WARM_SECONDS = 3.0
AFTER_SECONDS = 6.0
RECOVERY_LIMIT = 60.0
REQUEST_TIMEOUT = 40
KILLS = 3


@dataclass
class Answer:
    """One request: when it was sent and what came back. ``story_id`` is set only for an acknowledged write."""

    started: float
    status: int | None
    write: bool = True
    retry_after: bool = False
    stack_trace: bool = False
    story_id: int | None = None
    body: str = ""


@dataclass
class Report:
    scenario: str
    database: str
    requests: int = 0
    acknowledged: int = 0
    found_afterwards: int = 0
    lost: int = 0
    no_answer: int = 0
    answered_503: int = 0
    answered_503_with_retry_after: int = 0
    other_5xx: int = 0
    stack_traces: int = 0
    recovered: bool = False
    seconds_to_recover: float | None = None
    notes: list[str] = field(default_factory=list)

    def targets_met(self, database_away: bool) -> bool:
        met = (self.lost == 0 and self.other_5xx == 0 and self.stack_traces == 0 and self.recovered
               and self.answered_503 == self.answered_503_with_retry_after)
        return met and (self.answered_503 > 0 if database_away else True)


class Traffic:
    """Client threads sending drafts until stopped; every answer is kept with the time its request was sent."""

    def __init__(self, url: str, clients: int, label: str, sign_ins: bool = False):
        self.url = url
        self.clients = clients
        self.label = label
        self.answers: list[Answer] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.write, args=(n,), daemon=True) for n in range(clients)]
        if sign_ins:
            self.threads.append(threading.Thread(target=self.mistype_password, daemon=True))

    def __enter__(self) -> Traffic:
        self.sessions = [self.signed_in() for _ in range(self.clients)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)

    def signed_in(self) -> tuple[requests.Session, str]:
        session = requests.Session()
        session.post(f"{self.url}/sign-in", allow_redirects=False, timeout=REQUEST_TIMEOUT, data={
            "csrf_token": token_on(session.get(f"{self.url}/sign-in", timeout=REQUEST_TIMEOUT).text),
            "username": WRITER, "password": WRITER_PASSWORD}).raise_for_status()
        page = session.get(f"{self.url}/stories/write", timeout=REQUEST_TIMEOUT)
        page.raise_for_status()
        return session, token_on(page.text)

    def keep(self, answer: Answer) -> None:
        with self.lock:
            self.answers.append(answer)

    def write(self, client: int) -> None:
        session, token = self.sessions[client]
        number = 0
        while not self.stopping.is_set():
            number += 1
            body = f"{self.label}: client {client}, write {number}. The carer stayed late and made me a cup of tea."
            data = {"csrf_token": token, "story_id": "", "title": f"Fault run {client}-{number}", "body": body}
            started = time.monotonic()
            try:
                if number % 2:
                    response = session.post(f"{self.url}/stories/autosave", data=data, timeout=REQUEST_TIMEOUT,
                                            headers={"Accept": "application/json"})
                    saved = response.status_code == 200 and response.json().get("saved") is True
                    story_id = response.json().get("story_id") if saved else None
                else:
                    response = session.post(f"{self.url}/stories/write", data={**data, "action": "save"},
                                            timeout=REQUEST_TIMEOUT, allow_redirects=False)
                    found = SAVED_DRAFT.search(response.headers.get("Location", ""))
                    story_id = int(found.group(1)) if response.status_code == 302 and found else None
            except (requests.RequestException, ValueError):
                self.keep(Answer(started, None))
                time.sleep(0.05)
                continue
            self.keep(answer_for(started, response, story_id, body))

    def mistype_password(self) -> None:
        """Sign-in tries are counted in the rate limiter's store (Redis when configured): it must not matter
        to the site whether that store is there."""
        session = requests.Session()
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                page = session.get(f"{self.url}/sign-in", timeout=REQUEST_TIMEOUT)
                response = session.post(f"{self.url}/sign-in", allow_redirects=False, timeout=REQUEST_TIMEOUT,
                                        data={"csrf_token": token_on(page.text), "username": "nobody-at-all",
                                              "password": "not the password"})
            except requests.RequestException:
                self.keep(Answer(started, None, write=False))
                time.sleep(0.05)
                continue
            self.keep(answer_for(started, response, None, "", write=False))


def token_on(page: str) -> str:
    found = CSRF.search(page)
    return (found.group(1) or found.group(2)) if found else ""


def answer_for(started: float, response: requests.Response, story_id: int | None, body: str,
               write: bool = True) -> Answer:
    text = response.text
    return Answer(started, response.status_code, write=write,
                  retry_after=response.headers.get("Retry-After", "").isdigit(),
                  stack_trace=any(sign in text for sign in STACK_TRACE), story_id=story_id,
                  body=body if story_id else "")


def report_on(scenario: str, database: str, answers: list[Answer], healed_at: float,
              stored: Callable[[list[int]], dict[int, str]]) -> Report:
    report = Report(scenario, database, requests=len(answers))
    acknowledged = [a for a in answers if a.story_id]
    found = stored([a.story_id for a in acknowledged])
    report.acknowledged = len(acknowledged)
    report.found_afterwards = sum(1 for a in acknowledged if found.get(a.story_id) == a.body)
    report.lost = report.acknowledged - report.found_afterwards
    report.no_answer = sum(1 for a in answers if a.status is None)
    report.answered_503 = sum(1 for a in answers if a.status == 503)
    report.answered_503_with_retry_after = sum(1 for a in answers if a.status == 503 and a.retry_after)
    report.other_5xx = sum(1 for a in answers if a.status and a.status >= 500 and a.status != 503)
    report.stack_traces = sum(1 for a in answers if a.stack_trace)
    after = sorted((a for a in acknowledged if a.started >= healed_at), key=lambda a: a.started)
    last_writes = [a for a in sorted(answers, key=lambda a: a.started) if a.write][-5:]
    report.recovered = bool(after) and all(a.story_id for a in last_writes)
    report.seconds_to_recover = round(after[0].started - healed_at, 2) if after else None
    return report


def stored_in_sqlite(path: Path) -> Callable[[list[int]], dict[int, str]]:
    def look(ids: list[int]) -> dict[int, str]:
        connection = sqlite3.connect(path)
        try:
            marks = ",".join("?" * len(ids))
            rows = connection.execute(f"SELECT id, body FROM stories WHERE id IN ({marks})",  # noqa: S608 — marks only
                                      ids).fetchall() if ids else []
        finally:
            connection.close()  # an open file would keep the small disk from being unmounted
        return dict(rows)

    return look


def stored_in_postgres(url: str) -> Callable[[list[int]], dict[int, str]]:
    def look(ids: list[int]) -> dict[int, str]:
        import psycopg

        with psycopg.connect(url) as connection:
            rows = connection.execute("SELECT id, body FROM stories WHERE id = ANY(%s)", (ids,)).fetchall()
        return dict(rows)

    return look


def prepare(target: Target) -> None:
    flask(target, "db", "upgrade")
    flask(target, "users", "create", WRITER, "--role", "contributor", stdin=WRITER_PASSWORD + "\n")


def run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603 — our own
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@contextmanager
def sqlite_database(folder: Path) -> Iterator[Target]:
    path = folder / "storybank.sqlite"
    target = Target("sqlite", f"sqlite:///{path}", sqlite_path=path)
    prepare(target)
    yield target


class PrivatePostgres:
    """A PostgreSQL 15 cluster of our own in a temporary directory, on a free port, run as the postgres user."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        folder.mkdir(parents=True, exist_ok=True)
        folder.parent.chmod(0o711)  # the postgres user must be able to reach its folder inside our temporary one
        shutil.chown(folder, "postgres", "postgres")
        self.as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self.as_postgres(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                         "storybank")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/storybank"

    def as_postgres(self, *command: str) -> None:
        run("runuser", "-u", "postgres", "--", *command)

    def start(self) -> None:
        self.as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                         "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "start")

    def stop(self) -> None:
        self.as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        run("runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
            "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


class PrivateRedis:
    """redis-server of our own on a free port, keeping nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 — our own redis-server, on loopback
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(self.port),
             "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=1).ping()
                return
            except redis.RedisError:
                time.sleep(0.1)
        raise RuntimeError("our redis-server did not answer within 10 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def workers_of(server: Server) -> list[int]:
    found = run("pgrep", "-P", str(server.process.pid), check=False).stdout.split()
    return [int(pid) for pid in found]


def traffic_around(server: Server, clients: int, label: str, fault: Callable[[], None], heal: Callable[[], None],
                   hold: float, sign_ins: bool = False) -> tuple[list[Answer], float]:
    """Traffic for WARM_SECONDS, the fault, `hold` seconds of it, the heal, then AFTER_SECONDS more traffic, and on
    (up to RECOVERY_LIMIT seconds after the heal) until a write sent after the heal is acknowledged."""
    with Traffic(server.url, clients, label, sign_ins=sign_ins) as traffic:
        time.sleep(WARM_SECONDS)
        fault()
        time.sleep(hold)
        heal()
        healed_at = time.monotonic()
        time.sleep(AFTER_SECONDS)
        while time.monotonic() < healed_at + RECOVERY_LIMIT and not any(
                answer.story_id and answer.started >= healed_at for answer in list(traffic.answers)):
            time.sleep(0.5)
    return traffic.answers, healed_at


def worker_killed(folder: Path, clients: int) -> Report:
    with sqlite_database(folder) as target:
        server = Server(target, log=folder / "gunicorn.log")
        try:
            killed: list[int] = []

            def kill_some() -> None:
                """Three times, 1.5 s apart: a worker, whichever comes first, mid-burst."""
                for kill in range(KILLS):
                    if kill:
                        time.sleep(1.5)
                    victim = workers_of(server)[0]
                    os.kill(victim, signal.SIGKILL)
                    killed.append(victim)

            answers, healed_at = traffic_around(server, clients, "worker-killed", kill_some, lambda: None, hold=0)
            report = report_on("worker-killed", "sqlite", answers, healed_at, stored_in_sqlite(target.sqlite_path))
            now = workers_of(server)
            replaced = len(now) == 2 and not set(killed) & set(now)
            report.notes.append(f"{len(killed)} workers killed with SIGKILL, 1.5 s apart; gunicorn has {len(now)} "
                                f"workers after ({'all replaced' if replaced else 'NOT all replaced'}); a request a "
                                "killed worker was answering gets no answer, and is not acknowledged")
            report.recovered = report.recovered and replaced
        finally:
            server.stop()
    return report


def postgres_restart(folder: Path, clients: int, away: float) -> Report:
    postgres = PrivatePostgres(folder / "postgres")
    try:
        target = Target("postgresql", postgres.url)
        prepare(target)
        server = Server(target, log=folder / "gunicorn.log")
        try:
            answers, healed_at = traffic_around(server, clients, "postgres-restart", postgres.stop, postgres.start,
                                                hold=away)
        finally:
            server.stop()
        report = report_on("postgres-restart", "postgresql (private)", answers, healed_at,
                           stored_in_postgres(postgres.url))
        report.notes.append(f"PostgreSQL stopped (fast) for {away:g} s, then started; gunicorn never restarted")
    finally:
        postgres.remove()
    return report


def redis_stopped(folder: Path, clients: int, away: float) -> Report:
    redis_server = PrivateRedis()
    try:
        with sqlite_database(folder) as target:
            server = Server(target, log=folder / "gunicorn.log",
                            extra_env={"RATELIMIT_STORAGE_URI": redis_server.url,
                                       "STORYBANK_SIGN_IN_ADDRESS_RATE_LIMIT": "100000 per minute"})
            try:
                answers, healed_at = traffic_around(server, clients, "redis-stopped", redis_server.stop,
                                                    redis_server.start, hold=away, sign_ins=True)
            finally:
                server.stop()
            report = report_on("redis-stopped", "sqlite + redis (private)", answers, healed_at,
                               stored_in_sqlite(target.sqlite_path))
            sign_ins = [a for a in answers if not a.write and a.status in (400, 429)]
            report.notes.append(f"Redis (the rate limiter's store) stopped for {away:g} s; {len(sign_ins)} sign-in "
                                "tries answered as usual meanwhile and after")
    finally:
        redis_server.stop()
    return report


def sqlite_disk_full(folder: Path, clients: int, away: float) -> Report:
    disk = folder / "small-disk"
    disk.mkdir()
    mounted = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk), check=False)
    if mounted.returncode != 0:
        report = Report("sqlite-disk-full", "sqlite")
        report.notes.append(f"NOT RUN: could not mount a small filesystem ({mounted.stderr.strip()})")
        return report
    filler = disk / "filler"
    try:
        with sqlite_database(disk) as target:
            server = Server(target, log=folder / "gunicorn.log")
            try:
                def fill() -> None:
                    with open(filler, "wb") as handle:
                        try:
                            while True:
                                handle.write(b"\0" * 65536)
                                handle.flush()
                        except OSError:
                            pass

                answers, healed_at = traffic_around(server, clients, "sqlite-disk-full", fill, filler.unlink,
                                                    hold=away)
            finally:
                server.stop()
            report = report_on("sqlite-disk-full", "sqlite (24 MB tmpfs)", answers, healed_at,
                               stored_in_sqlite(target.sqlite_path))
            report.notes.append(f"the filesystem holding the database filled to the last byte for {away:g} s, "
                                "then the filler removed")
    finally:
        for _ in range(20):
            if run("umount", str(disk), check=False).returncode == 0:
                break
            time.sleep(0.5)
        else:
            run("umount", "--lazy", str(disk), check=False)
    return report


def sqlite_locked(folder: Path, clients: int, hold: float) -> Report:
    with sqlite_database(folder) as target:
        server = Server(target, log=folder / "gunicorn.log")
        holder: list[subprocess.Popen] = []
        script = ("import sqlite3, sys, time\n"
                  "c = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)\n"
                  "c.execute('BEGIN EXCLUSIVE')\n"
                  "c.execute('CREATE TABLE fault_lock_holder (x)')\n"
                  "print('locked', flush=True)\n"
                  "sys.stdin.readline()\n"
                  "c.execute('ROLLBACK')\n")
        try:
            def lock() -> None:
                process = subprocess.Popen([sys.executable, "-c", script, str(target.sqlite_path)],  # noqa: S603
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                process.stdout.readline()
                holder.append(process)

            def release() -> None:
                holder[0].communicate("release\n", timeout=30)

            answers, healed_at = traffic_around(server, clients, "sqlite-locked", lock, release, hold=hold)
        finally:
            for process in holder:
                if process.poll() is None:
                    process.kill()
            server.stop()
        report = report_on("sqlite-locked", "sqlite", answers, healed_at, stored_in_sqlite(target.sqlite_path))
        report.notes.append(f"another process held the write lock (BEGIN EXCLUSIVE) for {hold:g} s, longer than "
                            "the 15 s busy timeout")
    return report


SCENARIOS: dict[str, tuple[bool, Callable[[Path, int], Report]]] = {
    "worker-killed": (False, lambda folder, clients: worker_killed(folder, clients)),
    "postgres-restart": (True, lambda folder, clients: postgres_restart(folder, clients, away=6)),
    "redis-stopped": (False, lambda folder, clients: redis_stopped(folder, clients, away=6)),
    "sqlite-disk-full": (True, lambda folder, clients: sqlite_disk_full(folder, clients, away=6)),
    "sqlite-locked": (True, lambda folder, clients: sqlite_locked(folder, clients, hold=20)),
}
"""name: (whether the database is away, so 503s with Retry-After are expected; how to run it)."""


COLUMNS = [("scenario", 17), ("requests", 8), ("acked", 6), ("found", 6), ("lost", 4), ("no answer", 9),
           ("503", 4), ("+Retry-After", 12), ("other 5xx", 9), ("traces", 6), ("recovered", 9), ("seconds", 7)]


def row(report: Report) -> str:
    values = [report.scenario, report.requests, report.acknowledged, report.found_afterwards, report.lost,
              report.no_answer, report.answered_503, report.answered_503_with_retry_after, report.other_5xx,
              report.stack_traces, "yes" if report.recovered else "NO",
              "-" if report.seconds_to_recover is None else f"{report.seconds_to_recover:.2f}"]
    return "  ".join(str(value).rjust(width) if i else str(value).ljust(width)
                     for i, (value, (_name, width)) in enumerate(zip(values, COLUMNS, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        log("bench.faults needs root: it runs a private PostgreSQL as the postgres user and mounts a small tmpfs.")
        return 2
    reports: list[tuple[Report, bool]] = []
    print("  ".join(name.rjust(width) if i else name.ljust(width) for i, (name, width) in enumerate(COLUMNS)))
    for name in args.only:
        database_away, scenario = SCENARIOS[name]
        log(f"fault: {name} ...")
        with tempfile.TemporaryDirectory(prefix=f"storybank-faults-{name}-") as folder:
            report = scenario(Path(folder), args.clients)
            log_file = Path(folder) / "gunicorn.log"
            logged = log_file.read_text(errors="replace") if log_file.exists() else ""
        report.notes.append(f"the server's own log (never shown to anyone): {logged.count('Traceback (most recent')} "
                            f"tracebacks, {logged.count('Database unavailable')} 'database unavailable' warnings")
        met = report.targets_met(database_away)
        reports.append((report, met))
        print(row(report) + ("" if met else "   <- target missed"), flush=True)
        for note in report.notes:
            print(f"  {note}", flush=True)
    ok = all(met for _report, met in reports)
    print("Targets: no acknowledged write lost; 503 with Retry-After while the database is away, no other 5xx; "
          f"no stack trace; recovery without restarting gunicorn. {'All met.' if ok else 'NOT ALL MET.'}")
    print(json.dumps({"targets_met": ok, "scenarios": [{**asdict(r), "targets_met": met} for r, met in reports]}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
