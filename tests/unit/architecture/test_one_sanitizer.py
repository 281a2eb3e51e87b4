"""HTML made from what people type is cleaned in one place: storybank/text/sanitize.py is the only importer of bleach
(and of the Markdown parser), so one file says what HTML can ever reach a page."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "storybank"
ONLY_HERE = "text/sanitize.py"


def imported_modules(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_only_the_sanitizer_imports_bleach_or_markdown():
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        wrong = imported_modules(path.read_text()) & {"bleach", "markdown"}
        if wrong and relative != ONLY_HERE:
            offences.append(f"{relative} imports {sorted(wrong)}")
    assert not offences, offences
    assert {"bleach", "markdown"} <= imported_modules((PACKAGE / ONLY_HERE).read_text())


def test_the_check_sees_an_import_hidden_inside_a_function():
    assert "bleach" in imported_modules("def render(x):\n    import bleach\n    return bleach.clean(x)\n")
    assert "bleach" in imported_modules("from bleach.sanitizer import Cleaner\n")
