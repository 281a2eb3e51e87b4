"""PostgreSQL backups with PostgreSQL's own programs: pg_dump's custom format out, pg_restore in.

The password goes to the programs in PGPASSWORD, never on their command line, where other users of the machine
could read it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from storybank.backup.tools import BackupError, find_program


def _connection(url: URL) -> tuple[str, dict[str, str]]:
    dsn = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return dsn, env


def _run(command: list[str], env: dict[str, str], failure: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{failure} {result.stderr.strip() or result.stdout.strip()}")


def dump(url: URL, target: Path, snapshot: str | None = None) -> None:
    """Dump the database; with ``snapshot``, exactly what a transaction that exported it sees."""
    dsn, env = _connection(url)
    command = [find_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
               f"--file={target}", f"--dbname={dsn}"]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    _run(command, env, "pg_dump could not make the backup:")


def restore(url: URL, backup: Path) -> None:
    """Drop what the backup holds and create it again, in one transaction: it all lands, or nothing changes."""
    dsn, env = _connection(url)
    program = find_program("pg_restore")
    _run([program, "--list", str(backup)], env, f"{backup} is not a backup made by flask backup create:")
    _run([program, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", f"--dbname={dsn}", str(backup)], env,
         "pg_restore could not restore the backup, so the database was left as it was:")
