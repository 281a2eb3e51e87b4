"""Nothing a person does is remembered in one process only: production runs several gunicorn workers and instances.

A sign-in lives in the database, a rate limit in Redis, and a fact about stories is read from the database when it
is needed. What one process may keep to itself is what is the same in every process: the rules, word lists and
models shipped with the code, statements built from them, and hooks registered at start-up. A copy of data may be
kept only when every process can tell, from the database, that it has gone stale (the search's filter choices).

This test reads the source of the whole package and finds every place a process keeps something for later: a
function cached with ``functools.cache``/``lru_cache``/``cached_property``, a ``global`` rebound, a module-level
dict, list or set that code adds to, and anything put on the app's ``extensions``. Each must be listed below with
the reason it is safe with several processes. A new one fails here until it is shared (the database, Redis) or
listed with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "storybank"

SHIPPED = "built from files or code shipped with the app: the same in every process, changed only by a deploy"
HOOK = "a function registered at start-up by create_app: the same in every process, never data"

ALLOWED: dict[str, str] = {
    # Rules, word lists, models and the analysis pipeline.
    "accounts/passwords.py::common_passwords": SHIPPED + " (common_passwords.txt)",
    "tagging/cues.py::default_taxonomy_data": SHIPPED + " (default_taxonomy.json)",
    "text/analysis/learned.py::trained_classifier": SHIPPED + " (the learned safeguarding check)",
    "text/analysis/lexicon.py::word_probabilities": SHIPPED + " (the lexicon)",
    "text/analysis/lexicon.py::is_common_word": SHIPPED + " (an answer from the lexicon, per word)",
    "text/analysis/lexicon.py::is_proper_like": SHIPPED + " (an answer from the lexicon, per word)",
    "text/analysis/lexicon.py::other_first_names": SHIPPED + " (Faker's person data, a pinned requirement)",
    "text/analysis/lexicon.py::lemma_table": SHIPPED + " (spaCy's lookup tables)",
    "text/analysis/pipeline.py::get_pipeline": SHIPPED + " (the spaCy pipeline, per configured model)",
    "text/analysis/places/orgs.py::whole_phrase_re": SHIPPED + " (a compiled pattern per phrase of the word lists)",
    "text/analysis/rulebook.py::cached_rulebook": SHIPPED + " (safeguarding.yaml)",
    "text/analysis/themes.py::theme_matcher": SHIPPED + " (the theme cues handed over at start-up)",
    "text/analysis/themes.py::_last_frozen": "a memo of a pure function: the frozen form of the last taxonomy "
                                             "handed in, used only when the one handed in now is equal to it",
    "text/analysis/themes.py::_LABELS": SHIPPED + " (spaCy's id for each theme cue's label)",
    "text/analysis/themes.py::_default_taxonomy": SHIPPED + " (default_taxonomy.json's theme cues, set by "
                                                            "create_app; admins' taxonomy edits never reach it)",
    # Statements and forms: the same every time; only the data they read changes, and that is read each time.
    "moderation/queue.py::_care_settings_waiting": "a SQL statement built once; it runs on every visit",
    **{f"moderation/queue.py::{name}": "a SQL statement built once per shape (a few: queue._shape keeps what an "
                                       "address says from adding more); its values are bound on every visit"
       for name in ("_waiting", "_urgent_ids", "_waiting_counter", "_rest_ids", "_rows", "_being_read_count",
                    "_urgent_count")},
    "search/saved_views.py::_search_fields": "the search form's field names",
    "accounts/services.py::_session_with_person": "a SQL statement built once; the token's hash is bound on every "
                                                  "request",
    "moderation/notifications.py::_unread": "a SQL statement built once; the person is bound on every visit",
    "consent/gate.py::_gate": "the consent gate's SQL statement, built once per purpose and day; it holds no data "
                              "and runs afresh, with the caller's filters, on every use",
    # Hooks.
    "api/auth.py::init_app": HOOK + " (the bearer-token check)",
    "stories/usage.py::register_usage_source": HOOK + " (packs tells stories where a story was used)",
    "stories/news.py::register_news_source": HOOK + " (moderation tells stories its news)",
    # A copy of data, checked against the database on every use.
    "search/services.py::filter_choices": "each process's copy of the filter choices (and the taxonomy's tags, "
                                          "whose every change is audited) is used only while the "
                                          "newest audit event and the date are what they were when it was read, "
                                          "and for a minute at most, so a change through any instance reaches it",
    "search/services.py::forget_filter_choices": "drops this process's copy (for the tests)",
    # Background work (storybank/jobs): connections and the worker's own app, never data.
    "jobs/redis_queue.py::connection": "one Redis client per app and address: a connection, not data",
    "jobs/registry.py::register": HOOK + " (each domain names its kinds of background work)",
    "jobs/worker.py::_worker_app": "the app a worker process runs its jobs in, made once per worker",
}

CACHING_DECORATORS = {"cache", "lru_cache", "cached_property"}
MUTATING_METHODS = {"append", "extend", "insert", "add", "update", "setdefault", "pop", "popitem", "clear",
                    "remove", "discard", "__setitem__"}
CONTAINER_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter"}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _mutable_module_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        literal = isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp)
        made = isinstance(value, ast.Call) and _name(value) in CONTAINER_CALLS
        if literal or made:
            names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names


def _mutated(node: ast.AST, names: set[str]) -> str | None:
    """The module-level container this node changes, if any: ``NAME[k] = v``, ``del NAME[k]``, ``NAME.add(...)``."""
    targets = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AugAssign | ast.AnnAssign):
        targets = [node.target]
    elif isinstance(node, ast.Delete):
        targets = node.targets
    for target in targets:
        for part in ast.walk(target):
            if isinstance(part, ast.Subscript) and isinstance(part.value, ast.Name) and part.value.id in names:
                return part.value.id
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING_METHODS
            and isinstance(node.func.value, ast.Name) and node.func.value.id in names):
        return node.func.value.id
    return None


def _touches_extensions(node: ast.AST) -> bool:
    """``x.extensions[k] = v`` or ``x.extensions.setdefault(...)``/``.update(...)``: keeping something on the app."""
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Attribute)
                   and t.value.attr == "extensions" for t in node.targets)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"setdefault", "update", "pop", "__setitem__"}
            and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "extensions")


def kept_state(source: str) -> set[str]:
    """Names (a function, or a module-level container) under which a module keeps something between requests."""
    tree = ast.parse(source)
    containers = _mutable_module_names(tree)
    found: set[str] = set()

    def visit(node: ast.AST, function: str | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if any(_name(decorator) in CACHING_DECORATORS for decorator in node.decorator_list):
                found.add(node.name)
            function = node.name
        if isinstance(node, ast.Global):
            found.update(node.names)
        changed = _mutated(node, containers) if function else None
        if changed:
            found.add(changed)
        if function and _touches_extensions(node):
            found.add(function)
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, None)
    return found


def _everything_kept() -> dict[str, str]:
    return {f"{path.relative_to(PACKAGE).as_posix()}::{name}": str(path)
            for path in sorted(PACKAGE.rglob("*.py")) for name in kept_state(path.read_text())}


def test_everything_a_process_keeps_for_itself_is_listed_with_why_that_is_safe_with_several():
    unlisted = sorted(set(_everything_kept()) - set(ALLOWED))
    assert not unlisted, (
        "These keep something in one process, which another worker or instance never sees. Keep it in the "
        f"database or Redis, or add it to ALLOWED with the reason it is the same in every process: {unlisted}")


def test_the_list_names_nothing_that_is_gone():
    gone = sorted(set(ALLOWED) - set(_everything_kept()))
    assert not gone, f"Listed, but no longer kept (take them off ALLOWED): {gone}"


@pytest.mark.parametrize("source", [
    "from functools import cache\n@cache\ndef regions():\n    return []\n",
    "import functools\n@functools.lru_cache(maxsize=8)\ndef regions():\n    return []\n",
    "_SEEN = {}\ndef note(key):\n    _SEEN[key] = True\n",
    "_SEEN = set()\ndef note(key):\n    _SEEN.add(key)\n",
    "_LAST: list = []\ndef note(key):\n    _LAST.append(key)\n",
    "_count = 0\ndef note():\n    global _count\n    _count += 1\n",
    "from flask import current_app\ndef note():\n    current_app.extensions.setdefault('seen', {})\n",
    "def init_app(app):\n    app.extensions['seen'] = {}\n",
], ids=["cache", "lru_cache", "dict item", "set add", "list append", "global", "extensions setdefault",
        "extensions item"])
def test_the_check_sees_each_way_of_keeping_something(source):
    assert kept_state(source), source


def test_the_check_leaves_tables_that_are_only_read_alone():
    source = ("WORDS = {'a': 1}\nLIMITS = ['x']\n"
              "def look(key):\n    found = {}\n    found[key] = WORDS.get(key)\n    return LIMITS[0], found\n")
    assert kept_state(source) == set()
