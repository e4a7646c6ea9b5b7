"""The grader's one-line verdict on a test cell, written from nothing the kernel chose freely."""

from __future__ import annotations

import ast
import builtins
import re

from nbformat import NotebookNode

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
FRAME = re.compile(r"Cell In\[(\d+)\], line (\d+)")
BUILTIN_EXCEPTIONS = frozenset(
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
) | {"CellTimeoutError"}
HIDDEN_PASSED = "Hidden tests passed."
GENERIC_FAILURE = "a hidden test failed"


def hidden_test_verdict(cell: NotebookNode) -> str:
    """Return the grader's one line on a hidden-test cell (see cell_verdict)."""
    return cell_verdict(cell, "Hidden tests")


def cell_verdict(cell: NotebookNode, label: str) -> str:
    """Return the grader's one line on a test cell, from nothing the kernel chose freely.

    The exception's type name is shown only for built-in exceptions (a class the student defined
    could carry any name); the message is the instructor's literal assert message at the line the
    error points to, read from the grader's copy of the cell.
    """
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        return f"{label} passed."
    error = errors[-1]
    ename = str(error.get("ename", ""))
    kind = ename if ename in BUILTIN_EXCEPTIONS else "an exception of a type defined in the submission"
    line = failing_line(error, cell.get("execution_count"))
    message = assert_message(cell.source, line) if line else None
    generic = GENERIC_FAILURE if label == "Hidden tests" else "a test failed"
    return f"{label} failed: {kind}: {message or generic}."


def plain_traceback(error: NotebookNode) -> str:
    """Return an error output's traceback as one text, without ANSI colour codes."""
    return ANSI.sub("", "\n".join(str(line) for line in error.get("traceback", [])))


def failing_line(error: NotebookNode, execution_count: int | None) -> int | None:
    """Return the line of the test cell an error's traceback points to (its outermost frame)."""
    text = plain_traceback(error)
    frames = [(int(count), int(line)) for count, line in FRAME.findall(text)]
    own = [line for count, line in frames if count == execution_count]
    return own[0] if own else None


def assert_message(source: str, line: int) -> str | None:
    """Return the literal message of the assert statement spanning `line` of `source`, if any."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and node.lineno <= line <= (node.end_lineno or node.lineno):
            msg = node.msg
            if isinstance(msg, ast.Constant) and isinstance(msg.value, str):
                return msg.value
            return None
    return None
