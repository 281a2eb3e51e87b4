"""`make mutation`: mutmut over the modules a wrong line in would hurt most, each against the tests that cover it.

Each module is mutated in its own copy of the project (bench/mutation/.work/<name>/, where mutmut also keeps its
mutants/ folder), so the files in storybank/ are never changed. The tests run on SQLite only: the variable that
adds PostgreSQL is removed from their environment.

The score leaves out the mutants listed in equivalent.txt (beside this file): mutants that change the code but
cannot change what it does. Each is a block: ``file function``, then the original and the mutated code and a
one-line reason; it is matched on the code itself, not on a line number or mutmut's mutant number, so it survives
edits elsewhere. The run prints every survivor in that form, ready to copy once you have judged it.

    python -m bench.mutation.run [--only gate,keys] [--max-children 2]
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
EQUIVALENT_FILE = HERE / "equivalent.txt"
NOT_COPIED = {".git", ".venv", "node_modules", "instance", "mutants", ".work", "__pycache__", ".pytest_cache",
              ".ruff_cache", "test-artifacts", "training"}
KILLED = {"killed", "timeout", "segfault", "caught by type check"}


@dataclass
class Target:
    name: str
    module: str
    tests: list[str]


TARGETS = [
    Target("gate", "storybank/consent/gate.py", [
        "tests/unit/stories/test_consent_gate_matrix.py",
        "tests/unit/stories/test_guards.py",
        "tests/functional/test_gate_everywhere.py",
    ]),
    Target("security", "storybank/security.py", [
        "tests/functional/test_security_guards.py",
        "tests/functional/test_access.py",
        "tests/functional/test_security_headers.py",
    ]),
    Target("keys", "storybank/stories/keys.py", [
        "tests/unit/stories/test_guards.py",
        "tests/unit/stories/test_story_helpers.py",
    ]),
    Target("identifiers", "storybank/text/analysis/identifiers.py", [
        "tests/unit/text/test_identifiers.py",
        "tests/unit/text/test_redaction.py",
    ]),
    # Joins the run by itself once the file exists; its tests are the test files that name it.
    Target("sanitize", "storybank/text/sanitize.py", []),
    Target("links", "storybank/packs/links.py", [
        "tests/unit/packs/test_share_link_tokens.py",
    ]),
]


@dataclass
class Mutant:
    name: str
    status: str
    function: str = ""
    line: int = 0
    before: str = ""
    after: str = ""
    reason: str | None = None


@dataclass
class Result:
    target: Target
    mutants: list[Mutant] = field(default_factory=list)

    @property
    def equivalent(self) -> list[Mutant]:
        return [m for m in self.mutants if m.reason]

    @property
    def counted(self) -> list[Mutant]:
        return [m for m in self.mutants if not m.reason]

    @property
    def killed(self) -> int:
        return sum(m.status in KILLED for m in self.counted)

    @property
    def survivors(self) -> list[Mutant]:
        return [m for m in self.counted if m.status not in KILLED]


def tests_for(target: Target) -> list[str]:
    tests = [t for t in target.tests if (ROOT / t).exists()]
    if tests:
        return tests
    dotted = target.module.removesuffix(".py").replace("/", ".")
    package, _, name = dotted.rpartition(".")
    names = (dotted, f"from {package} import {name}")
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob("test_*.py")
                  if any(n in p.read_text(encoding="utf-8") for n in names))


def load_equivalent() -> dict[tuple[str, str, str, str], str]:
    """Read equivalent.txt: blocks of a ``file function`` line, then ``- original``, ``+ mutated`` and ``why: ...``
    lines (indented), one block per mutant."""
    known: dict[tuple[str, str, str, str], str] = {}
    if not EQUIVALENT_FILE.exists():
        return known
    head, before, after = None, "", ""
    for raw in EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not raw[0].isspace():
            head, before, after = tuple(line.split(None, 1)), "", ""
        elif line.startswith("- "):
            before = line[2:].strip()
        elif line.startswith("+ "):
            after = line[2:].strip()
        elif line.startswith("why:") and head:
            known[(head[0], head[1], before, after)] = line[4:].strip()
    return known


def copy_project(workdir: Path) -> None:
    if workdir.exists():
        shutil.rmtree(workdir)
    shutil.copytree(ROOT, workdir, ignore=lambda folder, names: [n for n in names if n in NOT_COPIED])


def write_config(workdir: Path, target: Target, tests: list[str]) -> None:
    pyproject = workdir / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    also_copy = sorted(p.name for p in ROOT.iterdir() if p.name not in NOT_COPIED and p.name != "storybank"
                       and not p.name.startswith("."))
    text += (
        "\n[tool.mutmut]\n"
        'source_paths = ["storybank"]\n'
        f'only_mutate = ["{target.module}"]\n'
        f"also_copy = {also_copy!r}\n"
        f"pytest_add_cli_args_test_selection = {tests!r}\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]\n'
    ).replace("'", '"')
    tomllib.loads(text)
    pyproject.write_text(text, encoding="utf-8")


def mutmut(workdir: Path, *args: str, env: dict[str, str], quiet: bool = True) -> str:
    command = ["nice", "-n", "10", str(Path(sys.executable).with_name("mutmut")), *args]
    done = subprocess.run(command, cwd=workdir, env=env, text=True, check=False,  # noqa: S603 (our own fixed command)
                          stdout=subprocess.PIPE if quiet else None, stderr=subprocess.STDOUT if quiet else None)
    return done.stdout or ""


def function_spans(source: str) -> dict[str, tuple[int, int]]:
    spans = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    spans[f"{node.name}.{item.name}"] = (item.lineno, item.end_lineno or item.lineno)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            spans.setdefault(node.name, (node.lineno, node.end_lineno or node.lineno))
    return spans


def describe(mutant: Mutant, diff: str, source_lines: list[str], spans: dict[str, tuple[int, int]]) -> None:
    """Fill in the function, the changed line (original and mutated) and its line number in the real file."""
    # mutmut's names: storybank.security.x_is_safe_next__mutmut_3, storybank.security.xǁAccessǁallows__mutmut_2
    short = mutant.name.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    mutant.function = ".".join(part for part in re.split("ǁ", short.removeprefix("x_").removeprefix("x")) if part)
    removed = [ln[1:] for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln[1:] for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    mutant.before = " ".join(ln.strip() for ln in removed)
    mutant.after = " ".join(ln.strip() for ln in added)
    first, last = spans.get(mutant.function, (1, len(source_lines)))
    if removed:
        for number in range(first, last + 1):
            if source_lines[number - 1].strip() == removed[0].strip():
                mutant.line = number
                break
    mutant.line = mutant.line or first


def run_target(target: Target, max_children: int, env: dict[str, str]) -> Result | None:
    tests = tests_for(target)
    if not tests:
        print(f"{target.name}: no tests name {target.module}; skipped")
        return None
    workdir = WORK / target.name
    print(f"== {target.name}: {target.module} against {' '.join(tests)}", flush=True)
    copy_project(workdir)
    write_config(workdir, target, tests)
    log = mutmut(workdir, "run", "--max-children", str(max_children), env=env)
    (workdir / "mutmut-run.log").write_text(log, encoding="utf-8")
    listing = mutmut(workdir, "results", "--all", "true", env=env)
    result = Result(target)
    for line in listing.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            result.mutants.append(Mutant(name, status))
    if not result.mutants:
        print(log[-3000:])
        raise SystemExit(f"{target.name}: mutmut produced no results (log in {workdir / 'mutmut-run.log'})")
    source = (ROOT / target.module).read_text(encoding="utf-8")
    source_lines, spans = source.splitlines(), function_spans(source)
    known = load_equivalent()
    for mutant in result.mutants:
        if mutant.status in KILLED:
            continue
        describe(mutant, mutmut(workdir, "show", mutant.name, env=env), source_lines, spans)
        mutant.reason = known.get((target.module, mutant.function, mutant.before, mutant.after))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated target names: " + ", ".join(t.name for t in TARGETS))
    parser.add_argument("--max-children", type=int, default=2, help="parallel mutants (default 2)")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(",")) if args.only else {t.name for t in TARGETS}
    env = {k: v for k, v in os.environ.items() if k != "STORYBANK_TEST_DATABASE_URL"}
    results = [r for t in TARGETS if t.name in wanted and (ROOT / t.module).exists()
               if (r := run_target(t, args.max_children, env))]

    print("\nSurviving mutants (file:line, the function, its original line and the mutated one)")
    if not any(result.survivors for result in results):
        print("  none")
    for result in results:
        for m in result.survivors:
            print(f"{result.target.module}:{m.line}  {m.function}  [{m.status}]\n  - {m.before}\n  + {m.after}")
    print("\nEquivalent mutants, left out of the score (bench/mutation/equivalent.txt)")
    for result in results:
        for m in result.equivalent:
            print(f"{result.target.module}:{m.line}  {m.function}\n  - {m.before}\n  + {m.after}\n  why: {m.reason}")
    print(f"\n{'module':45} {'killed':>7} {'counted':>8} {'equiv.':>7} {'score':>7}")
    for result in results:
        counted = len(result.counted)
        score = 100 * result.killed / counted if counted else 100.0
        print(f"{result.target.module:45} {result.killed:>7} {counted:>8} {len(result.equivalent):>7} {score:>6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
