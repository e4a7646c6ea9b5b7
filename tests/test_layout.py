"""The package's shape: the analysis below the classroom, no cycles, small modules, no private imports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newstrace"
CLASSROOM = ("plots", "widgets", "report", "course", "grading", "commands", "cli", "__main__", "quiz", "own_story",
             "practice")
"""Top-level parts of the package that teach or run the course; the analysis never imports them."""
MAX_LINES = 500
OVER_THE_LIMIT = {
}
"""Modules still to be split (issue 12): each may only shrink until it is under the limit and leaves this list."""


def module_name(path: Path) -> str:
    """Return the dotted module name of a file in the package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """Return (module, names, at top level) for each newstrace import in a module."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = tuple(alias.name for alias in node.names)
            found.append((node.module, names, id(node) in top))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, (), id(node) in top) for alias in node.names)
    return [item for item in found if item[0].split(".")[0] == "newstrace"]


def targets(name: str) -> set[str]:
    """Return the package modules a module imports (a `from package import module` counts the module)."""
    result = set()
    for module, names, _ in imported(name):
        result.update(f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES)
        if module in MODULES:
            result.add(module)
    return result - {name}


def is_classroom(name: str) -> bool:
    """Return True for modules of the classroom layer (plots, widgets, report, course, ...)."""
    parts = name.split(".")
    return len(parts) > 1 and parts[1] in CLASSROOM


def test_the_analysis_never_imports_the_classroom() -> None:
    """Classroom modules import the analysis; no analysis module imports a classroom module."""
    wrong = [f"{name} imports {target}" for name in MODULES if not is_classroom(name) and name != "newstrace"
             for target in targets(name) if is_classroom(target)]
    assert not wrong, wrong


def test_no_import_cycles() -> None:
    """Following every import (lazy ones too) from any module never leads back to it."""
    graph = {name: targets(name) - {"newstrace"} for name in MODULES}
    cycles = []
    for start in graph:
        stack, seen = [(start, (start,))], set()
        while stack:
            node, path = stack.pop()
            for following in graph.get(node, ()):
                if following == start:
                    cycles.append(" -> ".join((*path, start)))
                elif following not in seen:
                    seen.add(following)
                    stack.append((following, (*path, following)))
    assert not cycles, cycles[:5]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_at_most_500_lines(name: str) -> None:
    """No module grows past 500 lines: a longer one holds more than one idea."""
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= OVER_THE_LIMIT.get(name, MAX_LINES), f"{MODULES[name]} has {lines} lines"


def test_no_private_name_is_imported_from_another_module() -> None:
    """A name starting with _ stays in its module; what others need is public and documented."""
    wrong = [f"{name}: from {module} import {n}" for name in MODULES for module, names, _ in imported(name)
             for n in names if n.startswith("_") and n != "__version__"]
    assert not wrong, wrong


def test_analysis_imports_at_the_top_unless_marked_lazy() -> None:
    """Imports inside functions of the analysis are deliberate speed-ups, each marked '# lazy:'."""
    wrong = []
    for name, path in MODULES.items():
        if is_classroom(name):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, (ast.Import, ast.ImportFrom)) and "# lazy:" not in lines[node.lineno - 1]:
                        wrong.append(f"{name}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not wrong, wrong


def test_the_installed_package_never_reads_tests() -> None:
    """Evaluation data ships beside newstrace/evaluation/; nothing in the package opens tests/."""
    wrong = [name for name, path in MODULES.items()
             if '"tests"' in path.read_text(encoding="utf-8") or "'tests'" in path.read_text(encoding="utf-8")]
    assert not wrong, wrong


SECOND_SENTENCE_END = re.compile(r"\[\.!\?[^\]]*\][^\n]*\\s[+*]\(\?=")
"""A sentence-end pattern: end marks, then space, then a look-ahead at what opens the next sentence."""
SECOND_ABBREVIATIONS = re.compile(r"ABBREVIATIONS?\s*=|Mr\|Mrs")


def test_one_sentence_end_pattern_and_one_abbreviation_set() -> None:
    """Only newstrace.text.segments defines how sentences end and which words are abbreviations."""
    wrong = []
    for name, path in MODULES.items():
        source = path.read_text(encoding="utf-8")
        if name != "newstrace.text.segments":
            wrong += [f"{name}: sentence end" for _ in SECOND_SENTENCE_END.finditer(source)]
            wrong += [f"{name}: {match.group()}" for match in SECOND_ABBREVIATIONS.finditer(source)]
    assert not wrong, wrong


def test_the_grep_sees_a_second_splitter() -> None:
    """The check above would catch a module writing its own splitter or abbreviation list."""
    assert SECOND_SENTENCE_END.search(r'''re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)''')
    assert SECOND_ABBREVIATIONS.search('''ABBREVIATIONS = {"mr", "mrs", "dr"}''')
    assert SECOND_ABBREVIATIONS.search(r'''re.compile(r"\b(?:Mr|Mrs|Dr)\.$")''')
