"""Finding PostgreSQL's own backup programs, pg_dump and pg_restore."""

from __future__ import annotations

import re
import shutil
from pathlib import Path


class BackupError(RuntimeError):
    """A backup or restore that cannot go ahead; the message says what to do."""


POSTGRES_LIBRARY = Path("/usr/lib/postgresql")


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path.parent.parent.name))


def find_program(name: str, library: Path | None = None) -> str:
    """On PATH first; otherwise the newest under /usr/lib/postgresql/<version>/bin (Debian keeps them there)."""
    library = library or POSTGRES_LIBRARY
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(library.glob(f"*/bin/{name}"), key=_version, reverse=True) if library.is_dir() else []
    if candidates:
        return str(candidates[0])
    raise BackupError(f"{name} was not found, so the PostgreSQL database cannot be backed up or restored. Install "
                      f"the PostgreSQL client programs (on Debian or Ubuntu: apt install postgresql-client, the same "
                      f"major version as the server or newer) or put {name} on PATH, then run the command again.")
