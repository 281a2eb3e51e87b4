"""Dependencies point down the workflow: a lower domain never imports a higher one, not even inside a function.

Moderation builds on stories and consent; data rights (``privacy``) and backups (``backup``) coordinate every
domain from above; accounts and the text analysis sit at the bottom. When a lower domain needs a higher one to act,
it sends a signal (storybank/events.py) or asks through a hook the higher one registers (storybank/stories/news.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "storybank"

FORBIDDEN = {
    "accounts": ("stories", "consent", "moderation", "privacy", "tagging", "packs", "backup"),
    "audit": ("stories", "consent", "moderation", "privacy", "tagging", "packs", "backup"),
    "text": ("accounts", "stories", "consent", "moderation", "privacy", "tagging", "packs", "backup"),
    "stories": ("moderation", "privacy", "tagging", "packs", "backup"),
    "consent": ("moderation", "privacy", "tagging", "packs", "backup"),
    "moderation": ("privacy", "packs", "backup"),
    "tagging": ("moderation", "privacy", "packs", "backup"),
    "library": ("privacy", "packs", "backup"),
    "search": ("privacy", "packs", "backup"),
    "packs": ("moderation", "privacy", "api", "backup"),
    "jobs": ("stories", "consent", "moderation", "privacy", "tagging", "packs", "backup", "search", "library", "api"),
}


def imported_domains(source: str) -> set[str]:
    """Every ``storybank.<domain>`` a module imports, at the top or inside a function."""
    domains = set()
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "storybank" and len(parts) > 1:
                domains.add(parts[1])
    return domains


@pytest.mark.parametrize("domain", sorted(FORBIDDEN))
def test_a_lower_domain_never_imports_a_higher_one(domain):
    offences = []
    for path in sorted((PACKAGE / domain).rglob("*.py")):
        wrong = imported_domains(path.read_text()) & set(FORBIDDEN[domain])
        if wrong:
            offences.append(f"{path.relative_to(PACKAGE)} imports {sorted(wrong)}")
    assert not offences, offences


def test_the_check_sees_an_import_hidden_inside_a_function():
    source = "def news():\n    from storybank.moderation.appeals import can_appeal\n    return can_appeal\n"
    assert imported_domains(source) == {"moderation"}


def test_every_form_reads_only_typed_text_fields():
    """A file part or a JSON body sent to any form must never reach a text check (that was a 500)."""
    import importlib

    from flask_wtf import FlaskForm

    from storybank.forms_common import Form

    for path in PACKAGE.rglob("forms.py"):
        importlib.import_module("storybank." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))

    def every_subclass(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from every_subclass(sub)

    ours = [form for form in every_subclass(FlaskForm) if form.__module__.startswith("storybank.")]
    assert len(ours) > 20
    assert [form.__qualname__ for form in ours if not issubclass(form, Form)] == []
