"""A pack on paper: a handout for trainees, a facilitator's version with the notes, and a PDF of either.

Both are drawn from a ``PackForReading``, whoever made it (a trainer's draft, a published version), so each story
has already been read through the consent gate in this request: a story that no longer passes shows the
placeholder and not a word of it. The print page reads only ``.pack`` (title, audience, duration_minutes,
learning_outcomes, introduction), ``.content_warnings`` and, for each item of ``.sections``, ``.section``,
``.story`` and ``.is_story``; a section may be a model or a dict (a published version keeps its sections as JSON).

A PDF is made from the same HTML by WeasyPrint for each request and never stored or cached, so a story withdrawn a
moment ago can never linger in one. WeasyPrint may read our own files under static/ and nothing else: no network,
no other file on the disk (see ``StaticOnlyFetcher``).
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import Response, current_app, render_template
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from storybank.packs.services import PLACEHOLDER

NOTES = "notes"
STORY = "story"
FACILITATOR_MARK = "Facilitator's version – not for trainees"


@dataclass(frozen=True)
class PrintSection:
    """One section as the print page needs it, whatever kind of object it came from."""

    anchor: str
    kind: str
    title: str
    body: str
    prompts: tuple[str, ...]
    is_story: bool
    story: object | None

    @property
    def is_notes(self) -> bool:
        return self.kind == NOTES


def _field(section, name: str, default=None):
    if isinstance(section, Mapping):
        return section.get(name, default)
    return getattr(section, name, default)


def _kind(section) -> str:
    kind = _field(section, "kind", "")
    return str(getattr(kind, "value", kind) or "")


def print_sections(reading, *, facilitator: bool) -> list[PrintSection]:
    """The sections to print, in order. The handout leaves out the facilitator's notes; anchors are by place."""
    kept = []
    for item in reading.sections:
        section = item.section
        kind = _kind(section)
        if kind == NOTES and not facilitator:
            continue
        kept.append(PrintSection(
            anchor=f"part-{len(kept) + 1}", kind=kind, title=_field(section, "title", "") or "",
            body=_field(section, "body", "") or "", prompts=tuple(_field(section, "prompts", None) or ()),
            is_story=bool(item.is_story), story=item.story if item.is_story else None))
    return kept


def render_printable(reading, *, facilitator: bool, back_url: str | None = None) -> str:
    """The print page: a standalone document with its own print stylesheet, no site navigation. ``back_url``, if
    given, is a link shown on screen only."""
    return render_template("packs/print.html", pack=reading.pack, warnings=list(reading.content_warnings),
                           sections=print_sections(reading, facilitator=facilitator), facilitator=facilitator,
                           facilitator_mark=FACILITATOR_MARK, placeholder=PLACEHOLDER, back_url=back_url)


class RefusedFetch(ValueError):
    """WeasyPrint asked for something that is not one of our own files under static/."""


class StaticOnlyFetcher(URLFetcher):
    """Serves files under the static folder from disk and refuses everything else: http(s), data:, any other file.

    The page links its stylesheet as ``/static/css/print.css`` (so a browser finds it too); against a ``file:``
    base URL that becomes ``file:///static/css/print.css``, which is read from the static folder. ``refused`` keeps
    what was turned away, for the tests and for anyone reading the log.
    """

    def __init__(self, static_folder: str | Path, static_url_path: str = "/static"):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.root = Path(static_folder).resolve()
        self.url_prefix = (static_url_path or "/static").rstrip("/") + "/"
        self.refused: list[str] = []

    def local_path(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = unquote(parts.path)
        candidate = Path(path)
        if not candidate.resolve().is_relative_to(self.root) and path.startswith(self.url_prefix):
            candidate = self.root / path[len(self.url_prefix):]
        candidate = candidate.resolve()
        if not candidate.is_relative_to(self.root) or not candidate.is_file():
            return None
        return candidate

    def fetch(self, url, headers=None):
        path = self.local_path(url)
        if path is None:
            self.refused.append(url)
            current_app.logger.warning("PDF: refused to fetch %s (only files under static/ are read)", url[:200])
            raise RefusedFetch(f"Only files under static/ may be read, not {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


def static_fetcher() -> StaticOnlyFetcher:
    return StaticOnlyFetcher(current_app.static_folder, current_app.static_url_path)


def pdf_bytes(html: str, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """The print page as a PDF, made now. The base URL is the static folder, so our CSS loads from disk."""
    fetcher = fetcher or static_fetcher()
    return HTML(string=html, base_url=fetcher.root.as_uri() + "/", url_fetcher=fetcher,
                media_type="print").write_pdf()


def pdf_limit() -> str:
    """A PDF takes real work to make, so each person may ask for only so many, of every kind together: use it as
    ``@limiter.shared_limit(pdf_limit, scope=PDF_LIMIT_SCOPE)`` on every route that makes one."""
    return current_app.config.get("PDF_RATE_LIMIT", "20 per minute;200 per hour")


PDF_LIMIT_SCOPE = "pack-pdf"
_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, default: str = "pack.pdf") -> str:
    """Letters, digits, dots, dashes and underscores only, so the header cannot be bent out of shape."""
    cleaned = _UNSAFE_FILENAME.sub("-", name or "").strip("-.")[:100]
    return cleaned or default


def pdf_response(html: str, filename: str) -> Response:
    """A download, made for this request only: ``no-store`` so no browser or proxy keeps a copy."""
    response = Response(pdf_bytes(html), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}"'
    response.headers["Cache-Control"] = "no-store"
    return response
