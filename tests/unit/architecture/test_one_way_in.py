"""Nothing outside the author, the key holder and moderators reads a story except through the consent gate.

This test reads the source of the whole package and finds every place that loads stories: ``select(Story…)``
(also with Story among other things selected), ``db.session.get(Story, …)``, ``query(Story)`` or ``Story.query``,
and any use of ``Story.moderated_body`` (the text trainers and the public may see). Each such place must be in the
agreed list below, with the reason it may skip the gate. A new trainer, pack or public page that loads a story any
other way fails here, so it cannot forget the gate: it must call ``consent.gate.visible_stories`` / ``can_use``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "storybank"

AUTHOR = "the person's own stories (author or the supporter who shared it)"
KEY_HOLDER = "the key holder, after the reference and key were checked"
MODERATORS = "moderators, who read every story before anyone else (withdrawn ones excluded by moderation's helper)"
SYSTEM = "a system job that shows nothing to anyone"
DATA_RIGHTS = "data-protection export or erasure for that person"
GATE = "the consent gate itself"

AGREED_PLACES: dict[str, str] = {
    "consent/gate.py::_gate": GATE + " (visible_stories' statement, built once per purpose and day)",
    # The author's and supporter's own pages.
    "stories/services.py::stories_page": AUTHOR,
    "stories/services.py::own_story": AUTHOR,
    "stories/services.py::keep_words_typed_signed_out": AUTHOR + " (checked against the sign-in that just ended)",
    "stories/services.py::_new_unique_reference": SYSTEM,
    # The key holder.
    "stories/services.py::look_up_story": KEY_HOLDER,
    "stories/services.py::story_for_key_session": KEY_HOLDER,
    "stories/services.py::end_key_session": KEY_HOLDER,
    # Moderators: every page of theirs goes through moderation/visible.py, where the withdrawn rule lives once.
    "moderation/visible.py::stories_for_moderators": MODERATORS,
    "moderation/safeguarding.py::_concern_rows": "the safeguarding record: a concern keeps its story's reference "
                                                 "(never its words) even after withdrawal",
    "moderation/safeguarding.py::record_safeguarding_action": MODERATORS,
    "moderation/suggestions.py::decide_suggestion": MODERATORS,
    "moderation/views.py::_own_story_or_404": AUTHOR,
    # Tagging names the story in its audit records; the story itself reached the caller through the gate.
    "tagging/services.py::_decide": SYSTEM,
    "tagging/services.py::remove_tag_from_story": SYSTEM,
    # System jobs.
    "demo.py::_existing_demo_references": SYSTEM,
    "moderation/preparation.py::reanalyse_waiting": SYSTEM,
    "moderation/retention.py::purge_originals": SYSTEM,
    "moderation/jobs.py::prepare_story": SYSTEM,
    "moderation/jobs.py::stories_waiting_to_be_prepared": SYSTEM,
    "moderation/jobs.py::_describe_preparing": SYSTEM + " (the admins' Background work page names the story by its "
                                               "reference, as the audit log does; never a word of it)",
    "privacy/retention.py::purge_withdrawn": SYSTEM,
    "tagging/subscriptions.py::suggest_tags_for_story": SYSTEM + " (suggestions wait for a trainer or moderator, "
                                                        "who reaches the story through the gate)",
    "tagging/subscriptions.py::_describe": SYSTEM + " (the Background work page names the story by its reference)",
    "backup/replay.py::replay_withdrawals": SYSTEM + " (withdraws again, after a restore, what the ledger says)",
    # The search index is written here; it is read only through the gate (search/services.py::search).
    "search/services.py::index_story": SYSTEM,
    "search/services.py::reindex_all": SYSTEM,
    # Data rights.
    "privacy/data_rights.py::_stories_of": DATA_RIGHTS,
    "privacy/data_rights.py::_messages": DATA_RIGHTS,
}


def _is_story(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "Story"


def _is_story_column(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and _is_story(node.value)


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def reads_of_stories(source: str) -> dict[str, list[int]]:
    """Function (dotted, ``<module>`` at top level) -> lines where it loads stories or the moderated text."""
    found: dict[str, list[int]] = {}
    scope: list[str] = []

    def note(node: ast.AST) -> None:
        found.setdefault(".".join(scope) or "<module>", []).append(node.lineno)

    class Finder(ast.NodeVisitor):
        def visit_FunctionDef(self, node):
            scope.append(node.name)
            self.generic_visit(node)
            scope.pop()

        visit_AsyncFunctionDef = visit_FunctionDef

        def visit_ClassDef(self, node):
            scope.append(node.name)
            self.generic_visit(node)
            scope.pop()

        def visit_Call(self, node):
            name = _call_name(node)
            if name == "select" and any(_is_story(a) or _is_story_column(a) for a in node.args):
                note(node)
            elif name in ("get", "query", "get_or_404") and node.args and _is_story(node.args[0]):
                note(node)
            self.generic_visit(node)

        def visit_Attribute(self, node):
            if _is_story(node.value) and node.attr in ("moderated_body", "query"):
                note(node)
            self.generic_visit(node)

    Finder().visit(ast.parse(source))
    return found


def places_in_package() -> dict[str, list[int]]:
    places = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        for function, lines in reads_of_stories(path.read_text()).items():
            places[f"{relative}::{function}"] = lines
    return places


def test_every_place_that_reads_stories_is_the_gate_or_an_agreed_exception():
    unexpected = {place: lines for place, lines in places_in_package().items() if place not in AGREED_PLACES}
    assert not unexpected, (
        "These places load stories without the consent gate. Use consent.gate.visible_stories/can_use, or, if the "
        f"reader is the author, the key holder, a moderator, a system job or a data-rights request, add the place "
        f"to AGREED_PLACES with its reason: {unexpected}")


def test_the_agreed_list_names_only_places_that_still_exist():
    stale = sorted(set(AGREED_PLACES) - set(places_in_package()))
    assert not stale, f"Remove these from AGREED_PLACES, they no longer read stories: {stale}"


@pytest.mark.parametrize("snippet", [
    "def trainer_page():\n    return db.session.scalars(select(Story).where(Story.id == 1))",
    "def trainer_page():\n    return db.session.get(Story, 1)",
    "def trainer_page():\n    return db.session.execute(select(Story.title, Story.id))",
    "def trainer_page():\n    return db.session.execute(select(Pack, Story).join(Story))",
    "def trainer_page():\n    return db.session.scalars(select(Pack.id).where(Story.moderated_body != ''))",
    "def trainer_page():\n    return Story.query.get_or_404(1)",
])
def test_the_guard_sees_a_new_page_that_reads_a_story_directly(snippet):
    assert "trainer_page" in reads_of_stories(snippet)


def test_the_guard_does_not_mistake_the_gate_for_a_direct_read():
    snippet = "def trainer_page():\n    return db.session.scalars(visible_stories('training').where(Story.id == 1))"
    assert reads_of_stories(snippet) == {}
